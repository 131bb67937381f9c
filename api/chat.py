"""The chat service behind the messages endpoint: limits, then a turn the app owns.

A turn runs in a background task that the client cannot cancel: a dropped connection
(JSON or SSE) still leaves the reply, workouts and memories persisted. The runner's
`Background` owns these tasks and the app drains it on shutdown.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
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
    result_of,
)
from agent.turn import TurnRunner
from api.schemas.chat import ChatReply, ChatRequest
from api.schemas.workouts import WorkoutPublic
from storage.errors import StorageError
from storage.turn_writes import Quota

log = logging.getLogger(__name__)

_END = object()
"""Queue sentinel: the turn's event stream is exhausted."""


class ChatService:
    """Admits a chat request (rate, quota) and runs its turn."""

    def __init__(
        self,
        *,
        runner: TurnRunner,
        per_minute: int,
        per_day: int,
        log_content: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.runner = runner
        self.log_content = log_content
        self.per_minute = per_minute
        self.per_day = per_day
        self.clock = clock

    async def run(
        self, user_id: str, coach_id: str, conversation_id: str, request: ChatRequest
    ) -> ChatResult:
        """Run one turn to completion and return its result (TurnFailed if it failed)."""
        events = self._events(user_id, coach_id, conversation_id, request, tokens=False)
        return await asyncio.shield(self.runner.background.spawn(result_of(events)))

    async def stream(
        self, user_id: str, coach_id: str, conversation_id: str, request: ChatRequest
    ) -> AsyncIterator[ServerSentEvent]:
        """Start one turn and return its events as SSE.

        Waits for the turn's first event, so a turn that cannot start (unknown
        conversation, rejected message) fails as a plain HTTP error instead of a stream.
        """
        queue: asyncio.Queue[object] = asyncio.Queue()
        events = self._events(user_id, coach_id, conversation_id, request, tokens=True)
        self.runner.background.spawn(_pump(events, queue))
        first = await queue.get()
        if isinstance(first, Exception):
            raise first
        return _as_sse(first, queue)

    def _events(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        request: ChatRequest,
        *,
        tokens: bool,
    ) -> AsyncIterator[TurnEvent]:
        """The turn's events (`token`s only for a stream).

        The rate limit and quota are counted by the store just before it keeps the
        message, so RateLimited comes before any event.
        """
        if self.log_content:
            log.debug("chat message", extra={"content": request.content})
        else:
            log.debug("chat message", extra={"content_chars": len(request.content)})
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
        extra = {"action": event.action, "change": event.summary}
        return ServerSentEvent(
            data=WorkoutPublic.of_workout(event.workout, **extra).model_dump_json(),
            event="workout",
        )
    if isinstance(event, MemoryEvent):
        return _sse("memory", {"action": event.action, "memory": event.memory.model_dump()})
    if isinstance(event, DoneEvent):
        return ServerSentEvent(data=ChatReply.of(event.result).model_dump_json(), event="done")
    if isinstance(event, ErrorEvent):
        return _sse("error", {"code": event.code, "message": event.message})
    raise TypeError(f"not a turn event: {event!r}")


def _sse(name: str, payload: dict[str, Any]) -> ServerSentEvent:
    return ServerSentEvent(data=json.dumps(payload), event=name)
