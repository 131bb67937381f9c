"""A class's strength part and its metcon, read each with its own grammar.

"back squat 5x3 @ 275, then metcon 21-15-9 thrusters (95) and burpees": the lifts before the
first WOD clause keep their sets and loads (the lifting grammar), the rest is the WOD.
"""

from __future__ import annotations

import re

from .lifting import sets_of
from .parser import parse_lifts
from .schema import CrossfitExercise, CrossfitRound, LiftSet, Load, Weight, WeightUnit
from .sessions import Clause, Session

_DIGIT = re.compile(r"\d")


def split_class(session: Session) -> tuple[Session | None, Session]:
    """The session's strength part (None when it opens on the WOD) and its WOD part."""
    clauses = session.clauses
    first_wod = next(
        (i for i, c in enumerate(clauses) if c.kind == "crossfit" or c.discipline == "crossfit"),
        0,
    )
    head = clauses[:first_wod]
    if not any(c.kind == "lifting" and _DIGIT.search(c.text) for c in head):
        return None, session
    return _part(session, head), _part(session, clauses[first_wod:])


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


def _part(session: Session, clauses: list[Clause]) -> Session:
    return Session(session.today, clauses, session.date, session.part)
