"""Memory kinds from the eighth dev corpus's misses (months of chat), by construction.

Cases are written fresh for these tests (not copied from a corpus): requests that point
back at the fact with new verbs and complements, standing directives framed by the
athlete's own acts, labels dictated or bare, types said mildly or misspelt, and the
one-reply asks and questions about memory that must stay conversation. Each kind has
look-alikes on the other side; forgets and replacements are in test_memory_forgets8.py.
"""

from __future__ import annotations

import pytest

from agent.memory_rules import detect_memory_intent
from tests.agent.memory_helpers import saved


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Sub-20 5k before I turn 40. Keep it on the radar!", "goal"),
        ("I want to squat 200 by the end of the year, don't let me forget it", "goal"),
        ("I'm aiming to run a 50k in the spring - don't let me forget that", "goal"),
        ("I've got a heart murmur, nothing serious. Worth you knowing long term.", "constraint"),
        ("Torn labrum on my right side. Good for you to know.", "constraint"),
        ("I coach kids on Tuesday evenings. You'll have to work around that.", None),
        ("I love hill sprints and hate the treadmill, so tailor my training that way", None),
        ("knees hate lunges. plan accordingly pls", None),
        ("My daughter has swim practice every morning, factor that into my weekly schedule", None),
        ("I can only train 40 minutes on weekdays. Long term, not just this week.", None),
        (
            "I drive for work three days a week, which probably counts for nothing?? "
            "anyway please factor that into my planning",
            None,
        ),
    ],
)
def test_a_request_pointing_back_keeps_the_fact_before_it(message: str, kind: str | None) -> None:
    """Radar, "don't let me forget", worth knowing, work around, shaped plans, how long."""
    request = saved(message)
    if kind is not None:
        assert request.memory_type == kind


@pytest.mark.parametrize(
    "message",
    [
        "Felt strong on the rower, adjust today's workout accordingly",
        "Long term, I'd love to try an ultra one day.",
        "it's long term, like a couple of years away",
        "The bar felt way too heavy. Please remove it.",
        "could you explain that last answer more simply?",
        "can you make your previous reply shorter",
        "Do you remember stuff I tell you?",
        "can you remember everything we talk about or not?",
        "can you write my plan around the holidays: Dec 24-26 off",
    ],
)
def test_look_alikes_of_those_save_nothing(message: str) -> None:
    """Today's plan, a wish with no request, an object that is no memory, one reply, asking
    about memory itself, and a plan asked for under a label."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "scope"),
    [
        ("when I send you my splits just say 'got it', no breakdown needed", None),
        (
            "If I say my knee is 'grumbling' that means it hurts, so swap out anything with jumps",
            None,
        ),
        ("whenever I log a long run, then remind me to refuel", None),
        ("Keep the check-ins to twice a week max.", "coach"),
        ("please send me the session the night before, I plan my lunch around it", None),
        ("Please make sure there's no jumping in my program until the cast is off.", "global"),
        ("My name's Alexandra but everyone says Alex. Could you go by that from now on?", None),
        ("I tested my FTP at 245W. Please use that going forward.", None),
    ],
)
def test_standing_directives_framed_by_own_acts_rates_and_plan_rules(
    message: str, scope: str | None
) -> None:
    """ "when I send you X, just reply Y", a rate per week, "the night before", a rule on the
    whole plan, a directive whose object points back at the fact before."""
    request = saved(message)
    if scope is not None:
        assert request.scope == scope


@pytest.mark.parametrize(
    "message",
    [
        "when I send you my splits today can you check them?",
        "if I say no to the race, will you be mad?",
        "Keep today's check-in short",
        "make sure nothing in today's session has burpees",
        "send me tomorrow's session tonight please",
        "can you use those dumbbells in today's workout?",
    ],
)
def test_their_one_off_look_alikes_save_nothing(message: str) -> None:
    """A question, today's session, tonight's task, a pointer with no time to stand."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("note to coach my new bike has electronic shifting", None),
        ("Note for coach I'm doing the half in Cardiff in October", "goal"),
        ("Please add: goal of 12 strict pull-ups by summer.", "goal"),
        ("add: can't train before 7am on weekdays", "constraint"),
    ],
)
def test_labels_dictated_or_bare_keep_a_fact(message: str, kind: str | None) -> None:
    """ "note to coach" without its colon; a bare "add:" keeps a fact naming its kind."""
    request = saved(message)
    if kind is not None:
        assert request.memory_type == kind


