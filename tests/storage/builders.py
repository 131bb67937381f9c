"""Record builders for the storage tests: small, valid, deterministic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from storage import keys
from storage.codec import new_item
from storage.items import Absent, Put
from storage.models import (
    Best,
    CoachConfig,
    Conversation,
    ExerciseEntry,
    Memory,
    MemoryType,
    Message,
    MessageMetadata,
    WorkoutRecord,
)
from storage.repository import Repository

USER = "athlete-a"
OTHER = "athlete-b"
COACH = "c1"
CONVERSATION = "v1"


def coach(user: str = USER, coach_id: str = COACH, name: str = "Coach") -> CoachConfig:
    return CoachConfig(user_id=user, coach_id=coach_id, coach_name=name)


def conversation(
    user: str = USER, coach_id: str = COACH, conversation_id: str = CONVERSATION
) -> Conversation:
    return Conversation(user_id=user, coach_id=coach_id, conversation_id=conversation_id)


def message(
    n: int,
    *,
    conversation_id: str = CONVERSATION,
    coach_id: str = COACH,
    role: str = "user",
    client_id: str | None = None,
    content: str | None = None,
) -> Message:
    """Message `n`; ids sort in `n` order, like the service's time-sortable ids."""
    return Message(
        message_id=f"m{n:06d}",
        conversation_id=conversation_id,
        coach_id=coach_id,
        role=role,  # type: ignore[arg-type]
        content=content if content is not None else f"message {n}",
        metadata=MessageMetadata(client_message_id=client_id),
    )


def memory(
    n: int,
    user: str = USER,
    *,
    coach_id: str | None = None,
    memory_type: MemoryType = "context",
    content: str | None = None,
) -> Memory:
    return Memory(
        memory_id=f"mem{n:04d}",
        user_id=user,
        coach_id=coach_id,
        content=content if content is not None else f"memory {n}",
        memory_type=memory_type,
    )


def workout(
    day: str, n: int = 1, user: str = USER, *, discipline: str = "strength"
) -> WorkoutRecord:
    """A workout on `day` (YYYY-MM-DD) whose id starts with that date."""
    return WorkoutRecord(
        workout_id=f"{day.replace('-', '')}-{n:03d}",
        user_id=user,
        date=day,
        discipline=discipline,
        workout_data={"workout_name": f"session {n}", "discipline": discipline},
    )


def lifted(
    day: str,
    n: int = 1,
    exercise: str = "back_squat",
    value: float = 100.0,
    *,
    unit: str = "kg",
    user: str = USER,
) -> WorkoutRecord:
    """A workout on `day` with one lift at `value` and its derived entry (as the agent
    derives it): the store writes its history and best items from that entry."""
    kg = value * 0.45359237 if unit == "lb" else value
    entry = ExerciseEntry(
        exercise=exercise,
        workout_id=f"{day.replace('-', '')}-{n:03d}",
        date=day,
        discipline="powerlifting",
        top_weight=value,
        top_reps=5,
        unit=unit,
        bests=[Best(measure="weight", value=value, unit=unit, rank_value=kg, reps=5)],
    )
    return workout(day, n, user, discipline="powerlifting").model_copy(
        update={"exercises": [entry]}
    )


async def seed_conversation(store: Repository, user: str = USER) -> Conversation:
    """A coach and one conversation with it."""
    await store.create_coach(coach(user))
    return await store.create_conversation(conversation(user))


async def seed_messages(store: Repository, count: int) -> None:
    """Messages put straight through the item layer.

    begin_turn per message would work too, but moto deep-copies the whole table for
    every write of a transaction, which makes 1,000 of them take half a minute.
    """
    for n in range(count):
        m = message(n)
        key = keys.message(USER, CONVERSATION, m.message_id)
        await store.items.put(Put(new_item(key, "message", m), Absent()))


class Outcome(BaseModel):
    """A turn result as the agent would hand it to `commit_turn`: any fields."""

    model_config = ConfigDict(extra="allow")
