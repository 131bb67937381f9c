"""Discipline structures for endurance sports: running, cycling, swimming, rowing."""

from __future__ import annotations

from typing import Literal

from .common import (
    Amount,
    DistanceUnit,
    Elevation,
    Index,
    Pace,
    Rating,
    Seconds,
    Strict,
    Text,
    Weight,
)

RunType = Literal[
    "easy",
    "recovery",
    "tempo",
    "threshold",
    "intervals",
    "long",
    "race",
    "fartlek",
    "hills",
    "other",
]
Stroke = Literal["freestyle", "backstroke", "breaststroke", "butterfly", "im", "kick", "mixed"]
SegmentType = Literal["warmup", "working", "recovery", "cooldown"]
Surface = Literal["road", "trail", "track", "treadmill", "grass", "mixed", "other"]
RideType = Literal[
    "endurance", "recovery", "tempo", "threshold", "intervals", "race", "commute", "other"
]
HeartRate = Amount


class Weather(Strict):
    """Conditions during an outdoor session."""

    temperature: float | None = None
    """Degrees Celsius (converted from °F when needed)."""
    conditions: Text | None = None
    """E.g. sunny, rain, windy."""
    humidity: Amount | None = None


class RunEquipment(Strict):
    """What the runner wore."""

    shoes: Text | None = None
    wearable: Text | None = None


class Stretch(Strict):
    """A warm-up or cool-down, in the run's distance unit."""

    distance: Amount | None = None
    time: Seconds | None = None


class RunSegment(Strict):
    """A part of a run: a rep of an interval set, a warm-up, a tempo block."""

    segment_number: Index
    segment_type: SegmentType | None = None
    distance: Amount | None = None
    time: Seconds | None = None
    """Time of one repeat, in seconds."""
    pace: Pace | None = None
    heart_rate_avg: HeartRate | None = None
    effort_level: Rating | None = None
    repeat: Index | None = None
    """How many times this segment was run, e.g. 6 for 6x800m."""


class Route(Strict):
    """Where the run went."""

    name: Text | None = None
    type: (
        Literal["loop", "out_and_back", "point_to_point", "track", "treadmill", "other"] | None
    ) = None


class Fueling(Strict):
    """What the athlete ate and drank around the session."""

    pre_run: Text | None = None
    during_run: Text | None = None
    hydration: Text | None = None


class RunningData(Strict):
    """discipline_specific.running or .trail_running: totals, pace, terrain and segments."""

    run_type: RunType | None = None
    total_distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    total_time: Seconds | None = None
    average_pace: Pace | None = None
    """"M:SS" per distance_unit."""
    elevation_gain: Elevation | None = None
    elevation_loss: Elevation | None = None
    vest_weight: Weight | None = None
    """A weighted vest worn for the run."""
    surface: Surface | None = None
    weather: Weather | None = None
    equipment: RunEquipment | None = None
    warmup: Stretch | None = None
    cooldown: Stretch | None = None
    segments: list[RunSegment] = []
    route: Route | None = None
    fueling: Fueling | None = None


class CyclingSegment(Strict):
    """An interval or block of a ride."""

    segment_number: Index
    segment_type: SegmentType | None = None
    duration: Seconds | None = None
    distance: Amount | None = None
    power: Amount | None = None
    """Average watts."""
    heart_rate_avg: HeartRate | None = None
    cadence: Amount | None = None
    repeat: Index | None = None


class CyclingData(Strict):
    """discipline_specific.cycling: totals, power, cadence and segments."""

    ride_type: RideType | None = None
    total_distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    total_time: Seconds | None = None
    average_speed: Amount | None = None
    """In distance_unit per hour."""
    average_power: Amount | None = None
    """Watts."""
    normalized_power: Amount | None = None
    max_power: Amount | None = None
    ftp: Amount | None = None
    average_cadence: Amount | None = None
    average_heart_rate: HeartRate | None = None
    elevation_gain: Elevation | None = None
    segments: list[CyclingSegment] = []
    indoor: bool | None = None


class SwimSet(Strict):
    """A swim set, e.g. 10x100 freestyle on 1:45."""

    repeats: Index | None = None
    distance: Amount | None = None
    """Distance of one repeat, in the swim's distance unit."""
    stroke: Stroke | None = None
    interval: Seconds | None = None
    """Send-off interval in seconds."""
    time: Seconds | None = None


class SwimmingData(Strict):
    """discipline_specific.swimming: pool, stroke, totals and sets."""

    pool_length: Amount | None = None
    pool_length_unit: Literal["m", "yd"] | None = None
    stroke: Stroke | None = None
    total_distance: Amount | None = None
    distance_unit: DistanceUnit | None = None
    total_time: Seconds | None = None
    sets: list[SwimSet] = []


class RowInterval(Strict):
    """A rowing piece; distance in metres."""

    interval_number: Index
    distance: Amount | None = None
    time: Seconds | None = None
    split: Pace | None = None
    stroke_rate: Amount | None = None
    rest: Seconds | None = None
    repeat: Index | None = None


class RowingData(Strict):
    """discipline_specific.rowing: totals, split, stroke rate and intervals."""

    erg: bool | None = None
    total_distance: Amount | None = None
    """Metres."""
    total_time: Seconds | None = None
    average_split: Pace | None = None
    """"M:SS" per 500 m."""
    stroke_rate: Amount | None = None
    """Strokes per minute."""
    intervals: list[RowInterval] = []
