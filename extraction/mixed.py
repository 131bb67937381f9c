"""HIIT and circuits, and the phase-based disciplines.

The phase-based ones: hyrox, hybrid, rucking, backpacking, yoga, martial arts, climbing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .boundary_cues import TABATA_TIMING
from .crossfit import time_domain
from .endurance import read_session, vest_weight
from .lifting import MAX_SETS
from .literal_gate import compile_gated
from .movement_lists import Item, parse_items
from .numbers import find_clocks, find_distances, find_durations, find_weights
from .parser import Lift, parse_lifts
from .schema import (
    BackpackingData,
    Discipline,
    HiitData,
    HiitExercise,
    Phase,
    PhaseExercise,
    PhasesData,
    PhaseSet,
    RuckingData,
    SportData,
    WalkingData,
    Weight,
    WeightUnit,
)
from .schema import (
    HiitProtocol as Protocol,
)

_ON_OFF = compile_gated(
    r"(?<![\d.])(\d{1,3})\s?(s|sec|secs|min|mins)?\s?(?:on|work)\s?[/,]?\s?(\d{1,3})\s?"
    r"(s|sec|secs|min|mins)?\s?(?:off|rest|transition|rotate|to (?:move|rotate|switch)|switch)\b"
)
"""Work and rest: "40s on/20s off", "40 on 20 off", "45 on, 15 off", "40s work / 20s
transition" (seconds unless said)."""
_PART = re.compile(r"\s?(?:on\s?(?:/|\d)|off\b|rest\b|work\b|(?:a|per) round\b)")
_REPEATED = re.compile(r"(?:\d|rounds?|rds)\s?x\s?$|/\s?$")
"""Before a repeat's time ("10 x 1 min") or the rest half of a pair ("1 min sprint / 1 min")."""
_TOTAL_AFTER = re.compile(r"\s?(?:in )?(?:total|all in|overall|all told|start to finish)\b")
_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?: time)?|all in|overall|whole (?:thing|session|class|workout)(?: took| was)?)"
    r"\W{0,3}(?:was |of |in |about |~)?$"
)
_BARE_MINUTES = compile_gated(
    r"\b(?:the )?full (90|80|70|60)\b(?! ?(?:min|m\b|'|s\b))|"
    r"\b(?:yoga|pilates|flow|vinyasa|yin|gi|no-?gi|bjj|jitsu|boxing|muay thai|kickboxing|judo|"
    r"karate|mma|sparring|class|session|mobility|stretch(?:ing)?|bouldering|climbing|soccer|"
    r"football|footy|basketball|hoops|tennis|squash|hockey|rugby|volleyball|pickleball|padel)"
    r" \(?(\d{2,3})(?=\s*(?:$|[,.;!)\n+&]))"
)
_ROUNDS = compile_gated(r"(?<![\d.])(\d{1,2})\s?(?:rounds?|rds|blocks)\b")
_GROUPED_ROUNDS = compile_gated(r"(?<![\d.])(\d{1,2})\s?x\s?\(")
_PROTOCOLS: tuple[tuple[Protocol, re.Pattern[str]], ...] = (
    ("tabata", re.compile(r"\btabatas?\b|" + TABATA_TIMING)),
    ("emom", re.compile(r"\bemom\b")),
    ("amrap", re.compile(r"\bamrap\b")),
    # stations rotated on a clock are a circuit, whatever the work and rest
    ("circuit", re.compile(r"\bcircuit\b|\b" + cues.CIRCUIT_STATION)),
    ("intervals", re.compile(r"\bon\s?/|\bintervals?\b|\d\s?x\s?\d{1,3}\s?(?:s|secs?|seconds)\b")),
)
CARRY = cues.CARRY
_SHORTEST_OUTING = 10 * 60
"""Seconds: a sport's session said on a clock as less than this is hours and minutes."""
_DAYS = compile_gated(r"(?<![\d.])(\d{1,2})\s?days?\b")
_NIGHTS = compile_gated(r"(?<![\d.])(\d{1,2})\s?nights?\b")


