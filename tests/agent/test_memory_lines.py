"""A request on its own line reads as after a full stop: phone messages break lines where
they would put one ("no rower at my gym" / "keep that in your notes")."""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent


@pytest.mark.parametrize(
    "message",
    [
        "no rower or ski erg at my gym\nkeep that in your notes",
        "Comp prep starts in January for my first show\nremember that",
        "my left achilles flares up on hills\nplease keep it in mind",
    ],
)
def test_a_keep_request_on_the_next_line_points_back(message: str) -> None:
    assert isinstance(detect_memory_intent(message), MemoryRequest)
    assert isinstance(detect_memory_intent(message.replace("\n", ". ")), MemoryRequest)


def test_a_forget_on_the_next_line_names_its_target() -> None:
    found = detect_memory_intent("physio's cleared me\nditch the labrum restriction")
    assert isinstance(found, ForgetRequest) and "labrum" in found.query


def test_lines_of_a_session_log_keep_nothing() -> None:
    assert detect_memory_intent("squats 5x5 @ 140\nbench 3x8 @ 90\nfelt strong") is None
