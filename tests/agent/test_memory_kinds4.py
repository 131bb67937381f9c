"""Memory kinds from the fourth dev corpus's misses, each tested by construction.

Cases are written fresh for these tests (not copied from a corpus): corrections that point
back at a changed statement, objects that name a memory, keeping said with more verbs,
places and frames, how the coach talks as a standing directive, run-on dictated talk,
and the type and importance a memory gets. Each kind also has its look-alikes that must
stay conversation.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent
from tests.agent.memory_helpers import forgotten, saved


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("My gym moved to Elm Street, so please amend what you have about the gym", "the gym"),
        ("I switched to the 5:30 class. Please replace the old class times.", "class times"),
        ("I'm moving up to the masters category, please update my goal accordingly", "goal"),
        ("My coach changed my zones. They are now 10 beats higher. Fix your records.", "zones"),
        (
            "Sold the rower. Now I row at the club. Update.",
            "Sold the rower. Now I row at the club.",
        ),
        ("my club switched us to evenings now so update that schedule thing", "schedule thing"),
    ],
)
def test_a_correction_pointing_back_names_what_it_fixes(message: str, query: str) -> None:
    """The object says what to replace, else the changed statement does; it is the new fact."""
    found = forgotten(message)
    assert found.query == query and found.replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "my knee hurts now, change the workout",
        "it's raining now so change the plan",
        "I moved to Austin, please update your notes",
        "update me when the plan is ready",
    ],
)
def test_a_change_to_a_session_or_a_setting_is_no_correction(message: str) -> None:
    """A session is no memory, and "update your notes" after news keeps the news."""
    assert not isinstance(detect_memory_intent(message), ForgetRequest)


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("the physio signed off my ankle, you can bin that note", "physio signed off ankle"),
        ("The cycling trip is off. Drop it from my goals.", "cycling trip"),
        ("Gluten is fine for me again, please remove this restriction", "Gluten"),
        ("strike the note about my early starts", "early starts"),
        ("got my PB, so you can take that goal off", "goal"),
        ("scrap the cutting numbers", "cutting numbers"),
        ("forget it, the swimming thing", "swimming"),
        ("and that thing about my commute you can forget that now", "commute"),
        ("Forget squat depth rule.", "squat depth rule"),
    ],
)
def test_an_object_naming_a_memory_finds_what_it_names(message: str, query: str) -> None:
    """A memory noun, a kind, a place or a topic said around the pronoun names the memory."""
    assert forgotten(message).query == query


@pytest.mark.parametrize(
    "message",
    ["never mind, forget it", "you can bin that", "forget the last set", "drop it, it's fine"],
)
def test_a_pronoun_naming_nothing_forgets_nothing(message: str) -> None:
    """ "forget it" after nothing that names a memory is talk."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "new"),
    [
        ("swap the goal, new one is a 3:15 marathon", "Their goal is a 3:15 marathon."),
        ("change my goal to a sub-20 5k", "Their goal is a sub-20 5k."),
        ("scrap the macro numbers, new ones are 2600 kcal", "Their macro numbers are 2600 kcal."),
        ("change the lift days, now it's mon and thu", "Their lift days are mon and thu."),
        ("remove the Paris race from my goals and put in Berlin instead", "Berlin instead of"),
        ("forget that I prefer mornings, with the new job I can only do evenings now", "evenings"),
    ],
)
def test_a_new_value_said_with_the_forget_replaces_it(message: str, new: str) -> None:
    """ "new one is", "now it's", "put in X instead", a fact after an adverbial: the new value."""
    found = forgotten(message).replacement
    assert found is not None and new in found.content


@pytest.mark.parametrize(
    "message",
    [
        "Please forget the trail race goal. The race was cancelled and I was not picked.",
        "The note about my commute can go. I work from home and it no longer applies.",
    ],
)
def test_a_reason_for_forgetting_is_no_replacement(message: str) -> None:
    """ "I was not picked" denies nothing stored; "can go" drops, it does not correct."""
    assert forgotten(message).replacement is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("I race Ironman Zurich in July. That's the big one, please keep it in mind.", "Zurich"),
        ("half marathon PB is 1:32. that's the number to beat, hold me to it", "1:32"),
        ("I have a bad hip, throw that in your notes", "bad hip"),
        ("I only drink black coffee, pop that in my info", "black coffee"),
        ("vegan since 2019, add that to what you know about me", "since 2019"),
        (
            "I swim Tuesdays and Fridays. When you plan my week please consider it.",
            "Swims Tuesdays",
        ),
        ("my race is in May, lock that in", "race"),
        ("I'm on nights all winter, please plan around it", "nights"),
        ("I lift at 6am so keep that on the books", "6am"),
    ],
)
def test_keeping_points_back_with_many_verbs_and_places(message: str, content: str) -> None:
    """Verbs, places and complements of keeping; a fact leaning on the one before joins it."""
    assert content in saved(message).content


