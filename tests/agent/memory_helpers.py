"""Builders and readers shared by the memory-rule tests: stored memories at a fixed NOW,
and what `detect_memory_intent` made of a message."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


@dataclass(frozen=True)
class CorpusScore:
    """How the rules read a labelled corpus: precision, recall, replacements and fields."""

    precision: float
    recall: float
    replaced: float
    fields: dict[str, float]
    lines: tuple[str, ...]


def score_corpus(path: Path, name: str) -> CorpusScore:
    """Score `detect_memory_intent` on a JSONL corpus labelled save/forget/none."""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(cases) >= 100 and len({c["id"] for c in cases}) == len(cases)
    results = {c["id"]: detect_memory_intent(c["message"]) for c in cases}
    predicted = {key: label(result) for key, result in results.items()}
    flagged = [c for c in cases if predicted[c["id"]] != "none"]
    positives = [c for c in cases if c["expected"] != "none"]
    hits = [c for c in flagged if predicted[c["id"]] == c["expected"]]
    precision, recall = len(hits) / max(1, len(flagged)), len(hits) / len(positives)
    forgets = [c for c in hits if c["expected"] == "forget"]
    replaced = [
        c
        for c in forgets
        if isinstance(found := results[c["id"]], ForgetRequest)
        and (found.replacement is not None) == bool(c.get("replacement"))
    ]
    lines = [
        f"{name}: precision {precision:.3f} recall {recall:.3f}",
        f"  replacement read right on {len(replaced)}/{len(forgets)} forgets",
    ]
    fields: dict[str, float] = {}
    for field in ("memory_type", "scope", "importance"):
        labelled = [c for c in hits if c["expected"] == "save" and c.get(field)]
        right = [c for c in labelled if getattr(results[c["id"]], field) == c[field]]
        fields[field] = len(right) / max(1, len(labelled))
        lines.append(f"  {field} {len(right)}/{len(labelled)}")
    return CorpusScore(
        precision, recall, len(replaced) / max(1, len(forgets)), fields, tuple(lines)
    )
