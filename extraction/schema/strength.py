"""Discipline structures for lifting: powerlifting, weightlifting, bodybuilding, calisthenics."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import Index, Name, Percent, Rating, Reps, Rir, Seconds, Strict, Text, Weight

SetType = Literal[
    "warmup",
    "working",
    "top_set",
    "backoff",
    "amrap",
    "opener",
    "second_attempt",
    "third_attempt",
    "drop_set",
]


class StrengthSet(Strict):
    """One powerlifting set."""

    set_number: Index
    set_type: SetType | None = None
    weight: Weight | None = None
    reps: Reps | None = None
    """Reps completed; absent when not said."""
    rpe: Rating | None = None
    rir: Rir | None = None
    """Reps in reserve."""
    rest_time: Seconds | None = None
    percentage_1rm: Percent | None = None
    bar_speed: Annotated[float, Field(ge=0, le=5)] | None = None
    """Mean bar speed in m/s."""
    failed: bool | None = None


class Attempts(Strict):
    """Competition attempts; successful/missed hold attempt numbers 1-3."""

    opener: Weight | None = None
    second_attempt: Weight | None = None
    third_attempt: Weight | None = None
    successful_attempts: list[Index] = []
    missed_attempts: list[Index] = []
    miss_reasons: list[Text] = []


class PowerliftingExercise(Strict):
    """A lift with its sets."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. back_squat."""
    exercise_name_raw: Text | None = None
    """The words the athlete used."""
    movement_category: Literal["main_lift", "variation", "accessory"] | None = None
    equipment: list[Text] = []
    """E.g. belt, sleeves, wraps."""
    attempts: Attempts | None = None
    sets: list[StrengthSet] = []


class PowerliftingData(Strict):
    """discipline_specific.powerlifting: the session's type and its exercises."""

    session_type: (
        Literal["max_effort", "dynamic_effort", "volume", "competition", "accessory", "other"]
        | None
    ) = None
    competition_prep: bool | None = None
    exercises: list[PowerliftingExercise] = []


class OlympicSet(Strict):
    """One weightlifting set."""

    set_number: Index
    weight: Weight | None = None
    reps: Reps | None = None
    percentage_1rm: Percent | None = None
    success: bool | None = None
    rest_time: Seconds | None = None
    technique_notes: Text | None = None


class OlympicLift(Strict):
    """A snatch, clean, jerk or related lift with its sets."""

    lift_name: Name
    """Canonical lower snake_case name, e.g. power_snatch."""
    lift_name_raw: Text | None = None
    lift_category: (
        Literal["snatch", "clean_and_jerk", "clean", "jerk", "pull", "squat", "accessory"] | None
    ) = None
    variation: Text | None = None
    position: Text | None = None
    """Start position, e.g. hang, block, floor."""
    complex_structure: Text | None = None
    """E.g. "1 clean + 2 jerks"."""
    sets: list[OlympicSet] = []


class OlympicWeightliftingData(Strict):
    """discipline_specific.olympic_weightlifting: the session's type and its lifts."""

    session_type: (
        Literal["technique", "strength", "max_effort", "volume", "competition", "other"] | None
    ) = None
    lifts: list[OlympicLift] = []


class DropSet(Strict):
    """The lighter set that followed without rest."""

    weight: Weight | None = None
    reps: Reps | None = None


class IntensityTechniques(Strict):
    """Techniques that extend a set."""

    drop_set: DropSet | None = None
    rest_pause: bool | None = None
    superset_with: Text | None = None
    partial_reps: Reps | None = None
    forced_reps: Reps | None = None


class BodybuildingSet(Strict):
    """One hypertrophy set."""

    set_number: Index
    weight: Weight | None = None
    reps: Reps | None = None
    rpe: Rating | None = None
    rir: Rir | None = None
    rest_time: Seconds | None = None
    tempo: Text | None = None
    """Eccentric-pause-concentric-pause, e.g. "3-1-1-0"."""
    failure: bool | None = None
    intensity_techniques: IntensityTechniques | None = None


class BodybuildingExercise(Strict):
    """An exercise with its sets."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. lat_pulldown."""
    exercise_name_raw: Text | None = None
    movement_category: Literal["compound", "isolation"] | None = None
    muscle_emphasis: Text | None = None
    sets: list[BodybuildingSet] = []


class BodybuildingData(Strict):
    """discipline_specific.bodybuilding or .functional_bodybuilding: split, muscles, exercises."""

    training_split: Text | None = None
    """E.g. push, pull, legs, upper, full_body."""
    muscle_groups_primary: list[Text] = []
    muscle_groups_secondary: list[Text] = []
    exercises: list[BodybuildingExercise] = []


class CalisthenicsSet(Strict):
    """One bodyweight set: reps or a hold."""

    set_number: Index
    reps: Reps | None = None
    weight: Weight | None = None
    """Load added to the body (a belt or vest): "weighted pull ups 5x5 +25kg"."""
    hold_time: Seconds | None = None
    rest_time: Seconds | None = None
    success: bool | None = None
    quality_rating: Rating | None = None


class CalisthenicsExercise(Strict):
    """A bodyweight exercise or skill with its sets."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. muscle_up."""
    exercise_name_raw: Text | None = None
    skill_category: Text | None = None
    """E.g. push, pull, legs, core, skill, static_hold."""
    progression_level: Text | None = None
    assistance_method: Text | None = None
    sets: list[CalisthenicsSet] = []


class CalisthenicsData(Strict):
    """discipline_specific.calisthenics: the session's focus and its exercises."""

    session_focus: Text | None = None
    exercises: list[CalisthenicsExercise] = []
