"""Gym sessions named by their split or the muscles trained, with no exercise named.

"Mon: back and biceps", "legs", "sun: arms + abs 45 min", "push day this morning, 1 hr",
"a 30 min strength video": a session of its own, logged as bodybuilding with its split, its
muscles and its time. A body part alone is a session only when the clause also says when or
how long, or names a day or session; "back" or "push" alone only as "back day", "push day".
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .numbers import find_durations
from .schema import BodybuildingData

_MUSCLES = {
    "chest": "chest", "pecs": "chest", "back": "back", "lats": "back", "biceps": "biceps",
    "bis": "biceps", "triceps": "triceps", "tris": "triceps", "shoulders": "shoulders",
    "delts": "shoulders", "arms": "arms", "abs": "core", "core": "core", "legs": "legs",
    "leg": "legs", "glutes": "glutes", "hamstrings": "hamstrings", "hammies": "hamstrings",
    "quads": "quads", "calves": "calves", "upper body": "upper", "lower body": "lower",
    "full body": "full_body", "push": "push", "pull": "pull", "upper": "upper", "lower": "lower",
}  # fmt: skip
_SPLITS = {"push", "pull", "legs", "upper", "lower", "full_body", "arms"}
_NO_MUSCLE = {"push", "pull", "upper", "lower", "full_body"}
_AMBIGUOUS = frozenset({"back", "push", "pull", "upper", "lower", "leg", "core"})
"""Words that name a session alone only with "day" or "session" ("back day", "push day")."""
_PART = "|".join(sorted(map(re.escape, _MUSCLES), key=len, reverse=True))
_GENERIC = (
    r"weights|weight training|strength (?:session|workout|training|video|class|work)|"
    r"gym session|lifting session"
)
_PAIR = compile_gated(rf"\b({_PART}) and ({_PART})\b", re.IGNORECASE)
_SESSION = compile_gated(
    rf"^(?P<parts>(?:{_PART})(?:\s?(?:and|&|\+|,|/|n)\s?(?:{_PART}))*)"
    r"(?P<named>\s(?:day|session|workout|training|work))?\b"
    rf"|\b(?P<generic>{_GENERIC})\b"
)
_FILLER = compile_gated(
    r"\b(?:a|an|the|my|did|do|done|heavy|light|easy|quick|short|long|at|in|on|gym|home|of|"
    r"with|today|this|morning|afternoon|evening|night|min|mins|minutes|hr|hrs|hour|hours|"
    r"h|ish|about|around|total|\w+day|mon|tues?|weds?|thu|thurs?|fri|sat|sun|am|pm)\b"
    r"|[\d:.,;'()+&/-]"
)
_DAY = r"(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)[a-z]*\b\.?\s?[:)-]?\s?"
_LABEL = compile_gated(
    rf"^\s*(?:(?P<day>{_DAY})|[a-z][a-z ]{{0,24}}?\.?\s?[:)-]\s?(?P<listed>{_DAY})?)"
)
_DAY_LETTERS = frozenset("mtwfs")
_MARKS = frozenset(":)-")
"""Cheap tests before the label pattern: a weekday's first letter, a heading's mark."""
"""A clause's label: a heading ("this week so far:") and a weekday opening an item of a list
of days, where "push" alone names the day's session ("Mon push, Tue pull, Wed legs")."""


def names_split(text: str, dated: bool) -> bool:
    """Whether a clause that names no exercise is a gym session by its split or muscles."""
    head = text.lstrip()[:30]
    label = _LABEL.match(text) if head[:1] in _DAY_LETTERS or _MARKS & set(head) else None
    body = text[label.end() if label else 0 :].strip()
    match = _SESSION.search(body)
    if match is None:
        return False
    timed = dated or bool(find_durations(text))
    if match["generic"]:
        return timed
    rest = _FILLER.sub(" ", body[: match.start()] + " " + body[match.end() :]).split()
    parts = re.findall(rf"\b(?:{_PART})\b", match["parts"])
    listed = dated and label is not None and bool(label["day"] or label["listed"])
    if rest or (len(parts) == 1 and parts[0] in _AMBIGUOUS and not (match["named"] or listed)):
        return False  # "legs ok today", "to work and back today"
    return len(parts) > 1 or bool(match["named"]) or timed


def split_session(text: str) -> BodybuildingData:
    """The split and muscles a session names ("back and biceps": back, biceps)."""
    muscles = list(dict.fromkeys(_MUSCLES[m] for m in re.findall(rf"\b(?:{_PART})\b", text)))
    split = next((m for m in muscles if m in _SPLITS), None)
    trained = [m for m in muscles if m not in _NO_MUSCLE]
    return BodybuildingData(training_split=split, muscle_groups_primary=trained)


def join_muscle_pairs(text: str) -> str:
    """The text with "and" between two muscles written "&", so one session stays one clause.

    "back and biceps" is one session; "and" elsewhere separates clauses.
    """
    return _PAIR.sub(r"\1 & \2", text) if " and " in text.lower() else text
