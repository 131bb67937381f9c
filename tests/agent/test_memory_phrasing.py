"""More remember/forget phrasing by kind, and how a saved memory is typed (issue 15).

Companion to test_memory_frames.py: synonyms of keeping, forward and backward references,
replace requests, reminiscing about the conversation, and the type and importance of what
is kept.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent


def saved(message: str) -> MemoryRequest:
    result = detect_memory_intent(message)
    assert isinstance(result, MemoryRequest), message
    return result


def forgotten(message: str) -> ForgetRequest:
    result = detect_memory_intent(message)
    assert isinstance(result, ForgetRequest), message
    return result


@pytest.mark.parametrize(
    "message",
    [
        # synonyms of keeping in mind
        "Please take into account that I have a bad knee",
        "factor in that I work 12 hour shifts",
        "keep track of the fact that I'm lactose intolerant",
        # gerund and conditional requests
        "would you mind remembering that I'm vegan?",
        "It would help if you remembered that I'm vegan",
        # a keeping verb with a that-clause or a place
        "can you add that I'm vegan to my profile",
        "hey can u log that I'm allergic to ibuprofen",
        "keep a note that I prefer RPE over percentages",
        "I moved to Austin, please update your notes",
        # a keeping verb pointing back at the sentence before
        "I'm a vegan. Save that.",
        "I have a bad hip. Keep that on file.",
        # a bare label sentence introducing the next one
        "Remember!!! no jumping, my knees are shot",
        # standing markers and attributes
        "starting now, I'm doing 4 days a week instead of 5",
        "Can you save my FTP as 245?",
        "rmbr I'm vegan",
    ],
)
def test_synonyms_and_references_of_keeping_save(message: str) -> None:
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "Ran 5k in 24:10. Save that.",
        "for the record, that was the hardest workout ever",
        "fyi I ran 5k this morning",
        "remember, you said I'd be sore",
        "remember that you told me to deload",
        "save the date: Oct 5 is our team party",
        "Note: the gym was packed so I cut it short",
        "change the plan to 4 days",
        "swap burpees for box jumps",
    ],
)
def test_logs_conversation_and_training_edits_are_not_saved(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("Please erase: I hate burpees", "I hate burpees"),
        ("remove this from memory: I work nights", "I work nights"),
        ("the thing about my shoulder - you can delete that", "shoulder"),
        ("that thing I told you about my back, forget it", "back"),
        ("I no longer have a home gym, please remove that from your notes", "I have a home gym"),
        ("I don't hate burpees anymore, you can forget that", "I hate burpees"),
        ("the knee note can go, it's healed", "knee"),
        ("forget everything I said about my diet", "diet"),
        ("take the note about the knee off your list", "knee"),
        ("no need to keep my old 5k time anymore", "old 5k time"),
        ("stop reminding me of my old 5k goal", "old 5k goal"),
    ],
)
def test_forget_labels_back_references_and_retractions(message: str, query: str) -> None:
    assert forgotten(message).query == query


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("replace my 5k goal with sub-19", "Their 5k goal is sub-19."),
        ("swap my old goal for a sub-3 marathon", "Their goal is a sub-3 marathon."),
        ("replace the note about my gym with: Crunch on 3rd", "Their gym is Crunch on 3rd."),
        ("scratch my old goal, new one is a sub 3 marathon", "Their goal is a sub 3 marathon."),
        ("drop the old one, it's now 3 days a week", "3 days a week."),
        ("forget about me hating burpees, I like them now", "Likes burpees now."),
    ],
)
def test_replace_requests_carry_the_new_value(message: str, content: str) -> None:
    result = forgotten(message)
    assert result.replacement is not None and result.replacement.content == content


@pytest.mark.parametrize(
    ("message", "memory_type", "importance"),
    [
        ("remember: no lifting on Fridays, that's date night", "constraint", "medium"),
        ("keep in mind I have 30 mins max on weekdays", "constraint", "medium"),
        ("keep in mind: max 3 training days a week", "constraint", "medium"),
        ("note that my commute is like an hour each way", "context", "low"),
        ("remember I'm really motivated by leaderboards", "preference", "low"),
        ("remember that when you write plans, use plain words", "instruction", "medium"),
        ("keep in mind I have sleep apnea", "constraint", "high"),
        ("remember I get shin splints on long runs", "constraint", "high"),
        ("please note I'm six weeks post-op", "constraint", "high"),
    ],
)
def test_what_is_kept_is_typed_by_kind(message: str, memory_type: str, importance: str) -> None:
    request = saved(message)
    assert (request.memory_type, request.importance) == (memory_type, importance)
