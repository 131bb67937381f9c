"""Endurance sessions read from text: distance, time, paces, repeats, elevation.

`read_session` finds the numbers every sport shares; `sports.py` turns them into the run,
ride, swim or row structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .climbs import find_climb
from .literal_gate import compile_gated
from .loops import looped_distance
from .numbers import (
    NUM,
    WEIGHT_UNIT,
    Span,
    find_clocks,
    find_distances,
    find_durations,
    normalise_weight_unit,
    to_metres,
)
from .pools import MAIN_SET, SWIM_PART, pool_of, swim_text
from .restatements import restated
from .schema import Discipline, Elevation, Weight
from .session_parts import metres, seconds, whole_of_parts

CLOCK = r"(?<![\d:.])\d{1,2}:[0-5]\d(?:\.\d)?(?![\d:])"
HALF_MARATHON_KM = 21.0975
_RESULT_AHEAD = r"(?:today |yesterday |race |pb |pr |in )?\d{1,2}[:h]\d\d"
"""A finish time after a race's name ("HM today 1:42:15")."""
"""A pace, split or rep time: "M:SS" or "M:SS.s"."""
MAX_METRES = 1_000_000
"""1,000 km: the schema's bound for a rowing distance in metres, and beyond any session."""
_VEST = compile_gated(
    rf"(?<![\d.])({NUM})\s?({WEIGHT_UNIT})\s?(?:weight(?:ed)?\s)?vest\b"
    rf"|\bvest\s(?:of\s|at\s|@\s?)?({NUM})\s?({WEIGHT_UNIT})(?![a-z])"
)
_PACE = compile_gated(
    rf"(?P<clock>{CLOCK})\s?(?:min\s?)?(?:/|per\s)\s?"
    r"(?P<per>mi|mile|km|k|500m?|100m?|100\s?y(?:ds?)?)\b"
    rf"|(?P<clock2>{CLOCK})\s?(?:avg\s|average\s)?(?:pace|split)\b(?!\s(?:of\s|was\s)?\d)"
    rf"|\b(?:pace|avg|average|split|splits|avg split|avg pace)\s(?:of\s|was\s)?(?P<clock3>{CLOCK})"
    # an average is no session's time ("2:08 avg"), unless of something else ("avg hr 150",
    # "1:10 avg 230 W")
    rf"|(?P<clock4>{CLOCK})\s?(?:avg|average|ave)\b(?!\s?(?:\d|hr|heart|power|watts?|w\b|speed|cad))"
)
_REPEATS = compile_gated(
    r"(?<![\d.])(?P<n>\d{1,2})\s?x\s?\(?(?P<d>\d{1,5}(?:\.\d{1,2})?)\s?"
    r"(?:(?P<u>km|k|mi|miles?|m|meters?|metres?|yd|yds|yards?|s|sec|secs|min|mins)\b"
    r"|(?P<mark>['\"])|\b)"
    r"|(?<![\d.])(?P<d2>\d{1,5})\s?(?P<u2>m|km|k|mi|yd)?\s?(?:repeats|reps)\s?x\s?(?P<n2>\d{1,2})\b"
)
_TIME_UNITS = frozenset({"s", "sec", "secs", "min", "mins"})
_REP_TIME = re.compile(
    rf"(?:@|\bat|\bin)\s?(?:(?P<t>{CLOCK})|(?<![\d.])\d{{2,3}}(?:-\d{{2,3}})?\s?(?:s|sec|secs)\b)"
    r"\s?(?:per\s\d+|each|/\s?rep)?"
)
_REST = compile_gated(
    rf"(?:/\s?|w/\s?|with\s)?(?:{CLOCK}|\d{{1,3}}\s?(?:s|sec|min|mins))\s?"
    r"(?:rest|recovery|off(?! the bike))\b"
    r"(?! (?:row|run|jog|ride|spin|swim|walk|paddle)\b)"
    r"|\b(?:w/|with)\s\d{2,4}\s?m?\s(?:jog|walk|float)|\bon\s(?:the\s)?" + CLOCK
)
# "fueled every 45 min", "under 20 min", "1 min hard / 2 min easy", "4k @ 5:30" are not the
# session's time.
_NOT_TOTAL_BEFORE = compile_gated(
    r"(?:\b(?:every|per|under|sub|below|over|than|on|at|held)|/|@|\d-|\d:\d\d\s-)\s?~?$"
)
_DISTANCE_SLASH = compile_gated(r"\d\s?(?:km|k|mi|miles?)\s?/\s?$")
"""A slash after a distance separates it from the time: "2 mi / 40 min"."""
_NOT_TOTAL_AFTER = re.compile(
    r"s\b|\s?(?:on\s?/|off\b(?! the bike)|rest\b|\w+\s?/|-\s?\d{1,2}:\d\d(?![\d:]))"
)
"""A rest, a repeat's "on/off", or the first of a pace range ("5:40 - 4:50", from "→")."""
_TOTAL_BEFORE = compile_gated(
    r"\btotal(?: (?:ride|run|swim|session|workout|moving|elapsed))?(?: time)?"
    r"(?: of| was| is)?\s?[:=]?\s?~?$"
)
_TOTAL_AFTER = re.compile(
    r"\s?(?:(?:ride|run|row|swim|moving)\s)?(?:total|overall|all in|elapsed)\b"
    r"|\sflat(?=\s*(?:[,.;!)]|$))"  # "40 min flat", not "2 min flat recovery"
)
_AMOUNT = (
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d{1,3})?"
    r"\s?(?:km|k|mi|miles?|m|meters?|yd|yds|yards?)"
)
_TOTAL = compile_gated(
    r"(?:=\s?|total\s(?:of\s|was\s|is\s)?(?:around\s|about\s|roughly\s|~\s?)?)"
    rf"({_AMOUNT})|({_AMOUNT})(?:\s?total|\sin\stotal)"
    r"|\b(?:inside|within|(?:in the )?middle of|as part of|during) (?:an?\s|my\s|the\s)?"
    rf"({_AMOUNT})"
)
"""An explicit total: "= 9 km", "12 mi total", "total around 8.5 km", "tempo 4 mi inside an
8 mi run"."""
_BARE_TOTAL = compile_gated(r"(?<![\d.,:])(\d{1,3}(?:\.\d{1,2})?) (?:in )?total\b")
"""A total said without its unit ("3 km easy, 8 at pace, 13 in total"): the unit said before."""
_ERG_METRES = compile_gated(
    r"(?<![\d.:,x])(?<!in )(?<!since )(?<!of )(\d{3,5})"
    r"(?![\d:.,]|\s?(?:x\b|cal|kcal|w\b|watts?|spm|s/m|m\b|/|lb|kg|rep|round|sec|s\b|min|stroke))"
)
"""A number said bare on an erg ("rowed 5000 in 19:40") is metres; in a pool ("swam 2000
today", "masters swim 3400"), the pool's unit."""
_LENGTHS = compile_gated(r"(?<![\d.])(\d{1,3})\s?(?:lengths|laps)\b")
_EACH_WAY = re.compile(r"\s?(?:each way|both ways|each direction)\b")
"""An out-and-back said by its one-way distance: "1.8 miles each way" is 3.6 miles."""
THE_HALF = compile_gated(
    r"\b(?:the|a|my|first) (?:(?!(?:second|back|front|last|other|latter|bottom|top|better)\b)"
    r"[a-z']+ ){0,2}half\b(?! (?:an? |hour|mile|way|time|of\b|k\b))"
    rf"|\b(?:half|hm)(?=,? {_RESULT_AHEAD})"
)
"""A runner's "ran the half", "the Hackney half", "HM 1:42:15": a half marathon."""
_RETURN = re.compile(r"\s(?:back|home|return(?:ed)?)\b")
_RACE_MILES = compile_gated(r"(?<![\d.:])(13\.1|26\.2)(?![\d.:])")
"""A runner's bare "13.1" and "26.2": the half and the full marathon in miles."""
PARKRUN = compile_gated(r"(?<!junior )\bparkrun\b")
"""A parkrun is 5 km (a junior parkrun 2 km): the name says the distance."""
_PART_BEFORE = compile_gated(r"(?<!my )\b(?:first|last|final|middle|next|another|extra)\s$")
"""A part of a run ("the first 10 miles were chill", "last 2 miles at goal pace")."""
_AT_BEFORE = compile_gated(r"(?:(?<!called it )(?<!stopped )(?<!bailed )\bat|@)\s?$")
"""A distance "at" which something happened is a point of the run, not its length; where it
stopped ("called it at 4.5") is its length."""
# Paces faster than these are impossible; a two-part time then means H:MM, not M:SS.
_FASTEST_SECONDS_PER_KM = {
    "running": 150, "trail_running": 150, "swimming": 600, "rowing": 150, "walking": 150,
    "hiking": 150, "rucking": 150, "backpacking": 150,
}  # fmt: skip
_FASTEST_KMH_CYCLING = 70
_SHORTEST_RIDE = 10 * 60
_SLOWEST_SECONDS_PER_KM = {"running": 900, "trail_running": 1200, "rowing": 900}


