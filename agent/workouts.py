"""Turn a finished-session message into logged workouts: extract, ground, dedupe, detect PRs.

The deterministic extractor runs first. A language model, when configured, gets one
structured-output call seeded with that draft; its answer is kept only if every number
in it is grounded in the message, otherwise the deterministic draft stands.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.runnables import Runnable
from pydantic import BaseModel, ValidationError

from agent.history_index import indexed, to_kg
from agent.usage import Spend
from extraction import extract
from extraction.describe import describe_workout
from extraction.grounding import check_grounding
from extraction.schema import PRAchievement, Workout, workout_json_schema
from prompts import render
from storage.ids import workout_id
from storage.models import Best, ExtractionMetadata, PersonalRecord, WorkoutRecord, utc_now

log = logging.getLogger(__name__)

COMPLETE = 0.8
"""Drafts at least this complete, with nothing flagged missing, skip the model call."""


@dataclass(frozen=True)
class LoggedWorkout:
    """A workout ready to commit, with what the reply should say about it."""

    workout: Workout
    record: WorkoutRecord
    description: str
    prs: list[PRAchievement]
    missing: list[str]


@dataclass
class ExtractionOutcome:
    """The workouts found in a message and what found them (`deterministic` or the model's name)."""

    workouts: list[Workout]
    method: str


def fingerprint(workout: Workout) -> str:
    """Same day + same content = same workout, however often the athlete re-sends it."""
    body = workout.model_dump(
        mode="json",
        exclude_none=True,
        include={"date", "discipline", "workout_name", "discipline_specific", "duration"},
    )
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]


def _is_complete(drafts: list[Workout]) -> bool:
    return all(
        (w.metadata.data_completeness or 0) >= COMPLETE
        and not any(f.startswith("missing_") for f in w.metadata.validation_flags or [])
        for w in drafts
    )


Extractor = Runnable[LanguageModelInput, dict[str, Any] | BaseModel]
"""A chat model bound to answer the UWS extraction schema (with the raw message)."""


def workout_extractor(model: BaseChatModel) -> Extractor:
    """Build once per model: the schema and its tool definition take about 1.5 ms."""
    return model.with_structured_output(_llm_schema(), include_raw=True)


def _llm_schema() -> dict[str, Any]:
    return {
        "title": "record_workouts",
        "description": "The finished workouts in the athlete's message, in the Universal "
        "Workout Schema. Only numbers the athlete gave.",
        "type": "object",
        "properties": {"workouts": {"type": "array", "items": workout_json_schema()}},
        "required": ["workouts"],
    }


async def extract_workouts(
    text: str,
    *,
    today: date,
    tz: str,
    units: str,
    extractor: Extractor | None,
    model_name: str,
    spend: Spend,
) -> ExtractionOutcome:
    """Deterministic draft first; one grounded model call only when the draft is incomplete."""
    drafts = extract(text, today=today, tz=tz, units=units)  # type: ignore[arg-type]
    if extractor is None or (drafts and _is_complete(drafts)):
        return ExtractionOutcome(drafts, "deterministic")
    outcome = ExtractionOutcome(drafts, "deterministic")
    spend.model_calls += 1
    prompt = render(
        "workout_extraction.md",
        today=today.isoformat(),
        timezone=tz,
        units=units,
        draft=json.dumps([d.model_dump(mode="json", exclude_none=True) for d in drafts]),
        message=json.dumps(text, ensure_ascii=False),
    )
    try:
        answer = await extractor.ainvoke(prompt)
    except Exception as exc:  # noqa: BLE001 - any model failure falls back to the draft
        log.warning("workout extraction model failed, using deterministic draft: %s", exc)
        return outcome
    if not isinstance(answer, dict):  # include_raw=True answers a dict
        return outcome
    spend.add_usage(answer.get("raw"))
    parsed = answer.get("parsed") or {}
    try:
        candidates = [Workout.model_validate(w) for w in parsed.get("workouts", [])]
    except (ValidationError, AttributeError, TypeError) as exc:
        log.info("model extraction invalid, using deterministic draft: %s", exc)
        return outcome
    if not candidates or not all(check_grounding(w, text).ok for w in candidates):
        log.info("model extraction not grounded, using deterministic draft")
        return outcome
    for w in candidates:
        w.metadata.ai_extracted = True
        w.metadata.extraction_method = model_name
    outcome.workouts = candidates
    outcome.method = model_name
    return outcome


