"""A class's strength part and its metcon, read each with its own grammar.

"back squat 5x3 @ 275, then metcon 21-15-9 thrusters (95) and burpees": the lifts before the
first WOD clause keep their sets and loads (the lifting grammar), the rest is the WOD.
"""

from __future__ import annotations

from . import cues
from .lifting import sets_of
from .literal_gate import compile_gated
from .parser import parse_lifts
from .schema import CrossfitExercise, CrossfitRound, LiftSet, Load, Weight, WeightUnit
from .schemes import LIFT_SCHEME
from .sessions import Clause, Session
from .vocabulary import find_mentions

_DIGIT = compile_gated(r"\d")


def split_class(session: Session) -> tuple[Session | None, Session]:
    """The session's strength part (None when it has none) and its WOD part.

    The strength part is the lifting said before the first WOD clause ("back squat 5x3 @ 275,
    then metcon …") and after the last ("EMOM 12 …, then back squats 5-5-5-3-3-1 up to 180").
    """
    clauses = session.clauses
    wods = [
        i
        for i, c in enumerate(clauses)
        if (c.kind == "crossfit" or c.discipline == "crossfit")
        and not _headed_lift(c)
        and not _heading(c)
    ]
    if not wods:
        return None, session
    first, last = wods[0], wods[-1]
    head = clauses[:first] if any(_lifted(c) or _headed_lift(c) for c in clauses[:first]) else []
    tail_at = next(
        (i for i in range(last + 1, len(clauses)) if _sets_of_a_lift(clauses[i])), len(clauses)
    )
    tail = clauses[tail_at:]
    if not head and not tail:
        return None, session
    wod = clauses[first if head else 0 : tail_at]
    return _part(session, head + tail), _part(session, wod)


def strength_round(text: str, units: WeightUnit) -> tuple[CrossfitRound | None, bool]:
    """The strength part as round 1, and whether a load's unit was assumed."""
    assumed = False
    exercises = []
    for lift in parse_lifts(text):
        sets = []
        for number, (group, reps) in enumerate(sets_of(lift), start=1):
            load = group.load
            assumed = assumed or (load is not None and load.unit is None)
            weight = Weight(value=load.value, unit=load.unit or units) if load else None
            sets.append(LiftSet(set_number=number, reps=reps, weight=weight))
        top = max((s.weight for s in sets if s.weight), key=lambda w: w.value, default=None)
        exercises.append(
            CrossfitExercise(
                exercise_name=lift.movement.name,
                exercise_name_raw=lift.raw,
                movement_type=lift.movement.movement_type,
                weight=Load(value=top.value, unit=top.unit) if top else None,
                sets=sets,
            )
        )
    if not exercises:
        return None, False
    return CrossfitRound(round_number=1, rep_scheme="strength", exercises=exercises), assumed


def _lifted(clause: Clause) -> bool:
    """A lifting clause with a number: sets or a load."""
    return clause.kind == "lifting" and _DIGIT.search(clause.text) is not None


def _headed_lift(clause: Clause) -> bool:
    """A lift's sets under the class's heading: "WOD at the box: strength was back squat 5x3".

    The heading's word names the class; the sets are its strength part.
    """
    return (
        clause.kind == "keyword"
        and clause.notation
        and not clause.scored
        and cues.format_of(clause.text) is None
        and any(m.movement.family != "cardio" for m in find_mentions(clause.text))
    )


def _heading(clause: Clause) -> bool:
    """A class named with nothing done in it yet: "crossfit today", "at the box this am"."""
    return (
        clause.kind == "keyword"
        and not _DIGIT.search(clause.text)
        and cues.format_of(clause.text) is None
        and not find_mentions(clause.text)
    )


def _sets_of_a_lift(clause: Clause) -> bool:
    """A lifting clause in set notation ("back squats 5-5-5-3-3-1 up to 180", "DL 5x3")."""
    notation = clause.notation or LIFT_SCHEME.search(clause.text) is not None
    return clause.kind == "lifting" and notation and not clause.scored


def _part(session: Session, clauses: list[Clause]) -> Session:
    return Session(session.today, clauses, session.date, session.part)
