"""What a chat turn hands the store and gets back, beside `TurnStore` in `storage.protocols`.

The claim (`begin_turn` gives a `TurnBegin`; a `Lease` says who runs the turn), the limits
a new message must fit (`Quota`), and the writes that finish the turn (`TurnCommit`, with a
`WorkoutEdit` per changed workout), which stand or fall together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from storage.bookkeeping import TurnState
from storage.models import ConversationState, Memory, Message, WorkoutRecord


@dataclass(frozen=True)
class TurnBegin:
    """What `begin_turn` found: a fresh claim, or the state of an earlier attempt."""

    created: bool
    state: TurnState


@dataclass(frozen=True)
class Lease:
    """Who runs a claimed turn, and until when (epoch ms) unless it renews the lease."""

    owner: str
    until_ms: int


@dataclass(frozen=True)
class Quota:
    """The limits a new message must fit in, checked in the transaction that stores it."""

    per_minute: int
    per_day: int
    now_epoch: int


@dataclass(frozen=True)
class WorkoutEdit:
    """A turn's change of a stored workout.

    `after` None deletes it; an `after` under another id (a new date starts a new id)
    moves it.
    """

    before: WorkoutRecord
    """As the turn read it: its version is the condition, its exercises are removed."""
    after: WorkoutRecord | None


@dataclass
class TurnCommit:
    """Writes that finish a turn and must stand or fall together (one transaction)."""

    user_id: str
    coach_id: str
    conversation_id: str
    reply: Message
    workouts: list[WorkoutRecord] = field(default_factory=list)
    """New workouts (conditional create), each with its exercise and best items."""
    edits: list[WorkoutEdit] = field(default_factory=list)
    state: ConversationState | None = None
    """The conversation's new state (pending question, last change); None keeps it."""
    memory_puts: list[Memory] = field(default_factory=list)
    """New memories (version 0: conditional create) or updates (expected version)."""
    memory_deletes: list[Memory] = field(default_factory=list)
    memories_used: list[str] = field(default_factory=list)
    """Ids of memories the reply drew on: their use is counted (`usageCount`, `lastUsed`)
    in the same transaction; one deleted meanwhile is left out, never recreated."""
    client_message_id: str | None = None
    owner: str | None = None
    """The lease owner; the outcome is written only while the claim is still its own."""
    result: BaseModel | None = None
    """The turn's outcome as the caller will want it replayed; stored as JSON, opaque here."""
