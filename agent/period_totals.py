"""What a period's workouts add up to, per discipline: sessions, distance and time.

"How far did I run this week?" wants a sum, and a model adding up a list of summaries gets
it wrong often enough; the tool says it. Distance is said in the unit the athlete logged
most (miles stay miles; swims and rows stay in metres or yards); time is summed only when
every session of the discipline has one, so a total is never a silent undercount.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from agent.history_index import structure
from extraction.numbers import METRES_PER, format_clock
from storage.models import WorkoutRecord

_SAID_IN = {"m": "km", "km": "km", "mi": "mi", "yd": "yd"}
"""The unit a total is said in, by the unit logged (swims and rows: metres, not km)."""


def _distance(block: dict[str, Any]) -> tuple[float, str] | None:
    value, unit = block.get("total_distance"), block.get("distance_unit") or "m"
    if not isinstance(value, int | float) or unit not in METRES_PER:
        return None
    return value * METRES_PER[unit], unit


def _time(record: WorkoutRecord, block: dict[str, Any]) -> float | None:
    value = block.get("total_time") or record.workout_data.get("duration")
    return float(value) if isinstance(value, int | float) else None


def _said(metres: float, units: Counter[str], discipline: str) -> str:
    unit = _SAID_IN[units.most_common(1)[0][0]]
    if discipline in ("swimming", "rowing") and unit == "km":
        unit = "m"
    value = metres / METRES_PER[unit]
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def period_totals(workouts: Iterable[WorkoutRecord]) -> list[dict[str, Any]]:
    """Per discipline, in order of first appearance: sessions, and distance and time when known."""
    grouped: dict[str, list[WorkoutRecord]] = {}
    for workout in workouts:
        grouped.setdefault(workout.discipline, []).append(workout)
    totals = []
    for discipline, records in grouped.items():
        total: dict[str, Any] = {"discipline": discipline, "sessions": len(records)}
        blocks = [(r, structure(r)) for r in records]
        distances = [d for _, b in blocks if (d := _distance(b))]
        if distances:
            metres = sum(m for m, _ in distances)
            total["distance"] = _said(metres, Counter(u for _, u in distances), discipline)
        times = [_time(r, b) for r, b in blocks]
        if all(t is not None for t in times):
            total["time"] = format_clock(sum(t for t in times if t is not None))
        totals.append(total)
    return totals
