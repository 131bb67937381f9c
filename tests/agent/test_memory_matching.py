"""Memory rules: `best_match` finds the memory a forget request names."""

from __future__ import annotations

import pytest

from agent.memory_rules import best_match
from tests.agent.memory_helpers import forgotten, memory

MEMORIES = [
    memory("Has a bad left shoulder.", memory_id="shoulder"),
    memory("Hates burpees.", memory_id="burpees"),
    memory("Only has dumbbells at home.", memory_id="dumbbells"),
    memory("Is training for a marathon in April.", memory_id="marathon"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shoulder", "shoulder"),
        ("shoulder thing", "shoulder"),
        ("shoulder injury", "shoulder"),
        ("my shoulders", "shoulder"),
        ("I hate burpees", "burpees"),
        ("burpee", "burpees"),
        ("dumbbells", "dumbbells"),
        ("I only have DBs", "dumbbells"),
        ("marathon", "marathon"),
        ("knee", None),
        ("my left knee", None),
        ("running", None),
        ("I like burpees", None),
        ("", None),
    ],
)
def test_best_match(query: str, expected: str | None) -> None:
    result = best_match(query, MEMORIES)
    assert (result[0].memory_id if result else None) == expected


def test_best_match_scores_and_threshold() -> None:
    result = best_match("shoulder", MEMORIES)
    assert result is not None and result[1] == 1.0
    assert best_match("shoulder surgery", MEMORIES, threshold=0.9) is None
    # "bad" and "injury" are one word to the rules: a bad shoulder is a shoulder injury.
    assert best_match("shoulder injury", MEMORIES, threshold=0.9) is not None
    assert best_match("shoulder", []) is None


def test_forget_end_to_end_removes_only_the_matching_memory() -> None:
    knee = forgotten("forget about my knee")
    assert best_match(knee.query, MEMORIES) is None
    shoulder = forgotten("you can forget about my shoulder thing")
    match = best_match(shoulder.query, MEMORIES)
    assert match is not None and match[0].memory_id == "shoulder"


@pytest.mark.parametrize(
    ("query", "stored", "kind"),
    [
        ("deadlift goal", "A 200kg deadlift by June.", "goal"),
        ("the rule about burpees", "Never program burpees.", "instruction"),
        ("my running limit", "No more than 3 runs a week.", "constraint"),
    ],
)
def test_a_word_naming_the_kind_of_memory_counts_as_found_in_a_memory_of_that_kind(
    query: str, stored: str, kind: str
) -> None:
    target = memory(stored, memory_type=kind)  # type: ignore[arg-type]
    other = memory("Prefers morning sessions.", memory_type="preference")
    found = best_match(query, [other, target])
    assert found is not None and found[0] is target


def test_a_kind_word_does_not_match_a_memory_of_another_kind() -> None:
    stored = memory("A 200kg deadlift by June.", memory_type="context")
    assert best_match("deadlift goal", [stored]) is None


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("the thing about my training time", "Trains at 5am."),
        ("my gym time", "Goes to the gym at 6:30 before work."),
        ("the note on my run hour", "Runs at 7pm on weekdays."),
    ],
)
def test_a_word_naming_a_time_counts_as_found_in_a_memory_that_holds_a_clock(
    query: str, stored: str
) -> None:
    target = memory(stored, memory_type="context")
    other = memory("Trains with a heart rate monitor.", memory_type="context")
    found = best_match(query, [other, target])
    assert found is not None and found[0] is target


def test_a_time_word_is_not_found_in_a_memory_without_a_clock() -> None:
    stored = memory("Hates treadmill runs.", memory_type="preference")
    assert best_match("my run time", [stored]) is None
