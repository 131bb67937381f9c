"""Memory rules: which messages are save requests, and the clean third-person fact, type,
importance, scope and tags each one yields.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.memory_rules import MemoryRequest, detect_memory_intent
from tests.agent.memory_helpers import saved


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("remember that I have a bad left shoulder", "Has a bad left shoulder."),
        ("please remember I hate burpees", "Hates burpees."),
        ("don't forget I only have dumbbells at home", "Only has dumbbells at home."),
        (
            "keep in mind I'm training for a marathon in April",
            "Is training for a marathon in April.",
        ),
        ("note that I work night shifts", "Works night shifts."),
        ("for future reference, I'm allergic to peanuts", "Is allergic to peanuts."),
        ("I want you to remember that I prefer morning workouts", "Prefers morning workouts."),
        ("make a note that I train at 6am", "Trains at 6am."),
        ("fyi for the future I can't train on Sundays", "Can't train on Sundays."),
        ("hey coach, just so you know for later, I have two kids", "Has two kids."),
        ("hey coach just so you know for later I have two kids", "Has two kids."),
        ("remember i dont like running", "Doesn't like running."),
        ("pls remeber i hate lunges", "Hates lunges."),
        ("rember that im vegetarian", "Is vegetarian."),
        ("bear in mind I travel for work a lot", "Travels for work a lot."),
        ("could you please keep in mind that I'm diabetic?", "Is diabetic."),
        ("save this to your memory: I coach soccer on Saturdays", "Coaches soccer on Saturdays."),
        ("jot down that my deadlift max is 405", "Their deadlift max is 405."),
        ("did Fran today and remember that I hate thrusters", "Hates thrusters."),
        ("I have a bad knee, please remember that.", "Has a bad knee."),
        ("I have a bad knee. Can you remember that?", "Has a bad knee."),
        ("remember my bad knee", "Has a bad knee."),
        ("don't forget about my cranky knee", "Has a cranky knee."),
        ("remember that the gym closes at 8 on weekends", "The gym closes at 8 on weekends."),
        # A colon or dash after the trigger says "this is what to remember", as "that" does.
        ("remember: the gym closes at 8", "The gym closes at 8."),
        ("Remember - the pool is shut on Mondays", "The pool is shut on Mondays."),
        ("for the record, I had ACL surgery", "Had ACL surgery."),
        # A greeting may carry a name, but "don't" is not one (regression).
        ("yo don't forget i work weekends", "Works weekends."),
        ("hey sam remember that I'm left-handed", "Is left-handed."),
    ],
)
def test_save_phrasings_yield_a_clean_fact(message: str, content: str) -> None:
    assert saved(message).content == content


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("remember I've been lifting for 10 years", "Has been lifting for 10 years."),
        ("remember I'd rather row than run", "Would rather row than run."),
        ("remember I'm not a morning person", "Is not a morning person."),
        ("remember I can't squat below parallel", "Can't squat below parallel."),
        ("remember I don't eat meat", "Doesn't eat meat."),
        ("remember I prefer short sessions", "Prefers short sessions."),
        ("remember I work from home", "Works from home."),
        ("remember I train fasted", "Trains fasted."),
        ("remember I teach yoga", "Teaches yoga."),
        ("remember I study at night", "Studies at night."),
        ("remember I go climbing on Sundays", "Goes climbing on Sundays."),
        ("remember I really love kettlebells", "Really loves kettlebells."),
        ("remember I no longer have a gym membership", "No longer has a gym membership."),
        ("remember I've got a rower at home", "Has a rower at home."),
        ("remember my knee hurts when I squat", "Their knee hurts when they squat."),
        ("remember I'm a nurse and I work nights", "Is a nurse and works nights."),
        ("remember I'm a night owl and prefer evenings", "Is a night owl and prefers evenings."),
        ("remember I hurt myself last year", "Hurt themselves last year."),
        ("remember the bike is mine", "The bike is theirs."),
        ("remember our gym has no rack", "Their gym has no rack."),
        ("remember I like you to be blunt", "Likes the coach to be blunt."),
        ("remember that you're my coach for lifting", "The coach is their coach for lifting."),
        ("remember to keep your replies short", "Wants the coach to keep replies short."),
        ("don't forget to remind me to stretch", "Wants the coach to remind them to stretch."),
        ("remember to always use kg", "Wants the coach to always use kg."),
        ("from now on, call me Champ", "Wants to be called Champ."),
        ("going forward, don't program burpees", "Doesn't want the coach to program burpees."),
        ("remember that I'm training for a race in june", "Is training for a race in June."),
    ],
)
def test_first_person_is_rewritten_in_third_person(message: str, content: str) -> None:
    assert saved(message).content == content


@settings(database=None)
@given(
    verb=st.sampled_from(["hate", "like", "love", "prefer", "enjoy", "dread", "do", "need"]),
    thing=st.sampled_from(["burpees", "my rower", "running in the rain", "my coach's plans"]),
    phrasing=st.sampled_from(
        ["remember that I {} {}", "keep in mind I {} {}", "note that I {} {}"]
    ),
)
def test_rewritten_content_never_keeps_first_person(verb: str, thing: str, phrasing: str) -> None:
    result = saved(phrasing.format(verb, thing))
    words = result.content.rstrip(".").split()
    assert not {"I", "i", "my", "me", "My"} & set(words)
    assert result.content[0].isupper() and result.content.endswith(".")


@pytest.mark.parametrize(
    ("message", "memory_type", "importance"),
    [
        ("remember that I have a bad left shoulder", "constraint", "high"),
        ("remember I'm allergic to shellfish", "constraint", "high"),
        ("remember that I'm pregnant", "constraint", "high"),
        ("remember I take blood pressure medication", "constraint", "high"),
        ("remember I had surgery on my ankle", "constraint", "high"),
        ("remember I only have dumbbells at home", "constraint", "medium"),
        ("remember I have no access to a barbell", "constraint", "medium"),
        ("remember I can only train 3 days a week", "constraint", "medium"),
        ("remember I'm training for a marathon", "goal", "medium"),
        ("remember I want to deadlift 500", "goal", "medium"),
        ("remember my goal is a sub-20 5k", "goal", "medium"),
        ("remember I'm aiming for a muscle-up by summer", "goal", "medium"),
        ("remember I hate burpees", "preference", "low"),
        ("remember my favourite lift is the snatch", "preference", "low"),
        ("remember I prefer mornings", "preference", "low"),
        ("remember to call me Champ", "instruction", "medium"),
        ("remember to remind me to hydrate", "instruction", "medium"),
        ("please always use kg", "instruction", "medium"),
        ("don't forget: don't program running for me", "instruction", "medium"),
        ("remember I work as an accountant", "context", "low"),
        ("remember that my wife is a runner too", "context", "low"),
        ("remember the last program was too hard", "feedback", "medium"),
        ("remember I liked yesterday's session", "feedback", "medium"),
        ("this is important, remember I hate burpees", "preference", "high"),
    ],
)
def test_memory_type_and_importance(message: str, memory_type: str, importance: str) -> None:
    result = saved(message)
    assert (result.memory_type, result.importance) == (memory_type, importance)


@pytest.mark.parametrize(
    ("message", "scope"),
    [
        ("remember I like you to be blunt", "coach"),
        ("remember to keep your replies short", "coach"),
        ("call me Champ", "coach"),
        ("remember the last program was too hard", "coach"),
        ("never program burpees for me", "global"),
        ("in our chats, remember I hate burpees", "coach"),
        ("remember I like being checked in on daily", "coach"),
        ("remember that I have a bad left shoulder", "global"),
        ("remember I only have dumbbells at home", "global"),
        ("remember I'm training for a marathon", "global"),
        ("remember I work nights", "global"),
        ("remember I hate burpees", "global"),
        ("never give me overhead presses, my shoulder is bad", "global"),
    ],
)
def test_scope_is_coach_only_for_this_coachs_behaviour(message: str, scope: str) -> None:
    assert saved(message).scope == scope


def test_tags_name_the_topic() -> None:
    assert set(saved("remember that I have a bad left shoulder").tags) >= {"injury", "shoulder"}
    assert set(saved("don't forget I only have dumbbells at home").tags) >= {"equipment", "home"}
    assert "running" in saved("keep in mind I'm training for a marathon").tags
    assert "schedule" in saved("remember I can only train 3 days a week").tags
    assert all(len(saved(m).tags) <= 5 for m in ("remember my back and knee and hip hurt",))


# --------------------------------------------------------------------------- not memories


@pytest.mark.parametrize(
    "message",
    [
        "do you remember what I did last week?",
        "what do you remember about me?",
        "can you remember workouts?",
        "remember when I hit 315?",
        "remember that time I puked after Murph?",
        "remember that workout?",
        "remember me?",
        "remember?",
        "did Fran in 8:57",
        "I forgot my shoes",
        "I forgot to stretch",
        "don't forget to stretch",
        "please remember to drink water",
        "I want to deadlift 500",
        "I'm going to do legs tomorrow",
        "I'll remember that",
        "if I remember right my bench was 225",
        "thanks, I'll keep that in mind",
        "I always forget to warm up",
        "you remember I hurt my back, right?",
        "note to self: buy chalk",
        "fyi I did 3 rounds",
        "I'll save that workout for later",
        "I want to compete in the future",
        "call me later",
        "use kg today",
        "my memory is terrible",
        "note: 5x5 at 225 felt easy",
        "from now on I'll try harder",
        "from now on I'm going to eat better",
        "",
        "   ",
    ],
)
def test_look_alikes_are_not_memory_requests(message: str) -> None:
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("For your notes: I am allergic to ibuprofen", "Is allergic to ibuprofen."),
        ("Profile update: I now train 4 days a week", "Now trains 4 days a week."),
        ("note for later: I'm allergic to ibuprofen", "Is allergic to ibuprofen."),
        ("save this: I've got a 10k race on June 14", "Has a 10k race on June 14."),
        ("Update your notes: I now train 4 days a week", "Now trains 4 days a week."),
        (
            "fyi for future sessions: I can't kneel on my right knee",
            "Can't kneel on their right knee.",
        ),
    ],
)
def test_a_colon_label_saves_without_remember(text: str, content: str) -> None:
    request = detect_memory_intent(text)
    assert isinstance(request, MemoryRequest) and request.content == content


@pytest.mark.parametrize(
    "text",
    [
        "remember that my left achilles gets tight on long runs",
        "my achilles is a bit cranky lately, keep that in mind",
        "heads up, my lower back has been a little tight - remember that",
        "remember my hamstring is slightly tweaked",
        "remember I can't kneel on my right knee",
    ],
)
def test_a_mild_injury_is_a_constraint(text: str) -> None:
    request = detect_memory_intent(text)
    assert isinstance(request, MemoryRequest) and request.memory_type == "constraint"
    assert not request.content.lower().startswith(("heads", "fyi"))