@dataclass(slots=True)
class Repeat:
    """One repeated piece: 6 x 800m, 8 x 60s."""

    count: int
    distance: Span | None
    seconds: float | None


@dataclass(slots=True)
class Reading:
    """What an endurance session's text says, whatever the sport."""

    text: str
    sport: Discipline
    taken: list[tuple[int, int]] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
    paces: list[tuple[str, str | None]] = field(default_factory=list)
    """(pace "M:SS", per unit or None) as said."""
    pool_length: float | None = None
    pool_unit: Literal["m", "yd"] | None = None
    elevation: Elevation | None = None
    distance: Span | None = None
    time: float | None = None

    def free(self, start: int, end: int) -> bool:
        """Whether no other reading has claimed text[start:end]."""
        return not any(s < end and start < e for s, e in self.taken)


def read_session(text: str, sport: Discipline) -> Reading:
    """Read the shared numbers of a run, ride, swim or row; each number is used once."""
    text = swim_text(text) if sport == "swimming" else text
    reading = Reading(text, sport)
    if found := pool_of(text, sport):
        span, reading.pool_length, reading.pool_unit = found
        reading.taken += [span] if span else []
    _elevation(reading)
    _paces(reading)
    reading.taken += [m.span() for m in _REST.finditer(text)]
    _repeats(reading)
    distance = _distance(reading)
    if distance is not None and _EACH_WAY.match(text, distance.end):
        distance = Span(distance.start, distance.end, distance.value * 2, distance.unit)
    if distance is not None and to_metres(distance.value, distance.unit or "m") <= MAX_METRES:
        reading.distance = distance
    # the first candidate the distance allows: "5 min wu, 8 x 1 min, 5 min cd. 2.9 mi, 26 min"
    for chosen in _times(reading):
        reading.time = _time_of(chosen, reading, sport)
        if reading.time is not None or reading.distance is None:
            reading.taken.append((chosen.start, chosen.end))
            break
    return reading


