"""Lasting memories the coaches use."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from agent.forgetting import forget_in_summaries
from agent.memory_rules.safety import Screened, screen_memory
from api.deps import ConversationStoreDep, Limit, MemoryId, MemoryStoreDep, Next, UserDep
from api.errors import MemoryRefused
from api.schemas.common import ID_PATTERN
from api.schemas.memories import MemoryCreate, MemoryPublic, MemoryUpdate
from storage.ids import new_id
from storage.models import Memory, MemoryMetadata, MemoryType, Page, utc_now

router = APIRouter(prefix="/v1/memories", tags=["memories"])


@router.get("")
async def list_memories(
    user: UserDep,
    store: MemoryStoreDep,
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


def screened(content: str) -> Screened:
    """The memory screen chat uses too; a refusal is 422 `memory_refused`."""
    result = screen_memory(content)
    if result.refusal is not None:
        raise MemoryRefused(f"not saved: {result.refusal}")
    return result


@router.post("", status_code=status.HTTP_201_CREATED)
async def add_memory(body: MemoryCreate, user: UserDep, store: MemoryStoreDep) -> MemoryPublic:
    """Remember something; with `coach_id` only that coach sees it (404 if no such coach).

    Screened like chat: 422 `memory_refused` for instructions to the coach's model or
    safety-negating text; secrets and id numbers are redacted (`notice` says so).
    """
    content = screened(body.content)
    memory = Memory(
        memory_id=new_id(),
        user_id=user,
        coach_id=body.coach_id,
        content=content.text,
        memory_type=body.memory_type,
        metadata=MemoryMetadata(
            created_at=utc_now(), source="api", importance=body.importance, tags=body.tags
        ),
    )
    return MemoryPublic.of(await store.add_memory(memory), content.notice())


@router.get("/{memory_id}")
async def get_memory(memory_id: MemoryId, user: UserDep, store: MemoryStoreDep) -> MemoryPublic:
    """One memory."""
    return MemoryPublic.of(await store.get_memory(user, memory_id))


@router.put("/{memory_id}")
async def update_memory(
    memory_id: MemoryId,
    body: MemoryUpdate,
    user: UserDep,
    store: MemoryStoreDep,
    summaries: ConversationStoreDep,
) -> MemoryPublic:
    """Change a memory's content, kind, importance or tags; a stale `version` is 409.

    Screened like a new memory. Summaries stop stating the old content.
    """
    content = screened(body.content)
    current = await store.get_memory(user, memory_id)
    memory = current.model_copy(
        update={
            "content": content.text,
            "memory_type": body.memory_type,
            "metadata": current.metadata.model_copy(
                update={"importance": body.importance, "tags": body.tags}
            ),
            "version": current.version if body.version is None else body.version,
        }
    )
    updated = await store.update_memory(memory)
    if current.content != updated.content:
        await forget_in_summaries(summaries, user, [current.content])
    return MemoryPublic.of(updated, content.notice())


@router.delete("/{memory_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_memory(
    memory_id: MemoryId, user: UserDep, store: MemoryStoreDep, summaries: ConversationStoreDep
) -> None:
    """Forget a memory, and take it out of the conversation summaries that state it."""
    current = await store.get_memory(user, memory_id)
    await store.delete_memory(user, memory_id)
    await forget_in_summaries(summaries, user, [current.content])
