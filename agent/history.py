"""What the coach can read about the athlete's training.

Workouts in a period, bests, one exercise's progress and the exercise names logged.

The tools (`agent.tools`) and the offline engine share these: each answer is
compact, capped JSON of numbers read from the store, so a reply can only quote those.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from agent.history_index import to_kg
from agent.period_totals import period_totals
from agent.periods import Period, resolve_period
from agent.workouts import format_value
from storage.models import ExerciseEntry, PersonalRecord, WorkoutRecord
from storage.protocols import WorkoutStore

MAX_WORKOUTS = 25
MAX_SUMMED = 200
"""A period's totals add up at most this many workouts (one store page)."""
MAX_BESTS = 40
MAX_SESSIONS = 12
_TOKEN = re.compile(r"[a-z0-9]+")
DISCIPLINE_WORDS = {
    "running": ("run", "runs", "ran", "running", "jog", "jogging"),
    "swimming": ("swim", "swims", "swam", "swimming"),
    "cycling": ("ride", "rides", "rode", "bike", "biking", "cycling", "cycle"),
    "rowing": ("row", "rows", "rowed", "rowing", "erg"),
    "crossfit": ("crossfit", "wod", "wods", "metcon", "metcons"),
    "strength": ("lifting", "lift", "lifts", "lifted", "strength"),
}
KINDS = {
    "strength": frozenset(
        ("powerlifting", "olympic_weightlifting", "bodybuilding", "functional_bodybuilding")
    ),
    "running": frozenset(("running", "trail_running")),
}
"""Words that name several disciplines: "what did I lift" means any strength session."""


def same_kind(discipline: str, wanted: str) -> bool:
    """Whether a workout of `discipline` is one of `wanted` (a discipline or a kind)."""
    return discipline == wanted or discipline in KINDS.get(wanted, ())


PREFIXES = ("run_", "trail_run_", "ride_", "swim_", "row_")


def tokens(text: str) -> set[str]:
    """Lower-case word tokens, each also without a plural `s`."""
    found = set(_TOKEN.findall(text.lower().replace("-", " ")))
    return found | {t[:-1] for t in found if len(t) > 3 and t.endswith("s")}


def discipline_in(text: str) -> str | None:
    """The discipline a question names ("my runs" → running), if any."""
    words = tokens(text)
    return next((d for d, names in DISCIPLINE_WORDS.items() if words & set(names)), None)


def resolve_exercise(query: str, names: list[str]) -> list[str]:
    """The stored exercise names `query` means ("bench" → bench_press; "5k" → run_5k).

    Several when it is ambiguous ("press"), none when nothing matches.
    """
    if query in names:
        return [query]
    words = tokens(query)
    scored: list[tuple[float, int, str]] = []
    for name in names:
        parts = [p for p in name.split("_") if p]
        hits = sum(1 for p in parts if p in words or (p == "up" and "ups" in words))
        core = [p for p in parts if p not in ("run", "trail", "ride", "swim", "row")] or parts
        if hits and any(p in words for p in core):
            scored.append((hits / len(parts), hits, name))
    if not scored:
        return []
    top = max((s[0], s[1]) for s in scored)
    return [name for share, hits, name in scored if (share, hits) == top]


def display(record: PersonalRecord) -> str:
    """A best as the athlete reads it: `225 lb × 5`, `8:57`, `20.5 rounds`."""
    text = format_value(record.value, "time" if record.measure == "time" else "", record.unit)
    if record.measure == "weight" and record.reps:
        text += f" × {record.reps}"
    return text


def best_out(record: PersonalRecord) -> dict[str, Any]:
    """A best as a tool returns it."""
    return {
        "exercise": record.exercise,
        "measure": record.measure,
        "value": record.value,
        "unit": record.unit,
        "display": display(record),
        "date": record.date,
        "workout_id": record.workout_id,
    }


async def workouts_in_period(
    store: WorkoutStore,
    user_id: str,
    today: date,
    period: str,
    *,
    discipline: str | None = None,
    exercise: str | None = None,
) -> dict[str, Any]:
    """The workouts of a period ("last week", "in October"), newest first, capped."""
    found = resolve_period(period, today) or Period(
        today - timedelta(days=6), today, "the last 7 days"
    )
    page = await store.list_workouts(
        user_id,
        date_from=found.start.isoformat(),
        date_to=found.end.isoformat(),
        discipline=None if discipline in KINDS else discipline,
        limit=MAX_SUMMED,
    )
    workouts = page.items
    if discipline in KINDS:
        workouts = [w for w in workouts if same_kind(w.discipline, discipline)]
    if exercise:
        names = sorted({e.exercise for w in workouts for e in w.exercises})
        wanted = set(resolve_exercise(exercise, names))
        workouts = [w for w in workouts if wanted & {e.exercise for e in w.exercises}]
    shown = workouts[:MAX_WORKOUTS]
    return {
        "period": {
            "from": found.start.isoformat(),
            "to": found.end.isoformat(),
            "label": found.label,
        },
        "count": len(shown),
        "more": page.next is not None or len(workouts) > MAX_WORKOUTS,
        "workouts": [_workout_out(w) for w in shown],
        "totals": period_totals(workouts),
        # more than MAX_SUMMED workouts: the totals are of the newest MAX_SUMMED
        **({"totals_of_newest": MAX_SUMMED} if page.next is not None else {}),
        # what the list was narrowed to, so "none" is said of it, not of all training
        **({"discipline": discipline} if discipline else {}),
        **({"exercise": exercise} if exercise else {}),
    }


