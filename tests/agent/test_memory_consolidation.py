"""Memory rules: `consolidate` decides whether a new fact is added, updates, replaces or
deletes a stored memory, or is nothing new.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import MemoryDecision, consolidate
from tests.agent.memory_helpers import memory, request


def decide(new: str, *old: str) -> MemoryDecision:
    return consolidate(request(new), [memory(c, memory_id=f"m{i}") for i, c in enumerate(old)])


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Has a bad left shoulder.", "Has a bad left shoulder."),
        ("has a bad left shoulder", "Has a bad left shoulder."),
        ("Has a bad shoulder (left).", "Has a bad left shoulder."),
        ("Has a bad left shoulder.", "Has a bad left shoulder, it hurts on overhead presses."),
    ],
)
def test_duplicates_are_none(new: str, old: str) -> None:
    decision = decide(new, "Hates burpees.", old)
    assert decision.action == "NONE"
    assert decision.target is not None and decision.target.content == old


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Likes training in the mornings.", "Prefers morning workouts."),
        ("Enjoys outdoor runs.", "Loves running outdoors."),
        ("Likes evening sessions best.", "Prefers to train in the evening."),
        ("Prefers brief answers.", "Likes short replies."),
        ("Their left knee is injured.", "Has a bad left knee."),
        ("Burpees are their least favourite.", "Hates burpees."),
        ("Their long runs are on Sunday.", "Likes to do their long run on Sundays."),
    ],
)
def test_the_same_fact_in_other_words_is_not_saved_twice(new: str, old: str) -> None:
    decision = decide(new, "Works as a nurse.", old)
    assert decision.action == "NONE"
    assert decision.target is not None and decision.target.content == old


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Has a bad right knee.", "Has a bad left knee."),
        ("Loves cycling outdoors.", "Loves running outdoors."),
        ("Hates lunges.", "Hates burpees."),
        ("Likes detailed workout plans.", "Likes short replies."),
    ],
)
def test_a_fact_of_the_same_kind_is_its_own_memory(new: str, old: str) -> None:
    """The other knee or another sport is neither a duplicate nor a refinement to merge."""
    assert decide(new, old).action == "ADD"


def test_a_changed_preferred_time_replaces_the_old() -> None:
    decision = decide("Prefers evening workouts.", "Prefers morning workouts.")
    assert (decision.action, decision.content) == ("UPDATE", "Prefers evening workouts.")


def test_refinement_updates_with_the_richer_content() -> None:
    decision = decide(
        "Has a bad left shoulder, it hurts on overhead presses.", "Has a bad left shoulder."
    )
    assert decision.action == "UPDATE"
    assert decision.content == "Has a bad left shoulder, it hurts on overhead presses."
    assert decision.reason.startswith("refined")


def test_partial_refinement_is_merged() -> None:
    decision = decide("Their left shoulder hurts on overhead presses.", "Has a bad left shoulder.")
    assert decision.action == "UPDATE"
    assert decision.content is not None
    assert decision.content.startswith("Has a bad left shoulder; ")
    assert "overhead presses" in decision.content


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Likes burpees.", "Hates burpees."),
        ("Likes burpees now.", "Hates burpees."),
        ("Trains 5 days a week.", "Trains 3 days a week."),
        ("Has a full home gym now.", "Only has dumbbells at home."),
        ("Can do pull-ups now.", "Can't do pull-ups."),
        ("Wants to be called Big Dog.", "Wants to be called Champ."),
        ("Is training for a half marathon in May.", "Is training for a marathon in April."),
    ],
)
def test_contradictions_replace_the_old_content(new: str, old: str) -> None:
    decision = decide(new, "Works as a nurse.", old)
    assert decision.action == "UPDATE"
    assert decision.target is not None and decision.target.content == old
    assert decision.content == new
    assert decision.reason.startswith("replaced")


def test_a_retraction_deletes() -> None:
    decision = decide("No longer has a bad knee.", "Has a bad knee.")
    assert decision.action == "DELETE"
    assert decision.target is not None and decision.target.content == "Has a bad knee."
    assert decision.content is None


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Likes cycling.", "Likes running."),
        ("Has a bad right knee.", "Has a bad left shoulder."),
        ("Is allergic to peanuts.", "Is vegan."),
        ("Is training for a marathon in April.", "Hates burpees."),
    ],
)
def test_unrelated_memories_are_added(new: str, old: str) -> None:
    decision = decide(new, old)
    assert (decision.action, decision.target, decision.content) == ("ADD", None, new)


def test_add_into_an_empty_store() -> None:
    assert decide("Hates burpees.").action == "ADD"