@dataclass(slots=True)
class MixedResult:
    """A HIIT or phase-based session read from text."""

    data: HiitData | PhasesData
    duration: float | None
    unit_assumed: bool = False


def parse_hiit(text: str, units: WeightUnit) -> MixedResult:
    """Read a HIIT class or circuit: protocol, work/rest, rounds and movements."""
    on_off = _ON_OFF.search(text)
    work = rest = None
    if on_off:
        work = float(on_off[1]) * (60 if (on_off[2] or on_off[4] or "s")[0] == "m" else 1)
        rest = float(on_off[3]) * (60 if (on_off[4] or "s")[0] == "m" else 1)
    rounds = _ROUNDS.search(text)
    protocol = next((name for name, pattern in _PROTOCOLS if pattern.search(text)), None)
    protocol = protocol or ("intervals" if on_off else "circuit" if rounds else None)
    assumed = False
    exercises = []
    for item in parse_items(text):
        weight, guessed = _weight(item, units)
        assumed = assumed or guessed
        exercises.append(
            HiitExercise(
                exercise_name=item.movement.name,
                exercise_name_raw=item.raw,
                reps=item.reps,
                weight=weight,
                calories=item.calories,
            )
        )
    data = HiitData(
        protocol=protocol,
        work_duration=work,
        rest_duration=rest,
        total_rounds=int(rounds[1]) if rounds and int(rounds[1]) else None,
        exercises=exercises,
    )
    length = _duration(text, on_off.span() if on_off else None) or time_domain(text)
    return MixedResult(data, length, assumed)


def parse_phases(text: str, discipline: Discipline, units: WeightUnit) -> MixedResult:
    """Read a phase-based session; rucking and backpacking add pack, distance and time."""
    if discipline in CARRY:
        return _carry(text, discipline)
    if discipline == "sports":
        sport = cues.SPORTS.search(text)
        name = sport[0].replace(" ", "_") if sport else None
        time = _hours_clock(text, _duration(text, None)) or _bare_minutes(text)
        covered = next(iter(find_distances(text)), None)
        data = SportData(
            sport=name,
            total_time=time,
            total_distance=covered.value if covered else None,
            distance_unit=covered.unit if covered else None,  # type: ignore[arg-type]
        )
        return MixedResult(data, time)
    items = parse_items(text)
    lifts = {lift.movement.name: lift for lift in parse_lifts(text)}
    grouped = _GROUPED_ROUNDS.search(text)
    assumed = False
    exercises = []
    for item in items:
        sets, guessed = _phase_sets(item, lifts.get(item.movement.name), units)
        assumed = assumed or guessed
        exercises.append((item, PhaseExercise(exercise_name=item.movement.name, sets=sets)))
    if grouped or len(exercises) < 2:
        name = discipline.replace("_", " ")
        phases = [
            Phase(
                phase_name=name,
                phase_type="main",
                rounds=int(grouped[1]) if grouped else None,
                exercises=[e for _, e in exercises],
            )
        ]
    else:
        phases = [
            Phase(phase_name=item.raw, phase_type=_phase_type(item), exercises=[exercise])
            for item, exercise in exercises
        ]
    length = _duration(text, None) or _bare_minutes(text)
    return MixedResult(PhasesData(phases=phases), length, assumed)


