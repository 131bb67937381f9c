"""The store's contract in domain terms: one protocol per concern.

Both backends (`aws`: DynamoDB + S3, `local`: SQLite + files) implement every protocol
through one `Repository`; routes and agent parts depend on the narrowest protocol they
use. The contract suite in `tests/storage/` runs against each backend. Every method takes
the authenticated `user_id` and touches only `user#{user_id}` (docs/data-layout.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel

from storage.models import (
    CoachConfig,
    Conversation,
    Memory,
    Message,
    Page,
    PersonalRecord,
    Profile,
    Summary,
    TurnState,
    WorkoutRecord,
)


@dataclass(frozen=True)
class TurnBegin:
    """What `begin_turn` found: a fresh claim, or the state of an earlier attempt."""

    created: bool
    state: TurnState


@dataclass(frozen=True)
class Quota:
    """The limits a new message must fit in, checked in the transaction that stores it."""

    per_minute: int
    per_day: int
    now_epoch: int


@dataclass
class TurnCommit:
    """Writes that finish a turn and must stand or fall together (one transaction)."""

    user_id: str
    coach_id: str
    conversation_id: str
    reply: Message
    workouts: list[WorkoutRecord] = field(default_factory=list)
    records: list[PersonalRecord] = field(default_factory=list)
    memory_puts: list[Memory] = field(default_factory=list)
    """New memories (version 0: conditional create) or updates (expected version)."""
    memory_deletes: list[Memory] = field(default_factory=list)
    memories_used: list[str] = field(default_factory=list)
    """Ids of memories the reply drew on: their use is counted (`usageCount`, `lastUsed`)
    in the same transaction; one deleted meanwhile is left out, never recreated."""
    client_message_id: str | None = None
    result: BaseModel | None = None
    """The turn's outcome as the caller will want it replayed; stored as JSON, opaque here."""


