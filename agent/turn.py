"""One chat turn: persist the message, load context, run the agent, commit, report.

`TurnRunner.stream` is the single code path behind the JSON reply, the SSE stream and
`coach chat`. The user's message is stored before any model call; the reply, workouts,
records and memory changes are committed in one transaction after it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from typing import Any, cast

from langchain.agents import create_agent
from langchain.agents.middleware import (
    InputAgentState,
    ModelFallbackMiddleware,
    ModelRequest,
    dynamic_prompt,
)
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    AnyMessage,
    HumanMessage,
    SystemMessage,
)
from langgraph.types import StreamMode

from agent.context import TurnContext, load_turn
from agent.errors import MessageRejected, ModelUnavailable, TurnInProgress
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
)
from agent.memory import MemoryPlan, MemoryPlanner
from agent.memory_rules import rank_memories
from agent.models import supports_prompt_caching
from agent.offline import OFFLINE_KEY, OfflineCoachModel
from agent.offline_replies import MemoryOutcome, OfflineContext
from agent.prompting import (
    TurnNotes,
    build_system_message,
    render_coach_prompt,
    render_turn_context,
)
from agent.reply_stream import ReplyStream
from agent.resilience import ModelRetry
from agent.summaries import Summarizer, SummaryPolicy, trigger_reason
from agent.tools import TurnWork, log_workout
from agent.tracing import keep_untraced_hooks_inline
from agent.workouts import WorkoutBook, format_value, workout_extractor
from storage.base import (
    Conflict,
    Quota,
    StorageError,
    StorageUnavailable,
    Store,
    TurnBegin,
    TurnCommit,
)
from storage.ids import new_id
from storage.models import Memory, Message, MessageMetadata, TurnState

log = logging.getLogger(__name__)

_ERRORS_BY_CODE: dict[str, type[Exception]] = {
    Conflict.code: Conflict,
    StorageUnavailable.code: StorageUnavailable,
}
STREAM_MODES: list[StreamMode] = ["messages", "updates"]
UPDATES: list[StreamMode] = ["updates"]
"""Without token streaming: only each step's new messages."""
FALLBACK_REPLY = "Sorry, I couldn't put a reply together just now. Please try again."


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


@dynamic_prompt
def _system_prompt(request: ModelRequest) -> SystemMessage:
    """The system message the runner rendered for this turn."""
    work = cast(TurnWork, request.runtime.context)
    return work.system


