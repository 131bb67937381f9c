"""Change logged workouts by chat.

Corrections, answers to the coach's own question, deletions and undo. Every change is
queued for the turn's commit (one transaction with the reply, the bests following),
recorded on the workout's change history and reported.

Two candidates for "the run" means asking which, and changing nothing.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import ValidationError

from agent.history import discipline_in, same_kind, tokens
from agent.history_index import indexed
from agent.periods import resolve_period
from agent.workout_fields import FIELDS, Field, apply_correction, clear_missing
from agent.workouts import fingerprint
from extraction.describe import describe_workout
from extraction.schema import Workout
from storage.errors import NotFound
from storage.ids import workout_id
from storage.models import (
    MAX_CHANGES,
    ConversationState,
    LastChange,
    WorkoutChange,
    WorkoutRecord,
)
from storage.protocols import WorkoutStore
from storage.turn_writes import WorkoutEdit

LOOKBACK_DAYS = 14
"""A workout named without a date ("the swim") is looked for in the last two weeks."""
_WORKOUT_ID = re.compile(r"\b\d{8}-[0-9a-z]{6,}\b")
_LATEST = {"", "latest", "last", "that", "it", "this", "last one", "that one"}


@dataclass(frozen=True)
class ChangeEvent:
    """A workout logged, updated or deleted this turn, as the reply and events report it."""

    action: Literal["logged", "updated", "deleted"]
    workout_id: str
    summary: str
    workout: dict[str, Any]


@dataclass
class WorkoutEditor:
    """The workout changes one turn makes, in the order asked."""

    store: WorkoutStore
    user_id: str
    today: date
    state: ConversationState
    edits: dict[str, WorkoutEdit] = field(default_factory=dict)
    """By the workout's current id: the stored version it started from, and the latest."""
    restored: list[WorkoutRecord] = field(default_factory=list)
    """Deleted workouts brought back by undo (created again under their id)."""
    events: list[ChangeEvent] = field(default_factory=list)
    last_change: LastChange | None = None
    undone: bool = False

    # -- finding the workout ----------------------------------------------------------

    async def find(self, which: str) -> list[WorkoutRecord]:
        """The workouts `which` names; more than one means asking which.

        `which` is an id, "that" (the last one changed or logged in this conversation,
        else the newest), or words ("the swim from Monday").
        """
        text = which.strip().lower()
        if found := _WORKOUT_ID.search(text):
            current = await self._current(found.group(0))
            return [current] if current else []
        if text in _LATEST or text.startswith(("that ", "the last ", "my last ")):
            last = self.state.last_change
            if last is not None and last.action != "deleted":
                current = await self._current(last.workout_id)
                if current is not None:
                    return [current]
            page = await self.store.list_workouts(self.user_id, limit=1)
            return page.items
        period = resolve_period(text, self.today)
        start = period.start if period else self.today - timedelta(days=LOOKBACK_DAYS)
        end = period.end if period else self.today
        page = await self.store.list_workouts(
            self.user_id, date_from=start.isoformat(), date_to=end.isoformat(), limit=50
        )
        found_list = [
            self.edits[w.workout_id].after or w if w.workout_id in self.edits else w
            for w in page.items
        ]
        discipline = discipline_in(text)
        if discipline:
            found_list = [w for w in found_list if same_kind(w.discipline, discipline)]
        named = [w for w in found_list if _names(w) & tokens(text)]
        return named or found_list

    async def _with_old_value(self, which: str, old: str | None) -> list[WorkoutRecord]:
        """The recent workouts whose summary shows the old value.

        For "8:47, not 8:57" said of no workout in particular.
        """
        if not old or which.strip().lower() not in _LATEST:
            return []
        start = self.today - timedelta(days=LOOKBACK_DAYS)
        page = await self.store.list_workouts(
            self.user_id, date_from=start.isoformat(), date_to=self.today.isoformat(), limit=50
        )
        shown = re.compile(rf"(?<![\d:.]){re.escape(old.strip())}(?![\d:])")
        return [w for w in page.items if shown.search(w.summary or "")]

    async def _current(self, wid: str) -> WorkoutRecord | None:
        edit = self.edits.get(wid)
        if edit is not None:
            return edit.after
        try:
            return await self.store.get_workout(self.user_id, wid)
        except NotFound:
            return None

    # -- changes ----------------------------------------------------------------------

    async def update(
        self, which: str, field_name: str, value: str, old: str | None = None
    ) -> dict[str, Any]:
        """Correct one field of the workout `which` names; asks which when two match."""
        if field_name not in FIELDS:
            return {"status": "error", "error": f"field must be one of {', '.join(FIELDS)}"}
        candidates = await self._with_old_value(which, old) or await self.find(which)
        if len(candidates) != 1:
            return _not_one(candidates)
        current = candidates[0]
        try:
            after, change = self._corrected(current, field_name, value, old)  # type: ignore[arg-type]
        except ValueError as exc:
            return {"status": "error", "error": str(exc)}
        self._queue(current, after)
        self.last_change = LastChange(action="updated", workout_id=after.workout_id, before=current)
        return self._updated(after, change)

    async def delete(self, which: str) -> dict[str, Any]:
        """Delete the workout `which` names; asks which when two match."""
        candidates = await self.find(which)
        if len(candidates) != 1:
            return _not_one(candidates)
        current = candidates[0]
        self._queue(current, None)
        self.last_change = LastChange(
            action="deleted", workout_id=current.workout_id, before=current
        )
        summary = f"{current.date} {current.summary or current.discipline}"
        self._report("deleted", current, summary)
        return {"status": "deleted", "workout_id": current.workout_id, "summary": summary}

    async def undo(self) -> dict[str, Any]:
        """Reverse the conversation's last change (a log, a correction or a deletion)."""
        last = self.state.last_change
        if last is None or self.undone:
            return {"status": "nothing_to_undo"}
        self.undone = True
        if last.action == "deleted" and last.before is not None:
            back = last.before.model_copy(update={"version": 0})
            self.restored.append(back)
            self._report("logged", back, f"restored {back.date} {back.summary or back.discipline}")
            self.last_change = LastChange(action="logged", workout_id=back.workout_id)
            return {"status": "restored", "workout_id": back.workout_id, "summary": back.summary}
        current = await self._current(last.workout_id)
        if current is None:
            return {"status": "nothing_to_undo"}
        if last.action == "logged" or last.before is None:
            self._queue(current, None)
            summary = f"{current.date} {current.summary or current.discipline}"
            self._report("deleted", current, summary)
            self.last_change = None
            return {"status": "deleted", "workout_id": current.workout_id, "summary": summary}
        before = last.before
        change = f"back to {before.summary or before.discipline}"
        history = [*current.changes, _change(current, f"undo: {change}")][-MAX_CHANGES:]
        if before.workout_id == current.workout_id:
            after = before.model_copy(update={"version": current.version, "changes": history})
        else:
            after = before.model_copy(update={"version": 0, "changes": history})
        self._queue(current, after)
        self.last_change = None
        return self._updated(after, change)

    def note_logged(self, record: WorkoutRecord) -> None:
        """A workout this turn logged is now the one "that" refers to."""
        self.last_change = LastChange(action="logged", workout_id=record.workout_id)

    # -- internals --------------------------------------------------------------------

    def _updated(self, after: WorkoutRecord, change: str) -> dict[str, Any]:
        """Report an update (a correction or an undone deletion) and the tool's answer."""
        self._report("updated", after, change)
        return {
            "status": "updated",
            "workout_id": after.workout_id,
            "change": change,
            "summary": after.summary,
        }

    def _queue(self, current: WorkoutRecord, after: WorkoutRecord | None) -> None:
        earlier = self.edits.pop(current.workout_id, None)
        before = earlier.before if earlier else current
        key = after.workout_id if after is not None else current.workout_id
        self.edits[key] = WorkoutEdit(before=before, after=after)

    def _report(
        self, action: Literal["logged", "updated", "deleted"], record: WorkoutRecord, summary: str
    ) -> None:
        self.events.append(ChangeEvent(action, record.workout_id, summary, record.workout_data))

    def _corrected(
        self, current: WorkoutRecord, name: Field, value: str, old: str | None
    ) -> tuple[WorkoutRecord, str]:
        data = copy.deepcopy(current.workout_data)
        label = _label(current)
        if name == "date":
            period = resolve_period(value, self.today)
            if period is None or period.start != period.end:
                raise ValueError(f"no single date in {value!r}")
            day = period.start
            data["date"] = day.isoformat()
            record = current.model_copy(
                update={
                    "workout_id": workout_id(day),
                    "date": day.isoformat(),
                    "completed_at": day.isoformat(),
                    "version": 0,
                }
            )
            change = f"{label}: {current.date} → {day.isoformat()}"
        else:
            subject, text = apply_correction(current, data, name, value, old)
            change = f"{subject or label}: {text}"
            record = current
        clear_missing(data, name)
        try:
            workout = Workout.model_validate(data)
        except ValidationError as exc:
            raise ValueError(
                f"that change does not fit the workout: {exc.errors()[0]['msg']}"
            ) from None
        workout.workout_id = record.workout_id
        history = [*current.changes, _change(current, change)][-MAX_CHANGES:]
        after = record.model_copy(
            update={
                "workout_data": workout.model_dump(mode="json", exclude_none=True),
                "summary": describe_workout(workout),
                "fingerprint": fingerprint(workout),
                "changes": history,
            }
        )
        return indexed(after), change


def _change(current: WorkoutRecord, summary: str) -> WorkoutChange:
    return WorkoutChange(
        via="chat", summary=summary, previous_date=current.date, previous_data=current.workout_data
    )


def _not_one(candidates: list[WorkoutRecord]) -> dict[str, Any]:
    if not candidates:
        return {"status": "not_found"}
    return {
        "status": "ambiguous",
        "candidates": [
            {"workout_id": w.workout_id, "date": w.date, "summary": w.summary or w.discipline}
            for w in candidates[:5]
        ],
    }


def _names(workout: WorkoutRecord) -> set[str]:
    name = str(workout.workout_data.get("workout_name") or "")
    words = tokens(name)
    for entry in workout.exercises:
        words |= set(entry.exercise.split("_")) - {"run", "ride", "swim", "row", "trail"}
    return words


def _label(workout: WorkoutRecord) -> str:
    name = workout.workout_data.get("workout_name")
    if name:
        return str(name)
    if len(workout.exercises) == 1:
        return workout.exercises[0].exercise.replace("_", " ")
    return workout.discipline.replace("_", " ")
