"""A conversation's latest summary."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CoachId, ConversationId, ConversationStoreDep, UserDep
from api.schemas.conversations import SummaryPublic
from storage.errors import NotFound

router = APIRouter(prefix="/v1/coaches/{coach_id}/conversations", tags=["conversations"])


@router.get("/{conversation_id}/summary")
async def get_summary(
    coach_id: CoachId, conversation_id: ConversationId, user: UserDep, store: ConversationStoreDep
) -> SummaryPublic:
    """The latest summary (404 `not_found` until the conversation has one)."""
    await store.get_conversation(user, coach_id, conversation_id)
    summary = await store.get_summary(user, conversation_id)
    if summary is None:
        raise NotFound("this conversation has no summary yet")
    return SummaryPublic.of(summary)
