"""Dates of a message's sessions: their own, inherited from a later one, or in diary order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from .dates import Anchor, find_anchors
from .literal_gate import compile_gated

if TYPE_CHECKING:
    from .sessions import Session

_PARTS = ("morning", "midday", "afternoon", "evening")
_JOINER = compile_gated(r"\s(?:\+|&|/|\||y|et|e|und)\s")


def _diary_order(sessions: list[Session], today: dt.date) -> None:
    """Date day-labelled lines forward in time, each before the next.

    "Mon: … Wed: … Thu: …" sent on a Thursday ends today, and each line is before the next
    (a week back if need be).
    """
    labelled = [
        s
        for s in sessions
        if s.date is not None
        and s.kind is not None
        and any(c.anchor and c.anchor.label for c in s.clauses)
    ]
    if len(labelled) < 2:
        return
    last = labelled[-1]
    if last.date is not None and (last.date + dt.timedelta(days=7)) == today:
        last.date = today
    after = last
    for session in reversed(labelled[:-1]):
        while session.date is not None and _not_before(session, after):
            session.date -= dt.timedelta(days=7)
        after = session


def _not_before(session: Session, later: Session) -> bool:
    """Whether a labelled session is not before the next one.

    It is when on a later day, or on the same day with no earlier part of it ("Fri AM: …,
    Fri PM: …" is one day, in order).
    """
    if session.date is None or later.date is None or session.date != later.date:
        return session.date is not None and later.date is not None and session.date > later.date
    if session.part is None or later.part is None:
        return True
    return _PARTS.index(session.part) >= _PARTS.index(later.part)


def resolve_dates(sessions: list[Session], today: dt.date) -> None:
    """Fill each session's date: its own, one after the previous, inherited, or today.

    A date that closes a sentence covers the sessions before it in that sentence which
    have no time words of their own: "did Fran and a 5k yesterday" is two sessions,
    both yesterday.
    """
    later: Session | None = None
    for session in reversed(sessions):
        if session.date is not None:
            later = session
        elif (
            later is not None
            and later.clauses[0].sentence == session.clauses[-1].sentence
            and not any(c.anchor for c in session.clauses)
        ):
            session.date = later.date
    _diary_order(sessions, today)
    previous: dt.date | None = None
    for session in sessions:
        if session.follows_previous and previous is not None:
            session.date = min(previous + dt.timedelta(days=1), today)
        elif session.date is None:
            session.date = previous or today
            session.date_assumed = previous is None and session.part is None
        previous = session.date


def split_at_times(clauses: list[tuple[int, str]], today: dt.date) -> list[tuple[int, str]]:
    """Split clauses joined by "+", "&" or " / " that say two times of day or two days.

    "swim at lunch + spin class in the evening", "AM run 5 mi / PM yoga" and "ayer body pump
    y hoy pilates" are two.
    """
    out = []
    for start, text in clauses:
        joiners = list(_JOINER.finditer(text))
        anchors = [a for a in find_anchors(text, today) if a.date or a.part] if joiners else []
        if len(anchors) >= 2 and (anchors[0].date, anchors[0].part) != (
            anchors[1].date,
            anchors[1].part,
        ):
            cut = next(
                (j for j in reversed(joiners) if anchors[0].end <= j.start() < anchors[1].start),
                None,
            )
            if cut is not None:
                out += [(start, text[: cut.start()]), (start + cut.end(), text[cut.end() :])]
                continue
        out.append((start, text))
    return out


def to_last_week(anchor: Anchor, today: dt.date) -> Anchor:
    """A day said in a sentence about last week ("last week's runs: Tuesday 7 mi, …").

    A weekday resolves to the most recent one; when that falls in this week (from Monday),
    the sentence means the one a week before.
    """
    monday = today - dt.timedelta(days=today.weekday())
    if anchor.date is None or anchor.date < monday:
        return anchor
    return dataclasses.replace(anchor, date=anchor.date - dt.timedelta(days=7))


def day_of(text: str, today: dt.date, sentence: int) -> tuple[int, Anchor] | None:
    """The day a clause that logs nothing names, for the clauses after it in its sentence.

    "today is rest day so only I did the physio routine, …": the rest day is vetoed, but
    the routine after it is today's.
    """
    dated = [a for a in find_anchors(text, today) if a.date and not a.passing]
    return (sentence, dated[0]) if dated else None


def merge_anchors(anchors: list[Anchor]) -> Anchor:
    """One anchor per clause: the first date and the first part of day mentioned.

    A calendar date said in full wins over a day's name beside it, and its line is no
    diary label to be put in order.
    """
    first = anchors[0]
    exact = next((a.date for a in anchors if a.exact), None)
    date = exact or next((a.date for a in anchors if a.date), None)
    part = next((a.part for a in anchors if a.part), None)
    follows = any(a.follows_previous for a in anchors)
    label = exact is None and any(a.label for a in anchors)
    return Anchor(first.start, first.end, date, part, follows, label=label)
