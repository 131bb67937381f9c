"""The chat service behind the messages endpoint: limits, then a turn the app owns.

A turn runs in a task that the client cannot cancel: a dropped connection (JSON or SSE)
still leaves the reply, workouts and memories persisted. The app awaits these tasks on
shutdown.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from sse_starlette import ServerSentEvent

from agent.errors import AgentError
from agent.events import (
    ChatResult,
    DoneEvent,
    ErrorEvent,
    MemoryEvent,
    TokenEvent,
    TurnEvent,
    WorkoutEvent,
)
from agent.turn import TurnRunner
from api.errors import MessageTooLong, TurnFailed
from api.schemas import ChatRequest
from storage.base import Quota, StorageError

log = logging.getLogger(__name__)

_END = object()
"""Queue sentinel: the turn's event stream is exhausted."""


class ChatService:
    """Admits a chat request (length, rate, quota) and runs its turn."""

    def __init__(
        self,
        *,
        runner: TurnRunner,
        per_minute: int,
        per_day: int,
        max_message_chars: int,
        log_content: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.runner = runner
        self.log_content = log_content
        self.per_minute = per_minute
        self.per_day = per_day
        self.max_message_chars = max_message_chars
        self.clock = clock
        self._tasks: set[asyncio.Task[Any]] = set()

    async def run(
        self, user_id: str, coach_id: str, conversation_id: str, request: ChatRequest
    ) -> ChatResult:
        """Run one turn to completion and return its result."""
        self._admit(request)
        events = self._events(user_id, coach_id, conversation_id, request, tokens=False)
        return await asyncio.shield(self._spawn(_result_of(events)))

    async def stream(
        self, user_id: str, coach_id: str, conversation_id: str, request: ChatRequest
    ) -> AsyncIterator[ServerSentEvent]:
        """Start one turn and return its events as SSE.

        Waits for the turn's first event, so a turn that cannot start (unknown
        conversation, rejected message) fails as a plain HTTP error instead of a stream.
        """
        self._admit(request)
        queue: asyncio.Queue[object] = asyncio.Queue()
        events = self._events(user_id, coach_id, conversation_id, request, tokens=True)
        self._spawn(_pump(events, queue))
        first = await queue.get()
        if isinstance(first, Exception):
            raise first
        return _as_sse(first, queue)

    async def aclose(self) -> None:
        """Wait for every turn still running (called on shutdown)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _events(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        request: ChatRequest,
        *,
        tokens: bool,
    ) -> AsyncIterator[TurnEvent]:
        """The turn's events (`token`s only for a stream); the rate limit and quota are
        counted by the same store transaction that keeps the message (RateLimited
        before any event)."""
        return self.runner.stream(
            user_id,
            coach_id,
            conversation_id,
            request.content,
            client_message_id=request.client_message_id,
            quota=Quota(
                per_minute=self.per_minute, per_day=self.per_day, now_epoch=int(self.clock())
            ),
            tokens=tokens,
        )

    def _admit(self, request: ChatRequest) -> None:
        if len(request.content) > self.max_message_chars:
            raise MessageTooLong(f"message is longer than {self.max_message_chars} characters")
        if self.log_content:
            log.debug("chat message", extra={"content": request.content})
        else:
            log.debug("chat message", extra={"content_chars": len(request.content)})

    def _spawn(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(_forget(self._tasks))
        return task


def _forget(tasks: set[asyncio.Task[Any]]) -> Callable[[asyncio.Task[Any]], None]:
    def done(task: asyncio.Task[Any]) -> None:
        tasks.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved here; whoever awaits the task still gets it

    return done


async def _result_of(events: AsyncIterator[TurnEvent]) -> ChatResult:
    """Drain the whole turn (its after-reply work runs past `done`) and return its result."""
    outcome: ChatResult | ErrorEvent | None = None
    async for event in events:
        if isinstance(event, DoneEvent):
            outcome = event.result
        elif isinstance(event, ErrorEvent):
            outcome = event
    if isinstance(outcome, ChatResult):
        return outcome
    raise TurnFailed(outcome or ErrorEvent(code="internal_error", message="the turn ended early"))


async def _pump(events: AsyncIterator[TurnEvent], queue: asyncio.Queue[object]) -> None:
    """Drain the turn into the queue, whether or not anyone still reads it."""
    try:
        async for event in events:
            queue.put_nowait(event)
    except Exception as exc:
        if not isinstance(exc, StorageError | AgentError):
            log.error("chat turn failed", exc_info=exc)
        queue.put_nowait(exc)
    finally:
        queue.put_nowait(_END)


async def _as_sse(first: object, queue: asyncio.Queue[object]) -> AsyncIterator[ServerSentEvent]:
    item = first
    while item is not _END:
        if isinstance(item, Exception):
            code = str(getattr(item, "code", "internal_error"))
            yield _sse("error", {"code": code, "message": "the turn failed; retry shortly"})
            return
        yield _event_to_sse(item)
        if isinstance(item, DoneEvent | ErrorEvent):
            return
        item = await queue.get()


def _event_to_sse(event: object) -> ServerSentEvent:
    if isinstance(event, TokenEvent):
        return _sse("token", {"text": event.text})
    if isinstance(event, WorkoutEvent):
        return _sse("workout", event.workout)
    if isinstance(event, MemoryEvent):
        return _sse("memory", {"action": event.action, "memory": event.memory.model_dump()})
    if isinstance(event, DoneEvent):
        return ServerSentEvent(data=event.result.model_dump_json(), event="done")
    if isinstance(event, ErrorEvent):
        return _sse("error", {"code": event.code, "message": event.message})
    raise TypeError(f"not a turn event: {event!r}")


def _sse(name: str, payload: dict[str, Any]) -> ServerSentEvent:
    return ServerSentEvent(data=json.dumps(payload), event=name)