@pytest.mark.parametrize(
    ("message", "content"),
    [
        ("I'd also like you to keep on record that I coach kids on Saturdays", "kids"),
        ("It's worth noting that I sleep badly before races", "badly before races"),
        ("For your files: resting HR 44", "HR 44"),
        ("Three things to note for me: I'm 52, I swim, I hate rowing", "52"),
        ("something you should know: I'm deaf in one ear", "deaf"),
        ("Add this please: no running on concrete", "concrete"),
        ("Please write down somewhere that I cycle to work", "Cycles to work."),
    ],
)
def test_keeping_said_without_remember(message: str, content: str) -> None:
    """Records, worth-noting frames and labels that ask to keep what follows."""
    assert content in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "I keep that in mind when I train",
        "my kids remember that every time",
        "it's worth noting the weather was bad today",
        "add that: 3x10 squats today",
        "Things to do: buy shoes",
    ],
)
def test_keeping_look_alikes_stay_conversation(message: str) -> None:
    """A subject before the verb, a log, or a to-do list keeps nothing."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "please use plain language when you explain the lifts",
        "Short replies only.",
        "don't sugarcoat it with me",
        "Please never comment on what I eat.",
        "can you stop using so many emojis",
        "Could you be kind enough to address me as Dr Lee?",
        "you can use technical terms with me",
        "what I'd like is for you to check in with me after long runs",
    ],
)
def test_how_the_coach_talks_is_a_standing_directive(message: str) -> None:
    """The coach's way of talking to the athlete stands without "from now on"."""
    assert saved(message).memory_type == "instruction"


@pytest.mark.parametrize(
    "message",
    [
        "can you explain the deadlift to me?",
        "use simple words in today's summary",
        "call me later",
        "so many emojis lol",
        "I'm so tired",
    ],
)
def test_one_off_talk_is_no_directive(message: str) -> None:
    """A question, today's reply or a call back is no standing way of talking."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "I hate being yelled at when I miss a session",
        "I really prefer when you give me options",
        "I don't mind being pushed hard",
    ],
)
def test_how_the_athlete_likes_to_be_treated_is_kept(message: str) -> None:
    """A liking about the coach's conduct towards the athlete is a lasting preference."""
    assert isinstance(detect_memory_intent(message), MemoryRequest)


@pytest.mark.parametrize(
    "message",
    ["I hate being tired", "I don't like running when it's cold", "do you like being a coach?"],
)
def test_a_liking_about_anything_else_is_not_kept(message: str) -> None:
    """Only being treated some way by the coach stands without a request."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "content"),
    [
        (
            "so I wanted to say my job has me travelling every second week so please bear that in"
            " mind when you plan",
            "travelling every second week",
        ),
        (
            "I need a 4 hour marathon to qualify so that's the whole point keep that front and"
            " centre",
            "4 hour marathon",
        ),
        ("I can't train on Sundays please remember that when you're planning", "Sundays"),
    ],
)
def test_run_on_talk_keeps_the_statement_before(message: str, content: str) -> None:
    """Dictated talk without punctuation: the statement before the keep verb is the fact."""
    found = saved(message)
    assert content in found.content and "coach" not in found.content.lower()


@pytest.mark.parametrize(
    ("message", "memory_type", "importance"),
    [
        ("remember I row Mon and Wed evenings", "constraint", "medium"),
        ("note that my lifting slot is fixed, 6 to 7am", "constraint", "medium"),
        ("I have coeliac disease. Please never suggest anything with wheat.", "constraint", "high"),
        ("remember I'm lactose intolerant", "constraint", "high"),
        ("Goal to keep in mind: 100 km ultra next year", "goal", "medium"),
        ("note that I'm on a bulk, 3000 kcal", "goal", "medium"),
        ("remember I surf at dawn, so I'm tired for evening lifts", "context", "medium"),
        ("remember I work as an accountant", "context", "low"),
    ],
)
def test_type_and_importance_follow_what_the_memory_binds(
    message: str, memory_type: str, importance: str
) -> None:
    """Weekly fixtures are constraints, medical reasons make restrictions high, labels name goals,
    and a fact tied to the plan weighs more than a bare one."""
    found = saved(message)
    assert (found.memory_type, found.importance) == (memory_type, importance)


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("delete the 41:20, ran 40:05 last week", "41:20", "40:05"),
        ("remove the 140kg, I hit 145kg now", "140kg", "145kg"),
        ("scrap the 2:10.5, it was a typo", "2:10.5", None),
    ],
)
def test_deleting_a_value_forgets_the_memory_holding_it(
    message: str, query: str, new: str | None
) -> None:
    """A time or measure names the memory that holds it; one of its shape after is the new one."""
    found = forgotten(message)
    assert found.query == query
    content = found.replacement.content if found.replacement is not None else None
    assert content is None if new is None else new in (content or "")


@pytest.mark.parametrize("message", ["delete the 5", "remove the 3 sets", "drop the 10, it's fine"])
def test_a_bare_count_names_no_memory(message: str) -> None:
    """A bare number may be a rep, a set or a line of a log."""
    assert detect_memory_intent(message) is None
