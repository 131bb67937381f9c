"""One short line that confirms what was logged.

"Fran (for time): 8:57 — thruster 95 lb, pull-up", "10 km easy run in 52:30 (5:15/km)".
"""

from __future__ import annotations

from typing import Any

from .numbers import format_clock
from .schema import Weight, Workout

_FORMATS = {
    "for_time": "for time", "amrap": "AMRAP", "emom": "EMOM", "tabata": "Tabata",
    "intervals": "intervals", "chipper": "chipper", "ladder": "ladder", "strength": "strength",
    "other": "workout",
}  # fmt: skip
_PROPER = {"romanian": "Romanian", "bulgarian": "Bulgarian", "turkish": "Turkish"}
_SPORTS = {
    "running": "run", "trail_running": "trail run", "cycling": "ride", "swimming": "swim",
    "rowing": "row",
}  # fmt: skip
_SETS_KEYS = ("exercises", "lifts")


def describe_workout(w: Workout) -> str:
    """A one-line human summary of a workout, for the coach to confirm what it logged."""
    data = getattr(w.discipline_specific, w.discipline).model_dump(exclude_none=True)
    if w.discipline == "crossfit":
        return _crossfit(w, data)
    if w.discipline in _SPORTS:
        return _endurance(w, data)
    if any(data.get(key) and "sets" in data[key][0] for key in _SETS_KEYS):
        return _lifting(w, data)
    return _other(w, data)


def exercise_label(name: str) -> str:
    """A canonical name as people write it.

    pull_up -> "pull-up", romanian_deadlift -> "Romanian deadlift".
    """
    words = [_PROPER.get(word, word) for word in name.split("_")]
    label = " ".join(words)
    return label[:-3] + "-up" if label.endswith(" up") else label


def _weight(weight: dict[str, Any] | Weight | None) -> str:
    if not weight:
        return ""
    if isinstance(weight, Weight):
        weight = weight.model_dump()
    return f"{weight['value']:g} {weight['unit']}"


def _crossfit(w: Workout, data: dict[str, Any]) -> str:
    fmt = _FORMATS.get(data.get("workout_format", ""), "workout")
    if fmt == "AMRAP" and w.duration:
        fmt = f"AMRAP {w.duration / 60:g} min"
    head = f"{w.workout_name} ({fmt})" if w.workout_name else fmt[0].upper() + fmt[1:]
    performance = data.get("performance_data") or {}
    score = performance.get("score") or {}
    if score.get("type") == "time":
        head += f": {format_clock(score['value'])}"
    elif score.get("type") == "rounds":
        rounds, reps = performance.get("rounds_completed"), performance.get("additional_reps")
        head += f": {rounds} rounds" + (f" + {reps}" if reps else "")
    elif score:
        head += f": {score['value']:g} {score.get('unit') or score['type']}"
    moves = []
    for group in data.get("rounds", []):
        for exercise in group.get("exercises", []):
            label = exercise_label(exercise["exercise_name"])
            load = _weight(exercise.get("weight"))
            moves.append(f"{label} {load}".strip())
    return f"{head} — {', '.join(moves)}" if moves else head


def _lifting(w: Workout, data: dict[str, Any]) -> str:
    parts = []
    for exercise in data.get("exercises") or data.get("lifts") or []:
        label = exercise_label(exercise.get("exercise_name") or exercise["lift_name"])
        sets = _set_runs(exercise.get("sets", []))
        parts.append(f"{label} {sets}".strip())
    return "; ".join(parts) or exercise_label(w.discipline)


def _set_runs(sets: list[dict[str, Any]]) -> str:
    """Consecutive identical sets as "5×5 @ 225 lb"; others one by one."""
    runs: list[tuple[tuple[Any, ...], int]] = []
    for one in sets:
        key = (one.get("reps"), _weight(one.get("weight")), one.get("hold_time"))
        if runs and runs[-1][0] == key:
            runs[-1] = (key, runs[-1][1] + 1)
        else:
            runs.append((key, 1))
    text = []
    for (reps, load, hold), count in runs:
        amount = f"{count}×{reps}" if reps else f"{count}×{hold:g} s" if hold else f"{count} sets"
        if count == 1 and not reps and not hold:
            amount = ""
        text.append(f"{amount} @ {load}".strip() if load else amount)
    return ", ".join(t for t in text if t)


def _endurance(w: Workout, data: dict[str, Any]) -> str:
    sport = _SPORTS[w.discipline]
    kind = data.get("run_type") or data.get("ride_type")
    unit = data.get("distance_unit") or "m"
    distance = data.get("total_distance")
    text = f"{distance:g} {unit} " if distance is not None else ""
    text += f"{kind} {sport}" if kind else sport
    if data.get("total_time") is not None:
        text += f" in {format_clock(data['total_time'])}"
    pace = data.get("average_pace") or data.get("average_split")
    if pace:
        text += f" ({pace}/{'500m' if w.discipline == 'rowing' else unit})"
    elif data.get("average_speed"):
        text += f" ({data['average_speed']:g} {unit}/h)"
    return text


def _other(w: Workout, data: dict[str, Any]) -> str:
    text = w.workout_name or exercise_label(w.discipline)
    if data.get("total_distance") is not None:
        text += f" {data['total_distance']:g} {data.get('distance_unit') or ''}".rstrip()
    if data.get("pack_weight"):
        text += f" with {_weight(data['pack_weight'])}"
    moves = [exercise_label(e["exercise_name"]) for e in data.get("exercises", [])]
    moves += [
        exercise_label(e["exercise_name"]) for p in data.get("phases", []) for e in p["exercises"]
    ]
    if moves:
        text += ": " + ", ".join(dict.fromkeys(moves))
    if w.duration:
        text += f" — {format_clock(w.duration)}"
    return text
