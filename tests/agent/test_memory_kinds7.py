"""Memory kinds from the seventh dev corpus's misses (many ways to ask), by construction.

Cases are written fresh for these tests (not copied from a corpus). First the near-misses
that use a verb of keeping or dropping for something that does not last: today's session,
a crowd, a video to look at, a logged set to correct, a saying in quotes, a thing waved
away; then the request frames, forget targets and replacements the rules missed. Each kind
has look-alikes on the other side.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import forgotten, saved


@pytest.mark.parametrize(
    "message",
    [
        "Keep in mind for tonight's class my legs are toast - go easy.",
        "bear in mind this morning I only have 40 minutes",
        "Remember: pool is closed today so swap to the bike",
        "remember, 5k parkrun tomorrow morning!",
        "Take note everyone: the gym closes early on Friday!",
        "take note, folks - new kettlebells arrived",
        "Please take note of my squat depth in this clip and let me know if it's deep enough.",
        "take note of my bar path in the video I sent",
        "Note that the second set I only managed 6 reps, not 8.",
        "note that my top set was 100kg, not 105",
        "'Never skip leg day' - my old PE teacher's favourite line",
        '"Remember why you started" is written on my gym wall',
        "Forget about the clock, I just want to finish the race smiling.",
        "forget the leaderboard - all I care about is beating my own times",
    ],
)
def test_a_keep_or_drop_verb_about_now_or_someone_else_saves_nothing(message: str) -> None:
    """Today's session, a crowd, a clip to look at, a logged set, a quote, a dismissal."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "Keep in mind I have a pacemaker, so keep my heart rate sensible.",
        "Remember: I tore my ACL today, no lower-body work until the scan.",
        "take note, my max pull-ups is 15 now",
        "please note that I'm diabetic and carry glucose tabs",
        "keep this on hand: I can only train for 45 minutes right now",
    ],
)
def test_lasting_facts_near_those_words_are_still_saved(message: str) -> None:
    """Medical news told today, a current state "right now", a note with no crowd."""
    saved(message)


def test_forget_about_a_goal_with_what_i_want_now_stays_a_forget() -> None:
    """ "forget my marathon goal, I just want to run halves now" drops a stored goal."""
    assert forgotten("Forget my marathon goal, I just want to run halves now.").query


@pytest.mark.parametrize(
    "message",
    [
        "Edit my profile: I work from home now instead of the office.",
        "amend my notes: I'm vegetarian now, not vegan",
        "Correct my file: my gym is the YMCA now, not PureGym.",
    ],
)
def test_an_edit_label_with_old_and_new_is_a_replacement(message: str) -> None:
    """A change verb before a place ("edit my profile:") and "now … instead of / not" the old."""
    assert forgotten(message).replacement is not None


@pytest.mark.parametrize(
    "message",
    [
        "just want this saved: I'm a night-shift nurse, three 12s a week",
        "need this stored: allergic to ibuprofen",
        "new PR, please track it: 140kg deadlift",
        "So you know when you build my blocks: I coach swimming Mondays and Wednesdays.",
        "Logging my main goal for next year so you have it: a sub-3 marathon in Berlin.",
        "Just so it's on record, I had a hip replacement in 2019.",
        "so it's on file - I'm type 1 diabetic",
    ],
)
def test_labels_and_markers_said_another_way_save(message: str) -> None:
    """A wish with its subject dropped, "track it", told "so you know / have it / on record"."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "so you know: I ran 10k in 52:30 today",
        "just want this logged: 5x5 squats at 100",
        "track it: 3 rounds of Cindy done",
    ],
)
def test_those_labels_before_a_session_log_save_nothing(message: str) -> None:
    """The same labels annotate a session: its result is a log, not a memory."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "I'm gluten intolerant. Please hang on to that.",
        "my shifts rotate every 4 weeks. hold onto this",
        "Lower back gets cranky with high-rep deadlifts. Factor that into every program.",
        "No burpees ever, my wrists can't take them - file that away.",
        "I'm 6'4 and 110kg, levers are long. That's worth saving.",
        "Mondays are always rest for me - could you bake that in permanently?",
    ],
)
def test_keep_requests_pointing_back_with_other_verbs_save(message: str) -> None:
    """ "hang on to that", "factor that into every plan", "file that away", "worth saving"."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "Great session. Please hang on to that feeling for next week, haha.",
        "hold on to the bar longer next time?",
        "work that into today's session",
    ],
)
def test_those_verbs_on_a_session_or_a_question_save_nothing(message: str) -> None:
    """Holding on to a feeling, a bar, or working something into today's session."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query_word"),
    [
        ("Scratch what I told you the other day about evenings.", "evenings"),
        ("ditch what I said a while back about my shoulder", "shoulder"),
        ("Can you take off the note about me being vegan?", "vegan"),
        ("take out the part about my night shifts", "night"),
        ("Don't hold onto that Boston goal anymore.", "boston"),
        ("stop hanging on to my old 5k time", "5k"),
        ("Delete 'hates swimming' from whatever you've got on me.", "swimming"),
        ("remove my old bench max", "bench"),
    ],
)
def test_loose_forget_targets_are_forgets(message: str, query_word: str) -> None:
    """Time words after "what I said", "take off/out", "don't hold onto", a place said loosely."""
    assert query_word in forgotten(message).query.lower()


@pytest.mark.parametrize(
    "message",
    [
        "take off your shoes before the yoga session",
        "hold onto the rings a bit longer on the dips today",
    ],
)
def test_those_verbs_on_things_that_are_no_memory_forget_nothing(message: str) -> None:
    """Taking off shoes and holding onto rings are training cues."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "Any chance you can remember I'm on blood thinners?",
        "is there any chance you could note that I'm deaf in my left ear",
    ],
)
def test_any_chance_you_can_is_a_polite_request(message: str) -> None:
    """ "any chance you can…?" asks, like "could you…?", even with a question mark."""
    saved(message)


def test_any_chance_without_a_keep_verb_saves_nothing() -> None:
    """Asking a chance of something else is a question."""
    assert detect_memory_intent("Any chance you can send me a 5k plan?") is None


@pytest.mark.parametrize(
    ("message", "query_word"),
    [
        ("What I told you about hating the rower - you can drop that.", "rower"),
        ("the stuff about my old job, please bin it", "job"),
        ("Scrap the 3 sessions a week cap, I'm free more now.", "cap"),
    ],
)
def test_a_topic_before_a_bare_request_clause_is_the_target(message: str, query_word: str) -> None:
    """A clause of only request words ("you can drop that") leaves the topic before it."""
    assert query_word in forgotten(message).query.lower()


@pytest.mark.parametrize(
    "message",
    [
        "remember that I'm on warfarin",
        "please note I'm a wheelchair user",
        "keep in mind I'm a below-knee amputee and run on a blade prosthesis",
    ],
)
def test_medicines_and_disabilities_are_high_constraints(message: str) -> None:
    """A blood thinner, a wheelchair, a prosthesis: the coach must not miss them."""
    found = saved(message)
    assert (found.memory_type, found.importance) == ("constraint", "high")
