"""The store's contract in domain terms: one protocol per concern.

Both backends (`aws`: DynamoDB + S3, `local`: SQLite + files) implement every protocol
through one `Repository`; routes and agent parts depend on the narrowest protocol they
use. The contract suite in `tests/storage/` runs against each backend. Every method takes
the authenticated `user_id` and touches only `user#{user_id}` (docs/data-layout.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from storage.bookkeeping import TurnState
from storage.models import (
    CoachConfig,
    Conversation,
    ExerciseEntry,
    Memory,
    Message,
    Page,
    PersonalRecord,
    Profile,
    Summary,
    WorkoutRecord,
)
from storage.turn_writes import Lease, Quota, TurnBegin, TurnCommit


@dataclass(frozen=True)
class ExportLink:
    """Where an export archive can be downloaded, until when."""

    url: str
    key: str
    expires_at: str


class CoachStore(Protocol):
    """The athlete's profile and their coaches."""

    async def get_profile(self, user_id: str) -> Profile | None:
        """The profile, or None before the athlete has saved one."""
        ...

    async def put_profile(self, profile: Profile) -> Profile:
        """Create or replace; `profile.version` must match the stored one (0 = new)."""
        ...

    async def create_coach(self, coach: CoachConfig) -> CoachConfig:
        """Conditional create; Conflict if the id exists.

        CoachQuotaExceeded (nothing written) if the user has as many coaches as allowed.
        """
        ...

    async def get_coach(self, user_id: str, coach_id: str) -> CoachConfig:
        """One coach; NotFound if the user has no such coach."""
        ...

    async def list_coaches(
        self, user_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[CoachConfig]:
        """The user's coaches in coach-id order, a page at a time (`next` continues)."""
        ...

    async def replace_coach(self, coach: CoachConfig) -> CoachConfig:
        """Replace if `coach.version` is the stored version; Conflict otherwise."""
        ...

    async def delete_coach(self, user_id: str, coach_id: str) -> None:
        """With its conversations and coach-only memories; workouts and records stay."""
        ...


class ConversationStore(Protocol):
    """Conversations, their messages and their summaries."""

    async def create_conversation(self, conversation: Conversation) -> Conversation:
        """Conditional create beside a check that the coach exists.

        NotFound without the coach, ConversationQuotaExceeded when the user's
        conversations are at the limit.
        """
        ...

    async def get_conversation(
        self, user_id: str, coach_id: str, conversation_id: str
    ) -> Conversation:
        """One conversation's metadata (never its messages); NotFound if there is none."""
        ...

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
        """Set the title; with `version`, only if the conversation is still at it.

        Conflict otherwise, so an automatic title never overwrites the athlete's.
        """
        ...

    async def delete_conversation(self, user_id: str, coach_id: str, conversation_id: str) -> None:
        """Delete metadata, messages, summary, turn states and transcript documents."""
        ...

    async def latest_messages(
        self, user_id: str, conversation_id: str, n: int, *, through: str | None = None
    ) -> list[Message]:
        """The latest `n` messages, oldest first, in one query.

        With `through`, the latest up to and including that message id: the history as
        of that message.
        """
        ...

    async def list_messages(
        self, user_id: str, conversation_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[Message]:
        """Oldest first."""
        ...

    async def get_summary(self, user_id: str, conversation_id: str) -> Summary | None:
        """The conversation's latest summary, or None before the first one is written."""
        ...

    async def list_summaries(self, user_id: str) -> list[Summary]:
        """Every conversation summary of the user (to take forgotten facts out of them)."""
        ...

    async def put_summary(self, summary: Summary) -> Summary:
        """Create (version 0) or replace the latest summary under optimistic concurrency."""
        ...


class TurnStore(Protocol):
    """A chat turn's writes: the message and its claim first, the outcome after."""

    async def begin_turn(
        self,
        user_id: str,
        message: Message,
        quota: Quota | None = None,
        lease: Lease | None = None,
    ) -> TurnBegin:
        """Store the user's message (and its idempotency claim) in one transaction.

        With `message.metadata.client_message_id` set and already claimed, nothing is
        written and the earlier state is returned (`created=False`). Bumps the
        conversation's `totalMessages`/`lastActivity`. NotFound if the conversation
        does not exist. With `quota`, the message is counted against the per-minute
        rate and the daily quota (conditional updates just before the message's
        transaction, moved back if it stores nothing): RateLimited, and nothing stored,
        if either is full. With `lease`, the claim is held by its owner until it lapses.
        """
        ...

    async def get_turn(
        self, user_id: str, conversation_id: str, client_message_id: str
    ) -> TurnState | None:
        """The state of the turn claimed for `client_message_id`, or None if unclaimed."""
        ...

    async def take_over_turn(
        self,
        user_id: str,
        conversation_id: str,
        client_message_id: str,
        lease: Lease,
        *,
        now_ms: int,
        quota: Quota | None = None,
    ) -> TurnState | None:
        """Claim a failed turn, or a pending one whose lease lapsed before `now_ms`.

        The claim is for `lease`; None if the turn is done or another holds it. With
        `quota` the retry counts against the rate limit (it runs the model again).
        """
        ...

    async def renew_turn(
        self, user_id: str, conversation_id: str, client_message_id: str, lease: Lease
    ) -> bool:
        """Extend a pending claim that `lease.owner` still holds; False if it lost it."""
        ...

    async def fail_turn(
        self,
        user_id: str,
        conversation_id: str,
        client_message_id: str,
        owner: str | None = None,
    ) -> None:
        """Mark a claimed turn failed so a retry may run it again.

        With `owner`, only while that owner still holds the claim.
        """
        ...

    async def commit_turn(self, commit: TurnCommit) -> None:
        """Write everything a turn changed in one transaction.

        Reply, workouts (new, changed, deleted, with their exercise and best items),
        memory changes, conversation counters and state, quota counters and turn result.
        MemoryQuotaExceeded or WorkoutQuotaExceeded, and nothing written, when the
        memories or one date's workouts would go over.
        """
        ...


class WorkoutStore(Protocol):
    """Logged workouts, each exercise's history and the bests derived from them.

    Every write of a workout (create, replace, delete) writes its exercise and best
    items in the same transaction, from `WorkoutRecord.exercises`.
    """

    async def get_workout(self, user_id: str, workout_id: str) -> WorkoutRecord:
        """One logged workout; NotFound if there is none."""
        ...

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

    async def replace_workout(self, workout: WorkoutRecord) -> WorkoutRecord:
        """Replace under `workout.version` (Conflict otherwise); the bests follow."""
        ...

    async def delete_workout(self, user_id: str, workout_id: str) -> None:
        """Delete it with its exercise and best items; the bests fall back."""
        ...

    async def exercise_history(
        self, user_id: str, exercise: str, *, limit: int = 20, newest_first: bool = True
    ) -> list[ExerciseEntry]:
        """One exercise's latest sessions in one query (never reads other workouts)."""
        ...

    async def best(self, user_id: str, exercise: str, measure: str) -> PersonalRecord | None:
        """The best of one exercise and measure, in one query."""
        ...

    async def list_records(
        self, user_id: str, *, exercise: str | None = None
    ) -> list[PersonalRecord]:
        """The best of every exercise and measure (or of one exercise)."""
        ...

    async def exercise_names(self, user_id: str) -> list[str]:
        """The canonical names of the exercises the athlete has logged."""
        ...


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
        """The memories one turn may draw on, from two bounded queries.

        The `newest` memories the coach sees and up to `important` high-importance ones
        of any age.
        """
        ...

    async def get_memory(self, user_id: str, memory_id: str) -> Memory:
        """One memory; NotFound if there is none."""
        ...

    async def add_memory(self, memory: Memory) -> Memory:
        """Conditional create.

        MemoryQuotaExceeded when the user's memories are at the limit (nothing written).
        """
        ...

    async def update_memory(self, memory: Memory) -> Memory:
        """Replace if `memory.version` is the stored version; Conflict otherwise."""
        ...

    async def delete_memory(self, user_id: str, memory_id: str) -> None:
        """Forget a memory, giving its place in the quota back; NotFound if there is none."""
        ...


class DocumentStore(Protocol):
    """Copies kept as documents (S3 / files): transcripts, their metadata and workout files.

    They are written from the table through the outbox (docs/data-layout.md).
    """

    async def drain_outbox(self, user_id: str | None = None) -> int:
        """Write the copies one user's (or every user's) outbox entries ask for.

        The copies are written from the table and the entries removed; returns how many.
        StorageError if some copies could not be written (their entries stay for the next
        drain).
        """
        ...

    async def repair_copies(self, user_id: str | None = None) -> int:
        """Rewrite every copy of one user (or of everyone in the table) from the table.

        Copies of deleted items are removed; returns the users repaired.
        """
        ...


class AccountStore(Protocol):
    """A user's data rights: everything they have, as one archive, or erased."""

    async def export_user(self, user_id: str) -> bytes:
        """Everything the user has, as one zip archive of JSON files.

        Profile, coaches, conversations with summaries and messages, workouts, records and
        memories.
        """
        ...

    async def publish_export(self, user_id: str, archive: bytes) -> ExportLink | None:
        """Keep the archive under `athletes/{userId}/exports/` and return a pre-signed URL.

        None where the caller streams it instead (local); S3 gives the URL.
        """
        ...

    async def erase_user(self, user_id: str) -> None:
        """Delete every item, index entry and document of the user; idempotent."""
        ...


class Store(
    CoachStore,
    ConversationStore,
    TurnStore,
    WorkoutStore,
    MemoryStore,
    DocumentStore,
    AccountStore,
    Protocol,
):
    """Everything the service keeps; the runtime opens one and hands out its parts."""

    async def init(self) -> None:
        """Create tables/buckets/files if missing (idempotent)."""
        ...

    async def ping(self) -> None:
        """Raise StorageUnavailable unless the store answers."""
        ...

    async def close(self) -> None:
        """Release the engines' connections; the store is not used after."""
        ...