@pytest.mark.parametrize(
    "message", ["add: 3x15 band pull-aparts", "add: foam rolling after", "note to self buy chalk"]
)
def test_a_bare_add_label_on_a_log_saves_nothing(message: str) -> None:
    """ "add:" also edits a log; "note to self" is the athlete's own reminder."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "kind", "importance"),
    [
        ("remember my rigth shoudler is sensitve to overhead work", "constraint", "high"),
        ("note that my hamstirng gets tight on long runs", "constraint", "high"),
        ("no box jumps. knees. for good.", "constraint", "high"),
        ("From now on no deadlifts - lower back.", "constraint", "high"),
        ("Three years sober. Please never suggest a beer after races.", "constraint", "high"),
        ("please remember the gym near me has no pool, so no swim workouts", "constraint", None),
        (
            "keep in mind: never give me runs over an hour on weekdays, I don't have the time",
            "constraint",
            None,
        ),
        ("Remember I'd rather not lift on Fridays, it's date night", "preference", None),
        ("remember I can only lift on Mondays and Thursdays", "constraint", None),
        ("im training 4 a spartan race in june, write it down", "goal", None),
        ("Qualifying for Boston. That's my main focus, remember that", "goal", None),
        ("For you to know: I'm deaf in one ear, so voice notes don't work for me", None, None),
    ],
)
def test_kinds_said_mildly_tersely_or_misspelt(
    message: str, kind: str | None, importance: str | None
) -> None:
    """Typos in injury words, a body part alone as the reason, sobriety, a missing facility,
    no time, a schedule said as a liking, "training 4", "that's my focus"."""
    request = saved(message)
    assert kind is None or request.memory_type == kind
    assert importance is None or request.importance == importance


def test_misspelt_injury_words_do_not_touch_their_plurals_or_other_words() -> None:
    """ "shoulders" and "deadlifts" stay as written; only one letter off is fixed."""
    request = saved("remember my shoulders are fine but deadlifts bore me, trained for years")
    assert "shoulders" in request.content and "deadlifts" in request.content
    assert "trained" in request.content  # not "strained": a first letter is no typo


@pytest.mark.parametrize(
    "message",
    [
        "I've got a dodgy left ankle from football. Something to keep in mind long term.",
        "Going vegan from this month. Plan meals accordingly.",
        "I'm 52 and postmenopausal, please factor that into recovery",
        "I don't want more than 3 lifting days a week. Ever.",
        "Whenever I report a bad night's sleep, please scale the session down.",
        "if I'm ever injured, always suggest swimming as the alternative",
        "please bare in mind im 6 months postpartum",
    ],
)
def test_more_forms_of_the_same_kinds_are_saved(message: str) -> None:
    """What else athletes write for the kinds above: a thing to keep in mind, plans shaped
    without a determiner, "Ever.", a scaled session, a typo'd "bear in mind"."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "10k race next Sunday, plan accordingly for this week",
        "can you adjust tomorrow's session accordingly?",
        "don't let me forget to stretch tonight lol",
        "Best session ever. Always loved hill repeats.",
        "when I say I'm done I'm DONE haha",
    ],
)
def test_and_their_one_off_forms_are_not(message: str) -> None:
    """This week's plan, tomorrow's session, a habit reminder, a compliment, a joke."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "I'm from Quebec, I prefer that you write to me in French. Merci!",
        "Ich habe Asthma, bitte merk dir das",
        "Tengo una lesión en el hombro, recuérdalo",
        "My GP says my ferritin is low. Worth knowing for planning I guess?",
        "Just wanted to let you know for future sessions, I've got a dodgy left knee",
        "Note to self and to you: never run intervals the day after heavy squats",
        "remember: don't do box jumps on concrete ever",
    ],
)
def test_non_native_dictated_and_hedged_requests_are_saved(message: str) -> None:
    """A liking about how the coach talks after a fact, a keep request closing a German or
    Spanish message, a hedged "I guess?", "let you know for future sessions", a rule the
    athlete keeps for themselves."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "Just to let you know I did the 10k today!",
        "Note to self: buy new socks",
        "remember: don't forget your shoes tomorrow",
        "I prefer when we do the long run early, is that ok for Saturday?",
    ],
)
def test_their_look_alikes_save_nothing(message: str) -> None:
    """News of a session, the athlete's own reminder, tomorrow's errand, a question."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "📌 allergic to penicillin",
        "📝 my bike is a 54cm frame",
        "So you don't forget: my sister's wedding is 12 July, no long run that weekend",
        "my right knee buckles on stairs, so go easy on lunges forever",
        "Big news, I moved to a farm, so lots of hill walking now. Please remember the farm "
        "stuff, it changes my weeks",
    ],
)
def test_keeping_by_emoji_purpose_or_topic_noun(message: str) -> None:
    """A pin or memo emoji as the request, "so you don't forget:", "forever", and a keep
    request naming the news before it by a topic noun ("the farm stuff")."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "squats felt great today 📌",
        "📌 5x5 back squat at 100kg",
        "remember the burpee thing from last week? never again 😂",
        "I said I'd run today but I'm wrecked",
    ],
)
def test_those_forms_telling_a_story_keep_nothing(message: str) -> None:
    """An emoji closing a log, a pin told as news, reminiscing by topic, a plan dropped."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "My physio wants me to avoid back-to-back run days - please respect that in your plans",
        "whenever I'm on nights, just give me short mobility sessions",
        "if I'm ever sick, skip the intervals and put in an easy spin",
        "I'm off every other Monday. That one's worth saving.",
    ],
)
def test_plans_respecting_a_fact_and_directives_for_a_recurring_state(message: str) -> None:
    """ "respect that in your plans", a frame of the athlete's recurring state ("whenever
    I'm on nights"), "that one's worth saving"."""
    saved(message)


