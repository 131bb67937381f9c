"""Transcripts and their metadata documents (`DocumentStore`)."""

from __future__ import annotations

import asyncio
import logging
from weakref import WeakValueDictionary

from storage import keys
from storage.codec import decode
from storage.documents import Documents
from storage.items import Items, Query
from storage.models import Conversation, Message
from storage.quotas import StoredLimits
from storage.repo_base import RepositoryBase
from storage.transcripts import TranscriptAppend, UnreadableTranscript

log = logging.getLogger(__name__)


class DocumentRepository(RepositoryBase):
    """Appends to transcripts; one lock per conversation in this process."""

    def __init__(
        self,
        items: Items,
        documents: Documents,
        *,
        page_secret: bytes,
        limits: StoredLimits | None = None,
    ) -> None:
        super().__init__(items, documents, page_secret=page_secret, limits=limits)
        self._transcripts: WeakValueDictionary[tuple[str, str], asyncio.Lock] = (
            WeakValueDictionary()
        )

    async def append_transcript(
        self, user_id: str, conversation: Conversation, messages: list[Message]
    ) -> None:
        """Append to the transcript and replace its metadata document, in one worker call.

        The rewrite is atomic against other processes (see `Documents.rewrite`); the lock
        here only spares S3 compare-and-swap retries between this process's own turns.
        Appending a message already in the transcript (a retried turn) changes nothing.
        A transcript that is no longer JSON (a torn in-place write) is written again from
        the messages in the table.
        """
        cid = conversation.conversation_id
        metadata = conversation.model_dump(by_alias=True, mode="json")
        added = [message.model_dump(by_alias=True, mode="json") for message in messages]
        key = keys.transcript_document(user_id, cid)
        also = {keys.metadata_document(user_id, cid): metadata}
        lock = self._transcripts.setdefault((user_id, cid), asyncio.Lock())
        async with lock:
            try:
                await self.documents.rewrite(key, TranscriptAppend.of(metadata, added), also=also)
            except UnreadableTranscript:
                log.warning("transcript %s unreadable; writing it again from the table", key)
                query = Query(keys.user(user_id), prefix=keys.messages(cid), limit=1000)
                every = [
                    decode(Message, item).model_dump(by_alias=True, mode="json")
                    for item in await self._pages.all(query)
                ]
                whole = TranscriptAppend.of(metadata, every)(None)
                await self.documents.rewrite(key, lambda _torn: whole, also=also)
