"""Derived copies (`DocumentStore`): transcripts, their metadata and workout files.

They are written from the table by draining the outbox, and rebuilt whole by a repair.

The table is the truth; every copy is derived from it. Each write that changes what a
copy shows commits an outbox entry (`outbox#{entryId}`) in the same transaction;
`drain_outbox` writes the copies the entries name, reading them from the table, and
removes each entry once its copies are written. A failure leaves the entry for the next
drain, so an S3 outage delays copies and never loses them. Every step is idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from weakref import WeakValueDictionary

from typing_extensions import override

from storage import keys
from storage.bookkeeping import OutboxEntry
from storage.codec import decode
from storage.documents import Change, dump_json
from storage.errors import StorageError
from storage.items import IndexQuery, Key, Query
from storage.models import Conversation, Message
from storage.protocols import DocumentStore
from storage.repo_base import RepositoryBase
from storage.transcripts import TranscriptAppend, UnreadableTranscript, version_of

log = logging.getLogger(__name__)

HIGHEST = "\U0010ffff"
AFTER = "\x01"
"""Appended to a partition key, the lowest key after it: ids hold no control characters."""
ENTITIES = ("user", "coachConfig", "coachConversation", "workout", "outbox")
"""Item types whose owners `repair_copies` visits when given no user."""


@dataclass
class _Pending:
    """What a batch of outbox entries asks for, merged.

    Per conversation the messages to add, and the workouts whose files to write or remove.
    """

    conversations: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    workouts: set[str] = field(default_factory=set)

    def add(self, entry: OutboxEntry) -> None:
        if entry.conversation_id and entry.coach_id:
            self.conversations[(entry.coach_id, entry.conversation_id)].update(entry.message_ids)
        self.workouts.update(entry.workout_ids)


class DocumentRepository(RepositoryBase, DocumentStore):
    """Writes copies from the table; one lock per conversation in this process."""

    @cached_property
    def _transcripts(self) -> WeakValueDictionary[tuple[str, str], asyncio.Lock]:
        """One lock per conversation whose transcript is being written, gone when unused."""
        return WeakValueDictionary()

    @override
    async def drain_outbox(self, user_id: str | None = None) -> int:
        """Write the copies one user's outbox entries (or every user's) ask for.

        The entries are removed once written; returns how many were drained.

        A user whose copies fail keeps their entries and does not stop the others; the
        first failure is raised at the end.
        """
        users = [user_id] if user_id is not None else await self._owners("outbox")
        drained, failure = 0, None
        for user in users:
            try:
                drained += await self._drain(user)
            except StorageError as exc:
                log.warning("copies for a user left in the outbox: %s", exc)
                failure = failure or exc
        if failure is not None:
            raise failure
        return drained

    @override
    async def repair_copies(self, user_id: str | None = None) -> int:
        """Bring every copy of one user (or of every user with items) back to the table.

        Each transcript gets every stored message in order and the current metadata, each
        workout its file; copies of deleted conversations and workouts are removed, and
        the outbox emptied. Returns the users repaired.
        """
        users = [user_id] if user_id is not None else await self._every_owner()
        for user in users:
            entries = await self._entries(user)
            await self._repair(user)
            await self.items.delete_many([key for key, _ in entries])
        return len(users)

    async def append_transcript(
        self,
        user_id: str,
        conversation: Conversation,
        messages: list[Message],
        *,
        whole: bool = False,
    ) -> None:
        """Add `messages` to the transcript (in id order) and refresh the metadata document.

        Neither is ever set back to an older conversation `version`.

        The rewrites are atomic against other processes and instances (see
        `Documents.rewrite`); the lock here only spares S3 compare-and-swap retries
        between this process's own writes. Adding a message already in the transcript
        changes nothing. A transcript that is no longer JSON (a torn in-place write) is
        written again from the messages in the table. `whole` re-sorts the whole
        transcript (a repair).
        """
        cid = conversation.conversation_id
        metadata = conversation.model_dump(by_alias=True, mode="json")
        added = [message.model_dump(by_alias=True, mode="json") for message in messages]
        key = keys.transcript_document(user_id, cid)
        lock = self._transcripts.setdefault((user_id, cid), asyncio.Lock())
        async with lock:
            try:
                await self.documents.rewrite(key, TranscriptAppend.of(metadata, added, whole=whole))
            except UnreadableTranscript:
                log.warning("transcript %s unreadable; writing it again from the table", key)
                every = [
                    m.model_dump(by_alias=True, mode="json")
                    for m in await self._every(user_id, cid)
                ]
                whole_document = TranscriptAppend.of(metadata, every)(None)
                await self.documents.rewrite(key, lambda _torn: whole_document)
            await self.documents.rewrite(keys.metadata_document(user_id, cid), _newer(metadata))

    # -- draining ----------------------------------------------------------------------------

    async def _drain(self, user_id: str) -> int:
        entries = await self._entries(user_id)
        if not entries:
            return 0
        pending = _Pending()
        for _, entry in entries:
            pending.add(entry)
        for (coach_id, cid), message_ids in pending.conversations.items():
            await self._copy_conversation(user_id, coach_id, cid, sorted(message_ids))
        for workout_id in sorted(pending.workouts):
            await self._copy_workout(user_id, workout_id)
        await self.items.delete_many([key for key, _ in entries])
        return len(entries)

    async def _entries(self, user_id: str) -> list[tuple[Key, OutboxEntry]]:
        """The user's outbox entries, oldest first."""
        query = Query(keys.user(user_id), prefix=keys.OUTBOX, limit=100)
        return [((i["pk"], i["sk"]), decode(OutboxEntry, i)) for i in await self._pages.all(query)]

    async def _copy_conversation(
        self, user_id: str, coach_id: str, cid: str, message_ids: list[str] | None
    ) -> None:
        """Add the messages (all of them with None) to the transcript and refresh the metadata.

        A conversation deleted meanwhile loses its documents instead.
        """
        key = keys.conversation(user_id, coach_id, cid)
        item = await self.items.get(key)
        if item is not None:
            conversation = decode(Conversation, item)
            if message_ids is None:
                messages = await self._every(user_id, cid)
            else:
                messages = (
                    await self._between(user_id, cid, message_ids[0], message_ids[-1])
                    if message_ids
                    else []
                )
            await self.append_transcript(user_id, conversation, messages, whole=message_ids is None)
        if item is None or await self.items.get(key) is None:  # gone, or deleted meanwhile
            await self.documents.delete(keys.transcript_document(user_id, cid))
            await self.documents.delete(keys.metadata_document(user_id, cid))

    async def _between(self, user_id: str, cid: str, first: str, last: str) -> list[Message]:
        """The messages from `first` to `last`, in one range query instead of a read each.

        Any between them that an earlier drain copied are already in the transcript,
        where adding them again changes nothing.
        """
        span = (keys.message(user_id, cid, first)[1], keys.message(user_id, cid, last)[1])
        query = Query(keys.user(user_id), between=span, limit=1000)
        return [decode(Message, item) for item in await self._pages.all(query)]

    async def _every(self, user_id: str, cid: str) -> list[Message]:
        query = Query(keys.user(user_id), prefix=keys.messages(cid), limit=1000)
        return [decode(Message, item) for item in await self._pages.all(query)]

    # -- repair ------------------------------------------------------------------------------

    async def _repair(self, user_id: str) -> None:
        pk = keys.user(user_id)
        conversations = await self._pages.all(Query(pk, prefix="coachConversation#", limit=1000))
        kept: set[str] = set()
        for item in conversations:
            chat = decode(Conversation, item)
            await self._copy_conversation(user_id, chat.coach_id, chat.conversation_id, None)
            kept |= {
                keys.transcript_document(user_id, chat.conversation_id),
                keys.metadata_document(user_id, chat.conversation_id),
            }
        workouts = await self._pages.all(
            Query(pk, prefix=keys.WORKOUTS, limit=1000, keys_only=True)
        )
        for item in workouts:
            workout_id = item["sk"].removeprefix(keys.WORKOUTS)
            await self._copy_workout(user_id, workout_id)
            kept.add(keys.workout_document(user_id, workout_id))
        for kind in ("conversations", "workouts"):
            for stray in set(await self.documents.list(keys.documents(user_id, kind))) - kept:
                await self.documents.delete(stray)

    async def _every_owner(self) -> list[str]:
        found: set[str] = set()
        for entity in ENTITIES:
            found.update(await self._owners(entity))
        return sorted(found)

    async def _owners(self, entity: str) -> list[str]:
        """The users with items of one type (GSI3: `entityType`, then `pk`).

        One query per page of keys, each page starting after the last user found.
        """
        users: list[str] = []
        low = "user#"
        while True:
            query = Query(entity, between=(low, HIGHEST), limit=100, index=IndexQuery("GSI3"))
            result = await self.items.query(query)
            pks = sorted({item["pk"] for item in result.items if item["pk"].startswith("user#")})
            if not pks:
                return users
            users += [pk.removeprefix("user#") for pk in pks]
            low = pks[-1] + AFTER


def _newer(metadata: dict[str, Any]) -> Change:
    """The metadata document's change: `metadata`, unless the stored one is a later version."""
    data = dump_json(metadata)
    version = int(metadata.get("version", 0))

    def change(current: bytes | None) -> bytes:
        return current if current is not None and version_of(current) > version else data

    return change
