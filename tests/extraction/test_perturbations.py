"""What athletes put around a message does not change what it logs.

Every dev corpus is read again with a greeting before it, an opener ("quick update - "), a
request for the coach's view after it (" Thoughts?", on a new line too), an emoji, or in
capitals. The field checks and the non-log figures must stay where the plain text puts
them: a rule that only holds on the text as written is a rule tuned to that text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from tests.extraction.scoring import Report, load_cases, score_cases

CORPORA = sorted(Path(__file__).parent.glob("dev*_corpus.jsonl"))
PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "greeting": lambda m: "Hey coach! " + m,
    "opener": lambda m: "quick update - " + m,
    "thoughts": lambda m: m + " Thoughts?",
    "thoughts on a new line": lambda m: m + "\nthoughts?",
    "emoji after": lambda m: m + " 💪🔥",
    "capitals": str.upper,
}


@cache
def _scored(name: str | None) -> Report:
    cases = [case for path in CORPORA for case in load_cases(path)]
    if name is not None:
        change = PERTURBATIONS[name]
        cases = [dataclasses.replace(c, message=change(c.message)) for c in cases]
    return score_cases(cases)


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_what_surrounds_a_message_changes_nothing_it_logs(name: str) -> None:
    plain, changed = _scored(None), _scored(name)
    assert changed.accuracy >= plain.accuracy - 0.005, changed.render()
    assert changed.nonlog_recall >= plain.nonlog_recall - 0.01, changed.render()
    assert changed.nonlog_precision >= plain.nonlog_precision - 0.01, changed.render()
