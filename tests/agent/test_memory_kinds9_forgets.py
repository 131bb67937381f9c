"""Forget and replacement kinds from the ninth dev corpus's misses, by construction.

Cases are written fresh for these tests (not copied from a corpus): forgets said loosely
("stop keeping X", "X = old news", "knee note - delete pls", "stop factoring in my knee"),
corrections in labels, pointing back or said as "you've got my X wrong", a new fact said
to take the old one's place, and the plan changes and one-offs that use the same words.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten


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
        "you got my form wrong in the video",
        "you have the wrong idea about me",
    ],
)
def test_old_things_and_a_wrong_plan_are_no_memory(message: str) -> None:
    """Old gear, a session killed, a plan or its reps got wrong."""
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
        "you don't have to plan around the weather",
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


@pytest.mark.parametrize(
    ("message", "new"),
    [
        ("forget that I hate running, I've come around", "fine with running"),
        ("forget the no-jumping rule, changed my mind, they're ok now", "fine with jumping"),
    ],
)
def test_a_dislike_dropped_after_a_change_of_mind_is_replaced(message: str, new: str) -> None:
    """ "I've come around" / "they're ok now" after a dislike or a ban: fine with it now."""
    found = forgotten(message).replacement
    assert found is not None and new in found.content


def test_a_healed_part_is_no_change_of_mind() -> None:
    """ "it's fine now" after an injury note says why it goes, not a new liking."""
    assert forgotten("delete the knee note, it's fine now").replacement is None


@pytest.mark.parametrize(
    "message",
    [
        "update: today's run moved to tomorrow",
        "update: session moved to 6pm",
        "small update: knee is now pain free",
    ],
)
def test_a_session_moved_or_a_state_under_an_update_label_is_no_correction(message: str) -> None:
    """A session moved is a plan change; a knee now pain free is news, not a changed value."""
    assert detect_memory_intent(message) is None
