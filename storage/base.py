"""The store's contract in domain terms, and the errors it raises.

Both backends (`aws`: DynamoDB + S3, `local`: SQLite + files) implement `Store`
unchanged; the contract suite in `tests/storage/` runs against each.
Every method takes the authenticated `user_id` and touches only `user#{user_id}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

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


class StorageError(Exception):
    """Base class for storage failures."""

    code = "storage_error"


class NotFound(StorageError):
    """The item does not exist in the caller's partition."""

    code = "not_found"


class Conflict(StorageError):
    """A conditional write lost: the item exists already or its version moved on."""

    code = "conflict"


class PayloadTooLarge(StorageError):
    """The item or document is over the size cap; nothing was written."""

    code = "payload_too_large"


class InvalidPageToken(StorageError):
    """A `next` token that was not issued for this list of this user."""

    code = "invalid_page_token"


class RateLimited(StorageError):
    """The per-minute rate or the daily quota is used up."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StorageUnavailable(StorageError):
    """The backing service failed or throttled after retries; the caller may retry."""

    code = "storage_unavailable"


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


class Store(Protocol):
    """Everything the service keeps, in domain terms. All methods are async."""

    # lifecycle
    async def init(self) -> None:
        """Create tables/buckets/files if missing (idempotent)."""
        ...

    async def ping(self) -> None:
        """Raise StorageUnavailable unless the store answers."""
        ...

    async def close(self) -> None: ...

    # profiles
    async def get_profile(self, user_id: str) -> Profile | None: ...

    async def put_profile(self, profile: Profile) -> Profile:
        """Create or replace; `profile.version` must match the stored one (0 = new)."""
        ...

    # coaches
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

    # conversations and messages
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
        self, user_id: str, coach_id: str, conversation_id: str, title: str
    ) -> Conversation: ...

    async def delete_conversation(self, user_id: str, coach_id: str, conversation_id: str) -> None:
        """Delete metadata, messages, summary, turn states and transcript documents."""
        ...

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

    async def latest_messages(self, user_id: str, conversation_id: str, n: int) -> list[Message]:
        """The latest `n` messages, oldest first, in one query."""
        ...

    async def list_messages(
        self, user_id: str, conversation_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[Message]:
        """Oldest first."""
        ...

    # summaries
    async def get_summary(self, user_id: str, conversation_id: str) -> Summary | None: ...

    async def put_summary(self, summary: Summary) -> Summary:
        """Create (version 0) or replace the latest summary under optimistic concurrency."""
        ...

    # memories
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

    async def get_memory(self, user_id: str, memory_id: str) -> Memory: ...

    async def add_memory(self, memory: Memory) -> Memory: ...

    async def update_memory(self, memory: Memory) -> Memory:
        """Replace if `memory.version` is the stored version; Conflict otherwise."""
        ...

    async def delete_memory(self, user_id: str, memory_id: str) -> None: ...

    # workouts and personal records
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

    # documents (S3 / files)
    async def put_document(self, key: str, body: dict[str, Any]) -> None:
        """Write a JSON document at an S3-layout key (`athletes/{userId}/…`)."""
        ...

    async def get_document(self, key: str) -> dict[str, Any] | None: ...

    async def append_transcript(
        self, user_id: str, conversation: Conversation, messages: list[Message]
    ) -> None:
        """Append messages to `athletes/{u}/conversations/{cid}.json` and refresh
        `{cid}_metadata.json`."""
        ...
