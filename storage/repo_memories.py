"""The athlete's memories (`MemoryStore`)."""

from __future__ import annotations

from storage import keys
from storage.items import (
    Item,
    Query,
)
from storage.models import Memory, Page
from storage.repo_base import RepositoryBase


class MemoryRepository(RepositoryBase):
    """Memories live in the user's own range; filters never cross users."""

    async def list_memories(
        self,
        user_id: str,
        *,
        coach_id: str | None = None,
        memory_type: str | None = None,
        limit: int = 200,
        next: str | None = None,
    ) -> Page[Memory]:
        """Filters run on the user's own memory range, never across users."""

        def keep(item: Item) -> bool:
            attributes = item["attributes"]
            in_scope = coach_id is None or attributes.get("coachId") in (None, coach_id)
            return in_scope and (memory_type is None or attributes.get("memoryType") == memory_type)

        query = Query(keys.user(user_id), prefix=keys.MEMORIES)
        scope = f"memories:{coach_id!r}:{memory_type!r}"
        filtered = coach_id is not None or memory_type is not None
        return await self._pages.page(Memory, query, scope, limit, next, keep if filtered else None)

    async def get_memory(self, user_id: str, memory_id: str) -> Memory:
        return await self._get(Memory, keys.memory(user_id, memory_id))

    async def add_memory(self, memory: Memory) -> Memory:
        """Conditional create, counted against the user's memory quota; a coach-only
        memory is written in one transaction with a check that the coach exists
        (NotFound otherwise)."""
        key = keys.memory(memory.user_id, memory.memory_id)
        coach = None if memory.coach_id is None else (memory.user_id, memory.coach_id)
        counter = self.quotas.memories(memory.user_id)
        return await self._create(key, "userMemory", memory, coach=coach, counter=counter)

    async def update_memory(self, memory: Memory) -> Memory:
        return await self._replace(keys.memory(memory.user_id, memory.memory_id), memory)

    async def delete_memory(self, user_id: str, memory_id: str) -> None:
        await self._delete(keys.memory(user_id, memory_id), self.quotas.memories(user_id))
