"""Work a turn leaves for after its reply: copies, a title, forgetting, a due summary.

Memories the turn forgot are taken out of every conversation summary that states them.

The title is asked for only while the conversation has none. None may fail or slow the
turn: all run in the background and log their failures. The items in the table stay the
truth: the turn committed an outbox entry naming its copies (transcript, metadata,
workout files), so copies that fail here are written by a later drain; a title and a
summary are retried on a later turn.
"""

from __future__ import annotations

import logging

from agent.background import Background
from agent.context import TurnContext
from agent.forgetting import forget_in_summaries
from agent.summaries import Summarizer, trigger_reason
from agent.titles import rule_title
from agent.work import TurnWork
from storage.errors import Conflict
from storage.models import DEFAULT_TITLE
from storage.protocols import Store

log = logging.getLogger(__name__)


class AfterTurn:
    """Schedules a finished turn's copies, title and summary."""

    def __init__(self, store: Store, summarizer: Summarizer, background: Background) -> None:
        self._store = store
        self._summarizer = summarizer
        self._background = background
        self._summarizing: set[tuple[str, str]] = set()
        self._copying: dict[str, bool] = {}
        """Users whose outbox this process is draining: whether another drain was asked."""

    def schedule(self, work: TurnWork) -> None:
        """Start the after-reply work in the background, without waiting for any of it.

        The user's outbox is drained, a title asked for while the conversation has none,
        forgotten memories taken out of the summaries, and a summary when one is due and
        none is already running.
        """
        ctx = work.context
        self._background.spawn(self._copy(ctx.user_id))
        if ctx.conversation.title == DEFAULT_TITLE:
            self._background.spawn(self._title(work))
        if work.memory.deletes:
            forgotten = [m.content for m in work.memory.deletes]
            self._background.spawn(self._forget(ctx.user_id, forgotten))
        total = ctx.conversation.metadata.total_messages + 2
        key = (ctx.user_id, ctx.conversation.conversation_id)
        reason = trigger_reason(total, ctx.summary, self._summarizer.policy)
        if reason and key not in self._summarizing:
            self._summarizing.add(key)
            self._background.spawn(self._summarize(ctx, key))

    async def _copy(self, user_id: str) -> None:
        """Drain the user's outbox: this turn's copies and any a failure left behind.

        Turns finishing while a drain runs ask for one more, not one each.
        """
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
                await self._copy(ctx.user_id)  # the metadata copies say the new title
        except Conflict:  # a rename or the next message came first; a later turn retries
            log.info("conversation changed; title left for a later turn")
        except Exception:  # noqa: BLE001 - a title is never worth failing a turn
            log.exception("title failed for %s", ctx.conversation.conversation_id)

    async def _forget(self, user_id: str, forgotten: list[str]) -> None:
        try:
            await forget_in_summaries(self._store, user_id, forgotten)
        except Exception:  # noqa: BLE001 - logged; never fails a turn
            log.exception("forgotten memories may linger in a summary until it is redone")

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
