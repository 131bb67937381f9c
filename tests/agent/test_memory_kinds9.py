"""Save kinds from the ninth dev corpus's misses (the hard middle of requests), by construction.

Cases are written fresh for these tests (not copied from a corpus): keep frames said in
shorthand, misspelt or in learner's English, told with an announcement in front ("wanted
to flag…"), a state that holds from now on, a verb of keeping alone before the fact, the
types such facts carry, and their look-alikes that keep nothing (a resolution, reminiscing
about a season or a year, a workout added to). Forgets: test_memory_kinds9_forgets.py.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import saved


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("moving fwd my rest day is friday", "rest day"),
        ("for future ref: my resting HR is 48", "resting HR is 48"),
        ("for futre reference I only own a 20kg kettlebell", "20kg kettlebell"),
        ("for the next times, I am allergic to nuts", "allergic to nuts"),
        ("for all future plans I can't run on tuesdays", "tuesdays"),
    ],
)
def test_keep_frames_in_shorthand_typos_and_learners_english(message: str, kept: str) -> None:
    """ "fwd", "ref", "futre" and "for the next times" are the frames they stand for."""
    assert kept in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "Just so it's saved, I had ACL reconstruction in 2021",
        "so you have it for good: my daughter's swim meets are on saturdays",
        "I'm flagging for the record that my left hip is sore after long runs",
        "wanted to mention for future reference that I'm on thyroid meds",
        "I tell you once so you have it forever: I cannot run before 7",
    ],
)
def test_told_so_the_coach_has_it_with_an_announcement_in_front(message: str) -> None:
    """ "so it's saved", "so you have it for good", "flagging / wanted to mention / I tell you"."""
    saved(message)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("just letting you know going forward I'll be working from home on fridays", "fridays"),
        ("heads up, from now on I'm going to be coaching on saturday mornings", "Saturday"),
    ],
)
def test_a_state_from_now_on_is_kept(message: str, kept: str) -> None:
    """ "from now on I'll be <doing>" says how things are, not what the athlete resolves."""
    assert kept in saved(message).content


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("pls store 🙏 my zone 2 is 130-145", "130-145"),
        ("save, I switched to a standing desk", "standing desk"),
        ("add: I'd rather swim than cycle on recovery days", "swim"),
    ],
)
def test_a_verb_of_keeping_alone_points_at_the_fact_after_it(message: str, kept: str) -> None:
    """ "save 🙏 <fact>", "add: <fact>": the bare verb is a label."""
    assert kept in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "from now on I'll be more careful with my form",
        "from now on I'm gonna drink more water lol",
        "remember that winter I ran every day? crazy",
        "remember in 2019 when I did my first marathon",
        "remember last spring when the track was flooded",
        "add: 3x10 curls",
        "track: 8x400m at 85s each",
        "log: 5 x 1k repeats",
        "add: core finisher to today's plan",
    ],
)
def test_resolutions_seasons_remembered_and_workout_additions_keep_nothing(message: str) -> None:
    """A resolution, reminiscing about a season or year, and a session added to."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("heads up fwd: I can't train on sundays", "sundays"),
        ("fyi fwd: no box jumps, ever", "box jumps"),
    ],
)
def test_fyi_forward_is_a_label_for_what_holds_from_now_on(message: str, kept: str) -> None:
    """ "fyi fwd:" is "fyi, going forward:"; a session after it stays a log."""
    assert kept in saved(message).content
    assert detect_memory_intent("fyi fwd: ran 5k today") is None


@pytest.mark.parametrize(
    "message",
    [
        "keep in mind I snapped my achilles in 2020, no sprinting",
        "note it down: I dislocated my shoulder twice",
        "for future reference, I broke my collarbone and ribs in a crash in 2018",
    ],
)
def test_an_injury_told_in_the_past_tense_is_a_high_constraint(message: str) -> None:
    """ "snapped / dislocated / broke my <body part>" is medical history the coach must keep."""
    found = saved(message)
    assert (found.memory_type, found.importance) == ("constraint", "high")


@pytest.mark.parametrize(
    "message",
    [
        "for future reference fridays are my rest days, non-negotiable",
        "remember: never program intervals the night before a match",
        "add to my profile: long ride with the club on saturdays is non-negotiable",
    ],
)
def test_fixed_days_and_the_day_before_a_game_are_scheduling_constraints(message: str) -> None:
    """Rest days named by weekday, "non-negotiable", nothing hard the day before a game."""
    assert saved(message).memory_type == "constraint"


def test_what_the_athlete_wants_this_coach_to_handle_is_a_coach_instruction() -> None:
    """ "my club programs X, I just want you to handle Y" divides work with this coach."""
    found = saved("going forward: my club does the swim sets, I just want you to handle my runs")
    assert (found.memory_type, found.scope) == ("instruction", "coach")


