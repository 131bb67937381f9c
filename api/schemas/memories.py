"""Memories a user gives the coach, and the stored memories out."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from api.schemas.common import Id, RequestModel, Tags
from storage.models import Importance, Memory, MemoryType

UserMemoryType = Literal["preference", "goal", "constraint", "context", "feedback"]
"""The memory types a user may give: `instruction` is never taken from user input."""


class MemoryCreate(RequestModel):
    """Something the coach should remember; with `coach_id` only that coach sees it.

    The content is screened: instructions to the coach's model and safety-negating text
    are refused (422 `memory_refused`); passwords, card and government id numbers are
    replaced by `[redacted]` (`notice` in the reply says so).
    """

    content: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    memory_type: UserMemoryType = "context"
    coach_id: Id | None = None
    importance: Importance = "medium"
    tags: Tags = Field(default_factory=list)


class MemoryUpdate(MemoryCreate):
    """A memory's new content and kind; send `version` to guard against concurrent edits.

    A memory's coach (`coach_id`) is fixed when it is created.
    """

    coach_id: None = None
    version: int | None = Field(default=None, ge=0)


class MemoryPublic(BaseModel):
    """A lasting memory."""

    memory_id: str
    coach_id: str | None = None
    content: str
    memory_type: MemoryType
    importance: Importance
    tags: list[str]
    source: str
    usage_count: int
    created_at: str | None = None
    last_used: str | None = None
    version: int
    notice: str | None = None
    """On a write that left sensitive values out of `content`: which, in a sentence."""

    @classmethod
    def of(cls, memory: Memory, notice: str | None = None) -> MemoryPublic:
        """Map a stored memory."""
        meta = memory.metadata
        return cls(
            memory_id=memory.memory_id,
            coach_id=memory.coach_id,
            content=memory.content,
            memory_type=memory.memory_type,
            importance=meta.importance,
            tags=meta.tags,
            source=meta.source,
            usage_count=meta.usage_count,
            created_at=meta.created_at,
            last_used=meta.last_used,
            version=memory.version,
            notice=notice,
        )
