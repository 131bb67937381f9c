"""Quotas on what a user keeps: counters moved in the same transaction as the write.

A create adds to its counter under the condition that the counter stays within the
limit, so a write over quota fails with the write itself and nothing is stored. A
delete gives the count back in the transaction that removes the item, conditioned on
the item existing, so a delete that finds nothing gives nothing back. Counters live in
the user's own partition (`quota#…`), so an erase removes them with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import keys
from storage.errors import (
    CoachQuotaExceeded,
    ConversationQuotaExceeded,
    MemoryQuotaExceeded,
    QuotaExceeded,
    WorkoutQuotaExceeded,
)
from storage.items import Below, Key, Update
from storage.models import utc_now


@dataclass(frozen=True)
class StoredLimits:
    """How much one user may keep (`COACH_MAX_*` settings)."""

    coaches: int = 50
    conversations: int = 2000
    memories: int = 500
    workouts_per_day: int = 30


@dataclass(frozen=True)
class QuotaCounter:
    """One quota counter: its key, its limit and the error a full one means."""

    key: Key
    limit: int
    error: type[QuotaExceeded]
    what: str

    def take(self, n: int = 1) -> Update:
        """Add `n` if the count stays within the limit (a missing count is 0).

        Raises:
            QuotaExceeded: `n` alone is over the limit.
        """
        if n > self.limit:
            raise self.exceeded()
        return Update(
            self.key,
            set={"updatedAt": utc_now()},
            add={"count": n},
            init={"entityType": "quotaCounter", "createdAt": utc_now()},
            when=Below("count", self.limit - n + 1),
        )

    def give(self, n: int = 1) -> Update:
        """Subtract `n` (a delete's give-back; unconditional)."""
        return self.move(-n)

    def move(self, n: int) -> Update:
        """Add `n`, which may be negative, with no condition (settling what a write did)."""
        return Update(self.key, set={"updatedAt": utc_now()}, add={"count": n})

    def exceeded(self) -> QuotaExceeded:
        """The error for a write this counter refused."""
        return self.error(
            f"you keep at most {self.limit} {self.what}; delete some to make room "
            "(nothing was written)"
        )


class Quotas:
    """The counters of one store, built for a user."""

    def __init__(self, limits: StoredLimits) -> None:
        self.limits = limits

    def coaches(self, user_id: str) -> QuotaCounter:
        """The counter of the user's coaches."""
        key = keys.quota(user_id, "coaches")
        return QuotaCounter(key, self.limits.coaches, CoachQuotaExceeded, "coaches")

    def conversations(self, user_id: str) -> QuotaCounter:
        """The counter of the user's conversations, over all coaches."""
        key = keys.quota(user_id, "conversations")
        return QuotaCounter(
            key, self.limits.conversations, ConversationQuotaExceeded, "conversations"
        )

    def memories(self, user_id: str) -> QuotaCounter:
        """The counter of the user's memories, global and coach-only."""
        key = keys.quota(user_id, "memories")
        return QuotaCounter(key, self.limits.memories, MemoryQuotaExceeded, "memories")

    def workouts(self, user_id: str, workout_id: str) -> QuotaCounter:
        """The counter of the date a workout id starts with."""
        key = keys.workout_quota(user_id, workout_id)
        what = f"workouts on one date ({workout_id[:8]})"
        return QuotaCounter(key, self.limits.workouts_per_day, WorkoutQuotaExceeded, what)
