"""Saves by grammar: directive frames, requests pointing back, standing directives.

Each case is a kind, written fresh for these tests (not copied from a corpus): the rules
must read the construction, whatever the words around it.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from agent.memory_rules.lead_in import lead_kind, strip_request
from agent.memory_rules.sentences import is_question, normalise
from tests.agent.memory_helpers import saved


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("is it possible to ", "polite"),
        ("would it be possible for you to ", "polite"),
        ("it'd be really helpful if you could ", "plain"),
        ("I would appreciate it if you ", "plain"),
        ("I want you ", "plain"),
        ("we need you to ", "plain"),
        ("anyway the thing I wanted to say is can you ", "polite"),
        ("I ", None),
        ("my coach used to ", None),
    ],
)
def test_directive_frames_put_a_verb_in_imperative_position(prefix: str, kind: str) -> None:
    assert lead_kind(prefix) == kind


def test_a_fact_keeps_its_words_when_the_request_after_it_is_removed() -> None:
    assert strip_request("I ride 200k a week now so could you please") == "I ride 200k a week now"


@pytest.mark.parametrize(
    "message",
    [
        "would it be possible to keep in mind that I only have a kettlebell?",
        "it'd help a lot if you remembered that I cycle to work every day",
        "I need you to know that my left ankle is weak",
        "I want you remember: I teach spin classes twice a week",
        "could you keep a record that my max heart rate is 191?",
        "kindly retain this: I am allergic to latex bands",
    ],
)
def test_keeping_verbs_in_a_directive_frame_save(message: str) -> None:
    saved(message)


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("lactose intolerant. remember.", "lactose"),
        ("NO DEADLIFTS. BAD BACK. DON'T FORGET THIS.", "DEADLIFTS"),
        ("only 2 rest days max - keep in mind", "rest days"),
        ("entered the Boston marathon!! add that to my goals", "goal"),
        ("new 5k best 21:40 ⚡ save it as my current PR", "current PR"),
        ("I'm a night nurse. please keep that on file when you plan", "nurse"),
        ("I lift at a garage gym with no rack, can you remember that about me", "garage"),
        ("bought a rower, log it under equipment", "equipment"),
        ("I get cramps in the heat, mark that down somewhere", "cramps"),
        (
            "my sister is my training partner so like can you remember that and plan for two",
            "sister",
        ),
    ],
)
def test_a_request_pointing_back_keeps_the_fact_before_it(message: str, words: str) -> None:
    assert words.lower() in saved(message).content.lower()


@pytest.mark.parametrize(
    "message",
    [
        "Ran 10k in 50:12 this morning. save that",
        "what's a good warm-up? remember that",
        "put that on sunday",
        "keep it, thanks",
        "ok. remember that",
        "should I keep in mind anything before a race?",
    ],
)
def test_pointing_back_at_a_log_a_question_or_nothing_keeps_nothing(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("whenever you build my week, keep Wednesday for swimming", "Wednesday"),
        ("each time you write me a program, add mobility at the end", "mobility"),
        ("check my sleep with me every Friday", "Friday"),
        ("reply to me in Spanish, from now always", "Spanish"),
        ("give me a finisher after strength work. that's a standing request", "finisher"),
        ("stop giving me lunges, make Tuesday an easy day always", "Tuesday"),
    ],
)
def test_a_standing_directive_is_an_instruction(message: str, words: str) -> None:
    request = saved(message)
    assert request.memory_type == "instruction" and words in request.content


@pytest.mark.parametrize(
    "message",
    [
        "just for today put the long run first",
        "this week only, include an extra rest day",
        "put the kettlebell swings at the end",
        "whenever you're ready, send me tomorrow's plan",
        "can you give me a workout with no jumping always?",
    ],
)
def test_a_one_off_or_an_unframed_directive_is_no_memory(message: str) -> None:
    assert detect_memory_intent(message) is None


def test_emoji_are_clause_boundaries_and_tags_are_no_questions() -> None:
    assert normalise("deadlift 180 🎉 save that") == "deadlift 180, save that"
    assert not is_question("no jumping on mondays ok??")
    assert is_question("is it ok?")


def test_a_weak_label_keeps_a_bare_attribute_of_a_lasting_kind() -> None:
    assert saved("note: celiac").memory_type == "constraint"
    assert detect_memory_intent("note: tired") is None


@pytest.mark.parametrize(
    ("message", "content", "memory_type"),
    [
        ("from now on no burpees", "Wants no burpees.", "instruction"),
        (
            "going forward, no running on Wednesdays please",
            "Wants no running on Wednesdays.",
            "constraint",
        ),
        (
            "From here on out no more than 45 minutes a session",
            "Wants no more than 45 minutes",
            "constraint",
        ),
    ],
)
def test_a_standing_prohibition_without_a_verb_is_saved(
    message: str, content: str, memory_type: str
) -> None:
    """A prohibition that limits the schedule binds whoever plans: a constraint."""
    request = saved(message)
    assert request.memory_type == memory_type and request.content.startswith(content)


@pytest.mark.parametrize("message", ["no burpees today", "no burpees", "I did no burpees"])
def test_a_prohibition_that_does_not_stand_is_not_saved(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("I want you to know I'm deaf", "Is deaf."),
        ("I'd like you to know my left knee is bad", "Their left knee is bad."),
        ("you should know I'm vegetarian", "Is vegetarian."),
        ("Could you store the fact that I prefer kettlebells?", "Prefers kettlebells."),
    ],
)
def test_wanting_the_coach_to_know_needs_no_that(message: str, content: str) -> None:
    assert saved(message).content == content


@pytest.mark.parametrize(
    "message", ["do you want to know my squat max?", "you know I hate burpees lol"]
)
def test_know_in_a_question_or_as_a_filler_saves_nothing(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("Don't ever schedule leg day on Fridays for me", "Doesn't want the coach to schedule"),
        ("never put runs on Mondays please", "Doesn't want the coach to put runs on Mondays"),
    ],
)
def test_a_negated_standing_directive_is_saved(message: str, content: str) -> None:
    request = saved(message)
    assert request.memory_type == "instruction" and request.content.startswith(content)


def test_a_habit_stated_with_never_is_not_a_directive() -> None:
    assert detect_memory_intent("I never skip leg day") is None


@pytest.mark.parametrize(
    "message",
    [
        "remind me what my bench PR is",
        "remind me when my race is",
        "please remind me which days I said I can train",
        "remind me how many rounds I got on Cindy",
        "tell me what my squat max is",
    ],
)
def test_asking_to_be_told_something_now_is_a_question_not_a_memory(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message", ["remind me to stretch after every run", "always remind me to hydrate"]
)
def test_a_reminder_to_do_something_is_still_an_instruction(message: str) -> None:
    assert saved(message).memory_type == "instruction"