def _to_lc(message: Message) -> HumanMessage | AIMessage:
    """The stored message as LangChain's, under its own id (else the graph mints a uuid
    for every history message at every step)."""
    if message.role == "user":
        return HumanMessage(content=message.content, id=message.message_id)
    return AIMessage(content=message.content, id=message.message_id)


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
    ) -> None:
        self.store = store
        self.model_name = model_name
        self.options = options or TurnOptions()
        offline = isinstance(chat_model, OfflineCoachModel)
        # Offline, every decision is rule-based: no model is asked for structured output.
        self._aux_model = None if offline else (extraction_model or chat_model)
        self._cache_prompt = supports_prompt_caching(chat_model)
        middleware: list[Any] = [_system_prompt]
        if fallback_model is not None:
            middleware.append(ModelFallbackMiddleware(fallback_model))
        middleware.append(
            ModelRetry(max_attempts=self.options.max_attempts, timeout_s=self.options.timeout_s)
        )
        self._agent = create_agent(
            chat_model, tools=[log_workout], middleware=middleware, context_schema=TurnWork
        )
        self._extractor = None if self._aux_model is None else workout_extractor(self._aux_model)
        self._memory = MemoryPlanner(self._aux_model)
        self._summarizer = Summarizer(
            store,
            self._aux_model,
            SummaryPolicy(self.options.summary_every, self.options.history_window),
        )
        keep_untraced_hooks_inline()
        self._static_prompts: dict[tuple[str, str, int], str] = {}
        self._background: set[asyncio.Task[None]] = set()
        self._summarizing: set[tuple[str, str]] = set()

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
        text = content.strip()
        if not text:
            raise MessageRejected("the message is empty")
        if len(text) > self.options.max_message_chars:
            raise MessageRejected(
                f"the message is over {self.options.max_message_chars} characters"
            )
        message = Message(
            message_id=new_id(),
            conversation_id=conversation_id,
            coach_id=coach_id,
            role="user",
            content=text,
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
            state = await self._settled(user_id, conversation_id, begin)
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
        """Run one turn to completion; raises ModelUnavailable, Conflict or
        StorageUnavailable when it fails after the message was stored."""
        async for event in self.stream(
            user_id, coach_id, conversation_id, content, client_message_id, tokens=False
        ):
            if isinstance(event, DoneEvent):
                return event.result
            if isinstance(event, ErrorEvent):
                error = _ERRORS_BY_CODE.get(event.code, ModelUnavailable)
                raise error(event.message)
        raise ModelUnavailable("the turn ended without a result")

    async def drain(self) -> None:
        """Wait for background work (transcripts, summaries) to finish."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)

    async def aclose(self) -> None:
        await self.drain()

    # -- the turn --------------------------------------------------------------------------

    async def _settled(self, user_id: str, conversation_id: str, begin: TurnBegin) -> TurnState:
        """Wait for a racing attempt with the same client_message_id to finish."""
        state = begin.state
        deadline = asyncio.get_running_loop().time() + self.options.turn_wait_s
        while state.status == "pending":
            if asyncio.get_running_loop().time() > deadline:
                raise TurnInProgress("the same message is still being answered; retry shortly")
            await asyncio.sleep(0.05)
            found = await self.store.get_turn(user_id, conversation_id, state.client_message_id)
            state = found or state
        return state

    async def _run(
        self, context: TurnContext, message: Message, tokens: bool
    ) -> AsyncIterator[TurnEvent]:
        try:
            work = await self._prepare(context, message)
            async for token in self._agent_tokens(work, tokens):
                yield TokenEvent(text=token)
            result = await self._commit(work)
        except (ModelUnavailable, StorageError) as exc:
            # The user's message is already stored; release the claim so a retry runs.
            await self._fail(context, message)
            status = 409 if isinstance(exc, Conflict) else 503
            yield ErrorEvent(code=exc.code, message=str(exc), status=status)
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
        self._after_turn(work)
        yield DoneEvent(result=result)

    async def _prepare(self, context: TurnContext, message: Message) -> TurnWork:
        """Plan memory changes, rank memories and render the system prompt."""
        plan = await self._memory.plan(
            message.content,
            user_id=context.user_id,
            coach_id=context.coach.coach_id,
            existing=context.memories,
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
        notes = TurnNotes(list(plan.notes))
        system = build_system_message(
            self._static_prompt(context),
            render_turn_context(context, memories, notes),
            cache=self._cache_prompt,
        )
        system.additional_kwargs[OFFLINE_KEY] = self._offline_context(
            context, plan, memories
        ).model_dump()
        work = TurnWork(
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
            extractor=self._extractor,
            model_name=self.model_name,
            model_calls=plan.model_calls,
            input_tokens=plan.input_tokens,
            output_tokens=plan.output_tokens,
        )
        new_ids = {m.memory_id for m in plan.puts}
        work.used_memory_ids = [m.memory_id for m in memories if m.memory_id not in new_ids]
        return work

    def _static_prompt(self, context: TurnContext) -> str:
        coach = context.coach
        key = (context.user_id, coach.coach_id, coach.version)
        if key not in self._static_prompts:
            if len(self._static_prompts) > 1024:
                self._static_prompts.clear()
            self._static_prompts[key] = render_coach_prompt(coach)
        return self._static_prompts[key]

    @staticmethod
    def _offline_context(
        context: TurnContext, plan: MemoryPlan, memories: list[Memory]
    ) -> OfflineContext:
        profile = context.profile
        return OfflineContext(
            athlete_name=profile.nickname or profile.display_name or profile.first_name or "there",
            personality=context.coach.selected_personality.primary_template,
            memory=MemoryOutcome(
                saved=[m.content for m in plan.changes.saved],
                updated=[m.content for m in plan.changes.updated],
                forgotten=[m.content for m in plan.changes.forgotten],
                duplicate=plan.duplicate_of,
                unmatched_forget=plan.unmatched_forget,
            ),
            memories=[m.content for m in memories],
            recent_workouts=[f"{w.date} {w.summary}" for w in context.recent_workouts],
            records={
                r.exercise: f"{format_value(r.value, r.measure, r.unit)} on {r.date}"
                for r in context.records
            },
        )

    async def _agent_tokens(self, work: TurnWork, tokens: bool) -> AsyncIterator[str]:
        """Stream the reply's tokens (if `tokens`); the final message is kept on `work`
        for the commit."""
        messages: list[AnyMessage | dict[str, Any]] = [
            _to_lc(m) for m in [*work.context.history, work.message]
        ]
        inputs = InputAgentState(messages=messages)
        produced: list[AIMessage] = []
        replies = ReplyStream()
        try:
            # "updates" rather than "values": only this turn's new messages, not the whole
            # state copied at every step.
            # With several modes, each part is a (mode, payload) pair.
            modes = STREAM_MODES if tokens else UPDATES
            async for part in self._agent.astream(inputs, context=work, stream_mode=modes):
                mode, payload = cast(tuple[StreamMode, Any], part)
                if mode == "updates":
                    for update in payload.values():
                        new = update.get("messages", []) if isinstance(update, dict) else []
                        produced.extend(m for m in new if isinstance(m, AIMessage))
                    continue
                chunk, meta = payload
                if (
                    isinstance(chunk, AIMessageChunk)
                    and meta.get("langgraph_node") == "model"
                    and chunk.text
                    and (text := replies.feed(meta.get("langgraph_step"), chunk.id, chunk.text))
                ):
                    yield text
        except Exception as exc:  # noqa: BLE001 - any model failure after retries
            log.warning("model failed for turn %s: %r", work.message.message_id, exc)
            raise ModelUnavailable(
                "the coach's language model is unavailable right now; your message was kept, "
                "please retry"
            ) from exc
        for m in produced:
            if m.usage_metadata:
                work.input_tokens += m.usage_metadata.get("input_tokens", 0)
                work.output_tokens += m.usage_metadata.get("output_tokens", 0)
        work.reply_text = (produced[-1].text if produced else "").strip() or FALLBACK_REPLY

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
            workouts=[{"workout_id": w.workout_id, **w.workout_data} for w in logged],
            memories=work.memory.changes,
            usage=Usage(
                input_tokens=work.input_tokens,
                output_tokens=work.output_tokens,
                model=self.model_name,
                model_calls=work.model_calls,
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
                result=result.model_dump(mode="json"),
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

    # -- after the reply ---------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _after_turn(self, work: TurnWork) -> None:
        """Transcript and summary run after the reply has been delivered."""
        ctx = work.context
        self._spawn(self._write_transcript(work))
        total = ctx.conversation.metadata.total_messages + 2
        key = (ctx.user_id, ctx.conversation.conversation_id)
        reason = trigger_reason(total, ctx.summary, self._summarizer.policy)
        if reason and key not in self._summarizing:
            self._summarizing.add(key)
            self._spawn(self._summarize(ctx, key))

    async def _write_transcript(self, work: TurnWork) -> None:
        ctx = work.context
        messages = [work.message, *([work.reply_message] if work.reply_message else [])]
        try:
            # Re-read: the metadata written beside the transcript must count this turn.
            conversation = await self.store.get_conversation(
                ctx.user_id, ctx.coach.coach_id, ctx.conversation.conversation_id
            )
            await self.store.append_transcript(ctx.user_id, conversation, messages)
        except Exception:  # noqa: BLE001 - logged; the items in the table stay the truth
            log.exception("transcript write failed for %s", ctx.conversation.conversation_id)

    async def _summarize(self, ctx: TurnContext, key: tuple[str, str]) -> None:
        try:
            conversation = await self.store.get_conversation(
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
