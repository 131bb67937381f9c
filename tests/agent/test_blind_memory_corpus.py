"""The held-out memory corpora: written blind, scored before any change, never tuned case
by case.

## blind_memory_corpus.jsonl

Scored first on 2026-12-06: precision 1.000, recall 0.640 (memory_type 15/22, scope
20/22, importance 17/22; 2 of 5 "replace" requests read as forget + save).
After issue 15's fixes by kind (colon-labelled saves, loose and "drop the old one, it's
now …" forgets, mild injury words): precision 1.000, recall 0.720. Second round (more
colon labels, "for future sessions", ditch/bin/toss and "the bit about" forgets, more mild
injury words as constraints): precision 1.000, recall 0.780. Third round, tuned only
against a new dev corpus written blind to the code (tests/agent/dev_memory_corpus.jsonl)
and phrasing kinds (colon labels by grammar, stale/update/replace forget frames, negated
keeping, back references, reasons vs replacements): precision 1.000, recall 0.880.
Fourth round, tuned only against a second dev corpus by another blind writer
(tests/agent/dev2_memory_corpus.jsonl: recall 0.652 -> 0.987 at precision 1.000) by
widening the grammar (directive frames, requests pointing back, standing directives,
forget objects, corrections pointing back); this corpus was run only before the round
and once after it: precision 1.000, recall 0.880 before and after (no change here).
Fifth round, tuned only against two new dev corpora by blind writers
(dev3_memory_corpus.jsonl: recall 0.752 -> 1.000; dev4_memory_corpus.jsonl, 25 invented
athletes in their own voices: recall 0.531 -> 0.985, both at precision 1.000), run before,
between merges and after: precision 1.000, recall 0.880 before, 0.900 after.
Seventh and eighth rounds, tuned only against three new dev memory corpora by blind writers
(dev5..dev7_memory_corpus.jsonl: an inventory of request frames, athletes' own voices, a
realistic sample with near misses) and on wishes and refusals found with my own probes:
precision 1.000 before and after, recall 0.900 before, 0.920 after.
The floors guard against regressions; the targets are 0.97 each.

## blind2_memory_corpus.jsonl

A second held-out set, written in the seventh round (2026-12-06) by a writer who read only
the label format (/work/devcorpus/SPEC.md), never the code or any corpus: 90 messages (40
saves, 20 forgets of which 6 replace, 30 near-miss "none"). Scored on main before the
round's tuning was merged (4999179): precision 0.943, recall 0.833. After the round:
precision 0.964, recall 0.900. Ninth round (two new dev memory corpora by blind writers,
dev8 and dev9, and my own probes; the first set unchanged at 1.000 / 0.920): precision
0.964 -> 0.965, recall 0.900 -> 0.917.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import label

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("name", "title", "floor_precision", "floor_recall"),
    [
        ("blind_memory_corpus.jsonl", "blind memory corpus", 1.0, 0.92),
        ("blind2_memory_corpus.jsonl", "second blind memory corpus", 0.96, 0.91),
    ],
)
def test_blind_memory_corpus_holds_its_floor(
    capsys: pytest.CaptureFixture[str],
    name: str,
    title: str,
    floor_precision: float,
    floor_recall: float,
) -> None:
    text = (HERE / name).read_text()
    cases = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert len(cases) >= 60
    predicted = {c["id"]: label(detect_memory_intent(c["message"])) for c in cases}
    flagged = [c for c in cases if predicted[c["id"]] != "none"]
    positives = [c for c in cases if c["expected"] != "none"]
    hits = [c for c in flagged if predicted[c["id"]] == c["expected"]]
    precision, recall = len(hits) / max(1, len(flagged)), len(hits) / len(positives)
    misses = [
        f"  {c['id']}: {predicted[c['id']]} != {c['expected']}"
        for c in cases
        if predicted[c["id"]] != c["expected"]
    ]
    with capsys.disabled():
        print(f"\n{title}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= floor_precision and recall >= floor_recall, "\n".join(misses)
