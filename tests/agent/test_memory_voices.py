"""Memory kinds from the sixth dev corpus's misses (athletes in their own voices), by construction.

Cases are written fresh for these tests (not copied from a corpus): dictated punctuation,
requests buried in chatty messages, forgets and replacements told in natural talk, standing
requests said around the directive, and the type and importance SPEC gives medical news.
Each kind has look-alikes that must stay conversation.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import ForgetRequest, MemoryRequest, detect_memory_intent
from agent.memory_rules.dictation import punctuate_dictation
from tests.agent.memory_helpers import forgotten, saved


@pytest.mark.parametrize(
    ("spoken", "typed"),
    [
        ("hey coach period knee is sore comma note that", "hey coach. knee is sore, note that"),
        ("is that ok question mark", "is that ok?"),
        ("done for today full stop", "done for today."),
        ("the week before my period I'm wrecked", "the week before my period I'm wrecked"),
        ("rest period of 90 seconds between sets", "rest period of 90 seconds between sets"),
        ("a busy period at work comma sorry", "a busy period at work, sorry"),
    ],
)
def test_dictated_punctuation_becomes_marks_but_nouns_stay(spoken: str, typed: str) -> None:
    """A spoken mark is punctuation; "my period", "rest period", "a busy period" are nouns."""
    assert punctuate_dictation(spoken) == typed


@pytest.mark.parametrize(
    "message",
    [
        "coach period I work nights at the depot comma so no sessions before noon period"
        " put that in my file",
        "quick one period from now on can you send my plan on Sunday evenings period thanks",
    ],
)
def test_a_dictated_request_is_found_inside_its_run_on(message: str) -> None:
    saved(message)


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("the knee thing is sorted, you can take it off", "knee"),
        ("Let's scrap the sub-20 goal, I'm not racing this year", "sub-20 goal"),
        ("update on the ankle thing - all healed, you can remove it", "ankle"),
        ("you can bin the no-pull-ups-above-70% note now", "no-pull-ups-above-70%"),
        ("the mon/wed swim thing is out of date", "mon/wed swim"),
        ("the 5 on 2 off thing you've got is wrong, it's 4 on 3 off now", "5 on 2"),
        ("Bad news, the trip got cancelled. Please remove this goal, I'll pick another.", "trip"),
    ],
)
def test_a_forget_in_natural_talk_names_what_it_drops(message: str, query: str) -> None:
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    ("message", "query"),
    [
        (
            "Squad is now Thursday nights, not Tuesdays. Saturday stays the same. Update that pls.",
            "Squad",
        ),
        ("I switched from the Garmin to a Coros. Can you update that bit?", "the Garmin"),
        (
            "I've started eating meat again so I'm not veggie now. Could you fix that in my file?",
            "I've started eating meat again",
        ),
        (
            "My club moved pools, so the race is now in May instead. Swap it over for me?",
            "race",
        ),
    ],
)
def test_news_before_an_update_request_replaces_what_it_changes(message: str, query: str) -> None:
    """Past asides on what stays the same, polite or rising-tone requests still act."""
    found = forgotten(message)
    assert query in found.query and found.replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "I moved to days now, so the night shift note is out of date",
        "We train at the new barn now, so the gym stuff is old news, please replace it with that",
    ],
)
def test_a_stale_note_takes_the_change_told_first_as_its_replacement(message: str) -> None:
    assert forgotten(message).replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "I'm off the meds now, so the meds note is out of date",
        "forget about the ankle for now, we'll see how it feels tomorrow",
        "should I change the warm-up?",
        "take it off the plan for today",
    ],
)
def test_a_retraction_a_one_off_or_a_question_replaces_nothing(message: str) -> None:
    found = detect_memory_intent(message)
    assert not isinstance(found, ForgetRequest) or found.replacement is None


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("can you always add a core finisher? make that a standing thing", "core finisher"),
        ("Could you make it a rule to always put the RPE next to each lift?", "RPE"),
        ("pls always stick a mobility block at the end. just make it automatic", "mobility"),
        ("For you, as my swim coach, please send the sets the night before.", "sets"),
        ("Now, just between us, would you call me Benny?", "Benny"),
        ("Thanks for this week's plan. From now on put the long ride on Saturdays.", "Saturdays"),
    ],
)
def test_a_standing_request_said_around_the_directive_is_an_instruction(
    message: str, words: str
) -> None:
    request = saved(message)
    assert request.memory_type == "instruction" and words in request.content


@pytest.mark.parametrize(
    "message",
    [
        "can you give me a leg day with no lunges always?",
        "could you send me the plan tonight?",
        "just for this week, put the long run on Friday",
        "I love that you remembered my race!",
    ],
)
def test_a_one_off_ask_or_plain_thanks_is_no_standing_request(message: str) -> None:
    assert detect_memory_intent(message) is None


def test_liked_conduct_kept_up_is_a_preference() -> None:
    request = saved("I really like how you check my sleep first. Keep doing that please!")
    assert request.memory_type == "preference" and "sleep" in request.content


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("My target is sub 1:30 for the half in March. Please keep it.", "sub 1:30"),
        ("New goal: 5 strict muscle-ups by summer. Old PR was 2. Can you note that down?", "PR"),
        (
            "Took a knock in the match on Sunday, physio says grade 1 MCL sprain. Mark that down.",
            "MCL",
        ),
        ("I work split shifts at the hospital. Please take note for future planning.", "shifts"),
        ("My physio and I set a goal and I want you to have it: run 10k pain free by June.", "10k"),
        ("If possible, I prefer that you give me the why behind each block. Remember this.", "why"),
        ("My heart rate caps at 150 on beta blockers. Keep that on file - it's the meds.", "150"),
    ],
)
def test_a_keep_request_points_back_at_the_fact_before_it(message: str, words: str) -> None:
    assert words in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "The plan looks great. Keep it.",
        "Did 5x5 at 100kg today. Log it.",
        "Ran 8k this morning, felt good. log it please",
    ],
)
def test_a_bare_keep_it_of_a_log_or_a_remark_keeps_nothing(message: str) -> None:
    assert not isinstance(detect_memory_intent(message), MemoryRequest)


@pytest.mark.parametrize(
    "message",
    [
        "I had a disc bulge at L4-L5 last year, it flares up with heavy pulls. keep that in mind",
        "I had my right knee replaced in 2021. Please note that down.",
        "Heads up for planning: my blood sugar drops on long rides, remember that",
        "Because of my back, going forward never give me good mornings.",
    ],
)
def test_medical_news_is_a_high_importance_constraint(message: str) -> None:
    """SPEC: injuries and medical constraints are high."""
    request = saved(message)
    assert request.memory_type == "constraint" and request.importance == "high"


@pytest.mark.parametrize(
    ("message", "memory_type"),
    [
        ("no lunges. ever. remember that", "instruction"),
        ("from now on, every time a wod has rope climbs, swap them for ring rows", "instruction"),
        (
            "For future reference I'm on call, so please don't put anything before 10am",
            "constraint",
        ),
        ("For your notes: I coach junior hockey now, so Sunday mornings are gone.", "constraint"),
        ("I'm a night owl and an evening lifter, keep that in mind", "preference"),
    ],
)
def test_the_type_follows_the_kind_of_request(message: str, memory_type: str) -> None:
    assert saved(message).memory_type == memory_type


@pytest.mark.parametrize(
    "message",
    [
        "Did a day surgery shift then a 5k, remember that I'm vegan",
        "Long week of medical calls. For your notes: I train at 6am on weekdays.",
    ],
)
def test_a_workplace_is_no_medical_news(message: str) -> None:
    assert saved(message).importance != "high"
