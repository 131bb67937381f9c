"""Memory kinds from the third dev corpus's misses, each tested by construction.

Cases are written fresh for these tests (not copied from a corpus): what type and scope a
memory gets, the verbs and labels that ask to keep, the frames that tie a directive to
this coach, and the one-offs and tasks that must stay conversation.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten, saved


@pytest.mark.parametrize(
    ("message", "scope"),
    [
        ("remember to keep your answers under 100 words", "coach"),
        ("note that I want straight talk, no pep talks", "coach"),
        ("between you and me, remember I hate lunges", "coach"),
        ("from now on don't put lunges in my week", "global"),
        ("remember to schedule my long runs on sundays", "global"),
        ("please keep in mind I have a dodgy elbow, go easy in your plans", "global"),
    ],
)
def test_coach_scope_is_how_the_coach_talks_or_a_message_tied_to_it(
    message: str, scope: str
) -> None:
    """A training directive binds any coach; the way of talking is this coach's alone."""
    assert saved(message).scope == scope


@pytest.mark.parametrize(
    ("message", "memory_type"),
    [
        ("from now on, never book sessions on tuesdays", "constraint"),
        ("remember I can do 30 minutes max on weekdays", "constraint"),
        ("note that I never want more than 3 runs a week, my shins can't take it", "constraint"),
        ("remember my sessions have to be under 50 min", "constraint"),
        ("remember my mum won't let me lift heavy until I'm 16", "constraint"),
        ("remember I'm running the Berlin marathon in September", "goal"),
        ("note that my triathlon is next summer", "goal"),
        ("remember: 10 strict pull-ups by the end of the year", "goal"),
        ("remember I'm an early bird", "preference"),
        ("remember I only eat halal and I'm sober", "constraint"),
        ("note that I ride with my club twice a week", "context"),
        ("remember I can ride twice a week at most", "constraint"),
        ("with you I need straight answers, remember that", "instruction"),
        ("save this as a goal: bodyweight 80 kg", "goal"),
        ("I like high-rep programs, save that preference", "preference"),
        ("remember my cardiologist wants my HR under 160", "constraint"),
    ],
)
def test_memory_type_follows_what_the_memory_binds(message: str, memory_type: str) -> None:
    """Limits are constraints, dated races and deadlines goals, a type the athlete names wins."""
    assert saved(message).memory_type == memory_type


@pytest.mark.parametrize(
    "message",
    [
        "log this about me: I coach swimming on weekends",
        "please put it on record that I'm a type 2 diabetic",
        "register that I train fasted in the mornings",
        "mark down that my club race is May 3",
        "could you file away that I'm a lefty?",
        "log in your notes that my FTP is 240",
        "you should know for future sessions that I had a stroke in 2021",
        "Hold onto this for me: I work 12-hour shifts",
        "lock this in: I want a sub-25 5k",
        "add this to what you know about me: I'm a firefighter",
        "tell your future self: my max HR is 188",
        "so it's stored somewhere: my vertical is 60cm",
        "pretty please remember I'm scared of heights",
        "Easy 5k done. Also please note for the future that I hate hill repeats.",
    ],
)
def test_keeping_verbs_and_labels_beyond_remember(message: str) -> None:
    """Keeping is said many ways: log, file away, lock in, hold onto, register, mark down."""
    assert saved(message).content.endswith(".")


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("for you specifically: call me Jo", "Wants to be called Jo."),
        ("in our chats keep answers brief", "Wants the coach to keep answers brief."),
        ("just for you - sign off with a joke", "Wants the coach to sign off with a joke."),
        (
            "stop programming burpees for me, permanently.",
            "Wants the coach to stop programming burpees for them.",
        ),
    ],
)
def test_a_frame_tying_a_directive_to_this_coach_makes_it_standing(
    message: str, content: str
) -> None:
    """ "In our chats …" and "for you specifically" say the directive holds from now on."""
    request = saved(message)
    assert request.content == content


