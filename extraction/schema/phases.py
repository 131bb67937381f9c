"""Phase-based structures for hyrox, hybrid, rucking, backpacking and the other disciplines."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import (
    Amount,
    DistanceUnit,
    Elevation,
    Index,
    Name,
    Rating,
    Reps,
    Seconds,
    Strict,
    Text,
    Weight,
)


class PhaseSet(Strict):
    """One set or effort within a phase."""

    reps: Reps | None = None
    weight: Weight | None = None
    duration: Seconds | None = None
    distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    rpe: Rating | None = None


class PhaseExercise(Strict):
    """An exercise or station within a phase."""

    exercise_name: Name
    """Canonical lower snake_case name, e.g. sled_push."""
    sets: list[PhaseSet] = []


class Phase(Strict):
    """A block of the session: a warm-up, a station, a climb, a run leg."""

    phase_name: Text
    phase_type: Text | None = None
    """E.g. warmup, main, station, run, cooldown."""
    duration: Seconds | None = None
    rounds: Index | None = None
    exercises: list[PhaseExercise] = []


class PhasesData(Strict):
    """discipline_specific for hyrox, hybrid, yoga, martial_arts, climbing."""

    phases: list[Phase] = []


class RuckingData(PhasesData):
    """discipline_specific.rucking: the load carried, distance, time and climb."""

    pack_weight: Weight | None = None
    total_distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    total_time: Seconds | None = None
    elevation_gain: Elevation | None = None
    vest_weight: Weight | None = None
    """A weighted vest, when worn instead of (or with) a pack."""


class WalkingData(RuckingData):
    """discipline_specific.walking and .hiking: distance, time, climb, and any load carried."""


class SportData(PhasesData):
    """discipline_specific.sports: a team or court sport played (soccer, tennis, …)."""

    sport: Name | None = None
    """Lower snake_case, e.g. soccer, basketball, pickleball."""
    total_time: Seconds | None = None
    total_distance: Amount | None = None
    """Ground covered, when the athlete says ("walked the 18 holes, ~6 miles")."""
    distance_unit: DistanceUnit | None = None


class BackpackingData(RuckingData):
    """discipline_specific.backpacking: a multi-day or overnight trip with a pack."""

    days: Index | None = None
    nights: Annotated[int, Field(ge=0, le=365)] | None = None
    trail_name: Text | None = None
