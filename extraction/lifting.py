"""Lifting sessions as discipline structures.

Powerlifting, weightlifting, bodybuilding and calisthenics, built from the lifts `parser`
reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .literal_gate import compile_gated
from .parser import Lift
from .schema import (
    BodybuildingData,
    BodybuildingExercise,
    BodybuildingSet,
    CalisthenicsData,
    CalisthenicsExercise,
    CalisthenicsSet,
    Discipline,
    OlympicLift,
    OlympicSet,
    OlympicWeightliftingData,
    PowerliftingData,
    PowerliftingExercise,
    StrengthSet,
    ValidationFlag,
    Weight,
    WeightUnit,
)
from .set_groups import Group

_SPLIT = compile_gated(
    r"\b(push|pull|legs?|arms?|upper|lower|chest|back|shoulders?|glutes?|full body)"
    r"(?: day|:| body| hypertrophy| & | and | n )"
)
MAX_SETS = 100
"""More sets of one exercise than anyone logs; the rest of a runaway message is dropped."""
_SET_TYPES = {
    "top_set", "backoff", "amrap", "opener", "second_attempt", "third_attempt", "drop_set",
    "warmup", "working",
}  # fmt: skip


@dataclass(slots=True)
class LiftingResult:
    """A lifting session's discipline structure and what it had to assume."""

    data: PowerliftingData | OlympicWeightliftingData | BodybuildingData | CalisthenicsData
    unit_assumed: bool = False
    missing: set[ValidationFlag] = field(default_factory=set)


def lifting_discipline(lifts: list[Lift]) -> Discipline:
    """The discipline a list of lifts belongs to when nothing names it."""
    families = [lift.movement.family for lift in lifts]
    if "olympic" in families:
        return "olympic_weightlifting"
    weighted = any(g.load for lift in lifts for g in lift.groups)
    if families and all(f == "calisthenics" for f in families) and not weighted:
        return "calisthenics"
    strength = sum(f == "powerlifting" for f in families)
    return "powerlifting" if strength > len(families) - strength else "bodybuilding"


def build_lifting(
    lifts: list[Lift], discipline: Discipline, text: str, units: WeightUnit
) -> LiftingResult:
    """The discipline structure for these lifts."""
    result = LiftingResult(PowerliftingData())
    if discipline == "olympic_weightlifting":
        result.data = OlympicWeightliftingData(
            lifts=[_olympic(lift, units, result) for lift in lifts]
        )
    elif discipline == "calisthenics":
        result.data = CalisthenicsData(
            exercises=[_calisthenics(lift, units, result) for lift in lifts]
        )
    elif discipline == "powerlifting":
        session = "competition" if re.search(r"\b(?:meet|comp|competition)\b", text) else None
        result.data = PowerliftingData(
            session_type=session,  # type: ignore[arg-type]
            competition_prep=True if session else None,
            exercises=[_powerlifting(lift, units, result) for lift in lifts],
        )
    else:
        split = _SPLIT.search(text)
        muscles = list(dict.fromkeys(lift.movement.muscle for lift in lifts))
        result.data = BodybuildingData(
            training_split=split[1] if split else None,
            muscle_groups_primary=muscles,
            exercises=[_bodybuilding(lift, units, result) for lift in lifts],
        )
    return result


def sets_of(lift: Lift) -> list[tuple[Group, int | None]]:
    """(group, reps) per set, in order; at most MAX_SETS."""
    out: list[tuple[Group, int | None]] = []
    for group in lift.groups:
        if group.reps_list:
            out += [(group, reps) for reps in group.reps_list]
        else:
            out += [(group, group.reps)] * min(group.count or 1, MAX_SETS)
    return out[:MAX_SETS]


def _weight(group: Group, units: WeightUnit, result: LiftingResult) -> Weight | None:
    if group.load is None:
        return None
    result.unit_assumed = result.unit_assumed or group.load.unit is None
    return Weight(value=group.load.value, unit=group.load.unit or units)


def _check(lift: Lift, result: LiftingResult) -> None:
    loadable = lift.movement.movement_type in ("barbell", "dumbbell", "kettlebell", "other")
    if loadable and not any(g.load for g in lift.groups):
        result.missing.add("missing_weight")
    if not any(g.reps or g.reps_list or g.hold for g in lift.groups):
        result.missing.add("missing_reps")


def _powerlifting(lift: Lift, units: WeightUnit, result: LiftingResult) -> PowerliftingExercise:
    _check(lift, result)
    move = lift.movement
    category = move.category if move.family == "powerlifting" else "accessory"
    sets = [
        StrengthSet(
            set_number=number,
            set_type=group.kind if group.kind in _SET_TYPES else None,  # type: ignore[arg-type]
            weight=_weight(group, units, result),
            reps=reps,
            rpe=group.rpe,
            rest_time=group.rest,
            percentage_1rm=group.percent,
            failed=True if group.failed else None,
        )
        for number, (group, reps) in enumerate(sets_of(lift), start=1)
    ]
    return PowerliftingExercise(
        exercise_name=move.name,
        exercise_name_raw=lift.raw,
        movement_category=category,  # type: ignore[arg-type]
        sets=sets,
    )


def _olympic(lift: Lift, units: WeightUnit, result: LiftingResult) -> OlympicLift:
    _check(lift, result)
    move = lift.movement
    if move.family == "olympic":
        category = move.category
    else:
        category = "squat" if "squat" in move.name else "accessory"
    sets = [
        OlympicSet(
            set_number=number,
            weight=_weight(group, units, result),
            reps=reps,
            percentage_1rm=group.percent,
            success=False if group.failed else None,
            rest_time=group.rest,
        )
        for number, (group, reps) in enumerate(sets_of(lift), start=1)
    ]
    return OlympicLift(
        lift_name=move.name,
        lift_name_raw=lift.raw,
        lift_category=category,  # type: ignore[arg-type]
        complex_structure=lift.complex_structure,
        sets=sets,
    )


def _bodybuilding(lift: Lift, units: WeightUnit, result: LiftingResult) -> BodybuildingExercise:
    _check(lift, result)
    move = lift.movement
    category = move.category if move.family == "bodybuilding" else "compound"
    sets = [
        BodybuildingSet(
            set_number=number,
            weight=_weight(group, units, result),
            reps=reps,
            rpe=group.rpe,
            rest_time=group.rest,
        )
        for number, (group, reps) in enumerate(sets_of(lift), start=1)
    ]
    return BodybuildingExercise(
        exercise_name=move.name,
        exercise_name_raw=lift.raw,
        movement_category=category if category in ("compound", "isolation") else None,  # type: ignore[arg-type]
        muscle_emphasis=move.muscle,
        sets=sets,
    )


def _calisthenics(lift: Lift, units: WeightUnit, result: LiftingResult) -> CalisthenicsExercise:
    if not any(g.reps or g.reps_list or g.hold for g in lift.groups):
        result.missing.add("missing_reps")
    sets = [
        CalisthenicsSet(
            set_number=number,
            reps=reps,
            weight=_weight(group, units, result),
            hold_time=group.hold,
            rest_time=group.rest,
        )
        for number, (group, reps) in enumerate(sets_of(lift), start=1)
    ]
    return CalisthenicsExercise(
        exercise_name=lift.movement.name,
        exercise_name_raw=lift.raw,
        skill_category=lift.movement.category,
        sets=sets,
    )
