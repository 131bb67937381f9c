"""Typed dependencies: handlers declare what they need and get what the lifespan built."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request
from pydantic import AfterValidator

from api.auth import current_user
from api.chat import ChatService
from api.schemas.common import ID_PATTERN, WORKOUT_ID_PATTERN, dated_workout_id
from storage.protocols import (
    AccountStore,
    CoachStore,
    ConversationStore,
    MemoryStore,
    Store,
    WorkoutStore,
)


def get_store(request: Request) -> Store:
    """The store opened by the lifespan."""
    store: Store = request.app.state.store
    return store


def get_chat(request: Request) -> ChatService:
    """The chat service (rate limits + turn runner) built by the lifespan."""
    chat: ChatService = request.app.state.chat
    return chat


StoreDep = Annotated[Store, Depends(get_store)]
"""The whole store (health checks); routes otherwise name the concern they use:"""
CoachStoreDep = Annotated[CoachStore, Depends(get_store)]
ConversationStoreDep = Annotated[ConversationStore, Depends(get_store)]
WorkoutStoreDep = Annotated[WorkoutStore, Depends(get_store)]
MemoryStoreDep = Annotated[MemoryStore, Depends(get_store)]
AccountStoreDep = Annotated[AccountStore, Depends(get_store)]
ChatDep = Annotated[ChatService, Depends(get_chat)]
UserDep = Annotated[str, Depends(current_user)]

CoachId = Annotated[str, Path(pattern=ID_PATTERN, description="A coach id.")]
ConversationId = Annotated[str, Path(pattern=ID_PATTERN, description="A conversation id.")]
MemoryId = Annotated[str, Path(pattern=ID_PATTERN, description="A memory id.")]
WorkoutId = Annotated[
    str,
    Path(pattern=WORKOUT_ID_PATTERN, description="A workout id: `YYYYMMDD-…`."),
    AfterValidator(dated_workout_id),
]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size.")]
Next = Annotated[
    str | None, Query(max_length=2048, description="The `next` token from the previous page.")
]