def _carry(text: str, discipline: Discipline) -> MixedResult:
    """A ruck, walk or hike, read like a run plus the load carried.

    Distance, time and climb as for a run; a vest's weight is kept apart from a pack's.
    """
    reading = read_session(text, discipline)
    vest = vest_weight(text)
    weights = [w for w in find_weights(text) if vest is None or w.value != vest.value]
    distance = reading.distance
    said = distance is not None and distance.end > 0
    if reading.repeats and not said:  # no repeats in the schema: only a distance said counts
        spans = find_distances(text)
        distance = next((s for s in spans if reading.free(s.start, s.end)), None)
    fields = RuckingData(
        pack_weight=Weight(value=weights[0].value, unit=weights[0].unit) if weights else None,  # type: ignore[arg-type]
        total_distance=distance.value if distance else None,
        distance_unit=distance.unit if distance else None,  # type: ignore[arg-type]
        total_time=reading.time,
        elevation_gain=reading.elevation,
        vest_weight=vest,
    )
    if discipline == "rucking":
        return MixedResult(fields, reading.time)
    if discipline in ("walking", "hiking"):
        return MixedResult(WalkingData(**fields.model_dump(exclude_none=True)), reading.time)
    days, nights = _DAYS.search(text), _NIGHTS.search(text)
    data = BackpackingData(
        **fields.model_dump(exclude_none=True),
        days=int(days[1]) if days and int(days[1]) else None,
        nights=int(nights[1]) if nights else None,
    )
    return MixedResult(data, reading.time)


def _phase_sets(item: Item, lift: Lift | None, units: WeightUnit) -> tuple[list[PhaseSet], bool]:
    """A lift's sets as read by the lifting parser, or the item's reps, load and distance."""
    groups = lift.groups if lift is not None and item.movement.family != "cardio" else []
    if groups:
        sets, assumed = [], False
        for group in groups:
            weight = None
            if group.load is not None:
                weight = Weight(value=group.load.value, unit=group.load.unit or units)
                assumed = assumed or group.load.unit is None
            reps_list: list[int | None] = [*group.reps_list] or [group.reps] * min(
                group.count or 1, MAX_SETS
            )
            sets += [PhaseSet(reps=r, weight=weight) for r in reps_list if r or weight]
        return sets[:MAX_SETS], assumed
    weight, assumed = _weight(item, units)
    if item.reps is None and item.distance is None and weight is None:
        return [], False
    phase_set = PhaseSet(
        reps=item.reps, weight=weight, distance=item.distance, distance_unit=item.distance_unit
    )
    return [phase_set], assumed


def _weight(item: Item, units: WeightUnit) -> tuple[Weight | None, bool]:
    if item.load is None:
        return None, False
    return Weight(value=item.load.value, unit=item.load.unit or units), item.load.unit is None


def _phase_type(item: Item) -> str:
    if item.movement.family == "cardio":
        return item.movement.category
    return "strength" if item.movement.movement_type == "barbell" else "station"


def _bare_minutes(text: str) -> float | None:
    """Minutes said as a bare number after a class or a game: "yin yoga 60", "the full 90".

    No one logs a yoga class or a match by a count.
    """
    match = _BARE_MINUTES.search(text)
    if match is None:
        return None
    minutes = int(match[1] or match[2])
    return minutes * 60.0 if 15 <= minutes <= 180 else None


def _hours_clock(text: str, seconds: float | None) -> float | None:
    """A game, a ski or a paddle of "1:05" lasted an hour and five minutes, not 65 seconds."""
    if seconds is None or seconds >= _SHORTEST_OUTING:
        return seconds
    clock = next((c for c in find_clocks(text) if c.value == seconds), None)
    return seconds * 60 if clock and text.count(":", clock.start, clock.end) == 1 else seconds


def _duration(text: str, skip: tuple[int, int] | None) -> float | None:
    """The session's length: the duration said to be the total, else the first one.

    A part's work or rest is none ("40s on"); "20 min bike, some DB presses, an hour in
    total" took an hour.
    """
    first = None
    for span in find_durations(text):
        if skip and skip[0] <= span.start < skip[1]:
            continue
        if _PART.match(text, span.end) or _REPEATED.search(
            text, max(0, span.start - 8), span.start
        ):
            continue  # a part's work or rest, or one repeat's ("10 x 1 min sprint / 1 min walk")
        if _TOTAL_AFTER.match(text, span.end) or _TOTAL_BEFORE.search(text, 0, span.start):
            return span.value
        first = span.value if first is None else first
    return first
