"""Run, ride, swim and row structures built from an endurance `Reading`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .endurance import CLOCK, Reading, read_session, vest_weight
from .literal_gate import compile_gated
from .numbers import find_clocks, format_pace, to_metres
from .pools import SWIM_PART
from .run_kinds import run_type_of
from .schema import (
    CyclingData,
    CyclingSegment,
    Discipline,
    DistanceUnit,
    RideType,
    RowingData,
    RowInterval,
    RunningData,
    RunSegment,
    Stroke,
    Surface,
    SwimmingData,
    SwimSet,
    WorkoutType,
)

_RIDE_TYPES: tuple[tuple[RideType, re.Pattern[str]], ...] = (
    ("race", re.compile(r"\b(?:race|crit|criterium|gran fondo)\b")),
    ("intervals", re.compile(r"\bintervals?\b|\d\s?x\s?\d")),
    ("recovery", re.compile(r"\brecovery\b")),
    ("threshold", re.compile(r"\b(?:threshold|ftp test|sweet spot)\b")),
    ("tempo", re.compile(r"\btempo\b")),
    ("commute", re.compile(r"\bcommute|to work\b")),
    ("endurance", re.compile(r"\b(?:endurance|z2|zone 2|century|long ride)\b")),
)
_STROKES: tuple[tuple[Stroke, re.Pattern[str]], ...] = (
    ("im", re.compile(r"\bim\b|\bindividual medley")),
    ("mixed", re.compile(r"\bmixed\b")),
    ("butterfly", re.compile(r"\bbutterfly|\bfly\b")),
    ("backstroke", re.compile(r"\bbackstroke|\bback\b")),
    ("breaststroke", re.compile(r"\bbreaststroke|\bbreast\b")),
    ("kick", re.compile(r"\bkick\b")),
    ("freestyle", re.compile(r"\bfreestyle|\bfree\b")),
)
_SURFACES: tuple[tuple[Surface, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"\b{name}\b")) for name in ("treadmill", "track", "trail")
)
_TRAIL = compile_gated(
    r"trail|\bsingle ?track\b|\bsky ?(?:race|run\w*)\b|\bfell (?:run\w*|race)\b|"
    r"\bmountain (?:run\w*|race)\b|\bultra ?trail\b|\bvert\b"
)
"""Off-road running: trails, singletrack, fells, sky races, vertical metres."""
_INDOOR = compile_gated(r"\b(?:zwift|trainer|peloton|spin|indoor|turbo|rollers|treadmill)\b")
_WATTS = compile_gated(
    r"(?:\b(?P<label>np|avg|average|max|ftp)\s(?:power\s)?(?:is\s|of\s|was\s)?)?"
    r"(?<![\d.])(?P<v>\d{2,4})\s?(?:w|watts)\b"
)
_FTP = compile_gated(
    r"\bftp\s(?:is\s|of\s|now\s|=\s?)?(\d{2,3})(?![\d.])|\bnew ftp\s(\d{2,3})(?![\d.])"
)
_SPEED = compile_gated(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s?(?:mph|km/h|kph)\b")
_HEART = compile_gated(
    r"\b(?:avg\s)?(?:hr|heart rate)\s(?:of\s|was\s)?(\d{2,3})(?![\d.])|(?<![\d.])(\d{2,3})\s?bpm\b"
)
_STROKE_RATE = compile_gated(r"(?<![\d.])(\d{2})\s?(?:spm|s/m)\b|\brate\s(\d{2})(?![\d.])")
_CADENCE = compile_gated(r"(?<![\d.])(\d{2,3})\s?rpm\b")
_SEND_OFF = compile_gated(rf"\bon\s(?:the\s)?({CLOCK})")
_ERG = compile_gated(r"\b(?:erg|c2|concept ?2|rower|indoor|machine)\b")
_ON_WATER = compile_gated(r"\b(?:on the water|scull|single|double|eight|river|lake|boat)\b")

Structure = RunningData | CyclingData | SwimmingData | RowingData


@dataclass(slots=True)
class EnduranceResult:
    """An endurance session read from text."""

    discipline: Discipline
    data: Structure
    workout_type: WorkoutType
    duration: float | None = None


def parse_endurance(text: str, sport: Discipline) -> EnduranceResult:
    """Read a run, ride, swim or row from lower-case text."""
    reading = read_session(text, sport)
    data: Structure
    if sport == "cycling":
        data, kind = _cycling(reading)
    elif sport == "swimming":
        data, kind = _swimming(reading), "cardio"
    elif sport == "rowing":
        data, kind = _rowing(reading), "cardio"
    else:
        data, kind = _running(reading)
        sport = "trail_running" if _TRAIL.search(text) else "running"
    return EnduranceResult(sport, data, kind, reading.time)


def _first(table: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    return next((name for name, pattern in table if pattern.search(text)), None)


def _pace(seconds: float) -> str | None:
    """A derived pace, unless it is an hour or more per unit (not a pace worth showing)."""
    return format_pace(seconds) if 0 < seconds < 3600 else None


def _said_pace(reading: Reading, units: tuple[str | None, ...]) -> str | None:
    return next((clock for clock, per in reading.paces if per in units), None)


def _distance_unit(reading: Reading) -> DistanceUnit | None:
    distance = reading.distance
    return distance.unit if distance else None  # type: ignore[return-value]


def _running(reading: Reading) -> tuple[RunningData, WorkoutType]:
    text, distance, time = reading.text, reading.distance, reading.time
    pace = _said_pace(reading, ("mi", "mile", "km", "k", None))
    if pace is None and distance and time and distance.unit in ("km", "mi"):
        pace = _pace(time / distance.value)
    run_type = run_type_of(text)
    if run_type is None and distance and to_metres(distance.value, distance.unit or "m") >= 24_000:
        run_type = "long"  # "18 miler done": no one runs 15 miles or more without calling it long
    segments = [
        RunSegment(
            segment_number=number,
            segment_type="working",
            distance=r.distance.value if r.distance else None,
            time=r.seconds,
            repeat=r.count,
        )
        for number, r in enumerate(reading.repeats, start=1)
    ]
    data = RunningData(
        run_type=run_type,
        total_distance=distance.value if distance else None,
        distance_unit=_distance_unit(reading),
        total_time=time,
        average_pace=pace,
        elevation_gain=reading.elevation,
        vest_weight=vest_weight(reading.text),
        surface=_first(_SURFACES, text),  # type: ignore[arg-type]
        segments=segments,
    )
    kind: WorkoutType = "cardio"
    if run_type == "race":
        kind = "competition"
    elif run_type == "recovery":
        kind = "recovery"
    return data, kind


def _cycling(reading: Reading) -> tuple[CyclingData, WorkoutType]:
    text = reading.text
    watts: dict[str, float] = {}
    for match in _WATTS.finditer(text):
        watts.setdefault((match["label"] or "avg").replace("average", "avg"), float(match["v"]))
    ftp, speed = _FTP.search(text), _SPEED.search(text)
    heart, cadence = _HEART.search(text), _CADENCE.search(text)
    ride_type: RideType | None = _first(_RIDE_TYPES, text)  # type: ignore[assignment]
    data = CyclingData(
        ride_type=ride_type,
        total_distance=reading.distance.value if reading.distance else None,
        distance_unit=_distance_unit(reading),
        total_time=reading.time,
        average_speed=float(speed[1]) if speed else None,
        average_power=watts.get("avg"),
        normalized_power=watts.get("np"),
        max_power=watts.get("max"),
        ftp=float(ftp[1] or ftp[2]) if ftp else watts.get("ftp"),
        average_cadence=float(cadence[1]) if cadence else None,
        average_heart_rate=float(heart[1] or heart[2]) if heart else None,
        elevation_gain=reading.elevation,
        segments=[
            CyclingSegment(
                segment_number=number, segment_type="working", duration=r.seconds, repeat=r.count
            )
            for number, r in enumerate(reading.repeats, start=1)
        ],
        indoor=True if _INDOOR.search(text) else None,
    )
    return data, "competition" if ride_type == "race" else "cardio"


def _swimming(reading: Reading) -> SwimmingData:
    text, distance = reading.text, reading.distance
    send_off = _SEND_OFF.search(text)
    interval = find_clocks(send_off[1])[0].value if send_off else None
    sets = [
        SwimSet(
            repeats=r.count,
            distance=r.distance.value if r.distance else None,
            interval=interval,
            time=r.seconds,
        )
        for r in reading.repeats
    ]
    sets += [SwimSet(repeats=1, distance=float(m[1])) for m in SWIM_PART.finditer(text)]
    return SwimmingData(
        pool_length=reading.pool_length,
        pool_length_unit=reading.pool_unit,
        stroke=_first(_STROKES, text),  # type: ignore[arg-type]
        total_distance=distance.value if distance else None,
        distance_unit=(_distance_unit(reading) or reading.pool_unit or "m") if distance else None,
        total_time=reading.time,
        sets=sets,
    )


def _rowing(reading: Reading) -> RowingData:
    text, distance, time = reading.text, reading.distance, reading.time
    metres = to_metres(distance.value, distance.unit or "m") if distance else None
    split = _said_pace(reading, ("500", "500m", None))
    if split is None and metres and time:
        split = _pace(round(time / (metres / 500), 1))
    rate = _STROKE_RATE.search(text)
    intervals = [
        RowInterval(
            interval_number=number,
            distance=to_metres(r.distance.value, r.distance.unit or "m") if r.distance else None,
            time=r.seconds,
            repeat=r.count,
        )
        for number, r in enumerate(reading.repeats, start=1)
    ]
    erg = True if _ERG.search(text) else False if _ON_WATER.search(text) else None
    return RowingData(
        erg=erg,
        total_distance=round(metres, 1) if metres is not None else None,
        total_time=time,
        average_split=split,
        stroke_rate=float(rate[1] or rate[2]) if rate else None,
        intervals=intervals,
    )
