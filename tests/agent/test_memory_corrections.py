"""Forgets by grammar: the whole memory, stored lists, corrections pointing back, from-to.

Each case is a kind, written fresh for these tests (not copied from a corpus).
"""

from __future__ import annotations

import pytest

from agent.memory import FORGET_ALL_LIMIT, MemoryPlanner
from agent.memory_rules import ForgetRequest, detect_memory_intent
from tests.agent.memory_helpers import forgotten, memory


@pytest.mark.parametrize(
    "message",
    [
        "wipe everything you have on me",
        "please forget all my memories",
        "delete all the info about me",
    ],
)
def test_the_whole_memory_as_object_forgets_everything(message: str) -> None:
    assert forgotten(message).everything


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("forget everything I said about cycling", "cycling"),
        ("remove what I mentioned about my divorce", "divorce"),
        ("take the ironman off my goals", "ironman"),
        ("could you delete my old lifts?", "lifts"),
        ("I no longer want you to keep my weight anymore", "weight"),
        ("the rowing thing doesn't apply anymore, you can drop it", "rowing"),
    ],
)
def test_forget_objects_name_the_memory(message: str, query: str) -> None:
    found = forgotten(message)
    assert query in found.query.lower() and not found.everything


@pytest.mark.parametrize(
    "message",
    [
        "never mind, ignore my previous message",
        "forget what I just said, typo",
        "ignore that question, I found the answer",
    ],
)
def test_the_chat_itself_is_no_memory(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("my bench max is 105 now, update that", "bench max", "105"),
        ("I said I train 5 days but it's 3 now, change it", "train", "3"),
        (
            "you know how I said I was a runner, well I'm a swimmer now so fix that",
            "runner",
            "swimmer",
        ),
        ("my race got pushed to May 9, update the date you have", "race date", "May 9"),
        ("change my goal from a 5k to a half marathon", "goal", "half marathon"),
        ("set my ftp to 260, the old one you have is wrong", "ftp", "260"),
        ("instead of remembering I'm vegan, remember I eat fish now", "vegan", "fish"),
        ("scrap the note about my hip. NOW IT IS MY KNEE, LEFT ONE.", "hip", "KNEE"),
        ("drop the nut allergy note, that was a mistake, I'm fine with nuts", "nut", "nuts"),
    ],
)
def test_corrections_forget_the_old_and_carry_the_new(message: str, query: str, new: str) -> None:
    found = forgotten(message)
    assert query.lower() in found.query.lower()
    assert found.replacement is not None and new in found.replacement.content


def test_a_reason_is_not_a_replacement() -> None:
    assert forgotten("delete the note about my shin, it's not relevant now").replacement is None


async def test_forgetting_everything_deletes_every_loaded_memory() -> None:
    stored = [memory("Vegan."), memory("Has a bad knee.", memory_type="constraint")]
    plan = await MemoryPlanner(None).plan(
        "delete everything you know about me", user_id="athlete-1", coach_id="c", existing=stored
    )
    assert plan.deletes == stored
    assert [f.content for f in plan.changes.forgotten] == ["Vegan.", "Has a bad knee."]


def test_forget_everything_is_a_forget_request() -> None:
    assert isinstance(detect_memory_intent("clear all your notes on me"), ForgetRequest)


async def test_forgetting_everything_stays_within_one_commit() -> None:
    stored = [memory(f"Fact {n}.") for n in range(FORGET_ALL_LIMIT + 3)]
    plan = await MemoryPlanner(None).plan(
        "clear all memories", user_id="athlete-1", coach_id="c", existing=stored
    )
    assert plan.deletes == stored[:FORGET_ALL_LIMIT]
    assert any("3 remain" in note for note in plan.notes)
