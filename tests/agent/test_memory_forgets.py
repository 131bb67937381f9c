"""Memory rules: forget requests, their query and any replacement fact they carry."""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, detect_memory_intent
from tests.agent.memory_helpers import forgotten


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("forget that I hate burpees", "I hate burpees"),
        ("forget about my knee", "knee"),
        ("you can forget about my shoulder thing", "shoulder"),
        ("delete the memory about my shoulder", "shoulder"),
        ("remove the note about my knee surgery", "knee surgery"),
        ("stop remembering that I only have dumbbells", "I only have dumbbells"),
        ("please forget that I'm training for a marathon", "I'm training for a marathon"),
        ("forget what I said about my back", "back"),
        ("can you forget that I'm vegan?", "I'm vegan"),
        ("no need to remember my old schedule anymore", "old schedule"),
        ("delete my shoulder injury from your memory", "shoulder injury"),
        ("go ahead and forget my nickname", "nickname"),
        ("that's no longer true: I train 3 days a week", "I train 3 days a week"),
        ("forgte that i hate running", "I hate running"),
        ("I hate rowing - actually forget that", "I hate rowing"),
        ("hey coach, forget about the shoulder thing, it's healed", "shoulder"),
    ],
)
def test_forget_requests_carry_a_clean_query(message: str, query: str) -> None:
    result = forgotten(message)
    assert (result.query, result.replacement) == (query, None)


def test_forget_with_a_new_fact_carries_a_replacement_with_the_pronoun_resolved() -> None:
    result = forgotten("forget that I hate burpees, I like them now")
    assert result.query == "I hate burpees"
    assert result.replacement is not None
    assert result.replacement.content == "Likes burpees now."
    assert result.replacement.memory_type == "preference"


def test_forget_without_punctuation_still_splits_the_new_fact() -> None:
    result = forgotten("forget that I hate burpees I like them now")
    assert result.replacement is not None and result.replacement.content == "Likes burpees now."


def test_forget_with_new_equipment() -> None:
    result = forgotten("ok so forget about the dumbbells thing, I have a full home gym now")
    assert result.query == "dumbbells"
    assert result.replacement is not None
    assert result.replacement.content == "Has a full home gym now."


@pytest.mark.parametrize(
    "message",
    [
        "forget it, let's do a metcon",
        "forget about it",
        "never mind, forget it",
        "forget the burpees, let's do thrusters instead",
        "forget about today's workout, I'm too tired",
        "forget about the run, it's raining",
        "please delete my workout from yesterday",
        "remove burpees from today's workout",
        "did you forget my program?",
        "I keep forgetting my belt",
        "delete it",
    ],
)
def test_forget_look_alikes(message: str) -> None:
    assert detect_memory_intent(message) is None


def test_drop_the_old_one_is_a_forget_and_a_save() -> None:
    request = detect_memory_intent("drop the old 5k goal, it's now sub-20")
    assert isinstance(request, ForgetRequest) and request.query == "5k goal"
    assert request.replacement is not None and "sub-20" in request.replacement.content


@pytest.mark.parametrize(
    "text",
    [
        "forget the knee one",
        "delete that memory about my knee",
        "get rid of the bit about my knee",
        "ditch the stuff about my knee",
        "delete the note where I mentioned my knee",
    ],
)
def test_loose_forgets_name_their_target(text: str) -> None:
    request = detect_memory_intent(text)
    assert isinstance(request, ForgetRequest) and request.query == "knee"
    assert request.replacement is None
