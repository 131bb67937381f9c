"""Typed results and events of one chat turn.

Shared by the HTTP API (JSON and SSE) and `coach chat`, so all three say the same thing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Literal

from pydantic import BaseModel, Field

from agent.errors import TurnFailed
from extraction.schema import Workout


class ReplyOut(BaseModel):
    """The coach's reply as stored: its message id and text."""

    message_id: str
    content: str


class SavedMemory(BaseModel):
    """A memory this turn saved or updated, so the client can show what the coach kept."""

    memory_id: str
    content: str
    memory_type: str
    scope: Literal["global", "coach"] = "global"


class ForgottenMemory(BaseModel):
    """A memory this turn deleted because the athlete asked the coach to forget it."""

    memory_id: str
    content: str


class MemoryChanges(BaseModel):
    """What this turn did to the athlete's memories, committed with the reply."""

    saved: list[SavedMemory] = Field(default_factory=list)
    updated: list[SavedMemory] = Field(default_factory=list)
    forgotten: list[ForgottenMemory] = Field(default_factory=list)


WorkoutAction = Literal["logged", "updated", "deleted"]


class WorkoutChangeOut(BaseModel):
    """A workout this turn logged, updated or deleted, and what changed."""

    action: WorkoutAction
    workout_id: str
    summary: str
    """What was logged, or what changed: `Fran: 8:57 → 8:47`."""
    workout: Workout
    """The workout as it is now (for `deleted`: as it was)."""


class Usage(BaseModel):
    """What the turn spent on models: calls (every attempt counts) and tokens."""

    input_tokens: int = 0
    output_tokens: int = 0
    model: str
    model_calls: int = 0


class ChatResult(BaseModel):
    """The whole outcome of a turn: the JSON reply body and the SSE `done` payload."""

    message_id: str
    conversation_id: str
    reply: ReplyOut
    workouts: list[Workout] = Field(default_factory=list)
    """Workouts logged this turn."""
    workout_changes: list[WorkoutChangeOut] = Field(default_factory=list)
    """Every workout logged, updated or deleted this turn, in order."""
    memories: MemoryChanges = Field(default_factory=MemoryChanges)
    usage: Usage


class TokenEvent(BaseModel):
    """A piece of the reply as the model streams it, before the turn is committed."""

    event: Literal["token"] = "token"
    text: str


class WorkoutEvent(BaseModel):
    """A workout logged, updated or deleted by the committed turn; sent before `done`."""

    event: Literal["workout"] = "workout"
    action: WorkoutAction = "logged"
    workout: Workout
    workout_id: str | None = None
    summary: str | None = None


class MemoryEvent(BaseModel):
    """A memory saved, updated or forgotten by the committed turn; sent before `done`."""

    event: Literal["memory"] = "memory"
    action: Literal["saved", "updated", "forgotten"]
    memory: SavedMemory | ForgottenMemory


class DoneEvent(BaseModel):
    """The last event of a committed turn, carrying its whole result."""

    event: Literal["done"] = "done"
    result: ChatResult


class ErrorEvent(BaseModel):
    """The turn failed after the user's message was stored.

    `code` is stable: the API derives the HTTP status from it.
    """

    event: Literal["error"] = "error"
    code: str
    message: str


TurnEvent = TokenEvent | WorkoutEvent | MemoryEvent | DoneEvent | ErrorEvent


async def result_of(events: AsyncIterator[TurnEvent]) -> ChatResult:
    """Drain a turn's events (after-reply work runs past `done`) and return its result.

    The one place an error event becomes an exception: TurnFailed with the event's code.
    """
    outcome: ChatResult | ErrorEvent | None = None
    async for event in events:
        if isinstance(event, DoneEvent | ErrorEvent):
            outcome = event.result if isinstance(event, DoneEvent) else event
    if isinstance(outcome, ChatResult):
        return outcome
    if outcome is None:
        raise TurnFailed("internal_error", "the turn ended without a result")
    raise TurnFailed(outcome.code, outcome.message)
