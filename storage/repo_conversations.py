"""Conversations, their messages and summaries (`ConversationStore`)."""

from __future__ import annotations

from functools import partial

from typing_extensions import override

from storage import keys
from storage.bookkeeping import OutboxEntry
from storage.calls import concurrently
from storage.codec import decode, outbox_put
from storage.errors import Conflict, NotFound
from storage.items import (
    ConditionFailed,
    Exists,
    Key,
    Query,
    Update,
    VersionIs,
)
from storage.models import Conversation, Message, Page, Summary, utc_now
from storage.pages import clamp
from storage.protocols import ConversationStore
from storage.repo_base import RepositoryBase


class ConversationRepository(RepositoryBase, ConversationStore):
    """Conversations are created beside a check that their coach exists."""

    @override
    async def create_conversation(self, conversation: Conversation) -> Conversation:
        """Conditional create, in one transaction with a check that the coach exists."""
        user_id, coach_id = conversation.user_id, conversation.coach_id
        key = keys.conversation(user_id, coach_id, conversation.conversation_id)
        counter = self.quotas.conversations(user_id)
        return await self._create(
            key, "coachConversation", conversation, coach=(user_id, coach_id), counter=counter
        )

    @override
    async def get_conversation(
        self, user_id: str, coach_id: str, conversation_id: str
    ) -> Conversation:
        return await self._get(Conversation, keys.conversation(user_id, coach_id, conversation_id))

    @override
    async def list_conversations(
        self, user_id: str, coach_id: str, *, limit: int = 20, next: str | None = None
    ) -> Page[Conversation]:
        """Newest first (conversation ids are time-sortable); never reads messages."""
        query = Query(keys.user(user_id), prefix=keys.conversations(coach_id), descending=True)
        return await self._pages.page(Conversation, query, f"conversations:{coach_id}", limit, next)

    @override
    async def rename_conversation(
        self,
        user_id: str,
        coach_id: str,
        conversation_id: str,
        title: str,
        *,
        version: int | None = None,
    ) -> Conversation:
        """With an outbox entry in the same transaction: the metadata copies follow."""
        key = keys.conversation(user_id, coach_id, conversation_id)
        change = {"attributes.title": title, "updatedAt": utc_now()}
        when = Exists() if version is None else VersionIs(version)
        entry = OutboxEntry(conversation_id=conversation_id, coach_id=coach_id)
        try:
            await self.items.transact(
                [
                    Update(key, set=change, add={"version": 1}, when=when),
                    outbox_put(user_id, entry),
                ]
            )
        except ConditionFailed:
            if version is None:
                raise NotFound("conversation not found") from None
            raise Conflict("the conversation changed since it was read") from None
        return await self._get(Conversation, key)

    @override
    async def delete_conversation(self, user_id: str, coach_id: str, conversation_id: str) -> None:
        """Metadata goes last, so an interrupted delete can simply be run again."""
        key = keys.conversation(user_id, coach_id, conversation_id)
        if await self.items.get(key) is None:
            raise NotFound("conversation not found")
        pk = keys.user(user_id)
        doomed: list[Key] = [keys.summary(user_id, conversation_id)]
        for prefix in (keys.messages(conversation_id), keys.turns(conversation_id)):
            query = Query(pk, prefix=prefix, limit=1000, keys_only=True)
            doomed += [(item["pk"], item["sk"]) for item in await self._pages.all(query)]
        await self.items.delete_many(doomed)
        await concurrently(
            partial(self.documents.delete, keys.transcript_document(user_id, conversation_id)),
            partial(self.documents.delete, keys.metadata_document(user_id, conversation_id)),
        )
        await self._delete_counted([key], self.quotas.conversations(user_id))

    @override
    async def latest_messages(
        self, user_id: str, conversation_id: str, n: int, *, through: str | None = None
    ) -> list[Message]:
        if n < 1:
            return []
        prefix = keys.messages(conversation_id)
        query = Query(
            keys.user(user_id),
            prefix=None if through else prefix,
            between=(prefix, keys.message(user_id, conversation_id, through)[1])
            if through
            else None,
            descending=True,
            limit=clamp(n),
        )
        result = await self.items.query(query)
        return [decode(Message, item) for item in reversed(result.items)]

    @override
    async def list_messages(
        self, user_id: str, conversation_id: str, *, limit: int = 50, next: str | None = None
    ) -> Page[Message]:
        query = Query(keys.user(user_id), prefix=keys.messages(conversation_id))
        return await self._pages.page(Message, query, f"messages:{conversation_id}", limit, next)

    @override
    async def get_summary(self, user_id: str, conversation_id: str) -> Summary | None:
        item = await self.items.get(keys.summary(user_id, conversation_id))
        return None if item is None else decode(Summary, item)

    @override
    async def list_summaries(self, user_id: str) -> list[Summary]:
        """Bounded by the user's conversation quota, so read whole."""
        items = await self._pages.all(Query(keys.user(user_id), prefix=keys.SUMMARIES))
        return [decode(Summary, item) for item in items]

    @override
    async def put_summary(self, summary: Summary) -> Summary:
        key = keys.summary(summary.user_id, summary.conversation_id)
        return await self._save(key, "conversationSummary", summary)
