"""The fifth dev workout corpus: 180 messages by 25 invented athletes, on dates and counts.

Written blind to the code, each athlete in their own voice, about when sessions happened and
how many a message logs: numeric dates in the athlete's locale, foreign day names, holidays,
posts after midnight, week recaps, AM/PM doubles, passing mentions of other days, logs mixed
with plans. Scored first at 0.810 (809/999 checks; date 0.762, count 0.813, non-log
precision 0.742, recall 0.767). After the dates round (numeric dates in the athlete's
locale, foreign day names, posts after midnight, lists of days, per-line and per-clause
dates, passing mentions, plans inside logs, split-only gym sessions): 0.971 (970/999; date
0.986, count 0.967, non-log precision 0.909, recall 1.000). The floors guard against
regressions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .scoring import load_cases, score_cases

DEV5 = Path(__file__).with_name("dev5_corpus.jsonl")
FLOOR = 0.965
DATE_FLOOR = 0.98
COUNT_FLOOR = 0.96


def test_dev5_corpus_holds_its_floors(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_cases(DEV5)
    assert len(cases) >= 180
    report = score_cases(cases)
    with capsys.disabled():
        print("\nfifth dev workout corpus\n" + report.render())
    assert report.accuracy >= FLOOR, report.render()
    for name, floor in (("date", DATE_FLOOR), ("count", COUNT_FLOOR)):
        assert report.passed[name] / report.total[name] >= floor, report.render()
