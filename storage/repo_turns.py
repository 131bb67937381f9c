"""A chat turn's writes (`TurnStore`): the message and its claim, then the outcome.

Each is one transaction; its writes are named slots (`Transaction`), so a failed
condition is read by what it guarded.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from storage import keys
from storage.codec import (
    conversation_bump,
    decode,
    message_put,
    new_item,
    outbox_put,
    rate_counter,
    turn_outcome,
    versioned,
)
from storage.errors import Conflict, NotFound, RateLimited
from storage.items import (
    MAX_TRANSACTION,
    Absent,
    ConditionFailed,
    Delete,
    Exists,
    Key,
    Put,
    Transaction,
    Update,
    Write,
)
from storage.models import Message, OutboxEntry, TurnState, utc_now
from storage.protocols import Quota, TurnBegin, TurnCommit
from storage.repo_base import RepositoryBase

TURN_TTL = timedelta(days=7)


class TurnRepository(RepositoryBase):
    """Begin, fail and commit turns; each leaves an outbox entry for the copies it changes."""

    async def begin_turn(
        self, user_id: str, message: Message, quota: Quota | None = None
    ) -> TurnBegin:
        """One transaction: the message, the conversation's counters, the claim and the
        rate counters (a message is admitted and stored by one write, or not at all).

        Without a client_message_id there is no claim; the state returned is keyed by
        the message id and is not stored.
        """
        cid, client_id = message.conversation_id, message.metadata.client_message_id
        state = TurnState(
            conversation_id=cid,
            client_message_id=client_id or message.message_id,
            user_message_id=message.message_id,
        )
        tx = Transaction()
        tx.add("message", message_put(user_id, message))
        tx.add("conversation", conversation_bump(user_id, message))
        tx.add("outbox", outbox_put(user_id, _copies(message)))
        if client_id is not None:
            expires = int((datetime.now(UTC) + TURN_TTL).timestamp())
            claim = new_item(
                keys.turn(user_id, cid, client_id), "turnState", state, {"ttl": expires}
            )
            state = decode(TurnState, claim)  # as get_turn will read it back
            tx.add("claim", Put(claim, Absent()))
        limits = _RateLimits(user_id, quota) if quota else None
        for name, write in limits.slots if limits else []:
            tx.add(name, write)
        try:
            await self.items.transact(tx.writes)
        except ConditionFailed as exc:
            failed = tx.failed(exc)
            if "conversation" in failed:
                raise NotFound("conversation not found") from None
            if "claim" in failed and client_id is not None:
                earlier = await self.get_turn(user_id, cid, client_id)
                if earlier is not None:
                    return TurnBegin(created=False, state=earlier)
            if limits and (error := limits.error(failed)):
                raise error from None
            raise Conflict("message exists already") from None
        return TurnBegin(created=True, state=state)

    async def get_turn(
        self, user_id: str, conversation_id: str, client_message_id: str
    ) -> TurnState | None:
        item = await self.items.get(keys.turn(user_id, conversation_id, client_message_id))
        return None if item is None else decode(TurnState, item)

    async def fail_turn(self, user_id: str, conversation_id: str, client_message_id: str) -> None:
        key = keys.turn(user_id, conversation_id, client_message_id)
        try:
            await self.items.update(turn_outcome(key, "failed", None))
        except ConditionFailed:
            raise NotFound("turn not found") from None

    async def commit_turn(self, commit: TurnCommit) -> None:
        """One transaction, with the outbox entry that has the drainer write the copies
        (the reply never waits for S3).

        Memory puts are conditional (version 0 creates, else that version is replaced).
        Memory uses are counted without touching `version`: usage is bookkeeping, so it
        never makes a concurrent edit of the memory fail with Conflict.

        Raises:
            ValueError: a workout id does not start with its date, so date-range
                queries could never find it.
        """
        user_id = commit.user_id
        for workout in commit.workouts:
            if keys.dated(workout.workout_id) is None:
                raise ValueError(
                    f"workout id {workout.workout_id!r} must start with its date: YYYYMMDD-…"
                )
        tx = Transaction()
        tx.add("reply", message_put(user_id, commit.reply))
        tx.add("conversation", conversation_bump(user_id, commit.reply))
        workout_ids = [w.workout_id for w in commit.workouts]
        tx.add("outbox", outbox_put(user_id, _copies(commit.reply, workout_ids)))
        for w in commit.workouts:
            item = new_item(keys.workout(user_id, w.workout_id), "workout", w)
            tx.add("workout", Put(item, Absent()))
        for r in commit.records:
            tx.add(
                "record",
                versioned(keys.record(user_id, r.exercise, r.measure), "personalRecord", r),
            )
        for m in commit.memory_puts:
            tx.add("memory", versioned(keys.memory(user_id, m.memory_id), "userMemory", m))
        for m in commit.memory_deletes:
            # Unconditional: forgetting a memory that is already gone is still done.
            tx.add("forget", Delete(keys.memory(user_id, m.memory_id)))
        if commit.client_message_id is not None:
            key = keys.turn(user_id, commit.conversation_id, commit.client_message_id)
            tx.add("turn", turn_outcome(key, "done", _as_json(commit.result)))
        used = list(dict.fromkeys(commit.memories_used))[: MAX_TRANSACTION - len(tx.slots)]
        for memory_id in used:
            tx.add(f"touch:{memory_id}", _memory_touch(keys.memory(user_id, memory_id)))
        while True:
            try:
                await self.items.transact(tx.writes)
                break
            except ConditionFailed as exc:
                failed = tx.failed(exc)
                if all(name.startswith("touch:") for name in failed):
                    tx = tx.without(failed)  # only deleted memories: count the others
                    continue
                if "conversation" in failed:
                    raise NotFound("conversation not found") from None
                raise Conflict(
                    "the reply, a workout, a personal record or the turn changed meanwhile; "
                    "nothing was written: reload and retry"
                ) from None


class _RateLimits:
    """The per-minute and daily counters one message moves, as conditional writes in
    the message's transaction, and the RateLimited error their failure means."""

    def __init__(self, user_id: str, quota: Quota) -> None:
        now = quota.now_epoch
        minute = now // 60
        day = datetime.fromtimestamp(now, UTC).date()
        midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()) + 86400
        self.slots: list[tuple[str, Write]] = [
            (
                "rate:minute",
                rate_counter(
                    keys.rate_minute(user_id, minute), quota.per_minute, expires=(minute + 2) * 60
                ),
            ),
            (
                "rate:day",
                rate_counter(keys.rate_day(user_id, day), quota.per_day, expires=midnight + 86400),
            ),
        ]
        self._waits = {"rate:minute": 60 - now % 60, "rate:day": midnight - now}

    def error(self, failed: set[str]) -> RateLimited | None:
        """The RateLimited error for the counters that were full, if any."""
        full = [name for name in failed if name in self._waits]
        if not full:
            return None
        retry_after = max(self._waits[name] for name in full)
        limit = "daily quota" if "rate:day" in full else "per-minute rate limit"
        return RateLimited(f"the {limit} is used up; retry in {retry_after} s", retry_after)


def _copies(message: Message, workout_ids: list[str] | None = None) -> OutboxEntry:
    """The outbox entry of a turn's write: its message and workouts, to copy."""
    return OutboxEntry(
        conversation_id=message.conversation_id,
        coach_id=message.coach_id,
        message_ids=[message.message_id],
        workout_ids=workout_ids or [],
    )


def _memory_touch(key: Key) -> Update:
    """One more use of a memory, if it still exists."""
    now = utc_now()
    return Update(
        key,
        set={"attributes.metadata.lastUsed": now, "updatedAt": now},
        add={"attributes.metadata.usageCount": 1},
        when=Exists(),
    )


def _as_json(result: BaseModel | None) -> dict[str, Any] | None:
    """A turn result as stored: JSON, nulls left out (they are the models' defaults)."""
    return result.model_dump(mode="json", exclude_none=True) if result else None
