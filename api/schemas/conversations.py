"""Conversations, their messages and their latest summary."""

from __future__ import annotations

from pydantic import BaseModel

from api.schemas.common import RequestModel, Title
from storage.models import Conversation, Message, Page, Role, Summary, SummaryData


class ConversationCreate(RequestModel):
    """Start a conversation, optionally with a title."""

    title: Title | None = None


class ConversationRename(RequestModel):
    """A conversation's new title."""

    title: Title


class ConversationPublic(BaseModel):
    """A conversation's metadata (never its messages)."""

    conversation_id: str
    coach_id: str
    title: str
    total_messages: int
    last_activity: str | None = None
    is_active: bool
    tags: list[str]
    created_at: str | None = None
    updated_at: str | None = None

    @classmethod
    def of(cls, conversation: Conversation) -> ConversationPublic:
        """Map stored conversation metadata."""
        meta = conversation.metadata
        return cls(
            conversation_id=conversation.conversation_id,
            coach_id=conversation.coach_id,
            title=conversation.title,
            total_messages=meta.total_messages,
            last_activity=meta.last_activity,
            is_active=meta.is_active,
            tags=meta.tags,
            created_at=conversation.created_at or meta.created_at,
            updated_at=conversation.updated_at,
        )


class MessagePublic(BaseModel):
    """One chat message."""

    message_id: str
    role: Role
    content: str
    timestamp: str
    client_message_id: str | None = None
    workout_ids: list[str]
    memory_ids: list[str]

    @classmethod
    def of(cls, message: Message) -> MessagePublic:
        """Map a stored message."""
        meta = message.metadata
        return cls(
            message_id=message.message_id,
            role=message.role,
            content=message.content,
            timestamp=message.timestamp,
            client_message_id=meta.client_message_id,
            workout_ids=meta.workout_ids,
            memory_ids=meta.memory_ids,
        )


class ConversationDetail(ConversationPublic):
    """A conversation's metadata and one page of its messages, oldest first."""

    messages: Page[MessagePublic]


class SummaryPublic(BaseModel):
    """The latest summary of a conversation."""

    summary_id: str
    conversation_id: str
    coach_id: str
    summary_text: str
    structured_data: SummaryData
    created_at: str | None = None
    trigger_reason: str | None = None
    messages_covered: int
    version: int

    @classmethod
    def of(cls, summary: Summary) -> SummaryPublic:
        """Map a stored summary."""
        return cls(
            summary_id=summary.summary_id,
            conversation_id=summary.conversation_id,
            coach_id=summary.coach_id,
            summary_text=summary.summary_text,
            structured_data=summary.structured_data,
            created_at=summary.metadata.created_at,
            trigger_reason=summary.metadata.trigger_reason,
            messages_covered=summary.metadata.message_range.total_messages,
            version=summary.version,
        )
