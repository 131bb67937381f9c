"""Domain records to table items and back, and the writes the domain layer composes.

An item is `pk`, `sk`, `entityType`, `createdAt`, `updatedAt`, `version` and the
record's `attributes` (docs/data-layout.md); `version`, `created_at` and `updated_at` live only
at the top level so there is one source for each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from storage import keys
from storage.bookkeeping import OutboxEntry
from storage.errors import PayloadTooLarge
from storage.ids import new_id
from storage.items import Absent, Equals, Exists, Item, Key, Put, Update, VersionIs
from storage.models import Memory, Message, utc_now

R = TypeVar("R", bound=BaseModel)

MAX_CONTENT_BYTES = 64 * 1024
TOP_LEVEL = {"version", "created_at", "updated_at"}
INDEX = ("gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")


def encode(record: BaseModel) -> dict[str, Any]:
    """The record's `attributes`, named as docs/data-layout.md lays them out."""
    return record.model_dump(by_alias=True, mode="json", exclude=TOP_LEVEL)


def decode(model: type[R], item: Item) -> R:
    """The record an item holds."""
    return model.model_validate(
        {
            **item["attributes"],
            "version": item.get("version", 0),
            "created_at": item.get("createdAt"),
            "updated_at": item.get("updatedAt"),
        }
    )


def new_item(
    key: Key, entity: str, record: BaseModel, extra: Mapping[str, Any] | None = None
) -> Item:
    """A first version (`version` 1) of the record under `key`."""
    now = utc_now()
    return {
        "pk": key[0],
        "sk": key[1],
        "entityType": entity,
        "createdAt": now,
        "updatedAt": now,
        "version": 1,
        "attributes": encode(record),
        **(extra or {}),
    }


def replacement(key: Key, record: BaseModel, index: Mapping[str, str] | None = None) -> Update:
    """Replace the attributes if the stored version is still `record.version`.

    An update rather than a put, so `createdAt` stays without being read. `index`, when
    given, is the item's full set of GSI keys; the others are removed.
    """
    version = getattr(record, "version", 0)
    return Update(
        key,
        set={"attributes": encode(record), "updatedAt": utc_now(), **(index or {})},
        add={"version": 1},
        remove=tuple(name for name in INDEX if index is not None and name not in index),
        when=VersionIs(version),
    )


def versioned(key: Key, entity: str, record: Memory) -> Put | Update:
    """A transactional write: create at version 0, else replace that version.

    The write carries the memory's index keys, which follow its type and importance.
    """
    index = memory_index(record)
    if record.version == 0:
        return Put(new_item(key, entity, record, index), Absent())
    return replacement(key, record, index)


def memory_index(memory: Memory) -> dict[str, str]:
    """The GSI keys of a memory item (docs/data-layout.md)."""
    return keys.memory_index(
        memory.user_id, memory.memory_id, memory.memory_type, memory.metadata.importance
    )


def message_put(user_id: str, message: Message) -> Put:
    """A new message item; PayloadTooLarge over `MAX_CONTENT_BYTES` of content."""
    size = len(message.content.encode())
    if size > MAX_CONTENT_BYTES:
        raise PayloadTooLarge(
            f"the message is {size} bytes; the limit is {MAX_CONTENT_BYTES}: shorten it"
        )
    key = keys.message(user_id, message.conversation_id, message.message_id)
    return Put(new_item(key, "message", message), Absent())


def conversation_bump(user_id: str, message: Message) -> Update:
    """Count one more message on the conversation, which must exist."""
    key = keys.conversation(user_id, message.coach_id, message.conversation_id)
    now = utc_now()
    return Update(
        key,
        set={"attributes.metadata.lastActivity": now, "updatedAt": now},
        add={"attributes.metadata.totalMessages": 1, "version": 1},
        when=Exists(),
    )


def outbox_put(user_id: str, entry: OutboxEntry) -> Put:
    """A new outbox entry (a fresh time-sortable id, so entries drain oldest first)."""
    return Put(new_item(keys.outbox(user_id, new_id()), "outbox", entry), Absent())


def turn_outcome(
    key: Key, status: str, result: dict[str, Any] | None, *, owner: str | None = None
) -> Update:
    """Record how a claimed turn ended (only while `owner` still holds it, when given)."""
    change = {"attributes.status": status, "attributes.result": result, "updatedAt": utc_now()}
    held = Exists() if owner is None else Equals("attributes.owner", owner)
    return Update(key, set=change, add={"version": 1}, when=held)
