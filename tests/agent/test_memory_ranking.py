"""Memory rules: `rank_memories` picks what a turn's prompt carries, within its caps."""

from __future__ import annotations

from agent.memory_rules import rank_memories
from tests.agent.memory_helpers import NOW, memory


def test_ranking_filters_other_coaches_and_orders_by_importance_recency_usage() -> None:
    memories = [
        memory("low old", memory_id="low-old", importance="low", age_days=30),
        memory("medium old", memory_id="med-old", importance="medium", age_days=30),
        memory("medium new", memory_id="med-new", importance="medium", age_days=1),
        memory(
            "medium new used", memory_id="med-used", importance="medium", age_days=1, usage_count=5
        ),
        memory("other coach", memory_id="other", importance="high", coach_id="coach-2"),
        memory("this coach", memory_id="mine", importance="low", coach_id="coach-1", age_days=2),
    ]
    ranked = rank_memories(memories, coach_id="coach-1", now=NOW, max_count=10, max_chars=1000)
    assert [m.memory_id for m in ranked] == ["med-used", "med-new", "med-old", "mine", "low-old"]


def test_last_used_counts_as_recent() -> None:
    stale = memory("stale but used", memory_id="used", age_days=90)
    stale.metadata.last_used = NOW.isoformat()
    fresh = memory("fresh", memory_id="fresh", age_days=5)
    ranked = rank_memories([fresh, stale], coach_id="c", now=NOW, max_count=1, max_chars=500)
    assert [m.memory_id for m in ranked] == ["used"]


def test_ranking_caps_count_and_characters() -> None:
    memories = [memory(f"memory number {i:02d}", memory_id=str(i), age_days=i) for i in range(10)]
    by_count = rank_memories(memories, coach_id="c", now=NOW, max_count=3, max_chars=10_000)
    assert [m.memory_id for m in by_count] == ["0", "1", "2"]
    by_chars = rank_memories(memories, coach_id="c", now=NOW, max_count=10, max_chars=40)
    assert sum(len(m.content) for m in by_chars) <= 40 and len(by_chars) == 2


def test_high_importance_constraints_are_always_included_past_the_caps() -> None:
    injury = memory(
        "Has a bad left shoulder.",
        memory_id="injury",
        memory_type="constraint",
        importance="high",
        age_days=400,
    )
    allergy = memory(
        "Is allergic to peanuts and carries an EpiPen.",
        memory_id="allergy",
        memory_type="constraint",
        importance="high",
        age_days=300,
    )
    others = [memory(f"context {i}", memory_id=f"c{i}", age_days=i) for i in range(5)]
    ranked = rank_memories(
        [*others, injury, allergy], coach_id="c", now=NOW, max_count=1, max_chars=10
    )
    assert {m.memory_id for m in ranked} == {"injury", "allergy"}
    assert rank_memories([injury], coach_id="c", now=NOW, max_count=0, max_chars=0) == [injury]


def test_high_importance_non_constraints_still_respect_the_caps() -> None:
    goal = memory(
        "Wants to run a marathon.", memory_id="goal", memory_type="goal", importance="high"
    )
    assert rank_memories([goal], coach_id="c", now=NOW, max_count=0, max_chars=100) == []
