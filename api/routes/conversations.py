"""Conversations with one coach: start, list, read with messages, rename, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, status

from api.deps import (
    CoachId,
    CoachStoreDep,
    ConversationId,
    ConversationStoreDep,
    Limit,
    Next,
    UserDep,
)
from api.schemas.conversations import (
    ConversationCreate,
    ConversationDetail,
    ConversationPublic,
    ConversationRename,
    MessagePublic,
)
from storage.ids import new_id
from storage.models import Conversation, Page

router = APIRouter(prefix="/v1/coaches/{coach_id}/conversations", tags=["conversations"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_conversation(
    coach_id: CoachId,
    user: UserDep,
    store: ConversationStoreDep,
    body: Annotated[ConversationCreate | None, Body()] = None,
) -> ConversationPublic:
    """Start a conversation with a coach; the reply carries its `conversation_id`."""
    conversation = Conversation(user_id=user, coach_id=coach_id, conversation_id=new_id())
    if body is not None and body.title:
        conversation.title = body.title
    return ConversationPublic.of(await store.create_conversation(conversation))


@router.get("")
async def list_conversations(
    coach_id: CoachId,
    user: UserDep,
    store: ConversationStoreDep,
    coaches: CoachStoreDep,
    limit: Limit = 20,
    next: Next = None,
) -> Page[ConversationPublic]:
    """The coach's conversations, newest first (404 for a coach the caller does not have)."""
    await coaches.get_coach(user, coach_id)
    page = await store.list_conversations(user, coach_id, limit=limit, next=next)
    return Page(items=[ConversationPublic.of(c) for c in page.items], next=page.next)


@router.get("/{conversation_id}")
async def get_conversation(
    coach_id: CoachId,
    conversation_id: ConversationId,
    user: UserDep,
    store: ConversationStoreDep,
    limit: Limit = 50,
    next: Next = None,
) -> ConversationDetail:
    """A conversation's metadata and one page of its messages, oldest first."""
    conversation = await store.get_conversation(user, coach_id, conversation_id)
    page = await store.list_messages(user, conversation_id, limit=limit, next=next)
    messages = Page(items=[MessagePublic.of(m) for m in page.items], next=page.next)
    return ConversationDetail(**ConversationPublic.of(conversation).model_dump(), messages=messages)


@router.patch("/{conversation_id}")
async def rename_conversation(
    coach_id: CoachId,
    conversation_id: ConversationId,
    body: ConversationRename,
    user: UserDep,
    store: ConversationStoreDep,
) -> ConversationPublic:
    """Rename a conversation."""
    renamed = await store.rename_conversation(user, coach_id, conversation_id, body.title)
    return ConversationPublic.of(renamed)


@router.delete("/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_conversation(
    coach_id: CoachId, conversation_id: ConversationId, user: UserDep, store: ConversationStoreDep
) -> None:
    """Delete a conversation with its messages, summary and transcript."""
    await store.delete_conversation(user, coach_id, conversation_id)
