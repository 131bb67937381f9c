"""Builders and readers shared by the memory-rule tests: stored memories at a fixed NOW,
and what `detect_memory_intent` made of a message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent
from storage.models import Importance, Memory, MemoryMetadata, MemoryType

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def memory(
    content: str,
    *,
    memory_id: str | None = None,
    memory_type: MemoryType = "context",
    importance: Importance = "medium",
    coach_id: str | None = None,
    age_days: int = 0,
    usage_count: int = 0,
) -> Memory:
    """A stored memory created `age_days` before NOW."""
    created = (NOW - timedelta(days=age_days)).isoformat().replace("+00:00", "Z")
    return Memory(
        memory_id=memory_id or content,
        user_id="athlete-1",
        coach_id=coach_id,
        content=content,
        memory_type=memory_type,
        metadata=MemoryMetadata(created_at=created, importance=importance, usage_count=usage_count),
    )


def request(content: str, memory_type: MemoryType = "context") -> MemoryRequest:
    """A medium, global save request for `content`."""
    return MemoryRequest(content, memory_type, "medium", "global", ())


def saved(message: str) -> MemoryRequest:
    """The save request detected in `message` (fails the test if it is not one)."""
    result = detect_memory_intent(message)
    assert isinstance(result, MemoryRequest), f"{message!r} → {result!r}"
    return result


def forgotten(message: str) -> ForgetRequest:
    """The forget request detected in `message` (fails the test if it is not one)."""
    result = detect_memory_intent(message)
    assert isinstance(result, ForgetRequest), f"{message!r} → {result!r}"
    return result


def label(result: MemoryRequest | ForgetRequest | None) -> str:
    """A detection as a corpus label: save, forget or none."""
    if isinstance(result, MemoryRequest):
        return "save"
    return "forget" if isinstance(result, ForgetRequest) else "none"
