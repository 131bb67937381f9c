"""A chat turn: the message in, the reply with what the turn logged and remembered out."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from agent.events import ChatResult, MemoryChanges, ReplyOut, Usage
from api.schemas.common import RequestModel
from api.schemas.workouts import WorkoutPublic


class ChatRequest(RequestModel):
    """One message to the coach; resend the same `client_message_id` to retry safely."""

    content: Annotated[str, StringConstraints(min_length=1)]
    client_message_id: (
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,64}$")] | None
    ) = None


class WorkoutChangePublic(BaseModel):
    """A workout a turn logged, updated or deleted, and what changed (`Fran: 8:57 → 8:47`)."""

    action: Literal["logged", "updated", "deleted"]
    workout_id: str
    summary: str
    workout: WorkoutPublic
    """As it is now (for `deleted`: as it was)."""


class ChatReply(BaseModel):
    """The whole outcome of a turn: the JSON reply body and the SSE `done` payload."""

    message_id: str
    conversation_id: str
    reply: ReplyOut
    workouts: list[WorkoutPublic] = Field(default_factory=list)
    """Workouts logged this turn."""
    workout_changes: list[WorkoutChangePublic] = Field(default_factory=list)
    """Every workout logged, updated or deleted this turn, in order."""
    memories: MemoryChanges = Field(default_factory=MemoryChanges)
    usage: Usage

    @classmethod
    def of(cls, result: ChatResult) -> ChatReply:
        """Map the agent's result."""
        return cls(
            message_id=result.message_id,
            conversation_id=result.conversation_id,
            reply=result.reply,
            workouts=[WorkoutPublic.of_workout(w) for w in result.workouts],
            workout_changes=[
                WorkoutChangePublic(
                    action=c.action,
                    workout_id=c.workout_id,
                    summary=c.summary,
                    workout=WorkoutPublic.of_workout(c.workout),
                )
                for c in result.workout_changes
            ],
            memories=result.memories,
            usage=result.usage,
        )
