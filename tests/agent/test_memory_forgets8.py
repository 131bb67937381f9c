"""Forget and replacement kinds from the eighth dev corpus's misses, by construction.

Cases are written fresh for these tests (not copied from a corpus): forgets that point at
a stored kind or at what was told before, corrections that quote the coach's record, new
facts after a reason, a joke or with their subject dropped, and the look-alikes that drop
nothing (a question, a day put behind, a dismissal).
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("The ironman goal is dead, I sold my bike. Please remove it.", "ironman goal"),
        ("my bench target is done, hit it last week. you can delete it", "bench target"),
        (
            "I said I was lactose intolerant but it was just a bad stomach bug! "
            "Milk is fine, you can drop that",
            "lactose intolerant",
        ),
        ("coach, lo de mi espalda is outdated - pain's gone", "espalda"),
    ],
)
def test_a_forget_pointing_at_a_kind_or_at_what_was_told(message: str, query: str) -> None:
    """ "the X goal is off. remove it", "I said X but… drop that", a Spanish topic noun."""
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        (
            "remove the note about my Tuesday swim, the pool shut. I'm swimming Thursdays now.",
            "Tuesday swim",
            "Thursdays",
        ),
        ("forget my old 10k goal, smashed it! New goal: sub 45 by next spring", "10k goal", "45"),
        ("Delete what I said about hating yoga. I've warmed up to it lately", "yoga", "yoga"),
        (
            "erase the note which says I live in Leeds, the lease ended. We live in York now.",
            "I live in Leeds",
            "York",
        ),
        (
            "update: the 'no squats' note is out of date, the doc cleared me. I can squat to a box"
            " now",
            "no squats",
            "squat",
        ),
    ],
)
def test_a_forget_with_its_reason_then_the_new_fact_is_a_replacement(
    message: str, query: str, new: str
) -> None:
    """The reason after the forget ("the pool shut") is no new fact; the next sentence is."""
    request = forgotten(message)
    assert query in request.query
    assert request.replacement is not None and new in request.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "Please delete the sciatica note. It flared for a month and now it's finished.",
        "forget my old 5k time, it was on a short course. Anyway, 10k next week!",
    ],
)
def test_a_resolution_or_a_plan_after_a_forget_replaces_nothing(message: str) -> None:
    """ "now it's finished" resolves the old fact; a plan is not a new one."""
    assert forgotten(message).replacement is None


def test_a_kind_named_before_its_reason_is_what_a_pronoun_forgets() -> None:
    """ "The goal about X is off, <reason>. Please delete it." drops the goal."""
    assert "goal" in forgotten("The goal about the ultra is off, work. Please delete it.").query


def test_a_quoted_rule_is_still_named_by_its_kind() -> None:
    """ "Scrap the 'no early mornings' rule, …" names the rule in quotes."""
    assert "no early mornings" in forgotten("Scrap the 'no early mornings' rule, I'm fine").query


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("You have me down as a runner, I mostly cycle these days", "runner", "cycle"),
        ("you've got my squat max as 140, it's 150 now", "squat max", "150"),
        ("My club changed, your notes say Harriers but it's Striders now", "Harriers", "Striders"),
        ("my FTP's outdated, I'm at 260W now", "FTP", "260"),
        (
            'delete "allergic to nuts" - it was a misdiagnosis, I eat them fine',
            "allergic to nuts",
            None,
        ),
        ("forget the old bike, sold it. New bike is a Canyon Endurace", "old bike", "Canyon"),
        ("swap my long run day to Saturday instead of Sunday", "long run day", "Saturday"),
    ],
)
def test_corrections_quoting_the_record_or_naming_the_old(
    message: str, query: str, new: str | None
) -> None:
    """What the coach has them down as, a note quoted by its value, a stale attribute, a
    quoted memory, "the old X" with a new one, a value swapped "instead of" the old."""
    request = forgotten(message)
    assert query in request.query
    if new is not None:
        assert request.replacement is not None and new in request.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "you have me down as vegetarian, right?",
        "you've got me down as an early bird haha",
        "let's forget about the scale for a while and focus on how I feel",
        "don't remember the last time my legs felt this fresh",
        "my form is wrong on deadlifts, can you help?",
        "swap the run to Saturday instead of Sunday this week",
    ],
)
def test_quoting_the_record_without_a_change_forgets_nothing(message: str) -> None:
    """A question, a laugh, a break for a while, memory of a feeling, a one-off swap."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    ["🗑️ the note about my knee", "I'm not vegan, I said vegetarian, please fix that"],
)
def test_dropping_by_emoji_or_by_a_misheard_word(message: str) -> None:
    """A wastebasket emoji as the request; "I said X" corrects what was recorded."""
    forgotten(message)


def test_a_quoted_rule_after_a_log_is_still_dropped() -> None:
    """ "ran 5k! oh and you can forget the 'no running' rule now" names the rule."""
    assert (
        "no running" in forgotten("ran 5k! oh and you can forget the 'no running' rule now").query
    )


@pytest.mark.parametrize(
    ("message", "new"),
    [
        ("scratch the Friday rest day, it's Saturday now", "Saturday"),
        ("forget what I said about the keto thing, I was kidding. I eat carbs", "carbs"),
        ("that race day note is wrong, race day is 14 June", "14 June"),
        ("you can delete my old bike, got a new gravel bike", "gravel"),
    ],
)
def test_replacements_after_a_day_a_joke_a_held_subject_or_a_dropped_subject(
    message: str, new: str
) -> None:
    """A rest day as a kind, the truth after "I was kidding", "X is Y" after "the X note is
    wrong", and a new fact with its subject dropped ("got a new…")."""
    request = forgotten(message)
    assert request.replacement is not None and new in request.replacement.content


@pytest.mark.parametrize(
    "message",
    ["please delete my weight, I don't want it stored", "remove my age from your notes"],
)
def test_an_attribute_of_the_athlete_is_a_forget_target(message: str) -> None:
    """ "delete my weight" names a stored attribute; the reason replaces nothing."""
    assert forgotten(message).replacement is None


def test_a_trip_is_a_forget_target_and_a_dismissal_is_not() -> None:
    """ "forget the Spain trip, it got cancelled" drops the trip; "forget the trip, I just want
    to train" waves it away."""
    assert "trip" in forgotten("Actually forget the Lisbon trip, it got cancelled").query
    assert detect_memory_intent("forget the trip, I just want to train hard") is None
