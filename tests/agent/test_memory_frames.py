"""Save frames of remember/forget phrasing, one kind per test (issue 15).

Each test names a kind of phrasing, not a sentence: the examples vary the verb, the
politeness, the object and the place so that a rule fitting one sentence fails here.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent
from agent.memory_rules.labels import lasting, split_label


def saved(message: str) -> MemoryRequest:
    result = detect_memory_intent(message)
    assert isinstance(result, MemoryRequest), message
    return result


@pytest.mark.parametrize(
    ("message", "content"),
    [
        # a verb of keeping in imperative position, with or without an object
        ("Store this pls: the pool near work is 50 metres", "The pool near work is 50 metres."),
        ("save for later: my resting heart rate is 52", "Their resting heart rate is 52."),
        ("write this down: I'm lactose intolerant", "Is lactose intolerant."),
        ("note it down: I hate early sessions", "Hates early sessions."),
        ("📌 pin this: my race is on June 3", "Their race is on June 3."),
        ("remember this one: Chicago is my A race", "Chicago is their A race."),
        # a place memories go, or a time they are for
        ("add to my profile: vegan", "Vegan."),
        ("put this in your notes: I coach kids on Saturdays", "Coaches kids on Saturdays."),
        ("for all future workouts: I have no barbell", "Has no barbell."),
        ("heads up for the future: I'm moving abroad in June", "Is moving abroad in June."),
        # code-switched verbs of keeping
        ("anota esto: I'm training for a 10k", "Is training for a 10k."),
    ],
)
def test_a_keeping_label_saves_what_follows(message: str, content: str) -> None:
    assert saved(message).content == content


def test_a_label_after_a_comma_keeps_its_lead_in_as_part_of_the_fact() -> None:
    request = saved("New goal for the spring, please save it: a strict muscle-up")
    assert request.content == "New goal for the spring: a strict muscle-up."
    assert request.memory_type == "goal"


@pytest.mark.parametrize(
    "message",
    [
        "note: squatted 5x5 at 100kg, felt easy",
        "Note: I ran 10k this morning",
        "fyi: did the hill session yesterday",
        "note to self: buy new shoes tomorrow",
        "Note to self: book the physio",
        "Workout: 5 rounds for time",
        "I finished at 8:57: new PR",
        "fyi: is it ok to run on a sore calf?",
    ],
)
def test_a_log_or_self_note_under_a_label_is_not_a_request(message: str) -> None:
    assert detect_memory_intent(message) is None


def test_a_note_to_self_addressed_to_the_coach_is_a_request() -> None:
    assert saved("note to self for coach: keep warm-ups under ten minutes").memory_type in {
        "instruction",
        "preference",
    }


def test_split_label_tells_strong_from_weak() -> None:
    assert split_label("save this: my FTP is 250") == ("", "my FTP is 250", "strong")
    assert split_label("FYI: my FTP is 250") == ("", "my FTP is 250", "weak")
    assert split_label("at 8:57 I finished") is None
    assert not lasting("ran 5k today in 24:10") and lasting("my FTP is 250")


@pytest.mark.parametrize(
    "message",
    [
        "please note I'm recovering from a broken wrist",
        "Could you note my gym closes at 9 on weekdays",
        "please save that I'm allergic to latex",
        "store that my max heart rate is 190",
    ],
)
def test_note_and_save_take_a_clause_without_that(message: str) -> None:
    saved(message)


def test_note_without_that_does_not_keep_a_session_log() -> None:
    assert detect_memory_intent("please note I did 3x5 at 100 today") is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        (
            "I have a pacemaker, please keep that in mind when you plan intervals",
            "Has a pacemaker.",
        ),
        ("my gym has no rower. Keep it in mind for conditioning days", "Their gym has no rower."),
    ],
)
def test_keep_that_in_mind_refers_back_past_its_qualifier(message: str, content: str) -> None:
    assert saved(message).content == content


# --------------------------------------------------------------------------- forget frames


def forgotten(message: str) -> ForgetRequest:
    result = detect_memory_intent(message)
    assert isinstance(result, ForgetRequest), message
    return result


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        # a phrase naming a memory, then a predicate saying it no longer holds
        ("the note about my pool is out of date, it's the YMCA now", "pool", "Their pool is"),
        ("that memory about my bike is wrong - it's a Canyon now", "bike", "Their bike is"),
        ("the 10k PR you have saved is wrong: 41:30 not 43:00", "10k PR", "Their 10k PR is 41:30."),
        ("hey, the race date you noted is outdated, it's May 4", "race date", "May 4"),
    ],
)
def test_a_stale_note_is_a_forget_with_its_new_value(message: str, query: str, new: str) -> None:
    result = forgotten(message)
    assert result.query == query
    assert result.replacement is not None and new in result.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "update the bench max you have, it's 100kg now",
        "please correct the note about my job, I'm a teacher now",
        "change the FTP you saved, it's 260",
    ],
)
def test_updating_a_named_memory_is_a_forget_and_a_save(message: str) -> None:
    assert forgotten(message).replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "the plan you sent is wrong, I asked for 4 days",
        "is the note about my knee wrong?",
        "my squat is wrong, my hips shoot up",
        "update me on the plan for next week",
        "can you change tomorrow's session to a run?",
        "fix my deadlift form please",
    ],
)
def test_corrections_of_things_that_are_not_memories_are_not_forgets(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("stop keeping track of my body fat", "body fat"),
        ("please stop tracking my weight", "weight"),
        ("unsave the note about my work trips", "work trips"),
        ("don't remember the gluten thing anymore", "gluten"),
        ("my ankle is fine now, no need to keep that note", "ankle"),
        ("my wrist has been good for months, you don't have to store that anymore", "wrist"),
        ("please delete my goal of a sub-4 marathon", "goal of sub-4 marathon"),
        ("forget the no-dairy rule", "no-dairy rule"),
        ("forget I told you about my ex", "ex"),
    ],
)
def test_negated_keeping_and_named_kinds_are_forgets(message: str, query: str) -> None:
    assert forgotten(message).query == query


@pytest.mark.parametrize(
    "message",
    [
        "never mind, forget I asked",
        "forget I said anything",
        "you don't need to keep it short",
        "I don't remember my 5k time",
        "don't remember to stretch, just do it",
    ],
)
def test_dismissals_and_other_keeping_are_not_forgets(message: str) -> None:
    assert not isinstance(detect_memory_intent(message), ForgetRequest)


@pytest.mark.parametrize(
    "message",
    [
        "delete the note about my gym, I cancelled the membership",
        "drop the thing about the Paris marathon, I pulled out",
        "forget about my knee, it's fine now",
        "wipe the memory about my weight, I don't want it stored",
        "forget the no-sugar rule, I miss cake",
        "remove my goal of a 200kg squat, not chasing that anymore",
    ],
)
def test_a_reason_for_forgetting_is_not_a_replacement(message: str) -> None:
    assert forgotten(message).replacement is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("forget that I hate lunges, I love them", "Loves lunges."),
        ("delete the note about my gym, I train at home now", "Trains at home now."),
        (
            "scratch the 5am thing, my mornings are free these days",
            "Their mornings are free these days.",
        ),
    ],
)
def test_a_changed_fact_is_a_replacement(message: str, content: str) -> None:
    result = forgotten(message)
    assert result.replacement is not None and result.replacement.content == content
