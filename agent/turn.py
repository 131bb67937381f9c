"""One chat turn: persist the message, load context, run the agent, commit, report.

`TurnRunner.stream` is the single code path behind the JSON reply, the SSE stream and
`coach chat`. The user's message is stored before any model call; the reply, workouts,
records and memory changes are committed in one transaction after it. Failures after
the message is stored end the stream with an `ErrorEvent` carrying a stable code.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, replace
from itertools import dropwhile

from langchain_core.language_models import BaseChatModel

from agent.after_turn import AfterTurn
from agent.background import Background
from agent.chat_models import supports_prompt_caching
from agent.coach_agent import CoachAgent
from agent.context import TurnContext, load_turn
from agent.errors import MessageRejected, MessageTooLong, ModelUnavailable, TurnTimeout
from agent.events import (
    ChatResult,
    DoneEvent,
    ErrorEvent,
    TokenEvent,
    TurnEvent,
    result_of,
)
from agent.goals import plan_goal
from agent.memory import MemoryPlanner
from agent.memory_rules import rank_memories
from agent.offline import OfflineCoachModel
from agent.prompting import CoachPrompts, TurnNotes, build_system_message, render_turn_context
from agent.replay import Leases
from agent.safety import red_flag
from agent.summaries import Summarizer, SummaryPolicy
from agent.tuning import keep_untraced_hooks_inline
from agent.turn_outcome import outcome_events, turn_outcome
from agent.turn_queue import TurnQueue
from agent.usage import Spend
from agent.work import TurnWork
from agent.workout_edits import WorkoutEditor
from agent.workouts import WorkoutBook, workout_extractor
from storage.errors import StorageError
from storage.ids import new_id
from storage.models import Message, MessageMetadata
from storage.protocols import Store
from storage.turn_writes import Quota, TurnBegin

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
    lease_s: float = 30.0
    """How long a claimed turn is held without renewal (renewed every third of it while it
    runs); a retry after a crash takes the turn over once it lapses."""
    duplicate_wait_s: float = 2.0
    """How long a duplicate of a running turn waits for its result before a 409."""
    turn_deadline_s: float = 150.0
    """The whole reply (every model call, retry and tool) must finish within this."""
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
        self._offline = offline
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
        self._leases = Leases(
            store, lease_s=self.options.lease_s, wait_s=self.options.duplicate_wait_s
        )
        self._queue = TurnQueue()
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
        """Run one turn and yield its events.

        Raises NotFound, MessageRejected or RateLimited (when the message does not fit in
        `quota`) before any event. Turns on one conversation take turns (`TurnQueue`).

        With `tokens=False` (a JSON reply, which only needs `done`) the model is not
        asked to stream and no `token` events come: token callbacks cost about 1 ms of
        CPU per turn, and on Bedrock it is Converse instead of ConverseStream.
        """
        text = self._checked(content)
        last: TurnEvent | None = None  # handed out once the conversation is free
        async with self._queue.turn(user_id, conversation_id, client_message_id):
            # Its id is taken in its turn, so the history's order is the order answered.
            message = Message(
                message_id=new_id(),
                conversation_id=conversation_id,
                coach_id=coach_id,
                role="user",
                content=text,
                metadata=MessageMetadata(client_message_id=client_message_id),
            )
            lease = self._leases.new() if client_message_id else None
            begin, context = await load_turn(
                self.store,
                user_id,
                coach_id,
                conversation_id,
                message,
                history_window=self.options.history_window,
                quota=quota,
                lease=lease,
            )
            if not begin.created and lease is not None:
                state = await self._leases.settle(user_id, begin, lease, quota)
                if state.status == "done" and state.result is not None:
                    result = ChatResult.model_validate(state.result)
                    if tokens:
                        yield TokenEvent(text=result.reply.content)
                    last = DoneEvent(result=result)
                else:
                    # An earlier attempt failed or died after storing the message: this
                    # attempt took the turn over and answers the stored message as of
                    # its own position.
                    context, message = await self._as_of(context, state.user_message_id, message)
            if last is None:
                owner = lease.owner if lease else None
                async with self._held(user_id, begin, owner):
                    async for event in self._run(context, message, tokens, owner):
                        if isinstance(event, DoneEvent | ErrorEvent):
                            last = event
                        else:
                            yield event
        if last is not None:
            yield last

    async def run(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        content: str,
        client_message_id: str | None = None,
    ) -> ChatResult:
        """Run one turn to completion, without token streaming.

        Raises TurnFailed with the error event's code when it fails after the message
        was stored.
        """
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

    async def _as_of(
        self, context: TurnContext, message_id: str, fallback: Message
    ) -> tuple[TurnContext, Message]:
        """The context and the stored message of a turn taken over.

        History up to that message only (never later ones), and the text as stored, not
        as resent.
        """
        stored = await self.store.latest_messages(
            context.user_id,
            context.conversation.conversation_id,
            self.options.history_window + 1,
            through=message_id,
        )
        if not stored or stored[-1].message_id != message_id:
            return context, fallback.model_copy(update={"message_id": message_id})
        history = list(dropwhile(lambda m: m.role != "user", stored[:-1]))
        return replace(context, history=history), stored[-1]

    def _held(
        self, user_id: str, begin: TurnBegin, owner: str | None
    ) -> AbstractAsyncContextManager[None]:
        if owner is None:
            return nullcontext()
        return self._leases.held(user_id, begin.state, owner)

    async def _run(
        self, context: TurnContext, message: Message, tokens: bool, owner: str | None
    ) -> AsyncIterator[TurnEvent]:
        try:
            work = await self._prepare(context, message)
            work.owner = owner
            async for token in self._reply(work, tokens):
                yield TokenEvent(text=token)
            result = await self._commit(work)
        except (ModelUnavailable, TurnTimeout, StorageError) as exc:
            # The user's message is already stored; release the claim so a retry runs.
            await self._fail(context, message, owner)
            yield ErrorEvent(code=exc.code, message=str(exc))
            return
        for event in outcome_events(result):
            yield event
        # Spawned before `done` is yielded: a consumer may stop iterating at `done`.
        self._after.schedule(work)
        yield DoneEvent(result=result)

    async def _reply(self, work: TurnWork, tokens: bool) -> AsyncIterator[str]:
        """The agent's reply, within the turn's one deadline."""
        deadline = self.options.turn_deadline_s
        try:
            async with asyncio.timeout(deadline):
                async for token in self._agent.reply(work, tokens=tokens):
                    yield token
        except TimeoutError:
            raise TurnTimeout(
                f"no reply within {deadline:g} s; your message was kept, please retry"
            ) from None

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
        plan_goal(plan, message.content, context)
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
            render_turn_context(
                context,
                memories,
                TurnNotes([*plan.notes, *_state_notes(context, message)], dict(plan.quoted)),
            ),
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
            ),
            editor=WorkoutEditor(
                store=self.store,
                user_id=context.user_id,
                today=context.today,
                state=context.conversation.state,
            ),
            memory=plan,
            memories=memories,
            extractor=self._extractor,
            model_name=self.model_name,
            spend=spend,
            red_flag=red_flag(message.content),
            offline=self._offline,
        )

    async def _commit(self, work: TurnWork) -> ChatResult:
        result, commit = turn_outcome(work, self.model_name)
        await self.store.commit_turn(commit)
        work.reply_message = commit.reply
        return result

    async def _fail(self, context: TurnContext, message: Message, owner: str | None) -> None:
        """Release the idempotency claim so the client can retry; the message stays."""
        if not message.metadata.client_message_id:
            return
        try:
            await self.store.fail_turn(
                context.user_id,
                context.conversation.conversation_id,
                message.metadata.client_message_id,
                owner,
            )
        except StorageError:  # the claim then expires with its TTL; the retry waits for it
            log.warning("could not release turn %s", message.metadata.client_message_id)


def _state_notes(context: TurnContext, message: Message) -> list[str]:
    """What the conversation is in the middle of, told to the model as trusted notes."""
    notes = []
    state = context.conversation.state
    if red_flag(message.content):
        notes.append("The message reports a red-flag symptom: safety advice only, log nothing.")
    if state.pending is not None:
        notes.append(
            f"You asked for the {' and '.join(state.pending.fields)} of workout "
            f"{state.pending.workout_id}; if this message answers it, call change_workout "
            f'(action="update", which="{state.pending.workout_id}").'
        )
    if state.last_change is not None:
        notes.append(
            f"The last workout change here: {state.last_change.action} "
            f"{state.last_change.workout_id} (what undo reverses)."
        )
    return notes
