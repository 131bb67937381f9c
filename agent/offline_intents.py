"""Which tool the offline engine calls for a message, and with what arguments.

Rules in priority order: a red flag calls nothing; an answer to the coach's pending
question, "undo", a deletion and a correction change the logged workout (they are
never logged as a new one); then a workout log; then questions about the athlete's
training (a period, bests, progress, the exercise names, goals).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from agent.history import discipline_in
from extraction import is_workout_log
from extraction.cleaning import split_sentences
from extraction.named_workouts import NAME_RE
from extraction.numbers import find_clocks, find_durations, find_weights
from extraction.vocabulary import find_mentions

ToolCall = tuple[str, dict[str, Any]]

_UNDO = re.compile(
    r"^\W*(?:please\s+)?(?:undo|revert|scratch)\b"
    r"(?: (?:that|it|this|the last(?: change| one)?))?\W*$",
    re.I,
)
_DELETE = re.compile(r"\b(?:delete|remove|erase)\b\s*(.*)", re.I)
_CORRECTION = re.compile(
    r"\b(correction|actually|that was|it was|make (?:that|it)|should (?:have been|be)|"
    r"i meant|typo|not\b.*\bbut)\b|\bnot\s+\d",
    re.I,
)
_NOT_UNIT = re.compile(
    r"\b(kilos?|kgs?|pounds?|lbs?)\b[^.]*\bnot\b|\bnot\b[^.]*\b(kilos?|kgs?|pounds?|lbs?)\b", re.I
)
_DATE_WORDS = re.compile(
    r"\b(yesterday|today|(?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"\d{4}-\d{2}-\d{2}|on the \d{1,2}(?:st|nd|rd|th)?)\b",
    re.I,
)
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)\s?(km|k|mi|miles?)\b", re.I)
_REPS = re.compile(r"\b(\d{1,3})\s?reps?\b", re.I)
_BARE = re.compile(r"\b(\d{2,4}(?:\.\d)?)\b")
_GOAL_Q = re.compile(r"\b(my goals?|on track|goal progress|closer to my goal)\b", re.I)
_NAMES_Q = re.compile(
    r"\b(what|which) (exercises|lifts|movements) (have i|did i|do i have)\b"
    r"|\bexercises? (have i )?logged\b",
    re.I,
)
_PROGRESS_Q = re.compile(
    r"\b(progress(ing|ed)?|trend|improv(ing|ed)|compared?"
    r"|how('s| is| are) my\b.*\b(going|coming along))\b",
    re.I,
)
_BEST_Q = re.compile(
    r"\b(best|bests|prs?|pbs?|personal (?:best|record)s?|heaviest|fastest|max|1rm|\d+ ?rm)\b"
    r"|\b(?:what(?:'s| is| was)?|whats) my [\w ]{1,20}? (?:time|score|result)\b"
    r"|\bmy [\w ]{1,20}? (?:time|score|result)\s*\?",  # "what's my Fran time?"
    re.I,
)
_ALL_BESTS = re.compile(r"\b(prs|pbs|bests|records|all my)\b", re.I)
_REP_MAX = re.compile(r"\b(\d{1,2}) ?rm\b|\b(\d{1,2})[- ]rep\b", re.I)
_PERIOD_Q = re.compile(
    r"\b(what (did|have) i (do|done|train|trained|log|logged)|"
    r"my (recent|last) (workouts?|sessions?)|"
    r"(workouts?|sessions?|training|runs|swims|rides|lifts) (this|last|in|on|since|yesterday)|"
    r"did i (train|run|swim|ride|row|lift|work out|do \w+)|how (much|many times|often) did i)\b",
    re.I,
)


class Pending(BaseModel):
    """The coach's open question, as the offline engine reads it."""

    workout_id: str
    fields: list[str]


def intent(
    text: str, pending: Pending | None, red_flag: bool, goal_saved: bool, remembered: bool = False
) -> ToolCall | None:
    """The tool call for `text`, or None for a conversational reply.

    A message that kept or dropped a memory asks about the log only with a question mark:
    "always keep my long runs on Sundays" names runs and a day, and asks nothing.
    """
    if red_flag:
        return None
    if pending and (answer := _answer(text, pending)):
        return answer
    if _UNDO.search(text):
        return ("change_workout", {"action": "undo"})
    if (found := _DELETE.search(text)) and not re.search(r"\b(memory|remember)\b", text, re.I):
        return (
            "change_workout",
            {"action": "delete", "which": found.group(1).strip(" .!?") or "latest"},
        )
    if _CORRECTION.search(text) and (change := _correction(text)):
        return ("change_workout", change)
    if is_workout_log(text):
        return ("log_workout", {})
    if remembered and not goal_saved and "?" not in text:
        return None
    return _question(text, goal_saved)


_POINTS_BACK = re.compile(r"\b(?:it|that|this one|the race|the run)\b")
"""Words of a reply that point back at the workout the coach asked about."""


