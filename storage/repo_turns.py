"""A chat turn's writes (`TurnStore`): the message and its claim, then the outcome.

Each is one transaction; its writes are named slots (`Transaction`), so a failed
condition is read by what it guarded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from typing_extensions import override

from storage import keys
from storage.bookkeeping import OutboxEntry, TurnState
from storage.codec import (
    conversation_bump,
    decode,
    encode,
    message_put,
    new_item,
    outbox_put,
    replacement,
    turn_outcome,
    versioned,
)
from storage.errors import Conflict, NotFound, RateLimited
from storage.history_items import index_writes
from storage.items import (
    MAX_TRANSACTION,
    Absent,
    AllOf,
    AnyOf,
    Below,
    ConditionFailed,
    Delete,
    Equals,
    Exists,
    Key,
    Put,
    Transaction,
    Update,
    VersionIs,
    Write,
)
from storage.models import Message, WorkoutRecord, utc_now
from storage.protocols import TurnStore
from storage.quotas import QuotaCounter
from storage.rate_limits import RateLimits
from storage.repo_base import RepositoryBase
from storage.reservations import Refused, Reservation, apply_all
from storage.turn_writes import Lease, Quota, TurnBegin, TurnCommit

TURN_TTL = timedelta(days=7)


class TurnRepository(RepositoryBase, TurnStore):
    """Begin, fail and commit turns; each leaves an outbox entry for the copies it changes."""

    @override
    async def begin_turn(
        self,
        user_id: str,
        message: Message,
        quota: Quota | None = None,
        lease: Lease | None = None,
    ) -> TurnBegin:
        """One transaction: the message, the conversation's counters and the claim.

        The rate counters are taken just before, each by its own conditional update
        (`storage.reservations`), and given back if the message is not stored.

        Without a client_message_id there is no claim; the state returned is keyed by
        the message id and is not stored.
        """
        cid, client_id = message.conversation_id, message.metadata.client_message_id
        state = TurnState(
            conversation_id=cid,
            client_message_id=client_id or message.message_id,
            user_message_id=message.message_id,
            owner=lease.owner if lease else None,
            lease_until=lease.until_ms if lease else None,
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
        reservation = Reservation(self.items)
        if quota is not None:
            try:
                await RateLimits(user_id, quota).take(reservation)
            except RateLimited:
                if client_id is not None:  # a retry follows its earlier attempt, uncounted
                    earlier = await self.get_turn(user_id, cid, client_id)
                    if earlier is not None:
                        return TurnBegin(created=False, state=earlier)
                raise
        async with reservation.held():
            begin = await self._begin(user_id, tx, cid, client_id, state)
            if not begin.created:
                await reservation.release()
        return begin

    async def _begin(
        self, user_id: str, tx: Transaction, cid: str, client_id: str | None, state: TurnState
    ) -> TurnBegin:
        """Write the message's transaction, or follow the attempt that claimed it first."""
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
            raise Conflict("message exists already") from None
        return TurnBegin(created=True, state=state)

    @override
    async def get_turn(
        self, user_id: str, conversation_id: str, client_message_id: str
    ) -> TurnState | None:
        item = await self.items.get(keys.turn(user_id, conversation_id, client_message_id))
        return None if item is None else decode(TurnState, item)

    @override
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
        """One conditional update of the claim (and the rate counters, with `quota`)."""
        key = keys.turn(user_id, conversation_id, client_message_id)
        status = "attributes.status"
        claimable = AnyOf(
            (
                Equals(status, "failed"),
                AllOf((Equals(status, "pending"), Below("attributes.leaseUntil", now_ms))),
            )
        )
        change = {
            status: "pending",
            "attributes.owner": lease.owner,
            "attributes.leaseUntil": lease.until_ms,
            "updatedAt": utc_now(),
        }
        reservation = Reservation(self.items)
        if quota is not None:
            await RateLimits(user_id, quota).take(reservation)
        async with reservation.held():
            try:
                await self.items.update(Update(key, set=change, add={"version": 1}, when=claimable))
            except ConditionFailed:
                await reservation.release()
                return None
        return await self.get_turn(user_id, conversation_id, client_message_id)

    @override
    async def renew_turn(
        self, user_id: str, conversation_id: str, client_message_id: str, lease: Lease
    ) -> bool:
        key = keys.turn(user_id, conversation_id, client_message_id)
        held = AllOf(
            (Equals("attributes.status", "pending"), Equals("attributes.owner", lease.owner))
        )
        change = {"attributes.leaseUntil": lease.until_ms, "updatedAt": utc_now()}
        try:
            await self.items.update(Update(key, set=change, when=held))
        except ConditionFailed:
            return False
        return True

    @override
    async def fail_turn(
        self,
        user_id: str,
        conversation_id: str,
        client_message_id: str,
        owner: str | None = None,
    ) -> None:
        """A claim another owner took over meanwhile is left alone."""
        key = keys.turn(user_id, conversation_id, client_message_id)
        try:
            await self.items.update(turn_outcome(key, "failed", None, owner=owner))
        except ConditionFailed:
            if await self.items.get(key) is None:
                raise NotFound("turn not found") from None

    @override
    async def commit_turn(self, commit: TurnCommit) -> None:
        """One transaction, with the outbox entry that has the drainer write the copies.

        The reply never waits for S3.

        Workouts carry their exercise and best items (`storage.history_items`): each is
        keyed by its own workout, so concurrent turns never write one shared item.
        Memory puts are conditional (version 0 creates, else that version is replaced).
        Memory uses are counted without touching `version`: usage is bookkeeping, so it
        never makes a concurrent edit of the memory fail with Conflict.

        Raises:
            ValueError: a workout id does not start with its date, so date-range
                queries could never find it.
        """
        user_id = commit.user_id
        changes = _WorkoutChanges(user_id, commit)
        tx = Transaction()
        tx.add("reply", message_put(user_id, commit.reply))
        bump = conversation_bump(user_id, commit.reply)
        if commit.state is not None:
            bump = replace(bump, set={**bump.set, "attributes.state": encode(commit.state)})
        tx.add("conversation", bump)
        for name, write in changes.slots:
            tx.add(name, write)
        tx.add("outbox", outbox_put(user_id, _copies(commit.reply, changes.workout_ids)))
        for m in commit.memory_puts:
            tx.add("memory", versioned(keys.memory(user_id, m.memory_id), "userMemory", m))
        for m in commit.memory_deletes:
            # Forgetting a memory already gone is still done: its slot is dropped below.
            tx.add(f"forget:{m.memory_id}", Delete(keys.memory(user_id, m.memory_id), Exists()))
        if commit.client_message_id is not None:
            key = keys.turn(user_id, commit.conversation_id, commit.client_message_id)
            outcome = turn_outcome(key, "done", _as_json(commit.result), owner=commit.owner)
            tx.add("turn", outcome)
        # The quota counters are taken before, and settled after, the transaction.
        planned = self._quota_changes(commit, tx)
        taken = {c: n for c, n in planned.items() if n > 0}
        named = {c.key[1]: c for c in taken}  # a counter's sort key names its move
        reservation = Reservation(self.items)
        try:
            await reservation.take([(name, c.take(taken[c])) for name, c in named.items()])
        except Refused as exc:
            raise named[min(exc.names)].exceeded() from None
        # A long log's index items may not fit: they follow the transaction (below).
        spilled = tx.spill("index", MAX_TRANSACTION)
        room = MAX_TRANSACTION - len(tx.slots)
        for memory_id in list(dict.fromkeys(commit.memories_used))[:room]:
            tx.add(f"touch:{memory_id}", _memory_touch(keys.memory(user_id, memory_id)))
        async with reservation.held():
            tx = await self._commit(tx)
        done = self._quota_changes(commit, tx)  # less the memories already forgotten
        await apply_all(
            self.items,
            [c.move(n - taken.get(c, 0)) for c, n in done.items() if n != taken.get(c, 0)],
        )
        for start in range(0, len(spilled), MAX_TRANSACTION):
            await self.items.transact(spilled[start : start + MAX_TRANSACTION])

    async def _commit(self, tx: Transaction) -> Transaction:
        """Write the commit's transaction; the transaction as written.

        Memories deleted meanwhile are dropped from it (neither touched nor forgotten).
        """
        while True:
            try:
                await self.items.transact(tx.writes)
                return tx
            except ConditionFailed as exc:
                failed = tx.failed(exc)
                if all(name.startswith(("touch:", "forget:")) for name in failed):
                    tx = tx.without(failed)
                    continue
                if "conversation" in failed:
                    raise NotFound("conversation not found") from None
                if "turn" in failed:
                    raise Conflict("another attempt took this turn over; nothing written") from None
                raise Conflict(
                    "the reply, a workout, a memory or the turn changed meanwhile; "
                    "nothing was written: reload and retry"
                ) from None

    def _quota_changes(self, commit: TurnCommit, tx: Transaction) -> Counter[QuotaCounter]:
        """How far a commit moves each quota counter.

        New memories less those forgotten (the `forget:` slots still in `tx`), and
        workouts per date (new ones take a place, deleted or moved ones give theirs back).
        """
        user_id = commit.user_id
        forgotten = sum(1 for name, _ in tx.slots if name.startswith("forget:"))
        created = sum(1 for m in commit.memory_puts if m.version == 0)
        moves: Counter[QuotaCounter] = Counter()
        moves[self.quotas.memories(user_id)] = created - forgotten
        for workout in commit.workouts:
            moves[self.quotas.workouts(user_id, workout.workout_id)] += 1
        for edit in commit.edits:  # a deleted or moved workout frees its date's place
            after = edit.after.workout_id if edit.after else None
            if after != edit.before.workout_id:
                moves[self.quotas.workouts(user_id, edit.before.workout_id)] -= 1
                if after is not None:
                    moves[self.quotas.workouts(user_id, after)] += 1
        return moves


