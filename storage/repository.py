"""`Store`, implemented once over the item layer and the document layer.

Both backends are this class over different engines (`open_store` picks them), so
the domain rules (keys, versions, transactions, pagination, quotas) cannot drift
between `local` and `aws`. Each concern lives in its own `repo_*` module.
"""

from __future__ import annotations

from storage import keys
from storage.repo_account import AccountRepository
from storage.repo_coaches import CoachRepository
from storage.repo_documents import DocumentRepository
from storage.repo_memories import MemoryRepository
from storage.repo_turns import TurnRepository
from storage.repo_workouts import WorkoutRepository


class Repository(
    AccountRepository,
    CoachRepository,
    TurnRepository,
    WorkoutRepository,
    MemoryRepository,
    DocumentRepository,
):
    """The service's store: items in one table, documents in one bucket.

    `items.calls.counts` (shared with `documents`) counts the backend requests made.
    """

    async def init(self) -> None:
        """Create the table and the bucket if missing (idempotent)."""
        await self.items.create()
        await self.documents.create()

    async def ping(self) -> None:
        """Raise StorageUnavailable unless both answer."""
        await self.items.get(keys.PING)
        await self.documents.ping()

    async def close(self) -> None:
        """Release the engines' connections."""
        await self.items.close()
        await self.documents.close()