@pytest.mark.parametrize(
    "message",
    [
        "forget about yesterday, today was much better",
        "forget last week, new week new me",
        "put that in my plan for Thursday",
        "when I'm travelling next week can you give me hotel workouts?",
    ],
)
def test_days_put_behind_and_one_off_plans_keep_or_drop_nothing(message: str) -> None:
    """A day behind, a plan edit, next week's trip asked about."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "note that I did 5 rounds not 6",
        "note I only ran 8 km, not 10",
        "keep the plan as is for this week",
    ],
)
def test_a_logged_count_corrected_or_this_weeks_plan_kept_saves_nothing(message: str) -> None:
    """A log's count corrected under "note that", this week's plan left as it is."""
    assert detect_memory_intent(message) is None


def test_a_plan_built_around_what_was_said_keeps_it() -> None:
    """ "build the year around that" shapes every plan by the fact before it."""
    saved("I'm a teacher, so summers are free - build the season around that please")


def test_a_rule_of_someone_elses_place_is_no_keeping_label() -> None:
    """ "new rule at my gym: no chalk" tells news about the gym."""
    assert detect_memory_intent("new rule at my box: no dropping empty bars") is None


def test_a_hedged_you_should_know_that_keeps_the_fact() -> None:
    """ "I think you should know that I'm…" asks the coach to know it from now on."""
    saved("I think you should know that I'm partially sighted, so big fonts please")
