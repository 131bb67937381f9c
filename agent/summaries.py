"""Cumulative conversation summaries: the previous summary plus only the new messages.

Made after the reply is delivered (a background task), every `every` messages or when
unsummarised messages no longer fit the prompt's history window. A failed call
(throttling, an outage) leaves the trigger condition true, so a later turn retries it.
An answer that is not a summary (plain text, a malformed tool call) gets the extractive
summary instead: asking again would likely get the same, one more model call per turn.
Either summary then passes the same rules (`agent/summary_rules.py`). The first summary
made by a model also names the conversation, in the same call, unless the athlete has.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from datetime import date

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from pydantic import ValidationError

from agent.context import IMPORTANT_MEMORIES, NEWEST_MEMORIES
from agent.prompting import quote
from agent.summary_rules import SummaryInputs, SummaryOut, extractive_summary, settle
from agent.titles import clip, rule_title
from prompts import render
from storage.errors import Conflict, NotFound
from storage.ids import new_id
from storage.models import (
    DEFAULT_TITLE,
    Conversation,
    Message,
    MessageRange,
    Summary,
    SummaryData,
    SummaryMetadata,
    WorkoutRecord,
    utc_now,
)
from storage.protocols import Store

log = logging.getLogger(__name__)

MAX_NEW_MESSAGES = 200


@dataclass(frozen=True)
class SummaryPolicy:
    """When a summary is due, so no message leaves the history window unsummarised.

    After `every` new messages, or once more are pending than the window holds.
    """

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


def _first_rule_title(messages: list[Message]) -> str | None:
    """The title the rules gave the conversation at its first substantive exchange."""
    for message in messages:
        if message.role == "user":
            title = rule_title(message.content, date.fromisoformat(message.timestamp[:10]))
            if title:
                return title
    return None


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

    async def summarize_if_due(self, conversation: Conversation) -> Summary | None:
        """Fold the messages since the stored summary into a new one, if one is due now.

        The due check reads the stored summary, not the turn's copy, so quick turns in a
        row do not summarise the same stretch twice.
        """
        user_id, conversation_id = conversation.user_id, conversation.conversation_id
        total = conversation.metadata.total_messages
        previous = await self._store.get_summary(user_id, conversation_id)
        reason = trigger_reason(total, previous, self.policy)
        if reason is None:
            return previous
        done = previous.metadata.message_range.total_messages if previous else 0
        count = min(total - done, MAX_NEW_MESSAGES)
        messages = await self._store.latest_messages(user_id, conversation_id, count)
        if not messages:
            return previous
        memories, workouts = await asyncio.gather(
            self._store.memories_for_turn(
                user_id,
                conversation.coach_id,
                newest=NEWEST_MEMORIES,
                important=IMPORTANT_MEMORIES,
            ),
            self._workouts(user_id, messages),
        )
        inputs = SummaryInputs(previous, messages, memories, workouts)
        out, confidence = await self._compose(inputs)
        out = settle(out, inputs)
        summary = Summary(
            summary_id=previous.summary_id if previous else new_id(),
            user_id=user_id,
            coach_id=conversation.coach_id,
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
            stored = await self._store.put_summary(summary)
        except Conflict:  # another turn summarised first; its summary stands
            return None
        if out.title and previous is None:
            await self._name(conversation, messages, out.title)
        return stored

    async def _workouts(self, user_id: str, messages: list[Message]) -> list[WorkoutRecord]:
        """The workouts these messages logged, as the store has them now (edited or gone)."""
        ids = [i for m in messages for i in m.metadata.workout_ids]
        found = await asyncio.gather(
            *(self._store.get_workout(user_id, i) for i in ids), return_exceptions=True
        )
        for result in found:
            if isinstance(result, BaseException) and not isinstance(result, NotFound):
                raise result
        return [w for w in found if isinstance(w, WorkoutRecord)]

    async def _name(self, conversation: Conversation, messages: list[Message], title: str) -> None:
        """The model's title, unless the athlete named the conversation themselves."""
        current = await self._store.get_conversation(
            conversation.user_id, conversation.coach_id, conversation.conversation_id
        )
        if current.title not in (DEFAULT_TITLE, _first_rule_title(messages)):
            return
        try:
            await self._store.rename_conversation(
                current.user_id,
                current.coach_id,
                current.conversation_id,
                clip(title),
                version=current.version,
            )
        except Conflict:  # a rename or a message came first; the rules' title stands
            log.info("conversation %s changed; kept its title", current.conversation_id)

    async def _compose(self, inputs: SummaryInputs) -> tuple[SummaryOut, float]:
        if self._composer is None:
            return extractive_summary(inputs), 0.6
        previous = inputs.previous
        prompt = render(
            "summary.md",
            previous=json.dumps(
                previous.structured_data.model_dump(mode="json") if previous else None
            ),
            memories="\n".join(f"- {m.memory_type}: {quote(m.content)}" for m in inputs.memories)
            or "(none)",
            workouts="\n".join(
                f"- {w.date}: {quote(w.summary or w.discipline)}" for w in inputs.workouts
            )
            or "(none)",
            forgotten="\n".join(f"- {quote(q)}" for q in inputs.forget_queries) or "(none)",
            title=(
                "Also give `title`: at most 6 words naming what the conversation is about."
                if previous is None
                else "Leave `title` empty."
            ),
            messages="\n".join(
                f"{m.role}: {json.dumps(m.content, ensure_ascii=False)}" for m in inputs.messages
            ),
        )
        answer: object
        try:
            answer = await self._composer.ainvoke(prompt)
        except (OutputParserException, ValidationError) as exc:
            answer = exc
        if not isinstance(answer, SummaryOut):
            log.warning("the model's summary was unusable (%r); using the extractive one", answer)
            return extractive_summary(inputs), 0.6
        return answer, 0.85