def _time_of(chosen: Span, reading: Reading, sport: Discipline) -> float | None:
    """A candidate's seconds, read as the session's, or None when the distance rules it out."""
    text, seconds = reading.text, chosen.value
    clock = text.count(":", chosen.start, chosen.end) == 1
    if sport == "cycling" and reading.distance is None and seconds < _SHORTEST_RIDE and clock:
        return seconds * 60  # "1:15 ride total": no one logs a 75-second ride
    if reading.distance is not None:
        return _plausible(seconds, reading.distance, sport, clock)
    return seconds


def vest_weight(text: str) -> Weight | None:
    """The weight of a vest worn ("20 lb vest", "vest 10kg")."""
    match = _VEST.search(text)
    if match is None:
        return None
    value, unit = (match[1], match[2]) if match[1] else (match[3], match[4])
    return Weight(value=float(value), unit=normalise_weight_unit(unit))


def _elevation(reading: Reading) -> None:
    if found := find_climb(reading.text):
        reading.taken.append(found[0])
        reading.elevation = found[1]


def _paces(reading: Reading) -> None:
    for match in _PACE.finditer(reading.text):
        clock = match["clock"] or match["clock2"] or match["clock3"] or match["clock4"]
        reading.paces.append((clock, match["per"]))
        reading.taken.append(match.span())


