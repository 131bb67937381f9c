"""One chat turn: persist the message, load context, run the agent, commit, report.

`TurnRunner.stream` is the single code path behind the JSON reply, the SSE stream and
`coach chat`. The user's message is stored before any model call; the reply, workouts,
records and memory changes are committed in one transaction after it. Failures after
the message is stored end the stream with an `ErrorEvent` carrying a stable code.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel

from agent.after_turn import AfterTurn
from agent.background import Background
from agent.chat_models import supports_prompt_caching
from agent.coach_agent import CoachAgent
from agent.context import TurnContext, load_turn
from agent.errors import MessageRejected, MessageTooLong, ModelUnavailable
from agent.events import (
    ChatResult,
    DoneEvent,
    ErrorEvent,
    MemoryEvent,
    ReplyOut,
    TokenEvent,
    TurnEvent,
    Usage,
    WorkoutEvent,
    result_of,
)
from agent.memory import MemoryPlanner
from agent.memory_rules import rank_memories
from agent.offline import OfflineCoachModel
from agent.prompting import CoachPrompts, TurnNotes, build_system_message, render_turn_context
from agent.replay import settled
from agent.summaries import Summarizer, SummaryPolicy
from agent.tracing import keep_untraced_hooks_inline
from agent.usage import Spend
from agent.work import TurnWork
from agent.workouts import WorkoutBook, workout_extractor
from storage.errors import StorageError
from storage.ids import new_id
from storage.models import Message, MessageMetadata
from storage.protocols import Quota, Store, TurnCommit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TurnOptions:
    """Knobs of a turn (plain values, filled from Settings by the API)."""

    history_window: int = 12
    summary_every: int = 10
    memory_max_count: int = 12
    memory_max_chars: int = 2000
    max_message_chars: int = 4000
    max_attempts: int = 3
    timeout_s: float = 60.0
    turn_wait_s: float = 60.0
    retry_delay_s: float = 0.5
    """First backoff between model attempts (doubling, with jitter, up to 8 s)."""


class TurnRunner:
    """Runs chat turns against one store and one chat model (built once, shared)."""

    def __init__(
        self,
        *,
        store: Store,
        chat_model: BaseChatModel,
        model_name: str,
        extraction_model: BaseChatModel | None = None,
        fallback_model: BaseChatModel | None = None,
        options: TurnOptions | None = None,
        background: Background | None = None,
    ) -> None:
        self.store = store
        self.model_name = model_name
        self.options = options or TurnOptions()
        self.background = background or Background()
        offline = isinstance(chat_model, OfflineCoachModel)
        # Offline, every decision is rule-based: no model is asked for structured output.
        self._aux_model = None if offline else (extraction_model or chat_model)
        self._cache_prompt = supports_prompt_caching(chat_model)
        self._agent = CoachAgent(
            chat_model,
            fallback_model=fallback_model,
            max_attempts=self.options.max_attempts,
            retry_delay_s=self.options.retry_delay_s,
            timeout_s=self.options.timeout_s,
        )
        self._extractor = None if self._aux_model is None else workout_extractor(self._aux_model)
        self._memory = MemoryPlanner(self._aux_model)
        summarizer = Summarizer(
            store,
            self._aux_model,
            SummaryPolicy(self.options.summary_every, self.options.history_window),
        )
        self._after = AfterTurn(store, summarizer, self.background)
        self._prompts = CoachPrompts()
        keep_untraced_hooks_inline()

    # -- public entry points -------------------------------------------------------------

    async def stream(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        content: str,
        client_message_id: str | None = None,
        quota: Quota | None = None,
        *,
        tokens: bool = True,
    ) -> AsyncIterator[TurnEvent]:
        """Run one turn and yield its events; raises NotFound, MessageRejected or
        RateLimited (when the message does not fit in `quota`) before any.

        With `tokens=False` (a JSON reply, which only needs `done`) the model is not
        asked to stream and no `token` events come: token callbacks cost about 1 ms of
        CPU per turn, and on Bedrock it is Converse instead of ConverseStream.
        """
        message = Message(
            message_id=new_id(),
            conversation_id=conversation_id,
            coach_id=coach_id,
            role="user",
            content=self._checked(content),
            metadata=MessageMetadata(client_message_id=client_message_id),
        )
        begin, context = await load_turn(
            self.store,
            user_id,
            coach_id,
            conversation_id,
            message,
            history_window=self.options.history_window,
            quota=quota,
        )
        if not begin.created:
            state = await settled(self.store, user_id, begin, self.options.turn_wait_s)
            if state.status == "done" and state.result is not None:
                result = ChatResult.model_validate(state.result)
                if tokens:
                    yield TokenEvent(text=result.reply.content)
                yield DoneEvent(result=result)
                return
            # An earlier attempt failed after storing the message: run it again.
            message = message.model_copy(update={"message_id": state.user_message_id})
        async for event in self._run(context, message, tokens):
            yield event

    async def run(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        content: str,
        client_message_id: str | None = None,
    ) -> ChatResult:
        """Run one turn to completion (no token streaming); raises TurnFailed with the
        error event's code when it fails after the message was stored."""
        return await result_of(
            self.stream(
                user_id, coach_id, conversation_id, content, client_message_id, tokens=False
            )
        )

    async def drain(self) -> None:
        """Wait for background work (transcripts, summaries) to finish."""
        await self.background.drain()

    async def aclose(self) -> None:
        """Finish background work before the store closes."""
        await self.drain()

    # -- the turn --------------------------------------------------------------------------

    def _checked(self, content: str) -> str:
        """The message as stored: trimmed, non-empty, within the length limit."""
        text = content.strip()
        if not text:
            raise MessageRejected("the message is empty")
        if len(text) > self.options.max_message_chars:
            raise MessageTooLong(
                f"message is longer than {self.options.max_message_chars} characters"
            )
        return text

    async def _run(
        self, context: TurnContext, message: Message, tokens: bool
    ) -> AsyncIterator[TurnEvent]:
        try:
            work = await self._prepare(context, message)
            async for token in self._agent.reply(work, tokens=tokens):
                yield TokenEvent(text=token)
            result = await self._commit(work)
        except (ModelUnavailable, StorageError) as exc:
            # The user's message is already stored; release the claim so a retry runs.
            await self._fail(context, message)
            yield ErrorEvent(code=exc.code, message=str(exc))
            return
        for workout in result.workouts:
            yield WorkoutEvent(workout=workout)
        for memory in result.memories.saved:
            yield MemoryEvent(action="saved", memory=memory)
        for memory in result.memories.updated:
            yield MemoryEvent(action="updated", memory=memory)
        for forgotten in result.memories.forgotten:
            yield MemoryEvent(action="forgotten", memory=forgotten)
        # Spawned before `done` is yielded: a consumer may stop iterating at `done`.
        self._after.schedule(work)
        yield DoneEvent(result=result)

    async def _prepare(self, context: TurnContext, message: Message) -> TurnWork:
        """Plan memory changes, rank memories and render the system prompt."""
        spend = Spend()
        plan = await self._memory.plan(
            message.content,
            user_id=context.user_id,
            coach_id=context.coach.coach_id,
            existing=context.memories,
            spend=spend,
        )
        gone = {m.memory_id for m in plan.deletes}
        current = {m.memory_id: m for m in context.memories if m.memory_id not in gone}
        current.update({m.memory_id: m for m in plan.puts})
        memories = rank_memories(
            list(current.values()),
            coach_id=context.coach.coach_id,
            now=context.local_now,
            max_count=self.options.memory_max_count,
            max_chars=self.options.memory_max_chars,
        )
        system = build_system_message(
            self._prompts.static_part(context.user_id, context.coach),
            render_turn_context(context, memories, TurnNotes(list(plan.notes), dict(plan.quoted))),
            cache=self._cache_prompt,
        )
        return TurnWork(
            context=context,
            message=message,
            system=system,
            store=self.store,
            book=WorkoutBook(
                user_id=context.user_id,
                coach_id=context.coach.coach_id,
                coach_name=context.coach.coach_name,
                conversation_id=context.conversation.conversation_id,
                message_id=message.message_id,
                records={(r.exercise, r.measure): r for r in context.records},
            ),
            memory=plan,
            memories=memories,
            extractor=self._extractor,
            model_name=self.model_name,
            spend=spend,
        )

    async def _commit(self, work: TurnWork) -> ChatResult:
        ctx = work.context
        logged = [w.record for w in work.book.logged]
        reply = Message(
            message_id=new_id(),
            conversation_id=ctx.conversation.conversation_id,
            coach_id=ctx.coach.coach_id,
            role="assistant",
            content=work.reply_text,
            metadata=MessageMetadata(
                workout_detected=bool(logged),
                workout_ids=[w.workout_id for w in logged],
                memory_ids=[m.memory_id for m in work.memory.puts],
                model=self.model_name,
            ),
        )
        result = ChatResult(
            message_id=work.message.message_id,
            conversation_id=ctx.conversation.conversation_id,
            reply=ReplyOut(message_id=reply.message_id, content=reply.content),
            workouts=[w.workout for w in work.book.logged],
            memories=work.memory.changes,
            usage=Usage(
                input_tokens=work.spend.input_tokens,
                output_tokens=work.spend.output_tokens,
                model=self.model_name,
                model_calls=work.spend.model_calls,
            ),
        )
        await self.store.commit_turn(
            TurnCommit(
                user_id=ctx.user_id,
                coach_id=ctx.coach.coach_id,
                conversation_id=ctx.conversation.conversation_id,
                reply=reply,
                workouts=logged,
                records=list(work.book.record_writes.values()),
                memory_puts=work.memory.puts,
                memory_deletes=work.memory.deletes,
                memories_used=work.used_memory_ids,
                client_message_id=work.message.metadata.client_message_id,
                result=result,
            )
        )
        work.reply_message = reply
        return result

    async def _fail(self, context: TurnContext, message: Message) -> None:
        """Release the idempotency claim so the client can retry; the message stays."""
        if not message.metadata.client_message_id:
            return
        try:
            await self.store.fail_turn(
                context.user_id,
                context.conversation.conversation_id,
                message.metadata.client_message_id,
            )
        except StorageError:  # the claim then expires with its TTL; the retry waits for it
            log.warning("could not release turn %s", message.metadata.client_message_id)
