"""What frames a session's parts: a routine's heading, a finisher, a trip's days, a class.

"20 min mobility: couch stretch, 90/90, band dislocates" is one mobility session whose drills
are listed after its heading; "…, then 10 min bike easy" after the lifts ends the gym session;
"left Friday, got out Sunday" are one trip's days; "9Round kickboxing circuit, all 9
stations" is one class; "row intervals" name no lift.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from . import cues, numbers
from .literal_gate import compile_gated
from .schema import Discipline
from .vocabulary import find_mentions

OUTING = compile_gated(r"\b(?:ride|run|jog|swim|session|class|workout)\b")
"""Words that name a session of its own."""
_FINISHER_SECONDS = 20 * 60
"""Cardio this short after lifting is part of the gym session."""
_TO_FINISH = compile_gated(r"\b(?:to finish(?: off)?|finisher|to close out|cash ?out)\b")
_ROUTINE_HEADING = compile_gated(
    r"\b(?:mobility|stretch(?:ing|es)?|flexibility|prehab|cool ?down)\b[^:,.\d]{0,20}:"
)
_SETS_OR_LOADS = compile_gated(
    r"\d\s?(?:lb|lbs|kg|kgs|#|reps?|sets?)\b|\d\s?x\s?\d|\bsets? of\b|@\s?\d"
)


class _Part(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> str: ...


class _Clause(_Part, Protocol):
    @property
    def discipline(self) -> Discipline | None: ...

    @property
    def strong(self) -> bool: ...

    @property
    def quantity(self) -> bool: ...


class _Session(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def discipline(self) -> Discipline | None: ...


def lists_a_routine(heading: str, parts: Sequence[_Part]) -> bool:
    """Whether a mobility heading is followed by drills alone: no sets, loads or runs."""
    return _ROUTINE_HEADING.search(heading) is not None and not any(
        _SETS_OR_LOADS.search(part.text) or part.kind == "endurance" for part in parts
    )


def is_finisher(text: str, verb: bool) -> bool:
    """A few minutes of cardio after lifting, said without a verb: the gym session's end.

    "…, then 10 min bike easy", "and 15 min on the treadmill"; "then ran 5k" and "a 20 min
    bike ride" are sessions of their own; "3 x 500m row sprints to finish" says it ends one.
    """
    if _TO_FINISH.search(text):
        return True
    if verb or OUTING.search(text) or numbers.find_distances(text):
        return False
    spans = numbers.find_durations(text)
    return len(spans) == 1 and spans[0].value <= _FINISHER_SECONDS


def trip_day(current: _Session, clause: _Clause) -> bool:
    """A later day of a trip over several days ("left Friday, got out Sunday"): no new session."""
    return current.discipline == "backpacking" and (
        clause.kind == "neutral"
        or (clause.kind == "endurance" and not clause.strong)
        or (clause.discipline in cues.CARRY and not clause.quantity)
    )


def names_the_same(current: _Session, clause: _Clause) -> bool:
    """Whether a clause also points at the session's discipline, or the session at the clause's.

    "9Round kickboxing circuit, all 9 stations twice" is one class; so is "Camp Gladiator,
    we did a 'rugby' partner circuit": a second cue of either is no second session.
    """
    said = cues.keyword_scores(clause.text)
    named = current.discipline
    return (named is not None and said.get(named, 0) > 0) or (
        clause.discipline in cues.keyword_scores(current.text)
    )


_NO_RUNS_OF_THEIR_OWN = frozenset({"yoga", "martial_arts", "climbing", "mobility"})
"""Classes that hold no run: a run with its own distance or time after one is a session of
its own ("boxing class 45 min then 2 mile run home"); a game's running is the game's."""


def ran_after_a_class(current: _Session, clause: _Clause) -> bool:
    """Whether a clause is a ride, run or swim of its own after a class."""
    return (
        current.discipline in _NO_RUNS_OF_THEIR_OWN
        and clause.kind == "endurance"
        and clause.strong
        and clause.quantity
    )


def names_lifts(sentence: str) -> bool:
    """Whether a sentence names a lift; "row" without a load is the rower ("row intervals")."""
    mentions = find_mentions(sentence)
    if all(m.unloaded is None for m in mentions):
        return any(m.movement.family != "cardio" for m in mentions)
    loaded = bool(numbers.find_weights(sentence))
    return any(m.resolve(loaded).family != "cardio" for m in mentions)