class CoachStore(Protocol):
    """The athlete's profile and their coaches."""

    async def get_profile(self, user_id: str) -> Profile | None: ...

    async def put_profile(self, profile: Profile) -> Profile:
        """Create or replace; `profile.version` must match the stored one (0 = new)."""
        ...

    async def create_coach(self, coach: CoachConfig) -> CoachConfig:
        """Conditional create; Conflict if the id exists."""
        ...

    async def get_coach(self, user_id: str, coach_id: str) -> CoachConfig: ...

    async def list_coaches(
        self, user_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[CoachConfig]: ...

    async def replace_coach(self, coach: CoachConfig) -> CoachConfig:
        """Replace if `coach.version` is the stored version; Conflict otherwise."""
        ...

    async def delete_coach(self, user_id: str, coach_id: str) -> None:
        """With its conversations and coach-only memories; workouts and records stay."""
        ...


class ConversationStore(Protocol):
    """Conversations, their messages and their summaries."""

    async def create_conversation(self, conversation: Conversation) -> Conversation: ...

    async def get_conversation(
        self, user_id: str, coach_id: str, conversation_id: str
    ) -> Conversation: ...

    async def list_conversations(
        self, user_id: str, coach_id: str, *, limit: int = 20, next: str | None = None
    ) -> Page[Conversation]:
        """Newest first; never reads messages."""
        ...

    async def rename_conversation(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        title: str,
        *,
        version: int | None = None,
    ) -> Conversation:
        """Set the title; with `version`, only if the conversation is still at it (Conflict
        otherwise), so an automatic title never overwrites the athlete's."""
        ...

    async def delete_conversation(self, user_id: str, coach_id: str, conversation_id: str) -> None:
        """Delete metadata, messages, summary, turn states and transcript documents."""
        ...

    async def latest_messages(self, user_id: str, conversation_id: str, n: int) -> list[Message]:
        """The latest `n` messages, oldest first, in one query."""
        ...

    async def list_messages(
        self, user_id: str, conversation_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[Message]:
        """Oldest first."""
        ...

    async def get_summary(self, user_id: str, conversation_id: str) -> Summary | None: ...

    async def put_summary(self, summary: Summary) -> Summary:
        """Create (version 0) or replace the latest summary under optimistic concurrency."""
        ...


class TurnStore(Protocol):
    """A chat turn's writes: the message and its claim first, the outcome after."""

    async def begin_turn(
        self, user_id: str, message: Message, quota: Quota | None = None
    ) -> TurnBegin:
        """Store the user's message (and its idempotency claim) in one transaction.

        With `message.metadata.client_message_id` set and already claimed, nothing is
        written and the earlier state is returned (`created=False`). Bumps the
        conversation's `totalMessages`/`lastActivity`. NotFound if the conversation
        does not exist. With `quota`, the same transaction counts the message against
        the per-minute rate and the daily quota: RateLimited, and nothing stored, if
        either is full (a retry of a stored message is never limited).
        """
        ...

    async def get_turn(
        self, user_id: str, conversation_id: str, client_message_id: str
    ) -> TurnState | None: ...

    async def fail_turn(self, user_id: str, conversation_id: str, client_message_id: str) -> None:
        """Mark a claimed turn failed so a retry may run it again."""
        ...

    async def commit_turn(self, commit: TurnCommit) -> None:
        """Reply, workouts, records, memory changes, conversation counters and turn result:
        one transaction."""
        ...


class WorkoutStore(Protocol):
    """Logged workouts and the personal records derived from them."""

    async def get_workout(self, user_id: str, workout_id: str) -> WorkoutRecord: ...

    async def list_workouts(
        self,
        user_id: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        discipline: str | None = None,
        limit: int = 50,
        next: str | None = None,
        newest_first: bool = True,
    ) -> Page[WorkoutRecord]:
        """A date range is one key-range query on the date-prefixed workout id."""
        ...

    async def replace_workout(self, workout: WorkoutRecord) -> WorkoutRecord: ...

    async def delete_workout(self, user_id: str, workout_id: str) -> None: ...

    async def list_records(self, user_id: str) -> list[PersonalRecord]: ...


class MemoryStore(Protocol):
    """What the athlete asked the coaches to remember."""

    async def list_memories(
        self,
        user_id: str,
        *,
        coach_id: str | None = None,
        memory_type: str | None = None,
        limit: int = 200,
        next: str | None = None,
    ) -> Page[Memory]:
        """With `coach_id`, that coach's memories plus the global ones."""
        ...

    async def memories_for_turn(
        self, user_id: str, coach_id: str, *, newest: int, important: int
    ) -> list[Memory]:
        """The `newest` memories the coach sees and up to `important` high-importance ones
        of any age, from two bounded queries."""
        ...

    async def get_memory(self, user_id: str, memory_id: str) -> Memory: ...

    async def add_memory(self, memory: Memory) -> Memory: ...

    async def update_memory(self, memory: Memory) -> Memory:
        """Replace if `memory.version` is the stored version; Conflict otherwise."""
        ...

    async def delete_memory(self, user_id: str, memory_id: str) -> None: ...


class DocumentStore(Protocol):
    """Copies kept as documents (S3 / files): transcripts and their metadata."""

    async def append_transcript(
        self, user_id: str, conversation: Conversation, messages: list[Message]
    ) -> None:
        """Append messages to `athletes/{u}/conversations/{cid}.json` and refresh
        `{cid}_metadata.json`."""
        ...


class Store(
    CoachStore, ConversationStore, TurnStore, WorkoutStore, MemoryStore, DocumentStore, Protocol
):
    """Everything the service keeps; the runtime opens one and hands out its parts."""

    async def init(self) -> None:
        """Create tables/buckets/files if missing (idempotent)."""
        ...

    async def ping(self) -> None:
        """Raise StorageUnavailable unless the store answers."""
        ...

    async def close(self) -> None: ...
