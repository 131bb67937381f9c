"""Is every number in an extraction traceable to the message?

A number is grounded when it is in the message, follows from one by a unit conversion
(lb/kg, km/m/mi/yd/ft, minutes/hours to seconds, pood), is a product of a count and a number
said ("6x800m" -> 4800), is all the distances or all the times said added up ("2 mi wu, 4 mi
tempo, 1 mi cd" -> 7), is a half marathon's or a parkrun's distance where one is named, comes
from the named benchmark's prescription, or is derived from the workout's own distance and time
(pace, split, speed). The LLM path runs this on every model extraction; the deterministic
extractor passes it by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import named_workouts
from .cleaning import normalise
from .endurance import HALF_MARATHON_KM, PARKRUN, THE_HALF
from .numbers import (
    KG_PER_LB,
    KG_PER_POOD,
    METRES_PER,
    clock_to_seconds,
    find_clocks,
    find_distances,
    find_durations,
)
from .pools import COURSE, COURSE_POOL
from .schema import Workout

_WORDS = {
    "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
    "eight": 8.0, "nine": 9.0, "ten": 10.0, "single": 1.0, "double": 2.0, "triple": 3.0,
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")s?\b")
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?")
_SKIPPED = frozenset({"set_number", "round_number", "segment_number", "interval_number"})
_SKIPPED_TREES = frozenset({"metadata", "pr_achievements", "coach_notes"})
_FACTORS: dict[str, tuple[float, ...]] = {
    "weight": (1.0, KG_PER_LB, 1 / KG_PER_LB, KG_PER_POOD),
    "distance": (
        1.0, 1000.0, 1 / 1000, METRES_PER["mi"], 1 / METRES_PER["mi"], METRES_PER["yd"],
        1 / METRES_PER["yd"], 0.3048,
    ),
    "time": (1.0, 60.0, 3600.0),
    "other": (1.0,),
}  # fmt: skip
_WEIGHT_PARENTS = frozenset(
    {"weight", "pack_weight", "vest_weight", "opener", "second_attempt", "third_attempt"}
)
_TIME_KEYS = frozenset(
    {
        "time", "total_time", "duration", "session_duration", "rest_time", "rest", "hold_time",
        "time_cap", "work_duration", "rest_duration", "interval", "round_times",
        "rest_between_sets",
    }
)  # fmt: skip
_MAX_COUNT = 99
"""A product is grounded only when one factor is a plausible count (sets, repeats, lengths)."""


@dataclass(frozen=True, slots=True)
class GroundingReport:
    """The result of a grounding check."""

    ok: bool
    ungrounded: list[str] = field(default_factory=list)
    """Paths of numbers that trace to nothing, e.g.
    "discipline_specific.powerlifting.exercises[0].sets[1].weight.value"."""


def check_grounding(workout: Workout, text: str) -> GroundingReport:
    """Check that every number in `workout` traces to `text` (see the module docstring)."""
    base = _with_products(_numbers_in(normalise(text).lower()))
    bench = named_workouts.lookup(workout.workout_name or "")
    if bench is not None:
        base |= bench.numbers()
    dump = workout.model_dump(mode="json", exclude_none=True)
    allowed = {kind: _convert(base, factors) for kind, factors in _FACTORS.items()}
    derived = _derived(dump)
    allowed["time"] |= derived
    allowed["distance"] |= derived
    bad = [path for path, value in _leaves(dump, "") if not _grounded(value, allowed[_kind(path)])]
    return GroundingReport(ok=not bad, ungrounded=bad)


def _kind(path: str) -> str:
    """What a number measures, from where it sits: a weight, distance, time, or anything."""
    parts = re.sub(r"\[\d+\]", "", path).split(".")
    key = parts[-1]
    parent = parts[-2] if len(parts) > 1 else ""
    if key == "value" and parent in _WEIGHT_PARENTS:
        return "weight"
    if (
        "elevation" in parent
        or "distance" in key
        or "elevation" in key
        or key in ("pool_length", "altitude")
    ):
        return "distance"
    if key in _TIME_KEYS or key.startswith("zone_") or key.endswith(("pace", "split")):
        return "time"
    return "other"


def _numbers_in(text: str) -> set[float]:
    """Numbers said in digits, in words ("a triple" = 3) or as durations ("5h48")."""
    found = {float(m.replace(",", "")) for m in _NUMBER.findall(text)}
    found |= {span.value for span in find_durations(text)}
    found |= {span.value for span in find_clocks(text)}
    found |= {span.value for span in find_distances(text)}
    found |= {_WORDS[word] for word in _WORD.findall(text)}
    found |= {COURSE_POOL[code][0] for code in COURSE.findall(text)}  # "scy": a 25 yd pool
    # a session said as its parts ("2 mi wu, 4 mi tempo, 1 mi cd"): all of them added up
    found |= {sum((span.value for span in find_durations(text)), 0.0)}
    found |= {sum((span.value for span in find_distances(text)), 0.0)}
    if THE_HALF.search(text):  # "the Hackney half": a half marathon
        found.add(HALF_MARATHON_KM)
    if PARKRUN.search(text):  # a parkrun is 5 km
        found.add(5.0)
    # One rep needs no saying: attempts, "worked up to 100kg", a PR single.
    return found | {1.0}


def _with_products(numbers: set[float]) -> set[float]:
    """The numbers and count-by-number products ("6x800m" -> 4800)."""
    counts = [n for n in numbers if n.is_integer() and 1 < n <= _MAX_COUNT]
    return numbers | {c * n for c in counts for n in numbers}


def _convert(numbers: set[float], factors: tuple[float, ...]) -> set[float]:
    return {n * factor for n in numbers for factor in factors}


def _derived(dump: dict[str, Any]) -> set[float]:
    """Values that follow from the workout's own numbers, so they count as grounded.

    Pace, split and speed from distance and time, and a total distance that adds up its own
    sets or segments.
    """
    out: set[float] = set()
    for node in _nodes(dump):
        parts = node.get("sets") or node.get("segments") or node.get("intervals") or []
        if isinstance(parts, list) and parts and all(isinstance(p, dict) for p in parts):
            out.add(
                sum(
                    (p.get("repeats") or p.get("repeat") or 1) * (p.get("distance") or 0)
                    for p in parts
                )
            )
        distance, time = node.get("total_distance"), node.get("total_time")
        if distance and time:
            metres = distance * METRES_PER.get(node.get("distance_unit") or "m", 1.0)
            out |= {time / distance, time / (metres / 500), distance / (time / 3600)}
            out |= {metres / (time / 3600) / 1000}
    return out


def _grounded(value: float, allowed: set[float]) -> bool:
    if value == 0:
        return True
    return any(abs(value - a) <= max(0.05, 0.01 * abs(a)) for a in allowed)


def _leaves(node: Any, path: str) -> Iterator[tuple[str, float]]:
    """(path, number) for every number in the dump, paces and "12+5" scores included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _SKIPPED or key in _SKIPPED_TREES:
                continue
            yield from _leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, f"{path}[{index}]")
    elif isinstance(node, bool):
        return
    elif isinstance(node, int | float):
        yield path, float(node)
    elif isinstance(node, str) and (seconds := clock_to_seconds(node)) is not None:
        yield path, seconds
    elif isinstance(node, str) and re.fullmatch(r"\d{1,4}\+\d{1,4}", node):
        for part in node.split("+"):
            yield path, float(part)


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)
