"""Choose which memories go into one coach's prompt, within its count and size caps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import accumulate

from storage.models import Memory

_IMPORTANCE_RANK = {"high": 0, "medium": 1, "low": 2}
ALWAYS_CAP = 24
"""The hard cap on high-importance constraints that go in past the count and size caps."""


def _parse_time(value: str | None) -> datetime | None:
    """An aware datetime from a stored ISO stamp; None when missing or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _age_days(memory: Memory, now: datetime) -> int:
    """Whole days since the memory was created or last used (unknown → very old)."""
    stamps = [
        t
        for t in (_parse_time(memory.metadata.created_at), _parse_time(memory.metadata.last_used))
        if t is not None
    ]
    if not stamps:
        return 10**6
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    return max(0, (now - max(stamps)).days)


def _always_include(memory: Memory) -> bool:
    """High-importance constraints (injuries, medical) go into every prompt."""
    return memory.metadata.importance == "high" and memory.memory_type == "constraint"


def rank_memories(
    memories: Sequence[Memory], *, coach_id: str, now: datetime, max_count: int, max_chars: int
) -> list[Memory]:
    """Memories for one coach's prompt: global and this coach's, best first, within the caps.

    Ranked by importance, then recency (created or last used, by day), then usage count. High
    importance constraints are always included, even past `max_count` and `max_chars`, up to
    `ALWAYS_CAP` of them.
    """
    visible = [m for m in memories if m.coach_id is None or m.coach_id == coach_id]
    ranked = sorted(
        visible,
        key=lambda m: (
            _IMPORTANCE_RANK.get(m.metadata.importance, 2),
            _age_days(m, now),
            -m.metadata.usage_count,
            m.memory_id,
        ),
    )
    always = [_always_include(m) for m in ranked]
    chosen = [keep and n <= ALWAYS_CAP for keep, n in zip(always, accumulate(always), strict=True)]
    count = sum(chosen)
    chars = sum(len(m.content) for m, keep in zip(ranked, chosen, strict=True) if keep)
    for idx, memory in enumerate(ranked):
        if chosen[idx] or count >= max_count or chars + len(memory.content) > max_chars:
            continue
        chosen[idx] = True
        count += 1
        chars += len(memory.content)
    return [m for m, keep in zip(ranked, chosen, strict=True) if keep]
