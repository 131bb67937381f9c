"""Typed results and events of one chat turn.

Shared by the HTTP API (JSON and SSE) and `coach chat`, so all three say the same thing.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ReplyOut(BaseModel):
    message_id: str
    content: str


class SavedMemory(BaseModel):
    memory_id: str
    content: str
    memory_type: str
    scope: Literal["global", "coach"] = "global"


class ForgottenMemory(BaseModel):
    memory_id: str
    content: str


class MemoryChanges(BaseModel):
    saved: list[SavedMemory] = Field(default_factory=list)
    updated: list[SavedMemory] = Field(default_factory=list)
    forgotten: list[ForgottenMemory] = Field(default_factory=list)


class Usage(BaseModel):
    input_tokens: int = 0
    output_tokens: int = 0
    model: str
    model_calls: int = 0


class ChatResult(BaseModel):
    """The whole outcome of a turn: the JSON reply body and the SSE `done` payload."""

    message_id: str
    conversation_id: str
    reply: ReplyOut
    workouts: list[dict[str, Any]] = Field(default_factory=list)
    memories: MemoryChanges = Field(default_factory=MemoryChanges)
    usage: Usage


class TokenEvent(BaseModel):
    event: Literal["token"] = "token"
    text: str


class WorkoutEvent(BaseModel):
    event: Literal["workout"] = "workout"
    workout: dict[str, Any]


class MemoryEvent(BaseModel):
    event: Literal["memory"] = "memory"
    action: Literal["saved", "updated", "forgotten"]
    memory: SavedMemory | ForgottenMemory


class DoneEvent(BaseModel):
    event: Literal["done"] = "done"
    result: ChatResult


class ErrorEvent(BaseModel):
    event: Literal["error"] = "error"
    code: str
    message: str
    status: int = 500


TurnEvent = TokenEvent | WorkoutEvent | MemoryEvent | DoneEvent | ErrorEvent
