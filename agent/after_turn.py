"""Work a turn leaves for after its reply: its copies and, when due, a summary.

Neither may fail or slow the turn: both run in the background and log their failures.
The items in the table stay the truth: the turn committed an outbox entry naming its
copies (transcript, metadata, workout files), so copies that fail here are written by
a later drain; a summary is retried on a later turn.
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
    """Schedules a finished turn's copies and summary."""

    def __init__(self, store: Store, summarizer: Summarizer, background: Background) -> None:
        self._store = store
        self._summarizer = summarizer
        self._background = background
        self._summarizing: set[tuple[str, str]] = set()
        self._copying: dict[str, bool] = {}
        """Users whose outbox this process is draining: whether another drain was asked."""

    def schedule(self, work: TurnWork) -> None:
        """Start draining the user's outbox, and a summary unless one is already running."""
        ctx = work.context
        self._background.spawn(self._copy(ctx.user_id))
        total = ctx.conversation.metadata.total_messages + 2
        key = (ctx.user_id, ctx.conversation.conversation_id)
        reason = trigger_reason(total, ctx.summary, self._summarizer.policy)
        if reason and key not in self._summarizing:
            self._summarizing.add(key)
            self._background.spawn(self._summarize(ctx, key))

    async def _copy(self, user_id: str) -> None:
        """Drain the user's outbox: this turn's copies and any a failure left behind.
        Turns finishing while a drain runs ask for one more, not one each."""
        if user_id in self._copying:
            self._copying[user_id] = True
            return
        self._copying[user_id] = False
        try:
            while True:
                try:
                    await self._store.drain_outbox(user_id)
                except Exception:  # noqa: BLE001 - logged; the outbox keeps what is left
                    log.exception("copies failed; the outbox drainer will retry them")
                    return
                if not self._copying[user_id]:
                    return
                self._copying[user_id] = False
        finally:
            del self._copying[user_id]

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
