"""The athlete's memories (`MemoryStore`)."""

from __future__ import annotations

import asyncio

from typing_extensions import override

from storage import keys
from storage.codec import decode, memory_index
from storage.items import IndexQuery, Item, Query
from storage.models import Memory, Page
from storage.protocols import MemoryStore
from storage.repo_base import RepositoryBase


class MemoryRepository(RepositoryBase, MemoryStore):
    """Memories live in the user's own range; filters never cross users."""

    @override
    async def list_memories(
        self,
        user_id: str,
        *,
        coach_id: str | None = None,
        memory_type: str | None = None,
        limit: int = 200,
        next: str | None = None,
    ) -> Page[Memory]:
        """Read a type from its own index partition (GSI1), not filtered out of the whole range.

        The coach filter runs on the user's own items.
        """

        def keep(item: Item) -> bool:
            return item["attributes"].get("coachId") in (None, coach_id)

        user = keys.user(user_id)
        query = Query(user, prefix=keys.MEMORIES)
        if memory_type is not None:
            index = IndexQuery("GSI1", owner=user)
            query = Query(keys.memory_types(user_id, memory_type), keys.MEMORIES, index=index)
        scope = f"memories:{coach_id!r}:{memory_type!r}"
        filtered = coach_id is not None
        return await self._pages.page(Memory, query, scope, limit, next, keep if filtered else None)

    @override
    async def memories_for_turn(
        self, user_id: str, coach_id: str, *, newest: int, important: int
    ) -> list[Memory]:
        """What one turn may need, never the whole range.

        The `newest` memories visible to the coach (newest first) and up to `important`
        high-importance ones of any age (GSI2).
        """
        user = keys.user(user_id)
        recent, pinned = await asyncio.gather(
            self.items.query(Query(user, prefix=keys.MEMORIES, descending=True, limit=newest)),
            self.items.query(
                Query(
                    keys.memories_important(user_id),
                    keys.MEMORIES,
                    descending=True,
                    limit=important,
                    index=IndexQuery("GSI2", owner=user),
                )
            ),
        )
        found: dict[str, Memory] = {}
        for item in [*recent.items, *pinned.items]:
            memory = decode(Memory, item)
            if memory.coach_id in (None, coach_id):
                found.setdefault(memory.memory_id, memory)
        return list(found.values())

    @override
    async def get_memory(self, user_id: str, memory_id: str) -> Memory:
        return await self._get(Memory, keys.memory(user_id, memory_id))

    @override
    async def add_memory(self, memory: Memory) -> Memory:
        """Conditional create, counted against the user's memory quota.

        A coach-only memory is written in one transaction with a check that the coach
        exists (NotFound otherwise).
        """
        key = keys.memory(memory.user_id, memory.memory_id)
        coach = None if memory.coach_id is None else (memory.user_id, memory.coach_id)
        counter = self.quotas.memories(memory.user_id)
        return await self._create(
            key, "userMemory", memory, memory_index(memory), coach=coach, counter=counter
        )

    @override
    async def update_memory(self, memory: Memory) -> Memory:
        key = keys.memory(memory.user_id, memory.memory_id)
        return await self._replace(key, memory, memory_index(memory))

    @override
    async def delete_memory(self, user_id: str, memory_id: str) -> None:
        await self._delete(keys.memory(user_id, memory_id), self.quotas.memories(user_id))