@pytest.mark.parametrize(
    "message",
    [
        "skip the tempo today? just forget about it for this week",
        "forget the hills for this weekend, legs are cooked",
        "keep that going forward",
    ],
)
def test_one_offs_and_bare_pointers_are_not_memories(message: str) -> None:
    """A plan change for this week forgets nothing; "keep that" alone keeps nothing."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("don't forget to send my plan", False),
        ("remember to check my squat video", False),
        ("pls remember to email me the program", False),
        ("don't forget to send me a recap every Sunday", True),
        ("remember to check in with me after long runs", True),
    ],
)
def test_a_one_time_task_is_a_to_do_not_a_memory(message: str, kept: bool) -> None:
    """A task for the coach is an instruction to keep only when something says it recurs."""
    assert (detect_memory_intent(message) is not None) == kept


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("nvm about the triathlon, forget it", "triathlon"),
        ("ok about my old 10k time forget it", "old 10k time"),
        ("the dairy note - please delete it, I eat cheese again", "dairy"),
        ("that thing about my wrist, take it out pls", "wrist"),
        ("My weight doesn't need to be stored - delete it.", "weight"),
        ("forgettt the knee stuff", "knee"),
        ("Lift the no-jumping rule you saved", "no-jumping rule you saved"),
        ("wipe my memories", "everything"),
        ("could we forget my resting heart rate? rather not keep it", "resting heart rate"),
    ],
)
def test_forget_frames_name_their_target(message: str, query: str) -> None:
    """A fronted topic names "it"; a predicate about storing names its subject."""
    assert forgotten(message).query == query


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        (
            "update: I no longer swim on Fridays, I'm at the pool on Saturdays now",
            "swim on Fridays",
            "Is at the pool on Saturdays now.",
        ),
        (
            "correction to what you have on me: my height is 178, not 175",
            "height",
            "Their height is 178.",
        ),
        (
            "that's not true anymore, I lift at the Y now, not at home",
            "at home",
            "Lifts at the Y now.",
        ),
        (
            "I used to hate rowing but now I love it, so forget the old note and save that",
            "I hate rowing",
            "Loves rowing now.",
        ),
        ("forget my old squat note and always use kg from now on", "old squat note", None),
        (
            "Replace my bench max with 110, the 100 one is old.",
            "bench max",
            "Their bench max is 110.",
        ),
        ("Overwrite my diet preference: pescatarian, not vegan.", "diet preference", None),
        ("You have me down as a runner; that's outdated, I ride now.", "runner", "Rides now."),
        ("My saved pool is wrong - I swim at Aquatics Centre now.", "pool", None),
    ],
)
def test_corrections_forget_the_old_fact_and_keep_the_new(
    message: str, query: str, new: str | None
) -> None:
    """Correction labels, "not Y", "I used to X but now Y" and stale predicates replace."""
    request = forgotten(message)
    assert request.query == query
    if new is not None:
        assert request.replacement is not None and request.replacement.content == new
    elif "always" in message:
        assert request.replacement is not None and "kg" in request.replacement.content


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("REMEMBER I HAVE A BAD KNEE", "Has a bad knee."),
        (
            "Remember: Always use RPE for my lifts.",
            "Wants the coach to always use RPE for their lifts.",
        ),
        ("remember I need long warm-ups", "Needs long warm-ups."),
        ("remember my gym is called 'Iron Den' now", "Their gym is called 'Iron Den' now."),
        ("I don't eat pork, keep that on file for meal ideas.", "Doesn't eat pork."),
        ("note: I'm training for a 10k, please remember", "Is training for a 10k."),
        ("Mind making a note that I'd like replies in French?", "Would like replies in French."),
        ("ignore what I told you about my hip from now on", None),
    ],
)
def test_saved_text_reads_as_a_clean_fact(message: str, content: str | None) -> None:
    """No shouting, no sentence-initial capitals mid-fact, no stray quote spaces or tails."""
    result = detect_memory_intent(message)
    if content is None:
        assert result is not None and getattr(result, "query", "") == "hip"
    else:
        assert saved(message).content == content


def test_a_time_cap_on_sessions_is_a_constraint_but_a_target_time_is_a_goal() -> None:
    """ "Sessions under 40 min" limits training; "my 5k under 20 minutes" is what it aims at."""
    assert saved("remember I need sessions under 40 min").memory_type == "constraint"
    assert saved("remember I want my 5k under 20 minutes").memory_type == "goal"