def _workout_out(workout: WorkoutRecord) -> dict[str, Any]:
    day = date.fromisoformat(workout.date)
    return {
        "workout_id": workout.workout_id,
        "date": workout.date,
        "weekday": day.strftime("%a"),
        "discipline": workout.discipline,
        "summary": workout.summary or workout.discipline,
    }


async def personal_bests(
    store: WorkoutStore, user_id: str, exercise: str | None = None, reps: int | None = None
) -> dict[str, Any]:
    """Every best (capped), or those of the exercises `exercise` names, each with its date.

    With `reps`: the heaviest set of exactly that many reps.
    """
    if not exercise:
        records = await store.list_records(user_id)
        return {
            "bests": [best_out(r) for r in records[:MAX_BESTS]],
            "more": len(records) > MAX_BESTS,
        }
    matched = resolve_exercise(exercise, await store.exercise_names(user_id))
    if not matched:
        return {"exercise": exercise, "bests": [], "known": False}
    if reps:
        return {"exercise": exercise, "bests": await _rep_maxes(store, user_id, matched, reps)}
    records = [r for name in matched for r in await store.list_records(user_id, exercise=name)]
    return {"exercise": exercise, "bests": [best_out(r) for r in records]}


async def _rep_maxes(
    store: WorkoutStore, user_id: str, names: list[str], reps: int
) -> list[dict[str, Any]]:
    found = []
    for name in names:
        entries = await store.exercise_history(user_id, name, limit=200)
        sets = [(e, e.rep_maxes[str(reps)]) for e in entries if str(reps) in e.rep_maxes]
        if sets:
            entry, weight = max(sets, key=lambda s: (to_kg(s[1], s[0].unit), s[0].date))
            found.append(
                {
                    "exercise": name,
                    "measure": f"{reps}RM",
                    "value": weight,
                    "unit": entry.unit,
                    "display": f"{format_value(weight, '', entry.unit)} × {reps}",
                    "date": entry.date,
                    "workout_id": entry.workout_id,
                }
            )
    return found


async def exercise_progress(store: WorkoutStore, user_id: str, exercise: str) -> dict[str, Any]:
    """One exercise's latest sessions, oldest first, and its trend in one sentence."""
    matched = resolve_exercise(exercise, await store.exercise_names(user_id))
    if not matched:
        return {"exercise": exercise, "sessions": [], "known": False}
    name = matched[0]
    entries = list(reversed(await store.exercise_history(user_id, name, limit=MAX_SESSIONS)))
    return {
        "exercise": name,
        "sessions": [_session_out(e) for e in entries],
        "trend": trend(name, entries),
        **({"also": matched[1:]} if len(matched) > 1 else {}),
    }


def _session_out(entry: ExerciseEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"date": entry.date, "workout_id": entry.workout_id}
    if entry.top_weight is not None:
        out["top_set"] = f"{format_value(entry.top_weight, '', entry.unit)}" + (
            f" × {entry.top_reps}" if entry.top_reps else ""
        )
        out["e1rm"] = entry.e1rm
        out["volume"] = entry.volume
        out["unit"] = entry.unit
    elif entry.reps is not None and entry.time_s is None:
        out["reps"] = entry.reps
    if entry.time_s is not None:
        out["time"] = format_value(entry.time_s, "time", None)
    if entry.rounds is not None:
        out["rounds"] = entry.rounds
    return out


def trend(name: str, entries: list[ExerciseEntry]) -> str:
    """One sentence comparing the first and the last of the sessions shown."""
    label = name.replace("_", " ")
    if not entries:
        return f"No {label} sessions logged yet."
    first, last = entries[0], entries[-1]
    count = f"{len(entries)} session{'s' if len(entries) > 1 else ''} since {first.date}"
    if len(entries) == 1:
        return f"One {label} session so far, on {first.date}."
    if first.e1rm and last.e1rm:
        return _compare(
            f"{label} estimated 1RM", first.e1rm, last.e1rm, last.unit, first.unit, count
        )
    if first.top_weight and last.top_weight:
        return _compare(
            f"{label} top set", first.top_weight, last.top_weight, last.unit, first.unit, count
        )
    if first.time_s and last.time_s:
        old, new = first.time_s, last.time_s
        word = "faster" if new < old else "slower" if new > old else "the same"
        return (
            f"{label.capitalize()}: {format_value(old, 'time', None)} → "
            f"{format_value(new, 'time', None)} ({word}) over {count}."
        )
    if first.reps and last.reps:
        return f"{label.capitalize()}: {first.reps} → {last.reps} reps over {count}."
    return f"{label.capitalize()}: {count}."


def _compare(
    label: str, old: float, new: float, unit: str | None, old_unit: str | None, count: str
) -> str:
    change = (to_kg(new, unit) - to_kg(old, old_unit)) / to_kg(old, old_unit) * 100
    word = "up" if change > 0.05 else "down" if change < -0.05 else "flat"
    return (
        f"{label[0].upper()}{label[1:]} {word}: {format_value(old, '', old_unit)} → "
        f"{format_value(new, '', unit)} ({change:+.1f}%) over {count}."
    )
