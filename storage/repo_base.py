"""What every part of the repository shares: the engines and the record-level moves.

The moves are get, conditional create, versioned replace and delete, with their errors.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from storage import keys
from storage.bookkeeping import OutboxEntry
from storage.codec import decode, new_item, outbox_put, replacement
from storage.documents import Documents
from storage.errors import Conflict, NotFound, StorageError
from storage.items import (
    MAX_TRANSACTION,
    Absent,
    Check,
    ConditionFailed,
    Delete,
    Exists,
    Items,
    Key,
    Put,
    Transaction,
)
from storage.models import WorkoutRecord
from storage.pages import Pager
from storage.quotas import QuotaCounter, Quotas, StoredLimits

log = logging.getLogger(__name__)

R = TypeVar("R", bound=BaseModel)

COPY_ATTEMPTS = 5
"""Rounds of write-then-check before a copy whose item keeps changing is left for later."""


class RepositoryBase:
    """Items in one table, documents in one bucket, and paging over the items."""

    def __init__(
        self,
        items: Items,
        documents: Documents,
        *,
        page_secret: bytes,
        limits: StoredLimits | None = None,
    ) -> None:
        self.items = items
        self.documents = documents
        self._pages = Pager(items, page_secret)
        self.quotas = Quotas(limits or StoredLimits())

    async def _get(self, model: type[R], key: Key) -> R:
        item = await self.items.get(key)
        if item is None:
            raise NotFound(f"{keys.name(key)} not found")
        return decode(model, item)

    async def _create(
        self,
        key: Key,
        entity: str,
        record: R,
        extra: Mapping[str, Any] | None = None,
        *,
        coach: tuple[str, str] | None = None,
        counter: QuotaCounter | None = None,
    ) -> R:
        """Conditional create (Conflict if the item exists).

        With `coach` (user id, coach id), in one transaction with a check that the coach
        exists (NotFound if not); with `counter`, one that takes a place in its quota
        (QuotaExceeded).
        """
        item = new_item(key, entity, record, extra)
        tx = Transaction()
        tx.add("item", Put(item, Absent()))
        if coach is not None:
            tx.add("coach", Check(keys.coach(*coach), Exists()))
        if counter is not None:
            tx.add("quota", counter.take())
        try:
            if len(tx.slots) == 1:
                await self.items.put(Put(item, Absent()))
            else:
                await self.items.transact(tx.writes)
        except ConditionFailed as exc:
            failed = tx.failed(exc) if len(tx.slots) > 1 else {"item"}
            if "coach" in failed:
                raise NotFound("coach not found") from None
            if "item" in failed or counter is None:
                raise Conflict(f"{keys.name(key)} exists already") from None
            raise counter.exceeded() from None
        return decode(type(record), item)

    async def _replace(self, key: Key, record: R, index: Mapping[str, str] | None = None) -> R:
        try:
            item = await self.items.update(replacement(key, record, index))
        except ConditionFailed:
            if await self.items.get(key) is None:
                raise NotFound(f"{keys.name(key)} not found") from None
            raise Conflict(f"{keys.name(key)} was changed meanwhile; reload it and retry") from None
        return decode(type(record), item)

    async def _save(
        self, key: Key, entity: str, record: R, index: Mapping[str, str] | None = None
    ) -> R:
        """Create at version 0, replace otherwise."""
        if getattr(record, "version", 0) == 0:
            return await self._create(key, entity, record, index)
        return await self._replace(key, record, index)

    async def _delete(self, key: Key, counter: QuotaCounter | None = None) -> None:
        """Delete an existing item (NotFound otherwise).

        Its place in `counter` is given back in the same transaction.
        """
        try:
            if counter is None:
                await self.items.delete(Delete(key, Exists()))
            else:
                await self.items.transact([Delete(key, Exists()), counter.give()])
        except ConditionFailed:
            raise NotFound(f"{keys.name(key)} not found") from None

    async def _delete_counted(self, doomed: list[Key], counter: QuotaCounter) -> None:
        """Delete items that may exist, giving back one place per item actually deleted.

        Chunks of one transaction each, so a crash loses no count.
        """
        for start in range(0, len(doomed), MAX_TRANSACTION - 1):
            tx = Transaction()
            for key in doomed[start : start + MAX_TRANSACTION - 1]:
                tx.add("item", Delete(key, Exists()))
            while tx.slots:
                try:
                    await self.items.transact([*tx.writes, counter.give(len(tx.slots))])
                    break
                except ConditionFailed as exc:  # gone meanwhile: nothing to give back
                    tx = Transaction([s for i, s in enumerate(tx.slots) if i not in exc.failed])

    async def _copy_workout(self, user_id: str, workout_id: str) -> None:
        """Make the workout's file say what the table says: the item, or no file.

        Idempotent, and safe beside other writers without a lock: after each write the
        item is read again, and written again if it changed meanwhile, so whichever
        writer writes last has seen the item as it stands.
        """
        key = keys.workout(user_id, workout_id)
        document = keys.workout_document(user_id, workout_id)
        written: int | None = -1
        for _ in range(COPY_ATTEMPTS):
            item = await self.items.get(key)
            version = None if item is None else int(item["version"])
            if version == written:
                return
            if item is None:
                await self.documents.delete(document)
            else:
                workout = decode(WorkoutRecord, item)
                body = workout.model_dump(by_alias=True, mode="json", exclude={"version"})
                await self.documents.put(document, body)
            written = version
        raise Conflict(f"workout {workout_id} kept changing while its file was written")

    async def _outbox_workouts(self, user_id: str, workout_ids: list[str]) -> Key:
        """An outbox entry for these workouts' files, on its own (REST edits)."""
        put = outbox_put(user_id, OutboxEntry(workout_ids=workout_ids))
        await self.items.put(put)
        return put.key

    async def _copy_now(self, entry: Key, user_id: str, workout_ids: list[str]) -> None:
        """Write the files of an outbox entry written just before, and remove the entry.

        On a storage failure the entry stays for the drainer (the table is already right).
        """
        try:
            for workout_id in workout_ids:
                await self._copy_workout(user_id, workout_id)
            await self.items.delete(Delete(entry))
        except StorageError:
            log.warning("workout file left to the outbox drainer", exc_info=True)