def _repeats(reading: Reading) -> None:
    text = reading.text
    for match in _REPEATS.finditer(text):
        count = int(match["n"] or match["n2"])
        value, unit = match["d"] or match["d2"], match["u"] or match["u2"]
        unit = {"'": "min", '"': "s"}.get(match["mark"], unit)  # 8 x 3' / 6 x 20"
        if count == 0 or float(value) == 0:
            continue
        seconds = None
        distance = None
        if unit in _TIME_UNITS:
            seconds = float(value) * (60 if unit.startswith("min") else 1)
        else:
            found = find_distances(value + (unit or ""))
            distance = found[0] if found and unit else Span(0, 0, float(value), None)
            if to_metres(distance.value, distance.unit or "m") * count > MAX_METRES:
                continue
        rep_time = _REP_TIME.match(text, match.end() + 1) or _REP_TIME.match(text, match.end())
        if rep_time:
            seconds = find_clocks(rep_time["t"])[0].value if rep_time["t"] else None
            reading.taken.append(rep_time.span())
        reading.repeats.append(Repeat(count, distance, seconds))
        reading.taken.append(match.span())


def _distance(reading: Reading) -> Span | None:
    """The session's total distance, from the most explicit statement of it.

    An explicit total, else a distance said that covers the repeats, else the repeats added
    up when they are the whole session (never a main set alone), else the first free distance
    said; on an erg, a bare number of metres.
    """
    text = reading.text
    total = _TOTAL.search(text)
    if total and (spans := find_distances(total[1] or total[2] or total[3])):
        reading.taken.append(total.span())
        return spans[0]
    bare = _BARE_TOTAL.search(text)
    before = find_distances(text[: bare.start()]) if bare else []
    if bare and before and before[-1].unit in ("km", "mi"):
        reading.taken.append(bare.span())
        return Span(bare.start(), bare.end(1), float(bare[1]), before[-1].unit)
    if looped := looped_distance(text):  # "2 laps of the park (5.2 km each)"
        reading.taken.append((looped.start, looped.end))
        return looped
    spans = [
        span
        for span in find_distances(text)
        if reading.free(span.start, span.end)
        and not _AT_BEFORE.search(text[: span.start])
        and not _PART_BEFORE.search(text[max(0, span.start - 12) : span.start])
    ]
    said = restated(text, spans) or (spans[0] if spans else None)
    # "3x10" on a bike is minutes; only a ride's repeats with a distance unit add up.
    parts = [
        r for r in reading.repeats if r.distance and (r.distance.unit or reading.sport != "cycling")
    ]
    if parts:
        unit = next((r.distance.unit for r in parts if r.distance and r.distance.unit), None)
        unit = unit or reading.pool_unit or "m"
        value = sum(r.count * r.distance.value for r in parts if r.distance)
        if said and to_metres(said.value, said.unit or "m") >= to_metres(value, unit):
            reading.taken.append((said.start, said.end))
            return said
        swim_parts = [float(m[1]) for m in SWIM_PART.finditer(text)]
        if reading.sport == "swimming" and MAIN_SET.search(text) and not swim_parts:
            return None
        return Span(0, 0, value + sum(swim_parts) * (reading.sport == "swimming"), unit)
    if said:
        whole = whole_of_parts(text, spans, metres) if not reading.repeats else None
        reading.taken += [(s.start, s.end) for s in (spans if whole else [said])]
        return whole or _with_return_leg(reading, said)
    if PARKRUN.search(text):
        return Span(0, 0, 5.0, "km")
    if reading.sport in ("running", "trail_running") and THE_HALF.search(text):
        return Span(0, 0, HALF_MARATHON_KM, "km")
    if reading.sport in ("running", "trail_running") and (race := _RACE_MILES.search(text)):
        return Span(race.start(), race.end(), float(race[1]), "mi")
    lengths = _LENGTHS.search(text)
    if lengths and reading.pool_length:
        return Span(0, 0, int(lengths[1]) * reading.pool_length, reading.pool_unit)
    erg = _ERG_METRES.search(text) if reading.sport in ("rowing", "swimming") else None
    if erg and reading.free(*erg.span()) and 100 <= int(erg[1]) <= 42195:
        reading.taken.append(erg.span())  # a swim's bare total is in its pool's unit
        unit = reading.pool_unit if reading.sport == "swimming" else None
        return Span(erg.start(), erg.end(), float(erg[1]), unit or "m")
    return None


