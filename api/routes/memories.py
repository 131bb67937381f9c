"""Lasting memories the coaches use."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from api.deps import Limit, MemoryId, Next, StoreDep, UserDep
from api.schemas import ID_PATTERN, MemoryCreate, MemoryPublic, Page
from storage.ids import new_id
from storage.models import Memory, MemoryMetadata, MemoryType, utc_now

router = APIRouter(prefix="/v1/memories", tags=["memories"])


@router.get("")
async def list_memories(
    user: UserDep,
    store: StoreDep,
    coach_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    memory_type: Annotated[MemoryType | None, Query(alias="type")] = None,
    limit: Limit = 50,
    next: Next = None,
) -> Page[MemoryPublic]:
    """The caller's memories; with `coach_id`, that coach's plus the global ones."""
    page = await store.list_memories(
        user, coach_id=coach_id, memory_type=memory_type, limit=limit, next=next
    )
    return Page(items=[MemoryPublic.of(m) for m in page.items], next=page.next)


@router.post("", status_code=status.HTTP_201_CREATED)
async def add_memory(body: MemoryCreate, user: UserDep, store: StoreDep) -> MemoryPublic:
    """Remember something; with `coach_id` only that coach sees it."""
    if body.coach_id is not None:
        await store.get_coach(user, body.coach_id)
    memory = Memory(
        memory_id=new_id(),
        user_id=user,
        coach_id=body.coach_id,
        content=body.content,
        memory_type=body.memory_type,
        metadata=MemoryMetadata(
            created_at=utc_now(), source="api", importance=body.importance, tags=body.tags
        ),
    )
    return MemoryPublic.of(await store.add_memory(memory))


@router.delete("/{memory_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_memory(memory_id: MemoryId, user: UserDep, store: StoreDep) -> None:
    """Forget a memory."""
    await store.delete_memory(user, memory_id)