def format_value(value: float, measure: str, unit: str | None) -> str:
    """A best as the athlete reads it: `225 lb`, `8:57`, `1:02:30`."""
    if measure == "time":
        minutes, seconds = divmod(int(round(value)), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return f"{value:g} {unit}" if unit else f"{value:g}"


BestKey = tuple[str, str]
"""(exercise, measure)."""
ANNOUNCED: dict[str, Literal["weight", "time", "rounds", "reps"]] = {
    "weight": "weight",
    "time": "time",
    "rounds": "rounds",
    "reps": "reps",
}
"""Measures a new best is announced for (an estimated 1RM follows its top set)."""


def _beats(best: Best, old: PersonalRecord) -> bool:
    new, previous = best.rank_value, _rank_value(old)
    return new > previous if best.higher_is_better else new < previous


def _rank_value(record: PersonalRecord) -> float:
    return (
        to_kg(record.value, record.unit) if record.measure in ("weight", "e1rm") else record.value
    )


def detect_prs(
    workout: Workout, record: WorkoutRecord, bests: dict[BestKey, PersonalRecord | None]
) -> list[PRAchievement]:
    """The PRs the workout sets, compared with the stored bests.

    `bests` is updated with the new ones, so a second workout in the same message
    compares with the first. A first-ever value becomes the baseline without being
    called a PR.
    """
    prs: list[PRAchievement] = []
    for entry in record.exercises:
        for best in entry.bests:
            key = (entry.exercise, best.measure)
            old = bests.get(key)
            if old is not None and not _beats(best, old):
                continue
            bests[key] = best.as_record(entry.exercise, record)
            pr_type = ANNOUNCED.get(best.measure)
            if old is None or pr_type is None:
                continue
            gain = abs(best.value - old.value) if old.unit == best.unit else None
            prs.append(
                PRAchievement(
                    exercise=entry.exercise,
                    discipline=workout.discipline,
                    pr_type=pr_type,
                    previous_best=old.value,
                    new_best=best.value,
                    improvement=round(gain, 2) if gain is not None else None,
                    improvement_percentage=round(100 * gain / old.value, 1)
                    if gain is not None and old.value
                    else None,
                    date_previous=date.fromisoformat(old.date) if old.date else None,
                    significance="major"
                    if gain is not None and old.value and gain / old.value >= 0.05
                    else "minor",
                    context=f"{format_value(best.value, best.measure, best.unit)} "
                    f"(previous {format_value(old.value, old.measure, old.unit)} on {old.date})",
                )
            )
    return prs


@dataclass
class WorkoutBook:
    """The workouts this turn will commit."""

    user_id: str
    coach_id: str
    coach_name: str
    conversation_id: str
    message_id: str
    logged: list[LoggedWorkout] = field(default_factory=list)
    bests: dict[BestKey, PersonalRecord | None] = field(default_factory=dict)
    """Stored bests read this turn (None: none yet), updated by what it logs."""

    def draft(self, workout: Workout, method: str) -> WorkoutRecord:
        """Assign ids and build the record with its exercise entries (not yet queued)."""
        day = workout.date = workout.date or date.today()
        wid = workout_id(day)
        workout.workout_id = wid
        workout.user_id = self.user_id
        workout.coach_id = self.coach_id
        workout.conversation_id = self.conversation_id
        return indexed(
            WorkoutRecord(
                workout_id=wid,
                user_id=self.user_id,
                date=day.isoformat(),
                discipline=workout.discipline,
                coach_ids=[self.coach_id],
                coach_names=[self.coach_name],
                conversation_id=self.conversation_id,
                message_id=self.message_id,
                completed_at=day.isoformat(),
                fingerprint=fingerprint(workout),
                workout_data=workout.model_dump(mode="json", exclude_none=True),
                extraction_metadata=ExtractionMetadata(
                    confidence=workout.metadata.data_confidence,
                    extracted_at=utc_now(),
                    method=method,
                ),
                summary=describe_workout(workout),
            )
        )

    def add(self, workout: Workout, record: WorkoutRecord, claimed_pr: str | None) -> LoggedWorkout:
        """Detect PRs against `bests` (read them first) and queue the workout for the commit."""
        prs = detect_prs(workout, record, self.bests)
        if prs:
            workout.pr_achievements = prs
            record.workout_data = workout.model_dump(mode="json", exclude_none=True)
        record.claimed_pr = claimed_pr
        logged = LoggedWorkout(
            workout=workout,
            record=record,
            description=record.summary or "",
            prs=prs,
            missing=missing_fields(workout),
        )
        self.logged.append(logged)
        return logged


def missing_fields(workout: Workout) -> list[str]:
    """What the extractor flagged as missing (`time`, `weight`, …)."""
    return [
        f.removeprefix("missing_")
        for f in workout.metadata.validation_flags or []
        if f.startswith("missing_")
    ]
