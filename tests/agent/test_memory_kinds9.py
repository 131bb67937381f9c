"""Memory kinds from the ninth dev corpus's misses (the hard middle of requests), by construction.

Cases are written fresh for these tests (not copied from a corpus): keep frames said in
shorthand, misspelt or in learner's English, told with an announcement in front ("wanted
to flag…"), a state that holds from now on, a verb of keeping alone before the fact, and
their look-alikes that keep nothing (a resolution, reminiscing about a season or a year,
a workout added to).
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten, saved


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
        "add: core finisher to today's plan",
    ],
)
def test_resolutions_seasons_remembered_and_workout_additions_keep_nothing(message: str) -> None:
    """A resolution, reminiscing about a season or year, and a session added to."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("please stop keeping my resting hr, I don't want it saved", "resting hr"),
        ("stop keeping my diet notes", "diet"),
    ],
)
def test_stop_keeping_names_a_memory_by_its_place_or_a_reason(message: str, query: str) -> None:
    """ "…, I don't want it saved" says what is kept is a memory ("stop keeping it short" not)."""
    found = forgotten(message)
    assert query in found.query and found.replacement is None


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        (
            "delete what I told you about the half being in april it got moved to may 3",
            "half",
            "may 3",
        ),
        ("drop the note about my meet on the 5th, it's been postponed to the 19th", "meet", "19th"),
    ],
)
def test_a_forgotten_date_that_moved_is_replaced(message: str, query: str, new: str) -> None:
    """ "…, it got moved to X" after a forget (even run on, unpunctuated) is the new value."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("quick correction - my deadlift pr is 180 not 170, I misspoke", "deadlift pr", "180"),
        ("minor fix to my profile: I'm 1.78m not 1.87m", "1.87", "1.78"),
        ("update - my home gym is now the garage", "home gym", "garage"),
        (
            "a couple of changes to your notes: my rest day moved from monday to wednesday",
            "rest day",
            "Wednesday",
        ),
    ],
)
def test_correction_labels_with_a_dash_plurals_and_changed_values(
    message: str, query: str, new: str
) -> None:
    """ "correction -", "a couple of changes to your notes:", "X is now Y", "X moved to Y"."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("the weight I gave you before is wrong, it's 78 now", "weight", "78"),
        ("my 10k pb is 44:30 now, overwrite the old one", "10k pb", "44:30"),
        (
            "I train at the YMCA now, instead of Planet Fitness, change that please",
            "Planet",
            "YMCA",
        ),
        ("the 8 week restriction got lifted, update the shoulder note", "shoulder", "lifted"),
    ],
)
def test_corrections_pointing_back_in_other_words(message: str, query: str, new: str) -> None:
    """ "the X I gave you", "overwrite the old one", "now, instead of Y", "got lifted"."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "update: my knee is better now",
        "update: did the tempo run, 8k",
        "the plan I sent you is wrong",
    ],
)
def test_news_and_logs_under_an_update_label_change_no_memory(message: str) -> None:
    """A state getting better, a session, and a plan the athlete sent are no stored value."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("the knee thing is sorted. surgeon was happy, you can delete that", "knee"),
        ("my hip stuff is history. no need to keep that in there", "hip"),
        ("the hotel gym thing you can delete that I'm not travelling anymore", "hotel gym"),
    ],
)
def test_a_pronoun_forget_finds_its_topic_past_an_aside_or_a_run_on(
    message: str, query: str
) -> None:
    """The subject of the sentence before; a fronted topic with no stop after the pronoun."""
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("new schedule replaces the old one: mon wed fri 7pm", "schedule", "7pm"),
        ("my new split replaces the old one. push pull legs, 6 days", "split", "push pull legs"),
        ("new max supersedes the previous number - 140kg", "max", "140kg"),
        ("Replace my training zones: z2 is 130-145 now", "training zones", "130-145"),
    ],
)
def test_a_new_fact_said_to_take_the_old_ones_place(message: str, query: str, new: str) -> None:
    """ "new X replaces the old one: Y" and a "replace my <list or setup>:" label."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "I had a great run. forget it",
        "the new plan replaces the old one?",
        "replace my squats: lunges",
    ],
)
def test_a_plan_change_or_a_dismissal_is_no_replacement(message: str) -> None:
    """A question about a plan, an exercise swapped, and "forget it" after news of a run."""
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
        ("house rule: no burpees", "burpees"),
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
    ("message", "query"),
    [
        ("no longer need the asthma note", "asthma"),
        ("I don't need the knee note anymore", "knee"),
        ("we don't need that gym info", "gym"),
    ],
)
def test_not_needing_a_note_any_more_forgets_it(message: str, query: str) -> None:
    """ "I don't need the X note": the note goes (it was read as a save of the note)."""
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    "message",
    [
        "I no longer need the hotel workouts",
        "I don't need the stuff you sent yesterday",
        "can you put me down for the 6am class",
        "the coach marked me down as absent lol",
        "I ran from here onwards to the park",
    ],
)
def test_look_alikes_of_those_keep_or_drop_nothing(message: str) -> None:
    """Workouts not needed, what the coach sent, a class booking, someone else marking."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("knee stuff = old news", "knee"),
        ("kill the note about my shifts", "shifts"),
        ("x out the vegan thing", "vegan"),
    ],
)
def test_loose_forgets_with_a_sign_or_a_slang_verb(message: str, query: str) -> None:
    """ "X = old news", "kill / x out the X note"."""
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("it's 6am now not 5am, update that", "5am", "6am"),
        ("fix my max: it's 150 now", "max", "is 150"),
        ("the weight on file is wrong, I'm 80 now", "weight", "80"),
        ("the ftp you have is old - new one is 250", "ftp", "250"),
        ("you've got my age wrong, I'm 41", "age", "41"),
        ("wrong age on my profile, should be 41", "age", "41"),
        ("you have my max down wrong - it's 150", "max", "150"),
        ("my rest day on your notes is wrong, it's friday", "rest day", "Friday"),
    ],
)
def test_a_stored_value_said_to_be_wrong_or_old_is_replaced(
    message: str, query: str, new: str
) -> None:
    """ "X on file is wrong", "the X you have is old", "you've got my X wrong", "wrong X on…"."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "my knee is old",
        "my shoes are old, need new ones",
        "kill the workout, I'm wrecked",
        "you got my squat wrong in the plan",
        "you got the reps wrong lol",
        "you have the wrong idea about me",
    ],
)
def test_old_things_and_a_wrong_plan_are_no_memory(message: str) -> None:
    """Old gear, a session killed, a plan or its reps got wrong."""
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
    ("message", "query"),
    [
        ("pay no attention to the mornings thing", "mornings"),
        ("stop factoring in my knee", "knee"),
        ("you don't have to plan around my shifts anymore", "shifts"),
        ("no need to work around the knee anymore", "knee"),
        ("can you forget I ever said I hate running", "hate running"),
        ("I take it back about the burpees, keep them in", "burpees"),
        ("retract the gym note", "gym"),
        ("training time moved to 6am, the 5am thing is dead", "5am"),
        ("the thing about mornings - ignore", "mornings"),
        ("knee note - delete pls", "knee"),
    ],
)
def test_forgets_said_as_no_longer_planning_around_it_or_verb_last(
    message: str, query: str
) -> None:
    """ "stop factoring in X", "I take it back about X", "X thing is dead", "X note - delete"."""
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    ("message", "query"),
    [("swap the 5am for 6am in your notes", "5am"), ("actually 6am, not 5. fix pls", "5am")],
)
def test_a_value_swapped_in_the_notes_is_a_replacement(message: str, query: str) -> None:
    """The place says the value is a memory; "Y, not X. fix pls" says which value changed."""
    found = forgotten(message)
    assert query in found.query and found.replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "no need to plan around the rain today",
        "stop programming around my legs this week",
        "squats - delete",
        "swap squats for lunges",
        "swap the 5am for 6am",
        "3 sets, not 4. fix the plan",
    ],
)
def test_plan_changes_in_the_same_words_forget_nothing(message: str) -> None:
    """A one-off, an exercise deleted or swapped, a plan's sets fixed."""
    assert detect_memory_intent(message) is None
