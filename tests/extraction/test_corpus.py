"""Accuracy on the labelled corpus: field-level checks and non-log precision.

The report is printed on every run (and repeated in the message when the test fails).
"""

from __future__ import annotations

import pytest

from extraction import extract

from .scoring import Report, load_cases, score_case

MIN_ACCURACY = 0.90
MIN_NONLOG_PRECISION = 0.97


def test_corpus_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load_cases()
    assert len(cases) >= 150
    report = Report()
    for case in cases:
        workouts = extract(case.message, today=case.today, tz=case.tz, units=case.units)
        score_case(report, case, workouts)
    summary = report.render()
    with capsys.disabled():
        print("\n" + summary)
    failures = "\n".join(f"  {case_id}: {detail}" for case_id, detail in report.failures[:40])
    assert report.accuracy >= MIN_ACCURACY, f"{summary}\n{failures}"
    assert report.nonlog_precision >= MIN_NONLOG_PRECISION, f"{summary}\n{failures}"
    assert report.nonlog_recall >= MIN_NONLOG_PRECISION, f"{summary}\n{failures}"
