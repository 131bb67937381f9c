"""Numbers as athletes write them: clock times, durations, weights, distances, paces.

Every pattern here is bounded (no nested or unbounded repeats), so scanning stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .literal_gate import compile_gated
from .schema import WEIGHT_UNIT_ALIASES, DistanceUnit, WeightUnit

NUM = r"\d{1,5}(?:\.\d{1,3})?"
"""A plain decimal number (bounded length)."""

MAX_LOAD = 2_000.0
"""Heavier than any lift in lb or kg: a bigger "weight" is not a weight."""
MAX_SECONDS = 2_592_000.0
"""30 days: a longer "duration" is not one."""
MAX_DISTANCE = 100_000.0
"""In any unit: a longer "distance" is not one."""
METRES_PER: dict[str, float] = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144}
KG_PER_LB = 0.45359237
KG_PER_POOD = 16.0

_CLOCK = re.compile(
    r"(?<![\d:.])(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?:\.(\d{1,2}))?(?![\d:])(?!\s?[ap]\.?m\b)"
)
_HOURS = compile_gated(
    r"(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)\s?(?:hours?|hrs?|h)\b\.?"
    r"(?:\s?(?:and\s)?(\d{1,2})(?![\d:.])(?!\s?(?:km|kms|k|mi|miles?)\b)\s?(?:minutes?|mins?|m)?\b"
    r"(?:,?\s?(?:and\s)?(\d{1,2})\s?(?:seconds?|secs?|s)\b)?)?"
)
"""Hours in words, with minutes and seconds: "2 hrs", "3 hours 38 minutes 12 seconds"."""
_HOURS_COMPACT = compile_gated(
    r"(?<![\d.])(\d{1,2})\s?(?:h|hr|hrs)\s?([0-5]?\d)(?!\s?(?:km|kms|k|mi|miles?)\b)"
    r"(?:(?:'|:)([0-5]\d)(?:''|\")?|\s?(?:minutes?|mins?|m)\s?(?:and\s)?([0-5]?\d)\s?"
    r"(?:seconds?|secs?|s)\b|\s?(?:m|min|mins|minutes)\b)?(?![\d:.])"
)
"""Hours and minutes run together, seconds too: "1h20", "1 hr 20 min", "2h58'40", "2h01:33"."""
_CLOCK_HOURS = re.compile(r"\s?(?:hours?|hrs?|h)\b")
"""After a clock, it is hours and minutes: "1:20 hrs"."""
_MINUTES = compile_gated(
    r"(?<![\d.:])(\d{1,4}(?:\.\d{1,2})?)\s?(?:minutes?|mins?)\b|(?<![\d.:])(\d{1,3})'(?!\d)"
)
_MIN_SEC = compile_gated(
    r"(?<![\d.:])(\d{1,3})\s?(?:minutes?|mins?|m)\s?(?:and\s)?([0-5]?\d)\s?(?:seconds?|secs?|s)\b"
)
"""Minutes and seconds in words: "45min 30sec", "7m12s"."""
_PRIMES = compile_gated(r"(?<![\d.:'])(\d{1,3})'([0-5]\d)(?:''|\"|(?![\d']))")
"""Minutes and seconds in primes, as Europeans write them: "48'30''", "3'45"."""
_SECONDS = compile_gated(r"(?<![\d.:])(\d{1,4}(?:\.\d{1,2})?)\s?(?:seconds?|secs?|s)\b")
_WORD_HOURS = compile_gated(
    r"\b(?:(an? hour and a half)|(half an hour|a half hour)|(an hour|one hour)|(two hours))\b"
)
_AN_HOUR_AND = compile_gated(
    r"\b(?:an|one) hour (?:and )?(\d{1,2})(?![\d.:])(?!\s?(?:sec|s)\b)(?:\s?(?:minutes?|mins?)\b)?"
)
"""An hour and some minutes: "an hour 20", "one hour and 15 minutes"."""
_WORD_HOUR_VALUES = (5400.0, 1800.0, 3600.0, 7200.0)

WEIGHT_UNIT = r"(?:lbs?\.?|pounds?|#|kgs?|kilos?|kilograms?)"
"""A weight unit that maps to lb or kg."""
WEIGHT_RE = re.compile(rf"(?<![\d.])({NUM})\s?({WEIGHT_UNIT}|pood|pd)(?![a-z])")
_HOW = (
    r"(?:easy|hard|slow|fast|long|recovery|tempo|steady|chill|hilly|flat|trail|solid|quick|"
    r"gentle|sweaty|muddy|rainy|windy|snowy|hot|lovely|beautiful|brutal|ugly|tough)"
)
"""How a distance went, said between the number and its unit: "6 easy miles"."""
_DIST_UNIT = (
    r"(?:km|kms|k|kilomet(?:er|re)s?|klicks|mi|miles?|mils|miels|mles|miler|m|met(?:er|re)s?|"
    r"yd|yds|yards?)"
)
DISTANCE_RE = re.compile(
    rf"(?<![\d.:,a-wyz])(?:(?<!\dh)(?<!\dh )(?<!\dhr)(?<!\dhr )(?<!\dhrs )|(?=\d{{1,3}}\s?"
    rf"(?:km|kms|k|mi|miles)\b))(?<!couch to )"
    rf"(\d{{1,3}}(?:,\d{{3}}){{1,2}}|\d{{1,6}}(?:\.\d{{1,3}})?)\s?(?:{_HOW}\s)?({_DIST_UNIT})(?![a-z0-9/])"
    r"(?!\s(?:steps|step)\b)"
)
"""A distance; the minutes of "1h 20m", a program's name ("C25K") and a step count ("10k
steps") are not metres, but the kilometres of "2h 10km" are."""
_RUN_KIND = (
    r"(?:easy|long|recovery|slow|shakeout|steady|called it (?:at|after)|stopped at|bailed at)"
)
_NOT_DISTANCE = rf"(?:{_DIST_UNIT}|min|mins|minutes|sec|s|h|hrs?|hours?|x|@|sets?|reps?)\b"
_BARE_RUN = compile_gated(
    rf"\b{_RUN_KIND}\s(?P<n1>\d{{1,2}}(?:\.\d{{1,2}})?)(?![\d:/%x'\"]|\.\d|\s?{_NOT_DISTANCE})"
    rf"|(?<![\d.:/,])(?P<n2>\d{{1,2}}(?:\.\d{{1,2}})?)(?![\d:/%x'\"]|\.\d|\s?{_NOT_DISTANCE})"
    rf"\s{_RUN_KIND}\b",
    re.IGNORECASE,
)
"""A number with a kind of run, or where a run stopped ("called it at 4.5"), and no unit."""
_RUN_KIND_NUMBER = compile_gated(rf"\b{_RUN_KIND}\s\d", re.IGNORECASE)
"""A run's kind then a number ("easy 3"), looked for before the athlete's unit is given."""
_DIST_WORDS = compile_gated(
    r"\b(half[- ]marathon|marathon|a mile|one mile|a half mile|a 5k|a 10k)\b|^(mile)\b"
)
_TRACK_LAPS = compile_gated(
    r"(?<![\d.])(\d{1,2}) (?:laps? (?:of|on|around|round) (?:the|a) track|track laps)\b"
)
"""Laps of a track: 400 m each."""
_DIST_WORD_VALUES: dict[str, tuple[float, DistanceUnit]] = {
    "half marathon": (21.0975, "km"),
    "half-marathon": (21.0975, "km"),
    "marathon": (42.195, "km"),
    "a mile": (1.0, "mi"),
    "one mile": (1.0, "mi"),
    "a half mile": (0.5, "mi"),
    "a 5k": (5.0, "km"),
    "a 10k": (10.0, "km"),
}
_DIST_UNITS: dict[str, DistanceUnit] = {
    "k": "km", "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km",
    "kilometres": "km", "mi": "mi", "mile": "mi", "miles": "mi", "mils": "mi", "miels": "mi",
    "mles": "mi", "klicks": "km", "miler": "mi",
    "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m", "yd": "yd", "yds": "yd",
    "yard": "yd", "yards": "yd",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Span:
    """A parsed quantity and where it sits in the text."""

    start: int
    end: int
    value: float
    unit: str | None = None


def clock_to_seconds(text: str) -> float | None:
    """Parse "8:57", "1:02:30" or "7:12.4" (the whole string) into seconds."""
    match = _CLOCK.fullmatch(text.strip())
    return _clock_value(match) if match else None


def _clock_value(match: re.Match[str]) -> float:
    first, second, third, tenths = match.groups()
    seconds = int(first) * 60 + int(second)
    if third is not None:
        seconds = seconds * 60 + int(third)
    return seconds + (int(tenths) / 10 ** len(tenths) if tenths else 0.0)


def find_clocks(text: str) -> list[Span]:
    """Every clock-style time ("8:57", "1:02:30", "7:12.4") in the text, in seconds."""
    return [Span(m.start(), m.end(), _clock_value(m)) for m in _CLOCK.finditer(text)]


def find_durations(text: str) -> list[Span]:
    """Clock times and worded durations ("45 min", "1h20", "an hour", "30s"), in seconds."""
    spans = []
    for clock in find_clocks(text):
        hours = _CLOCK_HOURS.match(text, clock.end)
        if hours and clock.value < 100 * 60 and text.count(":", clock.start, clock.end) == 1:
            clock = Span(clock.start, hours.end(), clock.value * 60)
        spans.append(clock)
    for m in (*_MIN_SEC.finditer(text), *_PRIMES.finditer(text)):
        spans.append(Span(m.start(), m.end(), int(m[1]) * 60.0 + int(m[2])))
    for m in _HOURS_COMPACT.finditer(text):
        seconds = int(m[3] or m[4] or 0)
        spans.append(Span(m.start(), m.end(), int(m[1]) * 3600.0 + int(m[2]) * 60 + seconds))
    for m in _HOURS.finditer(text):
        minutes = int(m[2]) * 60 + int(m[3] or 0) if m[2] else 0
        spans.append(Span(m.start(), m.end(), float(m[1]) * 3600 + minutes))
    for m in _MINUTES.finditer(text):
        spans.append(Span(m.start(), m.end(), float(m[1] or m[2]) * 60))
    for m in _SECONDS.finditer(text):
        spans.append(Span(m.start(), m.end(), float(m[1])))
    for m in _AN_HOUR_AND.finditer(text):
        spans.append(Span(m.start(), m.end(), 3600.0 + int(m[1]) * 60))
    for m in _WORD_HOURS.finditer(text):
        index = next(i for i, group in enumerate(m.groups()) if group)
        spans.append(Span(m.start(), m.end(), _WORD_HOUR_VALUES[index]))
    return _without_overlaps([s for s in spans if s.value <= MAX_SECONDS])


def parse_duration(text: str) -> float | None:
    """The first duration in the text, in seconds, or None."""
    spans = find_durations(text)
    return spans[0].value if spans else None


def find_weights(text: str) -> list[Span]:
    """Weights with an explicit unit ("225 lb", "100kg", "53#", "1.5 pood"), unit lb or kg."""
    spans = []
    for m in WEIGHT_RE.finditer(text):
        value, unit = float(m[1]), m[2]
        if unit in ("pood", "pd"):
            spans.append(Span(m.start(), m.end(), round(value * KG_PER_POOD, 2), "kg"))
        else:
            spans.append(Span(m.start(), m.end(), value, normalise_weight_unit(unit)))
    return [s for s in spans if s.value <= MAX_LOAD]


def normalise_weight_unit(unit: str) -> WeightUnit:
    """Map lbs/pounds/#/kilos/kgs (any case) to lb or kg.

    Raises:
        ValueError: the unit is not a weight unit.
    """
    try:
        return WEIGHT_UNIT_ALIASES[unit.strip().lower()]
    except KeyError:
        raise ValueError(f"not a weight unit: {unit!r}; use lb or kg") from None


def find_distances(text: str) -> list[Span]:
    """Distances with a unit ("10k", "5 miles", "2000m", "7,250m", "a mile", "marathon")."""
    spans = [
        Span(m.start(), m.end(), float(m[1].replace(",", "")), _DIST_UNITS[m[2]])
        for m in DISTANCE_RE.finditer(text)
    ]
    for m in _TRACK_LAPS.finditer(text):
        spans.append(Span(m.start(), m.end(), int(m[1]) * 400.0, "m"))
    for m in _DIST_WORDS.finditer(text):
        word = m[1] or "a mile"
        value, unit = _DIST_WORD_VALUES[word.replace("-", " ") if "half" in word else word]
        spans.append(Span(m.start(), m.end(), value, unit))
    return _without_overlaps([s for s in spans if 0 < s.value <= MAX_DISTANCE])


def carry_distance_unit(text: str, default: str | None = None) -> str:
    """Give a bare run distance the last distance unit stated before it ("Thu 4 easy").

    Only a number next to a word for a kind of run takes it, and only miles or kilometres
    said as a total (not a repeat's "5x1k"). With no unit stated anywhere, a number after a
    run's kind takes `default`, the athlete's own (miles where loads are in pounds): "Easy 3
    this morning, 33 min".
    """
    stated = [
        (m.start(), _DIST_UNITS[m[2].lower()])
        for m in DISTANCE_RE.finditer(text)
        if _DIST_UNITS[m[2].lower()] in ("mi", "km") and not text[: m.start()].endswith("x")
    ]
    if not stated and (default is None or not _RUN_KIND_NUMBER.search(text)):
        return text

    def carried(m: re.Match[str]) -> str:
        # the athlete's unit only after a run's kind ("easy 3"); "5 easy between" is no run
        before: list[str | None] = [unit for start, unit in stated if start < m.start()]
        unit = before[-1] if before else default if m["n1"] and not stated else None
        if unit is None:
            return m[0]
        cut = m.end("n1" if m["n1"] else "n2") - m.start()
        return f"{m[0][:cut]} {unit}{m[0][cut:]}"

    return _BARE_RUN.sub(carried, text)


def to_metres(value: float, unit: str) -> float:
    """A distance in metres."""
    return value * METRES_PER[unit]


def format_clock(seconds: float) -> str:
    """Seconds as M:SS or H:MM:SS (tenths kept when present): 537 -> "8:57"."""
    whole = int(seconds)
    tenths = round((seconds - whole) * 10)
    if tenths == 10:
        whole, tenths = whole + 1, 0
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{text}.{tenths}" if tenths else text


def format_pace(seconds: float) -> str:
    """A pace or split as "M:SS" (tenths kept when present)."""
    return format_clock(seconds) if seconds < 3600 else format_clock(round(seconds))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest span where spans overlap, in text order."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
