"""Cumulative conversation summaries: the previous summary plus only the new messages.

Made after the reply is delivered (a background task), every `every` messages or when
unsummarised messages no longer fit the prompt's history window. A failed call
(throttling, an outage) leaves the trigger condition true, so a later turn retries it.
An answer that is not a summary (plain text, a malformed tool call) gets the extractive
summary instead: asking again would likely get the same, one more model call per turn.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field, ValidationError

from extraction import extract
from extraction.describe import describe_workout
from prompts import render
from storage.errors import Conflict
from storage.ids import new_id
from storage.models import (
    KeyFacts,
    Message,
    MessageRange,
    Summary,
    SummaryData,
    SummaryMetadata,
    utc_now,
)
from storage.protocols import Store

log = logging.getLogger(__name__)

MAX_NEW_MESSAGES = 200
MAX_ITEMS = 8

_SENTENCE = re.compile(r"[^.!?\n]{3,300}[.!?]?")
_PATTERNS: dict[str, re.Pattern[str]] = {
    "current_goals": re.compile(
        r"\b(goal|want to|aim(ing)? (to|for)|training for|hoping to|trying to|get (to|under))\b",
        re.I,
    ),
    "constraints": re.compile(
        r"\b(injur\w*|pain|hurts?|sore|bad (knee|back|shoulder|hip|ankle)|surgery|"
        r"only have|no (gym|access|equipment)|can'?t|cannot|limited)\b",
        re.I,
    ),
    "preferences": re.compile(r"\b(i (really )?(like|love|hate|prefer|enjoy|dislike))\b", re.I),
    "schedule_context": re.compile(
        r"\b(\d+ (days|times) a week|mornings?|evenings?|weekends?|schedule|travel\w*)\b", re.I
    ),
}
_FEELINGS = re.compile(
    r"\b(tired|exhausted|stressed|motivated|excited|frustrated|happy|proud|anxious|sore)\b", re.I
)


class SummaryOut(BaseModel):
    """The updated running summary of a coaching conversation."""

    narrative_summary: str = Field(description="Under 120 words, third person.")
    key_facts: KeyFacts
    emotional_state: str | None = None
    action_items: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class SummaryPolicy:
    every: int
    history_window: int


def trigger_reason(total: int, summary: Summary | None, policy: SummaryPolicy) -> str | None:
    """Why a summary is due now, or None."""
    done = summary.metadata.message_range.total_messages if summary else 0
    pending = total - done
    if pending >= policy.every:
        return "message_count"
    if pending > policy.history_window:
        return "window_overflow"
    return None


def _merge(old: list[str], new: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in [*new, *old]:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())[:MAX_ITEMS]


def extractive_summary(previous: Summary | None, messages: list[Message]) -> SummaryOut:
    """An honest offline summary: sentences that state goals, constraints, preferences,
    schedule; the workouts the athlete reported; their open questions."""
    facts: dict[str, list[str]] = {key: [] for key in [*_PATTERNS, "recent_progress"]}
    questions: list[str] = []
    feelings: list[str] = []
    for message in messages:
        if message.role != "user":
            continue
        for sentence in _SENTENCE.findall(message.content):
            text = sentence.strip()
            for key, pattern in _PATTERNS.items():
                if pattern.search(text):
                    facts[key].append(text)
            if text.endswith("?"):
                questions.append(text)
            feelings.extend(f.lower() for f in _FEELINGS.findall(text))
        day = date.fromisoformat(message.timestamp[:10])
        for workout in extract(message.content, today=day):
            facts["recent_progress"].append(f"{workout.date}: {describe_workout(workout)}")
    base = previous.structured_data if previous else SummaryData()
    merged = KeyFacts(**{k: _merge(getattr(base.key_facts, k), v) for k, v in facts.items()})
    parts = [f"{label}: {'; '.join(items[:3])}" for label, items in merged if items]
    narrative = "The athlete and coach have talked over several messages. " + ". ".join(parts)
    return SummaryOut(
        narrative_summary=narrative[:1200],
        key_facts=merged,
        emotional_state=", ".join(dict.fromkeys(feelings)) or base.emotional_state,
        action_items=_merge(base.action_items, questions[-MAX_ITEMS:]),
    )


class Summarizer:
    """Makes and stores summaries; `model=None` means the offline extractive summary."""

    def __init__(self, store: Store, model: BaseChatModel | None, policy: SummaryPolicy) -> None:
        self._store = store
        # Built once: making a structured-output runnable generates its JSON Schema (~3 ms).
        self._composer = (
            None
            if model is None
            else model.with_structured_output(SummaryOut).with_config(
                run_name="conversation_summary"
            )
        )
        self.policy = policy

    async def summarize_if_due(
        self, user_id: str, coach_id: str, conversation_id: str, total: int
    ) -> Summary | None:
        """Fold the messages since the stored summary into a new one, if one is due now.

        The due check reads the stored summary, not the turn's copy, so quick turns in a
        row do not summarise the same stretch twice.
        """
        previous = await self._store.get_summary(user_id, conversation_id)
        reason = trigger_reason(total, previous, self.policy)
        if reason is None:
            return previous
        done = previous.metadata.message_range.total_messages if previous else 0
        count = min(total - done, MAX_NEW_MESSAGES)
        messages = await self._store.latest_messages(user_id, conversation_id, count)
        if not messages:
            return previous
        out, confidence = await self._compose(previous, messages)
        summary = Summary(
            summary_id=previous.summary_id if previous else new_id(),
            user_id=user_id,
            coach_id=coach_id,
            conversation_id=conversation_id,
            summary_text=out.narrative_summary,
            structured_data=SummaryData(
                narrative_summary=out.narrative_summary,
                key_facts=out.key_facts,
                emotional_state=out.emotional_state,
                action_items=out.action_items,
                last_updated=utc_now(),
            ),
            metadata=SummaryMetadata(
                created_at=utc_now(),
                confidence=confidence,
                trigger_reason=reason,
                message_range=MessageRange(
                    start_message_id=(
                        previous.metadata.message_range.start_message_id
                        if previous
                        else messages[0].message_id
                    ),
                    end_message_id=messages[-1].message_id,
                    total_messages=done + len(messages),
                ),
            ),
            version=previous.version if previous else 0,
        )
        try:
            return await self._store.put_summary(summary)
        except Conflict:  # another turn summarised first; its summary stands
            return None

    async def _compose(
        self, previous: Summary | None, messages: list[Message]
    ) -> tuple[SummaryOut, float]:
        if self._composer is None:
            return extractive_summary(previous, messages), 0.6
        prompt = render(
            "summary.md",
            previous=json.dumps(
                previous.structured_data.model_dump(mode="json") if previous else None
            ),
            messages="\n".join(
                f"{m.role}: {json.dumps(m.content, ensure_ascii=False)}" for m in messages
            ),
        )
        answer: object
        try:
            answer = await self._composer.ainvoke(prompt)
        except (OutputParserException, ValidationError) as exc:
            answer = exc
        if not isinstance(answer, SummaryOut):
            log.warning("the model's summary was unusable (%r); using the extractive one", answer)
            return extractive_summary(previous, messages), 0.6
        return answer, 0.85
