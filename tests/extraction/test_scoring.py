"""The scorer itself: equal answers in different spellings score alike."""

from __future__ import annotations

import pytest

from .scoring import _rounds


@pytest.mark.parametrize(("got", "want"), [("20+0", "20"), ("20", "20+0"), ("12 + 5", "12+5")])
def test_whole_rounds_score_alike_in_either_spelling(got: str, want: str) -> None:
    assert _rounds(got) == _rounds(want)


def test_different_rounds_differ() -> None:
    assert _rounds("20+1") != _rounds("20")