class _WorkoutChanges:
    """The writes a commit's new, changed and deleted workouts make.

    It also gathers the ids whose files the outbox drainer brings in step with the table.
    """

    def __init__(self, user_id: str, commit: TurnCommit) -> None:
        self.slots: list[tuple[str, Write]] = []
        self.workout_ids: list[str] = []
        for workout in commit.workouts:
            self._create(user_id, workout)
        for edit in commit.edits:
            before, after = edit.before, edit.after
            key = keys.workout(user_id, before.workout_id)
            if after is not None and after.workout_id == before.workout_id:
                self.slots.append(("workout", replacement(key, after)))
                self._index(user_id, before, after)
                self.workout_ids.append(after.workout_id)
                continue
            self.slots.append(("workout", Delete(key, VersionIs(before.version))))
            self._index(user_id, before, None)
            self.workout_ids.append(before.workout_id)
            if after is not None:
                self._create(user_id, after)

    def _create(self, user_id: str, workout: WorkoutRecord) -> None:
        if keys.dated(workout.workout_id) is None:
            raise ValueError(
                f"workout id {workout.workout_id!r} must start with its date: YYYYMMDD-…"
            )
        item = new_item(keys.workout(user_id, workout.workout_id), "workout", workout)
        self.slots.append(("workout", Put(item, Absent())))
        self._index(user_id, None, workout)
        self.workout_ids.append(workout.workout_id)

    def _index(
        self, user_id: str, before: WorkoutRecord | None, after: WorkoutRecord | None
    ) -> None:
        self.slots.extend(("index", write) for write in index_writes(user_id, before, after))


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
