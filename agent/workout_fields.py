"""Corrections to one field of a workout's stored data: time, weight, unit, reps, distance.

Each edits the workout's JSON in place and says what changed; the editor
(agent/workout_edits.py) picks the workout, re-validates the result and records the
change. A date changes the workout's id, so the editor handles it itself.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from agent.workouts import format_value
from extraction.numbers import find_weights, parse_duration
from storage.models import WorkoutRecord

Field = Literal["time", "weight", "unit", "date", "distance", "reps"]
FIELDS: tuple[str, ...] = ("time", "weight", "unit", "date", "distance", "reps")
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)\s?(km|k|mi|miles?|m)\b")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _block(workout: WorkoutRecord, data: dict[str, Any]) -> dict[str, Any]:
    specific = data.setdefault("discipline_specific", {})
    block = specific.setdefault(workout.discipline, {})
    return block if isinstance(block, dict) else {}


def _weights(data: Any, owner: str | None = None) -> list[tuple[str | None, dict[str, Any]]]:
    """Every weight object (`{"value", "unit"}`) anywhere in the workout, with its exercise."""
    found: list[tuple[str | None, dict[str, Any]]] = []
    if isinstance(data, dict):
        owner = data.get("exercise_name") or data.get("lift_name") or owner
        weight = data.get("weight")
        if isinstance(weight, dict) and "value" in weight:
            found.append((owner, weight))
        for key, value in data.items():
            if key != "weight":
                found += _weights(value, owner)
    elif isinstance(data, list):
        for value in data:
            found += _weights(value, owner)
    return found


def _subject(owners: list[str | None]) -> str | None:
    """The exercises a change touched, as words ("back squat"), when they are known."""
    if not owners or None in owners:
        return None  # a load outside any exercise: the editor names the workout instead
    return " and ".join(dict.fromkeys(str(o).replace("_", " ") for o in owners))


def _sets(data: Any) -> list[dict[str, Any]]:
    block: dict[str, Any] = next(iter((data.get("discipline_specific") or {}).values()), {}) or {}
    exercises = block.get("exercises") or block.get("lifts") or []
    return [s for e in exercises for s in e.get("sets") or [] if isinstance(s, dict)]


def apply_correction(
    workout: WorkoutRecord, data: dict[str, Any], name: Field, value: str, old: str | None
) -> tuple[str | None, str]:
    """Change `data` in place; the exercises it touched (when it can tell) and its `old → new`."""
    block = _block(workout, data)
    if name == "time":
        seconds = parse_duration(value)
        if seconds is None:
            raise ValueError(f"no time in {value!r}")
        performance = block.get("performance_data")
        if isinstance(performance, dict):
            score = performance.setdefault("score", {"type": "time"})
            before = (
                score.get("value") if score.get("type") == "time" else performance.get("total_time")
            )
            score.update({"value": seconds, "type": "time"})
            performance["total_time"] = seconds
        elif "total_distance" in block:
            before = block.get("total_time")
            block["total_time"] = seconds
            block.pop("average_pace", None)
            data["duration"] = seconds
        else:
            before = data.get("duration")
            data["duration"] = seconds
        shown = format_value(before, "time", None) if before else "no time"
        return None, f"{shown} → {format_value(seconds, 'time', None)}"
    if name == "unit":
        unit = "kg" if "k" in value.lower() and "lb" not in value.lower() else "lb"
        weights = [weight for _, weight in _weights(data)]
        if not weights:
            raise ValueError("that workout has no weights")
        before = weights[0].get("unit")
        for weight in weights:
            weight["unit"] = unit
        top = max(float(w["value"]) for w in weights)
        return None, f"{format_value(top, '', before)} → {format_value(top, '', unit)}"
    if name == "weight":
        new = find_weights(value) or []
        number = new[0].value if new else _number(value)
        owned = _weights(data)
        if not owned:
            raise ValueError("that workout has no weights")
        wanted = _number(old) if old else max(float(w["value"]) for _, w in owned)
        changed = [w for _, w in owned if float(w["value"]) == wanted]
        subject = _subject([o for o, w in owned if float(w["value"]) == wanted])
        if not changed:
            raise ValueError(f"no set at {old}")
        old_unit = changed[0].get("unit")
        new_unit = new[0].unit if new else old_unit
        for weight in changed:
            weight.update({"value": number, "unit": new_unit})
        return (
            subject,
            f"{format_value(wanted, '', old_unit)} → {format_value(number, '', new_unit)}",
        )
    if name == "reps":
        reps = int(_number(value))
        reps_old = int(_number(old)) if old else None
        matching = [s for s in _sets(data) if reps_old is None or s.get("reps") == reps_old]
        if not matching:
            raise ValueError("no matching sets")
        reps_before = matching[0].get("reps")
        for one in matching:
            one["reps"] = reps
        return None, f"{reps_before} → {reps} reps"
    match = _DISTANCE.search(value.lower())
    if match is None:
        raise ValueError(f"no distance in {value!r}")
    amount, unit = float(match.group(1)), match.group(2)
    unit = {"k": "km", "mile": "mi", "miles": "mi"}.get(unit, unit)
    before = (
        f"{block.get('total_distance', '?'):g} {block.get('distance_unit', 'm')}"
        if isinstance(block.get("total_distance"), int | float)
        else "no distance"
    )
    block["total_distance"], block["distance_unit"] = amount, unit
    return None, f"{before} → {amount:g} {unit}"


def _number(text: str) -> float:
    found = _NUMBER.search(text)
    if found is None:
        raise ValueError(f"no number in {text!r}")
    return float(found.group(0))


def clear_missing(data: dict[str, Any], name: str) -> None:
    """A filled field is no longer missing (so the coach does not ask again)."""
    metadata = data.get("metadata")
    if isinstance(metadata, dict) and metadata.get("validation_flags"):
        metadata["validation_flags"] = [
            f for f in metadata["validation_flags"] if f != f"missing_{name}"
        ]
