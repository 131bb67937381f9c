"""Memory kinds from the seventh dev corpus's misses (40 athletes, many ways to ask), by construction.

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
    """"forget my marathon goal, I just want to run halves now" drops a stored goal."""
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