def _with_return_leg(reading: Reading, said: Span) -> Span:
    """Add a return leg said apart ("20 km to work and 20 km back") to the way out."""
    text = reading.text
    for leg in find_distances(text[said.end :]):
        if leg.unit == said.unit and _RETURN.match(text, said.end + leg.end):
            reading.taken.append((said.end + leg.start, said.end + leg.end))
            return Span(said.start, said.end, said.value + leg.value, said.unit)
    return said


def _times(reading: Reading) -> list[Span]:
    """The session's time, best first: one said to be the total, else free clocks, else words.

    An hours clock ("2:04:55") is always a session's; a part's time, a pace or a rest is not
    ("1 min hard / 2 min easy", "finished at 4:40", "~9:30s").
    """
    text = reading.text
    free = [s for s in find_durations(text) if reading.free(s.start, s.end)]
    totals = [
        s
        for s in free
        if _TOTAL_BEFORE.search(text[max(0, s.start - 20) : s.start])
        or _TOTAL_AFTER.match(text, s.end)
    ]
    if totals:
        return totals[:1]
    if not reading.repeats and (whole := whole_of_parts(text, free, seconds)):
        return [whole]
    spans = [
        s
        for s in free
        if text.count(":", s.start, s.end) == 2
        or (
            (
                not _NOT_TOTAL_BEFORE.search(before := text[max(0, s.start - 20) : s.start])
                or _DISTANCE_SLASH.search(before)
            )
            and not _NOT_TOTAL_AFTER.match(text, s.end)
        )
    ]
    clocks = [s for s in spans if ":" in text[s.start : s.end]]
    return clocks + [s for s in spans if s not in clocks] if clocks else spans


def _plausible(seconds: float, distance: Span, sport: Discipline, clock: bool) -> float | None:
    """Read a two-part clock as H:MM when M:SS would be faster than any human.

    A worded duration that fast ("20 min tempo in the middle of 7mi") is a part's time, not
    the session's.
    """
    km = to_metres(distance.value, distance.unit or "m") / 1000
    if km <= 0 or seconds <= 0 or seconds >= 3600:
        return seconds
    if sport == "cycling":
        too_fast = km / (seconds / 3600) > _FASTEST_KMH_CYCLING
    else:
        too_fast = seconds / km < _FASTEST_SECONDS_PER_KM.get(sport, 0)
    if not too_fast:
        return seconds
    if not clock or seconds >= 100 * 60:
        return None
    slowest = _SLOWEST_SECONDS_PER_KM.get(sport)
    # "6:40" over 5 miles is neither 6 minutes nor 6 hours: a pace said without its unit
    return None if slowest and seconds * 60 / km > slowest else seconds * 60
