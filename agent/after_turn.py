"""Work a turn leaves for after its reply: the transcript copy and, when due, a summary.

Neither may fail or slow the turn: both run in the background and log their failures
(the items in the table stay the truth; a summary is retried on a later turn).
"""

from __future__ import annotations

import logging

from agent.background import Background
from agent.context import TurnContext
from agent.summaries import Summarizer, trigger_reason
from agent.work import TurnWork
from storage.protocols import Store

log = logging.getLogger(__name__)


class AfterTurn:
    """Schedules a finished turn's transcript write and summary."""

    def __init__(self, store: Store, summarizer: Summarizer, background: Background) -> None:
        self._store = store
        self._summarizer = summarizer
        self._background = background
        self._summarizing: set[tuple[str, str]] = set()

    def schedule(self, work: TurnWork) -> None:
        """Start the transcript write, and a summary unless one is already running."""
        ctx = work.context
        self._background.spawn(self._write_transcript(work))
        total = ctx.conversation.metadata.total_messages + 2
        key = (ctx.user_id, ctx.conversation.conversation_id)
        reason = trigger_reason(total, ctx.summary, self._summarizer.policy)
        if reason and key not in self._summarizing:
            self._summarizing.add(key)
            self._background.spawn(self._summarize(ctx, key))

    async def _write_transcript(self, work: TurnWork) -> None:
        ctx = work.context
        messages = [work.message, *([work.reply_message] if work.reply_message else [])]
        try:
            # Re-read: the metadata written beside the transcript must count this turn.
            conversation = await self._store.get_conversation(
                ctx.user_id, ctx.coach.coach_id, ctx.conversation.conversation_id
            )
            await self._store.append_transcript(ctx.user_id, conversation, messages)
        except Exception:  # noqa: BLE001 - logged; the items in the table stay the truth
            log.exception("transcript write failed for %s", ctx.conversation.conversation_id)

    async def _summarize(self, ctx: TurnContext, key: tuple[str, str]) -> None:
        try:
            conversation = await self._store.get_conversation(
                ctx.user_id, ctx.coach.coach_id, ctx.conversation.conversation_id
            )
            await self._summarizer.summarize_if_due(
                ctx.user_id,
                ctx.coach.coach_id,
                conversation.conversation_id,
                conversation.metadata.total_messages,
            )
        except Exception:  # noqa: BLE001 - retried on a later turn, never fails a turn
            log.exception("summary failed for %s; will retry on a later turn", key[1])
        finally:
            self._summarizing.discard(key)
