"""What every part of the repository shares: the engines and the record-level moves
(get, conditional create, versioned replace, delete) with their errors."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from storage import keys
from storage.codec import decode, new_item, replacement
from storage.documents import Documents
from storage.errors import Conflict, NotFound, StorageError
from storage.items import (
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

log = logging.getLogger(__name__)

R = TypeVar("R", bound=BaseModel)


class RepositoryBase:
    """Items in one table, documents in one bucket, and paging over the items."""

    def __init__(self, items: Items, documents: Documents, *, page_secret: bytes) -> None:
        self.items = items
        self.documents = documents
        self._pages = Pager(items, page_secret)

    async def _get(self, model: type[R], key: Key) -> R:
        item = await self.items.get(key)
        if item is None:
            raise NotFound(f"{keys.name(key)} not found")
        return decode(model, item)

    async def _create(
        self, key: Key, entity: str, record: R, extra: Mapping[str, Any] | None = None
    ) -> R:
        item = new_item(key, entity, record, extra)
        try:
            await self.items.put(Put(item, Absent()))
        except ConditionFailed:
            raise Conflict(f"{keys.name(key)} exists already") from None
        return decode(type(record), item)

    async def _create_for_coach(
        self,
        key: Key,
        entity: str,
        record: R,
        user_id: str,
        coach_id: str,
        extra: Mapping[str, Any] | None = None,
    ) -> R:
        """Conditional create, in one transaction with a check that the user's coach
        exists: NotFound if it does not, Conflict if the item exists."""
        item = new_item(key, entity, record, extra)
        tx = Transaction()
        tx.add("item", Put(item, Absent()))
        tx.add("coach", Check(keys.coach(user_id, coach_id), Exists()))
        try:
            await self.items.transact(tx.writes)
        except ConditionFailed as exc:
            if "coach" in tx.failed(exc):
                raise NotFound("coach not found") from None
            raise Conflict(f"{keys.name(key)} exists already") from None
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

    async def _delete(self, key: Key) -> None:
        try:
            await self.items.delete(Delete(key, Exists()))
        except ConditionFailed:
            raise NotFound(f"{keys.name(key)} not found") from None

    async def _put_log(self, key: str, workout: WorkoutRecord) -> None:
        """Write a workout log; the table already holds the workout, so a failure is logged."""
        body = workout.model_dump(by_alias=True, mode="json", exclude={"version"})
        try:
            await self.documents.put(key, body)
        except StorageError:
            log.warning("could not write workout log %s; the workout is stored", key, exc_info=True)
