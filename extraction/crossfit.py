"""CrossFit sessions: benchmark or written-out workout, format, Rx, score."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from . import cues, named_workouts
from .literal_gate import compile_gated
from .movement_lists import Item, parse_items, vest_spans
from .named_workouts import Benchmark, Part
from .numbers import MAX_LOAD, Span, find_clocks, find_durations, find_weights
from .raw_loads import RawLoad, make_load
from .schema import (
    CrossfitData,
    CrossfitExercise,
    CrossfitFormat,
    CrossfitReps,
    CrossfitRound,
    PerformanceData,
    Score,
    WeightUnit,
)
from .schema import Load as LoadModel
from .vocabulary import MOVEMENTS

_ROUNDS_PLUS = compile_gated(
    r"(?<![\d.:x])(?<!@)(?<!@ )(?<!\bat )(?<!x\()(?<!x \()"
    r"(\d{1,3})(?:\s?(?:full\s)?(?:rounds?|rds?|rnds?)?\s?(?:\+|and|plus)\s?|r(?=\d{1,2}\b)"
    r"|\s?(?:rounds?|rds?|rnds?),?\s(?=\d{1,3}\s?reps?\b))(\d{1,3})(?:\s?reps?)?"
    r"(?![\d:.]|\s?(?:m|k|km|cal|lb|kg|#)\b)"
)
"""A rounds-plus-reps score: "12+5", "12 rounds and 5 reps", "12r5", "12 rounds, 5 reps"."""
_ROUNDS_ONLY = compile_gated(
    r"(?<![\d.:x-])(\d{1,3})\s?(?:full\s)?(?:rounds?|rds?)\b(?!\s?(?:of|for|x)\b|\s?:)"
)
_ROUNDS_PRESCRIBED = compile_gated(r"(?<![\d.:x-])(\d{1,2})\s?(?:rounds?|rds|rft)\b")
_TIME_DOMAIN = compile_gated(
    r"\b(?:amrap|emom)\s?(?:in\s|for\s)?(\d{1,2})(?![\d.]|:\d)(?:\s?(?:min|mins|minutes)\b|')?"
    r"|(?<![\d.:])(\d{1,2})\s?(?:-?\s?min(?:ute)?s?|')\s?(?:amrap|emom)\b"
)
_CAP = compile_gated(
    r"\b(?:time\s?cap|cap|tc)\s?(?:of\s)?(\d{1,2})(?::(\d\d))?(?![\d.:])\s?(?:min|mins|minutes)?"
    r"|(?<![\d.:])(\d{1,2})\s?(?:min|minute)s?\s?(?:time\s)?cap\b"
)
_NOT_A_SCORE_AFTER = re.compile(r"\s?(?:/|pace|rest|per\b|split|on\b|off\b)")
_NOT_A_SCORE_BEFORE = re.compile(
    r"(?:cap|tc|every|on|@|(?<!finished )(?<!done )(?<!came in )(?<!stopped )(?<!clock )at)\s?$"
)
"""Clocks that are a cap, an interval or a load; "finished at 41:12" is the time itself."""
_RX = compile_gated(r"\brx\s?\+|\brx'?d?\b|\bas prescribed\b|\bscaled\b")
_TOOK = compile_gated(
    r"\b(?:took(?: me)?|in|time(?: was)?:?)\s(?:like |about |around |just under |under )?"
    r"(\d{1,3}(?:\.\d)?(?![\d.:])\s?(?:min|mins|minutes)\b)"
)
_WORDED_RESULT = compile_gated(
    r"(?<![\d.])(?:(?P<h>\d{1,2})\s?(?:h|hrs?|hours?),?\s?(?:and\s)?(?P<hm>\d{1,2})\s?"
    r"(?:m|mins?|minutes?)|(?P<m>\d{1,3})\s?(?:m|mins?|minutes?),?\s?(?:and\s)?(?P<ms>\d{1,2})"
    r"\s?(?:s|secs?|seconds?))\b"
)
"""A finish time in words with two units: "12 min 30 sec", "1 hour 2 min"."""
_LAST_SAID = compile_gated(r"(?:^|[.,;-]\s?)(\d{1,3}(?:\.\d)?\s?(?:min|mins|minutes))\W{0,3}$")
"""Minutes said alone at the end of a WOD for time ("4 rounds: …, 10 pull ups. 24 min")."""
_AT_LOAD = compile_gated(
    r"(?:@|\bat\b|\bwith(?: the| a)?\b|\bw/?|\(|\bscaled\b|\brx'?d?\b)\s?(\d{2,3}(?:\.5)?)"
    r"(?![\d:.]|\s?(?:min|sec|s\b|rounds?|rds|reps?|cals?|m\b|km|%))"
)
_TOTAL_REPS = compile_gated(
    r"\btotal(?: [a-z]+)? (\d{1,4})(?![\d.:])|(?<![\d.:])(\d{1,4}) total reps\b"
)


@dataclass(slots=True)
class CrossfitResult:
    """A CrossFit session read from text."""

    data: CrossfitData
    name: str | None = None
    duration: float | None = None
    benchmark: Benchmark | None = None
    unit_assumed: bool = False
    notes: list[str] = field(default_factory=list)


class _Score(NamedTuple):
    time: float | None
    rounds: int | None
    extra: int | None


def parse_crossfit(text: str, cased: str, units: WeightUnit) -> CrossfitResult:
    """Read a CrossFit session: the benchmark or movement list, format, Rx and score."""
    bench = named_workouts.find(text, cased)
    found = cues.format_of(text)
    fmt: CrossfitFormat | None = found[1] if found else (bench.format if bench else None)
    blanked, score = _score(text, fmt)
    scheme = cues.REP_SCHEME.search(blanked)
    blanked = _blank(blanked, [m.span() for m in cues.REP_SCHEME.finditer(blanked)])
    rounds = _ROUNDS_PRESCRIBED.search(blanked)
    items = parse_items(_blank(blanked, [m.span() for m in _ROUNDS_PRESCRIBED.finditer(blanked)]))
    rx = _rx(text)
    result = CrossfitResult(CrossfitData(), bench.name if bench else None, benchmark=bench)
    vests = vest_spans(text)
    if vests:
        result.notes.append("wore a weight vest")
    taken = vests + [item.load_span for item in items if item.load_span]
    loose = [w for w in find_weights(text) if not any(s <= w.start < e for s, e in taken)]
    if bench and not loose:
        loose = _bare_loads(blanked, taken)
    if bench:
        exercises = _benchmark_exercises(bench, items, loose, units, rx, result)
        rep_scheme = bench.rep_scheme or (f"{bench.rounds} rounds" if bench.rounds else None)
    else:
        exercises = [_exercise(item, units, result) for item in items]
        _place_loose_weight(exercises, loose, units)
        rep_scheme = scheme["scheme"] if scheme else (f"{rounds[1]} rounds" if rounds else None)
    fmt = fmt or _format_from_score(score, rep_scheme)
    if fmt == "amrap" and score.rounds is None:
        only = list(_ROUNDS_ONLY.finditer(text))
        score = _Score(score.time, int(only[-1][1]), 0) if only else score
    result.data = CrossfitData(
        workout_format=fmt,
        time_cap=_cap(text),
        rx_status=rx,  # type: ignore[arg-type]
        rounds=[CrossfitRound(round_number=1, rep_scheme=rep_scheme, exercises=exercises)],
        performance_data=_performance(text, score),
    )
    domain = time_domain(text) or (bench.time_cap if bench else None)
    result.duration = score.time if score.time is not None else domain
    return result


def _bare_loads(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Loads said without a unit apart from any movement: "DT @ 115", "Helen with the 24"."""
    return [
        Span(m.start(), m.end(), float(m[1]))
        for m in _AT_LOAD.finditer(text)
        if not any(s <= m.start(1) < e for s, e in taken) and float(m[1]) <= MAX_LOAD
    ]


