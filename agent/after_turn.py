"""Work a turn leaves for after its reply: the transcript copy, a title for a conversation
that has none yet and, when due, a summary.

None may fail or slow the turn: all run in the background and log their failures (the
items in the table stay the truth; a title and a summary are retried on a later turn).
"""

from __future__ import annotations

import logging

from agent.background import Background
from agent.context import TurnContext
from agent.summaries import Summarizer, trigger_reason
from agent.titles import rule_title
from agent.work import TurnWork
from storage.errors import Conflict
from storage.models import DEFAULT_TITLE
from storage.protocols import Store

log = logging.getLogger(__name__)


class AfterTurn:
    """Schedules a finished turn's transcript write, title and summary."""

    def __init__(self, store: Store, summarizer: Summarizer, background: Background) -> None:
        self._store = store
        self._summarizer = summarizer
        self._background = background
        self._summarizing: set[tuple[str, str]] = set()

    def schedule(self, work: TurnWork) -> None:
        """Start the transcript write, a title while the conversation has none, and a
        summary unless one is already running."""
        ctx = work.context
        self._background.spawn(self._write_transcript(work))
        if ctx.conversation.title == DEFAULT_TITLE:
            self._background.spawn(self._title(work))
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

    async def _title(self, work: TurnWork) -> None:
        """Name the conversation after this exchange if it is its first substantive one."""
        ctx = work.context
        title = rule_title(work.message.content, ctx.today)
        if title is None:
            return
        try:
            current = await self._store.get_conversation(
                ctx.user_id, ctx.coach.coach_id, ctx.conversation.conversation_id
            )
            if current.title == DEFAULT_TITLE:
                await self._store.rename_conversation(
                    ctx.user_id,
                    ctx.coach.coach_id,
                    current.conversation_id,
                    title,
                    version=current.version,
                )
        except Conflict:  # a rename or the next message came first; a later turn retries
            log.info("conversation changed; title left for a later turn")
        except Exception:  # noqa: BLE001 - a title is never worth failing a turn
            log.exception("title failed for %s", ctx.conversation.conversation_id)

    async def _summarize(self, ctx: TurnContext, key: tuple[str, str]) -> None:
        try:
            conversation = await self._store.get_conversation(
                ctx.user_id, ctx.coach.coach_id, ctx.conversation.conversation_id
            )
            await self._summarizer.summarize_if_due(conversation)
        except Exception:  # noqa: BLE001 - retried on a later turn, never fails a turn
            log.exception("summary failed for %s; will retry on a later turn", key[1])
        finally:
            self._summarizing.discard(key)
