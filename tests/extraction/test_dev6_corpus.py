"""The sixth dev workout corpus: 220 messages on where disciplines, run types and formats part.

Written blind to the code by another writer, on the boundaries: HIIT against circuits and
CrossFit, branded classes, functional bodybuilding, hybrid and Hyrox, walking, hiking,
rucking and backpacking, climbing, mobility, sports, swims in yards, runs whose kind is said
indirectly and WODs written many ways. Tuned against by kind, never per sentence. Scored
first at 0.929 (1014/1091 checks): discipline 0.895, format 0.886, run type 0.846. After
the boundary round (every cue scored, branded classes, a pack's load and a trip's words,
run types said indirectly, totals and bare minutes, spoken race times): 0.996
(1087/1091), discipline, format and run type 1.000. The floors guard against regressions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .scoring import load_cases, score_cases

DEV6 = Path(__file__).with_name("dev6_corpus.jsonl")
FLOOR = 0.99
DISCIPLINE_FLOOR = 0.99


def test_dev6_corpus_holds_its_floors(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_cases(DEV6)
    assert len(cases) >= 220
    report = score_cases(cases)
    with capsys.disabled():
        print("\nsixth dev workout corpus\n" + report.render())
    assert report.accuracy >= FLOOR, report.render()
    discipline = report.passed["discipline"] / report.total["discipline"]
    assert discipline >= DISCIPLINE_FLOOR, report.render()