def _score(text: str, fmt: CrossfitFormat | None) -> tuple[str, _Score]:
    """The time or rounds score, and the text with score numbers blanked out."""
    spans: list[tuple[int, int]] = []
    rounds = _ROUNDS_PLUS.search(text)
    done = extra = None
    if rounds:
        done, extra = int(rounds[1]), int(rounds[2])
        spans.append(rounds.span())
    total_time = None
    for clock in find_clocks(text):
        before = text[max(0, clock.start - 24) : clock.start]
        if _NOT_A_SCORE_AFTER.match(text, clock.end) or _NOT_A_SCORE_BEFORE.search(before):
            continue
        if total_time is None and fmt != "amrap":
            total_time = clock.value
        spans.append((clock.start, clock.end))
    if total_time is None and fmt not in ("amrap", "emom", "tabata", "intervals"):
        worded = _WORDED_RESULT.search(text)
        took = _TOOK.search(text) or _LAST_SAID.search(text)
        if worded and worded["h"]:
            total_time = int(worded["h"]) * 3600.0 + int(worded["hm"]) * 60
        elif worded:
            total_time = int(worded["m"]) * 60.0 + int(worded["ms"])
        elif took:
            total_time = find_durations(took[1])[0].value
    return _blank(text, spans), _Score(total_time, done, extra)


def _performance(text: str, score: _Score) -> PerformanceData | None:
    total = _TOTAL_REPS.search(text)
    total_reps = int(total[1] or total[2]) if total else None
    if score.time is not None:
        value = Score(value=score.time, type="time", unit="seconds")
    elif score.rounds is not None:
        value = Score(value=f"{score.rounds}+{score.extra or 0}", type="rounds", unit="rounds")
    elif total_reps is not None:
        value = Score(value=total_reps, type="reps", unit="reps")
    else:
        return None
    return PerformanceData(
        total_time=score.time,
        rounds_completed=score.rounds,
        additional_reps=score.extra if score.rounds is not None else None,
        total_reps=total_reps,
        score=value,
    )