def test_wanting_all_of_something_a_certain_way_is_a_preference() -> None:
    """ "I want all my runs by heart rate" is a liking about how training is written."""
    assert saved("from now on I want all my runs prescribed by heart rate").memory_type == (
        "preference"
    )


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("FFR my max bench is 100", "100"),
        ("ftr, I'm vegan", "vegan"),
        ("from today onwards I train at lunch", "lunch"),
        ("from this point forward my rest day is monday", "Monday"),
        ("from here on out I'm vegan", "vegan"),
        ("as a general rule, no training after 9pm", "9pm"),
        ("hard rule: no burpees", "burpees"),
        ("for the coach's notes: I'm deaf in one ear", "deaf"),
        ("mark me down as vegetarian", "vegetarian"),
        ("I'd like it on record that I don't do overhead squats", "overhead squats"),
        ("I want it noted that I have a bad back", "bad back"),
    ],
)
def test_more_ways_to_keep_without_remember(message: str, kept: str) -> None:
    """FFR, ftr, "from today onwards", rules, "mark me down as", "I want it noted that"."""
    assert kept in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "I no longer need the hotel workouts",
        "I don't need the stuff you sent yesterday",
        "can you put me down for the 6am class",
        "the coach marked me down as absent lol",
        "I ran from here onwards to the park",
        "ftr that wasn't my best effort",
        "house rule in our gym: rerack your weights",
        "I want it noted that I did every rep",
    ],
)
def test_look_alikes_of_those_keep_or_drop_nothing(message: str) -> None:
    """Workouts not needed, what the coach sent, a class booking, someone else marking."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("Pls to remember I not eat pork", "Does not eat pork"),
        ("you must know I have operation on knee last year", "knee"),
        ("Coach, I want that you remember: my goal is 10k in 50 min", "10k in 50 min"),
        ("🚫 burpees from now on pls 🙏", "no burpees"),
        ("❌ running on sundays going forward", "no running"),
    ],
)
def test_learners_english_and_a_prohibition_sign(message: str, kept: str) -> None:
    """ "I not eat", "you must know", "I want that you remember", and 🚫/❌ as "no"."""
    assert kept in saved(message).content


def test_a_body_part_still_bad_is_an_injury() -> None:
    """ "my ankle is still dodgy": an adverb between the part and its problem word."""
    found = saved("just fyi for next time, my ankle is still dodgy")
    assert (found.memory_type, found.importance) == ("constraint", "high")


@pytest.mark.parametrize(
    "message", ["did 5 rounds ❌ no rest", "burpees 🚫", "I must know my max before the meet"]
)
def test_signs_in_a_log_and_a_need_to_know_keep_nothing(message: str) -> None:
    """A sign inside a log or after its word, and the athlete's own need to know."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("add to my bio: ex-rower, 6'4", "ex-rower"),
        ("so it's in your system, I'm 6 months postpartum", "postpartum"),
        ("make sure you have this: I'm type 1 diabetic", "diabetic"),
        ("you'll want to know I sprained my ankle in May", "ankle"),
        ("you will need to know I have a pacemaker", "pacemaker"),
    ],
)
def test_places_and_frames_that_say_the_coach_should_have_it(message: str, kept: str) -> None:
    """ "my bio", "so it's in your system", "make sure you have this:", "you'll want to know"."""
    assert kept.lower() in saved(message).content.lower()


@pytest.mark.parametrize(
    "message",
    [
        "I want to know my max",
        "I need to know my max",
        "do you want to know my max?",
        "you'll want to know the gym is closed today",
    ],
)
def test_wanting_to_know_for_oneself_or_for_today_keeps_nothing(message: str) -> None:
    """The athlete's own wish to know, a question, and news for today."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "my 5k PB went from 24:10 to 23:30 last weekend, put that in the books",
        "note: my squat max went up to 140",
    ],
)
def test_a_best_that_moved_is_a_lasting_fact(message: str) -> None:
    """ "my PB went from X to Y" is the new mark to beat, though told with a past verb."""
    saved(message)


@pytest.mark.parametrize("message", ["note: hit a PR on bench", "note: went to the gym"])
def test_a_session_under_a_note_label_stays_a_log(message: str) -> None:
    """A PR hit or a gym visit under "note:" annotates a session."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "memory_type"),
    [
        ("for future reference I can't do Tuesdays anymore because of work", "constraint"),
        ("for future reference I can only do mornings", "constraint"),
        ("going fwd pls no more box jumps, my achilles hates them", "constraint"),
        ("remember my knees hate lunges", "constraint"),
    ],
)
def test_days_one_cannot_do_and_a_body_part_that_hates_a_move(
    message: str, memory_type: str
) -> None:
    """ "can't do Tuesdays" limits the schedule; "my achilles hates them" is an injury."""
    assert saved(message).memory_type == memory_type


@pytest.mark.parametrize(
    "message",
    [
        "answer in spanish this once",
        "call me Coach K in this message lol",
        "just this one time, skip the warm-up",
        "for this reply use kg",
    ],
)
def test_instructions_for_this_reply_only_are_one_offs(message: str) -> None:
    """ "this once", "in this message", "this one time", "for this reply" scope it to now."""
    assert detect_memory_intent(message) is None


def test_this_time_of_year_is_no_one_off() -> None:
    """ "this time of year" names a season that recurs."""
    assert "this time of year" in saved("remember I get injured this time of year").content


@pytest.mark.parametrize(
    "message",
    [
        "my PT told me to note down my RPE going forward",
        "my coach always says keep in mind your why",
        "my friend said for future reference never trust a 'flat' course",
    ],
)
def test_advice_someone_else_gave_is_reported_not_requested(message: str) -> None:
    """A physio's or friend's advice to the athlete, quoted or reported."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("my physio wants you to know I can't load my knee for 6 weeks", "knee"),
        ("my wife wants you to remember I'm allergic to shellfish", "shellfish"),
    ],
)
def test_someone_asking_the_coach_through_the_athlete_is_a_request(message: str, kept: str) -> None:
    """ "my physio wants you to know…": the request is made to the coach, for the athlete."""
    assert kept in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "remember: in 2026 I'm racing Boston",
        "for future reference, in 2022 I had knee surgery",
        "remember last summer I had a stress fracture, so careful with mileage",
    ],
)
def test_a_dated_fact_is_no_reminiscing_without_when(message: str) -> None:
    """A year or a season opening a fact keeps it; only "…when / where / how" reminisces."""
    saved(message)