def _answer(text: str, pending: Pending) -> ToolCall | None:
    """A short reply that gives the missing detail ("8:47", "about 52 minutes", "ran it in 52").

    A message that logs a session of its own and points back at none ("10k tempo run in
    48:00 yesterday") is a new log, not the answer.
    """
    if len(text.split()) > 12 or "?" in text:
        return None
    if is_workout_log(text) and not _POINTS_BACK.search(text.lower()):
        return None
    for name in pending.fields:
        value = _value(text, name)
        if value:
            return (
                "change_workout",
                {"action": "update", "which": pending.workout_id, "field": name, "value": value},
            )
    return None


def _value(text: str, name: str) -> str | None:
    low = text.lower()
    if name == "time" and find_durations(low):
        return text
    if name == "distance" and _DISTANCE.search(low):
        return text
    if name == "weight" and find_weights(low):
        return text
    if name == "reps" and (m := _REPS.search(low) or re.fullmatch(r"\W*(\d{1,3})\W*", low)):
        return m.group(1)
    return None


def _correction(text: str) -> dict[str, Any] | None:
    low = text.lower()
    which = _which(text)
    base: dict[str, Any] = {"action": "update", "which": which}
    if m := _NOT_UNIT.search(low):
        word = m.group(1) or m.group(2)
        first = word if m.group(1) else None
        new = first or ("lb" if word.startswith(("k",)) else "kg")
        return {**base, "field": "unit", "value": "kg" if new.startswith("k") else "lb"}
    if re.search(r"\bmake (that|it)\b", low) and (d := _DATE_WORDS.search(low)):
        return {**base, "which": "latest", "field": "date", "value": d.group(0)}
    clocks = find_clocks(low)
    if clocks:
        new, old = _new_old(text, [low[c.start : c.end] for c in clocks])
        return {**base, "field": "time", "value": new, **({"old_value": old} if old else {})}
    distances = [m.group(0) for m in _DISTANCE.finditer(low)]
    if distances:
        new, old = _new_old(text, distances)
        return {**base, "field": "distance", "value": new, **({"old_value": old} if old else {})}
    reps = [m.group(0) for m in _REPS.finditer(low)]
    if reps:
        new, old = _new_old(text, reps)
        return {**base, "field": "reps", "value": new, **({"old_value": old} if old else {})}
    weights = [low[w.start : w.end] for w in find_weights(low)] or [
        m.group(1) for m in _BARE.finditer(low)
    ]
    if weights:
        new, old = _new_old(text, weights)
        return {**base, "field": "weight", "value": new, **({"old_value": old} if old else {})}
    if d := _DATE_WORDS.search(low):
        return {**base, "which": "latest", "field": "date", "value": d.group(0)}
    return None


def _new_old(text: str, values: list[str]) -> tuple[str, str | None]:
    """The new value and the old one: "8:47 not 8:57", "not 8:57 but 8:47", "8:57 → 8:47"."""
    if len(values) < 2:
        return values[0], None
    low = text.lower()
    first, second = values[0], values[1]
    start = low.find(first)
    before, between = low[:start], low[start + len(first) : low.rfind(second)]
    if re.search(r"not", between):
        return first, second
    if re.search(r"not", before) or re.search(r"but|→|->|to", between):
        return second, first
    return first, second


def _which(text: str) -> str:
    """The workout a correction names ("the swim from Monday"), else the latest."""
    low = text.lower()
    if discipline_in(low) or re.search(
        r"\b(fran|grace|cindy|murph|helen|diane|squat|bench|deadlift)\b", low
    ):
        return text
    return "latest"


def _question(text: str, goal_saved: bool) -> ToolCall | None:
    if goal_saved or _GOAL_Q.search(text):
        return ("goal_progress", {})
    if _NAMES_Q.search(text):
        return ("logged_exercises", {})
    if _PROGRESS_Q.search(text):
        return ("exercise_progress", {"exercise": text})
    if _BEST_Q.search(text):
        args: dict[str, Any] = {} if _ALL_BESTS.search(text) else {"exercise": text}
        if m := _REP_MAX.search(text):
            args["reps"] = int(m.group(1) or m.group(2))
            args.setdefault("exercise", text)
        return ("personal_bests", args)
    if asked := _PERIOD_Q.search(text):
        narrowed: dict[str, Any] = {}
        if discipline := discipline_in(text):
            narrowed["discipline"] = discipline
        elif named := _named(_sentence(text, asked.start()).lower()):
            narrowed["exercise"] = named  # "how often did I bench…", "did I do Murph…"
        return ("workouts_in_period", {"period": text, **narrowed})
    return None


def _named(question: str) -> str | None:
    """The exercise or benchmark workout a question names, as it is stored."""
    if mentions := find_mentions(question):
        return mentions[0].movement.name
    return found.group(1) if (found := NAME_RE.search(question)) else None


def _sentence(text: str, at: int) -> str:
    """The sentence holding position `at`: "I hate burpees. What did I do?" asks of all."""
    return next((s for start, s, _ in split_sentences(text) if at < start + len(s)), text)
