"""Discipline structures for mixed-modal training: CrossFit and HIIT/circuits."""

from __future__ import annotations

from typing import Literal

from .common import (
    Amount,
    Count,
    DistanceUnit,
    Index,
    Load,
    MovementType,
    Name,
    Number,
    Reps,
    Seconds,
    Strict,
    Text,
    Weight,
)

CrossfitFormat = Literal[
    "for_time", "amrap", "emom", "tabata", "intervals", "chipper", "ladder", "strength", "other"
]
ScoreType = Literal["time", "rounds", "reps", "weight", "distance", "calories"]


class CrossfitReps(Strict):
    """Reps of one movement: per round (or per pass of the rep scheme)."""

    prescribed: Reps | None = None
    completed: Reps | None = None
    broken_sets: list[Reps] = []
    """How the reps were broken up, e.g. [12, 9]."""
    rest_between_sets: list[Seconds] = []


class LiftSet(Strict):
    """One set of a class's strength part: the reps and the load lifted."""

    set_number: Index
    reps: Reps | None = None
    weight: Weight | None = None


class CrossfitExercise(Strict):
    """One movement of a CrossFit workout."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. thruster, pull_up, double_under."""
    exercise_name_raw: Text | None = None
    movement_type: MovementType | None = None
    variation: Text | None = None
    assistance: Text | None = None
    """E.g. band, box."""
    weight: Load | None = None
    reps: CrossfitReps | None = None
    distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    calories: Amount | None = None
    time: Seconds | None = None
    form_notes: Text | None = None
    sets: list[LiftSet] = []
    """The sets of a strength part lifted before the metcon ("back squat 5x3 @ 275")."""


class CrossfitRound(Strict):
    """A group of movements done together, e.g. Fran's 21-15-9 of thrusters and pull-ups."""

    round_number: Index
    rep_scheme: Text | None = None
    """"21-15-9", or "5 rounds" when a fixed round is repeated."""
    exercises: list[CrossfitExercise] = []


class Score(Strict):
    """The workout's score: a time in seconds, "12+5" rounds, total reps, a load, …."""

    value: Number | str
    type: ScoreType
    unit: Text | None = None
    """seconds, rounds, reps, lb, kg, m, cal."""


class PerformanceData(Strict):
    """How the athlete did."""

    total_time: Seconds | None = None
    rounds_completed: Count | None = None
    additional_reps: Count | None = None
    total_reps: Count | None = None
    round_times: list[Seconds] = []
    score: Score | None = None


class CrossfitData(Strict):
    """discipline_specific.crossfit: the WOD's format, time cap, rounds and score."""

    workout_format: CrossfitFormat | None = None
    time_cap: Seconds | None = None
    rx_status: Literal["rx", "scaled", "rx_plus"] | None = None
    rounds: list[CrossfitRound] = []
    performance_data: PerformanceData | None = None


class HiitExercise(Strict):
    """One movement of an interval or circuit session."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. burpee."""
    exercise_name_raw: Text | None = None
    reps: Reps | None = None
    weight: Weight | None = None
    duration: Seconds | None = None
    calories: Amount | None = None
    interval_scores: list[Amount] = []
    total_reps: Count | None = None


HiitProtocol = Literal["tabata", "emom", "amrap", "intervals", "circuit", "other"]


class HiitData(Strict):
    """discipline_specific.hiit or .circuit_training: work/rest protocol and its exercises."""

    protocol: HiitProtocol | None = None
    work_duration: Seconds | None = None
    rest_duration: Seconds | None = None
    total_rounds: Index | None = None
    exercises: list[HiitExercise] = []