def _format_from_score(score: _Score, rep_scheme: str | None) -> CrossfitFormat | None:
    if score.time is not None or rep_scheme:
        return "for_time"
    return "amrap" if score.rounds is not None else None


def time_domain(text: str) -> float | None:
    """The AMRAP or EMOM length in seconds ("20 min AMRAP", "EMOM 12")."""
    match = _TIME_DOMAIN.search(text)
    return float(match[1] or match[2]) * 60 if match else None


def _cap(text: str) -> float | None:
    match = _CAP.search(text)
    if not match:
        return None
    return float(match[1] or match[3]) * 60 + (int(match[2]) if match[2] else 0)


def _rx(text: str) -> str | None:
    match = _RX.search(text)
    if not match:
        return None
    word = match[0].replace(" ", "")
    return "scaled" if word == "scaled" else "rx_plus" if word.endswith("+") else "rx"


def _benchmark_exercises(
    bench: Benchmark,
    items: list[Item],
    loose: list[Span],
    units: WeightUnit,
    rx: str | None,
    result: CrossfitResult,
) -> list[CrossfitExercise]:
    """The benchmark's movements, with what the athlete said about each (load, variation)."""
    by_part: dict[str, Item] = {}
    for item in items:
        part = _matching_part(bench, item)
        if part is not None and part.name not in by_part:
            by_part[part.name] = item
    prescribed = {float(n) for n in re.findall(r"\d+", bench.rep_scheme or "")}
    exercises = []
    for part in bench.parts:
        found = by_part.get(part.name)
        said = _said_load(found, part, prescribed)
        if said is None and loose:
            said = make_load(str(loose[0].value), loose[0].unit)
        exercises.append(
            CrossfitExercise(
                exercise_name=part.name,
                exercise_name_raw=found.raw if found else None,
                movement_type=MOVEMENTS[part.name].movement_type,
                variation=found.raw if found and found.movement.name != part.name else None,
                weight=_part_load(part, said, units, rx, result),
                reps=CrossfitReps(prescribed=part.reps) if part.reps else None,
                distance=part.distance,
                distance_unit=part.distance_unit,
            )
        )
    return exercises


def _said_load(item: Item | None, part: Part, prescribed: set[float]) -> RawLoad | None:
    """The load said with a movement: "135# cleans", or "225 deadlifts" in a 21-15-9."""
    if item is None:
        return None
    if item.load is not None:
        return item.load
    number = item.bare_number
    if number is not None and number >= 20 and number != part.reps and number not in prescribed:
        return make_load(str(number), None)
    return None


def _part_load(
    part: Part, said: RawLoad | None, units: WeightUnit, rx: str | None, result: CrossfitResult
) -> LoadModel | None:
    """The load of a benchmark movement: as said, or the Rx load when done Rx; never guessed."""
    if part.rx_lb is None or part.rx_kg is None:
        return None
    if said is None:
        if rx != "rx":
            return None
        value = part.rx_lb if units == "lb" else part.rx_kg
        return LoadModel(value=value, unit=units, rx_weight=value)
    unit = said.unit or units
    result.unit_assumed = result.unit_assumed or said.unit is None
    rx_value = part.rx_lb if unit == "lb" else part.rx_kg
    return LoadModel(value=said.value, unit=unit, rx_weight=rx_value)


def _matching_part(bench: Benchmark, item: Item) -> Part | None:
    """The benchmark movement an item names, variations included ("power snatched")."""
    move = item.movement
    for part in bench.parts:
        if move.name == part.name or (move.family == "olympic" and move.category == part.name):
            return part
    return None


def _exercise(item: Item, units: WeightUnit, result: CrossfitResult) -> CrossfitExercise:
    load = None
    if item.load is not None:
        load = LoadModel(value=item.load.value, unit=item.load.unit or units)
        result.unit_assumed = result.unit_assumed or item.load.unit is None
    return CrossfitExercise(
        exercise_name=item.movement.name,
        exercise_name_raw=item.raw,
        movement_type=item.movement.movement_type,
        weight=load,
        reps=CrossfitReps(prescribed=item.reps) if item.reps else None,
        distance=item.distance,
        distance_unit=item.distance_unit,
        calories=item.calories,
    )


def _place_loose_weight(
    exercises: list[CrossfitExercise], loose: list[Span], units: WeightUnit
) -> None:
    """A weight said apart from any movement goes to the one loaded movement, if only one."""
    loaded = [e for e in exercises if e.movement_type in ("barbell", "dumbbell", "kettlebell")]
    if loose and len(loaded) == 1 and loaded[0].weight is None:
        loaded[0].weight = LoadModel(value=loose[0].value, unit=loose[0].unit or units)  # type: ignore[arg-type]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace spans with spaces, keeping every offset."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
