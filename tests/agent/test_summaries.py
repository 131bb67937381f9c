"""Summaries that summarise, and conversation titles, by rules (no model, no store)."""

from __future__ import annotations

import re
from datetime import date
from itertools import count

import pytest

from agent.summary_rules import (
    SummaryInputs,
    SummaryOut,
    extractive_summary,
    settle,
    without_forgotten,
)
from agent.titles import MAX_WORDS, rule_title
from storage.models import (
    KeyFacts,
    Memory,
    MemoryMetadata,
    MemoryType,
    Message,
    Summary,
    SummaryData,
    WorkoutRecord,
)

_ids = count()
TODAY = date(2025, 3, 10)


def said(*texts: str) -> list[Message]:
    """User messages, each followed by a short coach reply."""
    out: list[Message] = []
    for text in texts:
        for role, content in (("user", text), ("assistant", "Noted.")):
            out.append(
                Message(
                    message_id=f"m-{next(_ids):04d}",
                    conversation_id="c",
                    coach_id="k",
                    role=role,  # type: ignore[arg-type]
                    content=content,
                    timestamp="2025-03-10T08:00:00Z",
                )
            )
    return out


def memory(content: str, memory_type: MemoryType, *tags: str) -> Memory:
    return Memory(
        memory_id=f"mem-{next(_ids)}",
        user_id="u",
        content=content,
        memory_type=memory_type,
        metadata=MemoryMetadata(tags=list(tags)),
    )


def workout(day: str, summary: str) -> WorkoutRecord:
    return WorkoutRecord(
        workout_id=f"{day.replace('-', '')}-{next(_ids)}",
        user_id="u",
        date=day,
        discipline="running",
        workout_data={},
        summary=summary,
    )


def previous(**facts: list[str]) -> Summary:
    return Summary(
        summary_id="s",
        user_id="u",
        coach_id="k",
        conversation_id="c",
        summary_text="",
        structured_data=SummaryData(key_facts=KeyFacts(**facts)),
    )


def summarise(
    *texts: str,
    memories: list[Memory] | None = None,
    workouts: list[WorkoutRecord] | None = None,
    before: Summary | None = None,
) -> SummaryOut:
    return extractive_summary(SummaryInputs(before, said(*texts), memories or [], workouts or []))


def all_facts(out: SummaryOut) -> list[str]:
    return [item for _, items in out.key_facts for item in items]


def test_facts_are_third_person_not_the_athletes_sentences() -> None:
    out = summarise(
        "I hate burpees and I can only train mornings before work.",
        "I'd love to get my 5k under 20 minutes this year",
    )
    assert out.key_facts.preferences == ["Hates burpees."]
    assert out.key_facts.schedule_context == ["Can only train mornings before work."]
    assert out.key_facts.current_goals == ["Would love to get their 5k under 20 minutes this year."]
    for fact in [*all_facts(out), out.narrative_summary]:
        assert not re.search(r"\b(?:I|my|I'm|me)\b", fact), fact


def test_goals_and_constraints_come_from_the_stored_memories() -> None:
    out = summarise(
        "what should I do today?",
        memories=[
            memory("Is training for the Boston marathon.", "goal"),
            memory("Has a bad left knee.", "constraint", "knee"),
            memory("Trains only on weekday mornings.", "constraint", "schedule"),
            memory("Prefers short replies.", "instruction"),
            memory("Has two kids.", "context"),
        ],
    )
    assert out.key_facts.current_goals == ["Is training for the Boston marathon."]
    assert out.key_facts.constraints == ["Has a bad left knee."]
    assert out.key_facts.schedule_context == ["Trains only on weekday mornings."]
    assert out.key_facts.preferences == ["Prefers short replies."]
    assert "Boston marathon" in out.narrative_summary


def test_a_stated_goal_that_restates_a_memory_is_listed_once() -> None:
    out = summarise(
        "I'm training for the Boston marathon",
        memories=[memory("Is training for the Boston marathon.", "goal")],
    )
    assert out.key_facts.current_goals == ["Is training for the Boston marathon."]


def test_workouts_come_from_the_log_not_the_text() -> None:
    assert summarise("ran 8 miles easy yesterday in 1:12:00").key_facts.recent_progress == []
    logged = summarise(
        "ran 8 miles easy yesterday in 1:12:00",
        workouts=[workout("2025-03-09", "8 mi easy run in 1:12:00 (9:00/mi)")],
        before=previous(recent_progress=["2025-03-01: 5 km run"]),
    )
    assert logged.key_facts.recent_progress == [
        "2025-03-09: 8 mi easy run in 1:12:00 (9:00/mi)",
        "2025-03-01: 5 km run",
    ]
    # A workout message is not a fact about the athlete's goals or limits.
    assert logged.key_facts.constraints == logged.key_facts.current_goals == []


