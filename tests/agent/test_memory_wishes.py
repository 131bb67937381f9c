"""Requests said as wishes or questions (agent/memory_rules/wish_frames.py), and their
look-alikes that keep nothing."""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten, label, saved


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("Can you make sure you always give me a warm-up before heavy days?", "warm-up"),
        ("could u make sure u never program box jumps", "box jumps"),
        ("Please make sure you always add a deload every fourth week.", "deload"),
        ("I'd appreciate it if you always kept my long runs on Sundays.", "long runs"),
        ("I'd really appreciate it if you never scheduled doubles on Mondays", "doubles"),
        ("It would help if you always checked in on Fridays.", "fridays"),
        ("I'd like you to always explain why a session is in the plan.", "explain"),
        ("i would prefer u to never mention my weight", "weight"),
    ],
)
def test_a_habit_wished_or_asked_with_make_sure_is_a_standing_request(
    message: str, needle: str
) -> None:
    request = saved(message)
    assert request.memory_type == "instruction"
    assert needle in request.content.lower()


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("Could you log this somewhere permanent? I'm allergic to ibuprofen.", "ibuprofen"),
        ("can you save this please? I only have kettlebells at home", "kettlebells"),
        ("Hey, would you note the following? My max heart rate is 186.", "186"),
    ],
)
def test_a_keep_request_asked_about_what_follows_keeps_it(message: str, needle: str) -> None:
    assert needle in saved(message).content.lower()


@pytest.mark.parametrize(
    "message",
    [
        "I'd appreciate it if you checked my squat form in this video.",  # one thing, now
        "I make sure I always warm up properly.",  # about themselves
        "Can you make sure my plan has a deload next week?",  # no habit
        "Could you save this? 5k in 24:10 this morning.",  # a session log
        "Could you log this workout?",  # nothing follows
        "It would help if you were always this quick to reply.",  # praise, no directive
    ],
)
def test_look_alikes_of_wishes_keep_nothing(message: str) -> None:
    assert label(detect_memory_intent(message)) == "none"


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("I don't want you storing my weight anymore", "weight"),
        ("i dont want u to keep my old address on file", "address"),
        ("I really do not want you to remember the divorce stuff any more.", "divorce"),
    ],
)
def test_keeping_refused_for_something_named_is_a_forget(message: str, query: str) -> None:
    assert query in forgotten(message).query.lower()


@pytest.mark.parametrize(
    "message",
    [
        "I don't want you to remember this, I'm just venting.",
        "I don't want you to keep that, it's a one-off.",
    ],
)
def test_keeping_refused_for_what_is_being_said_keeps_and_forgets_nothing(message: str) -> None:
    assert label(detect_memory_intent(message)) == "none"
