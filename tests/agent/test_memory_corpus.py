"""Memory rules against the labelled corpus: precision, recall and field accuracy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import label

CORPUS = Path(__file__).with_name("memory_corpus.jsonl")


@dataclass(frozen=True)
class Case:
    id: str
    message: str
    expected: str
    memory_type: str | None = None
    scope: str | None = None
    importance: str | None = None


def load_corpus() -> list[Case]:
    return [Case(**json.loads(line)) for line in CORPUS.read_text().splitlines() if line.strip()]


def test_corpus_shape() -> None:
    cases = load_corpus()
    counts = {kind: sum(c.expected == kind for c in cases) for kind in ("save", "forget", "none")}
    assert len(cases) >= 80 and len({c.id for c in cases}) == len(cases)
    assert counts["save"] >= 35 and counts["forget"] >= 15 and counts["none"] >= 30
    types = {c.memory_type for c in cases if c.memory_type}
    assert types == {"preference", "goal", "constraint", "instruction", "context", "feedback"}


def test_corpus_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_corpus()
    results = {c.id: detect_memory_intent(c.message) for c in cases}
    predicted = {c.id: label(results[c.id]) for c in cases}
    positives = [c for c in cases if c.expected != "none"]
    flagged = [c for c in cases if predicted[c.id] != "none"]
    hits = [c for c in flagged if predicted[c.id] == c.expected]
    precision = len(hits) / len(flagged)
    recall = len(hits) / len(positives)
    lines = [f"memory corpus: {len(cases)} messages"]
    for kind in ("save", "forget"):
        kind_flagged = [c for c in cases if predicted[c.id] == kind]
        kind_hits = [c for c in kind_flagged if c.expected == kind]
        kind_total = [c for c in cases if c.expected == kind]
        lines.append(
            f"  {kind:6} precision {len(kind_hits) / max(1, len(kind_flagged)):.3f}"
            f"  recall {len(kind_hits) / max(1, len(kind_total)):.3f}"
        )
    lines.append(f"  all    precision {precision:.3f}  recall {recall:.3f}")
    accuracy: dict[str, float] = {}
    for field in ("memory_type", "scope", "importance"):
        labelled = [c for c in cases if getattr(c, field) and predicted[c.id] == "save"]
        right = [c for c in labelled if getattr(results[c.id], field) == getattr(c, field)]
        accuracy[field] = len(right) / len(labelled)
        lines.append(f"  {field} accuracy {accuracy[field]:.3f} ({len(right)}/{len(labelled)})")
    misses = [
        f"  miss {c.id}: {predicted[c.id]} != {c.expected}"
        for c in cases
        if predicted[c.id] != c.expected
    ]
    with capsys.disabled():
        print("\n" + "\n".join(lines + misses))
    assert precision >= 0.95 and recall >= 0.95
    assert accuracy["memory_type"] >= 0.85 and accuracy["scope"] >= 0.85