def test_a_forgotten_fact_leaves_the_summary() -> None:
    before = previous(
        constraints=["Has a bad left knee.", "Only has dumbbells at home."],
        current_goals=["Wants a sub-20 5k."],
    )
    out = summarise("forget the knee thing, it's fine now", before=before)
    assert out.key_facts.constraints == ["Only has dumbbells at home."]
    assert out.key_facts.current_goals == ["Wants a sub-20 5k."]
    assert "knee" not in out.narrative_summary


def test_a_fact_stated_after_its_forget_stays() -> None:
    out = summarise(
        "I hate burpees",
        "forget that I hate burpees",
        "I hate burpees again",
    )
    assert out.key_facts.preferences == ["Hates burpees again."]


def test_small_talk_is_never_an_action_item() -> None:
    out = summarise(
        "hey coach! how was your weekend?",
        "how should I pace my long runs?",
        "thanks!! how are you doing?",
    )
    assert out.action_items == ["Answer: how should they pace their long runs?"]
    assert all_facts(out) == []


def test_a_models_summary_passes_the_same_rules() -> None:
    inputs = SummaryInputs(
        previous(constraints=["Has a bad left knee."]),
        said("forget the knee note"),
        [memory("Wants to run a sub-3 marathon.", "goal")],
        [workout("2025-03-09", "10 km run")],
    )
    answer = SummaryOut(
        narrative_summary="Sam runs.",
        key_facts=KeyFacts(
            constraints=["Has a bad left knee."],
            current_goals=["Wants to run a sub-3 marathon"],
            recent_progress=["Ran 12 km on Sunday"],
        ),
        action_items=["Ask how the weekend was", "Send a taper plan"],
    )
    out = settle(answer, inputs)
    assert out.key_facts.constraints == []
    assert out.key_facts.current_goals == ["Wants to run a sub-3 marathon."]
    assert out.key_facts.recent_progress == ["2025-03-09: 10 km run"]
    assert out.action_items == ["Send a taper plan"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("hey coach!", None),
        ("thanks, have a good weekend", None),
        ("keep in mind I'm training for a marathon in April", "Training for a marathon in April"),
        ("ran 8 miles easy yesterday in 1:12:00", "8 mi easy run"),
        ("hi! back squat 5x5 at 100kg", "Back squat 5×5 @ 100 kg"),
        ("Fran in 8:57 at 95 lb", "Fran"),
        ("how should I pace my long runs?", "How should I pace my long runs?"),
        ("Quick question: can I run on a sore calf?", "Can I run on a sore calf?"),
    ],
)
def test_a_title_names_the_first_substantive_exchange(text: str, title: str | None) -> None:
    assert rule_title(text, TODAY) == title


def test_a_long_first_message_gives_a_short_title() -> None:
    title = rule_title(
        "So what do you think about doing two-a-days during a deload week when I travel?", TODAY
    )
    assert title is not None and title.endswith("…")
    assert len(title.split()) <= MAX_WORDS


def test_forgetting_takes_out_only_what_states_the_forgotten_fact() -> None:
    facts = KeyFacts(
        current_goals=["Training for a sub-20 5k in June", "Deadlift 200 kg"],
        preferences=["Trains in the mornings"],
    )
    summary = Summary(
        summary_id="s",
        user_id="u",
        coach_id="c",
        conversation_id="v",
        summary_text="The athlete is training for a sub-20 5k in June. Mornings suit them.",
        structured_data=SummaryData(key_facts=facts, action_items=["Plan the 5k taper"]),
    )

    left = without_forgotten(summary, ["Training for a sub-20 5k in June"])

    assert left is not None
    assert left.summary_text == "Mornings suit them."
    assert left.structured_data.key_facts.current_goals == ["Deadlift 200 kg"]
    assert left.structured_data.key_facts.preferences == ["Trains in the mornings"]
    assert left.structured_data.action_items == ["Plan the 5k taper"]
    assert without_forgotten(left, ["Training for a sub-20 5k in June"]) is None
    assert without_forgotten(summary, ["a fact never stated"]) is None
