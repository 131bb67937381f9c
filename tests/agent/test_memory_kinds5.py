"""Memory kinds from the fifth dev corpus's misses, each tested by construction.

Cases are written fresh for these tests (not copied from a corpus): request frames
(keep verbs with other objects and tenses, labels with longer or qualified heads,
requests pointing forward, hashtags, verbless pointers), forget frames, replacements,
other languages and the type and importance SPEC asks for. Each kind also has its
look-alikes that must stay conversation.
"""

from __future__ import annotations

import pytest

from agent.memory import MemoryPlanner
from agent.memory_rules import ForgetRequest, detect_memory_intent
from tests.agent.memory_helpers import forgotten, memory, saved


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("keep an eye on my right shoulder, it clicks on overhead work", "shoulder"),
        ("keep tabs on my plantar fasciitis for me please", "plantar fasciitis"),
        ("Factor in my 40 minute cycle commute when you set my volume", "commute"),
        ("add a note that I only have dumbbells up to 25kg", "dumbbells"),
        ("leave a note: my partner and I train together on Sundays", "Sundays"),
        ("It would help if you kept in mind that I'm 58 and new to lifting", "58"),
        ("please keep it noted that I'm racing Berlin in September", "Berlin"),
        ("put it on the record that I want to qualify for Boston", "Boston"),
        ("for your notes, my max heart rate is 188", "188"),
    ],
)
def test_keeping_said_with_more_verbs_objects_and_tenses_saves(message: str, needle: str) -> None:
    """Watching, factoring in, adding a note, "if you kept in mind", "on the record"."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("Put this with the things you should know about me: I'm colour blind", "colour blind"),
        ("add this to the pile of stuff about me: I'm a twin", "twin"),
        ("Weight to keep: 62 kg fighting weight", "62 kg"),
        ("save it as a fact, not a log: I always train fasted", "fasted"),
        ("heads up for programming: I'm having a knee scope on the 9th", "knee scope"),
        ("don't lose this: my kid's graduation is on June 2", "graduation"),
        ("stash this away - I like my deload every fourth week", "deload"),
    ],
)
def test_labels_with_longer_or_qualified_heads_save(message: str, needle: str) -> None:
    """A label headed by a keep verb may run long; "…, not a log" qualifies it."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("save this. my squat rack is only 1.8 m tall", "1.8 m"),
        ("Remember this please. I'm on beta blockers", "beta blockers"),
        ("write it down, I'm targeting a 3:15 marathon in the fall", "3:15"),
        ("jot this down - my left leg is 1 cm shorter", "1 cm"),
    ],
)
def test_a_request_opening_the_message_points_forward(message: str, needle: str) -> None:
    """With nothing before it, "save this" / "write it down" keeps the fact after it."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("I can't kneel on my right knee (remember that)", "kneel"),
        ("I only lift on weekdays (note it)", "weekdays"),
        ("Type 2 diabetic, on metformin #remember", "metformin"),
        ("#remember I coach swim on Tuesday nights", "swim"),
        ("No dairy, lactose intolerant. For your records.", "lactose"),
        (
            "I had a stress fracture in my foot last year. telling you so you go easy on impact",
            "stress fracture",
        ),
        ("Long runs only on Saturdays. just letting you know so you can plan it", "Saturdays"),
        ("we settled on a weigh-in every Friday, pin that", "weigh-in"),
        ("when you send my plan do it on Sunday night. write that down", "Sunday"),
    ],
)
def test_requests_pointing_back_in_more_forms(message: str, needle: str) -> None:
    """Parentheses, hashtags, "for your records", "telling you so you…", "pin that"."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    "message",
    [
        "4x5 back squat at 120, remembered to brace this time",
        "remembered my lifting belt for once lol",
        "log this: 10k in 51:20",
        "record this: 400m repeats at 1:32",
        "save this. I ran 8k today",
        "note it down, I did 3 rounds of Cindy",
        "squat #note depth was better today",
        "Telling you so you know, I slept badly last night",
        "remember when you made me do 100 burpees?",
        "for the record, I did my mobility yesterday",
        "you and I should talk about my plan tomorrow",
    ],
)
def test_look_alikes_of_the_new_request_frames_keep_nothing(message: str) -> None:
    """Past tense about oneself, session results, one-off news: no memory."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("I take back what I said about hating swimming", "hating swimming"),
        ("I'd like to retract my comment about my bodyweight", "bodyweight"),
        ("ok I withdraw the bit about not running on trails, I was wrong", "not running on trails"),
        ("let me walk back what I said earlier about the 6am sessions", "6am sessions"),
    ],
)
def test_taking_back_what_was_said_forgets_its_topic(message: str, query: str) -> None:
    """The athlete is the subject: "I take back / retract / withdraw … about X"."""
    assert forgotten(message).query == query


@pytest.mark.parametrize(
    "message",
    [
        "undo that last save please",
        "cancel the memory you just made",
        "scrap the latest note, wrong chat",
        "please remove the thing you just saved",
    ],
)
def test_the_save_just_made_is_forgotten_as_the_latest(message: str) -> None:
    """Named by when it was made, not by what it says: the newest memory goes."""
    assert forgotten(message).latest


async def test_undoing_the_last_save_deletes_the_newest_memory() -> None:
    """Whatever the newest memory says, and however old the others are."""
    stored = [memory("Vegan.", age_days=30), memory("Hates lunges.", age_days=0)]
    stored.append(memory("Trains at 6am.", age_days=9))
    plan = await MemoryPlanner(None).plan(
        "cancel that last save", user_id="athlete-1", coach_id="c", existing=stored
    )
    assert [m.content for m in plan.deletes] == ["Hates lunges."]


@pytest.mark.parametrize(
    "message",
    [
        "I take back my deadlift, I mean I redid it",
        "did I take back my statement about my knee?",
        "can we cancel the last session?",
        "undo the last set, it was sloppy",
        "the gym took back my locker",
    ],
)
def test_look_alikes_of_retractions_forget_nothing(message: str) -> None:
    """No topic after "about", a question, a session: nothing to forget."""
    assert not isinstance(detect_memory_intent(message), ForgetRequest)


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("clear out everything you've got on me about sleep", "sleep"),
        ("please stop keeping the note about my caffeine intake", "caffeine intake"),
        ("don't save what I just said about my ex", "ex"),
        ("don't store the info about my meds anymore", "meds"),
        ("throw out the old 10k goal, I'm done with road racing", "10k goal"),
        ("would you mind deleting the note about my divorce?", "divorce"),
        ("would you mind forgetting that I told you my salary", "salary"),
        ("haha that was sarcasm about loving burpees, delete it", "loving burpees"),
        ("it was just a joke about quitting lifting, scrap that", "quitting lifting"),
    ],
)
def test_forget_frames_with_particles_gerunds_and_named_topics(message: str, query: str) -> None:
    """Particles ("throw out"), "mind deleting", "don't keep X", "that was a joke about X"."""
    assert query in forgotten(message).query


def test_everything_you_have_got_on_me_is_everything() -> None:
    assert forgotten("wipe everything you've got on me").everything


@pytest.mark.parametrize(
    "message",
    [
        "throw out the plan for today, I'm sick",
        "don't keep the sessions so long",
        "stop keeping my sessions so short",
        "would you mind dropping the reps on my squats?",
        "don't save the last set for the end",
        "that was a joke, relax",
        "lol I forgot my shoes",
    ],
)
def test_look_alikes_of_the_new_forget_frames_forget_nothing(message: str) -> None:
    """Sessions, plans and jokes without a topic: nothing stored is named."""
    assert not isinstance(detect_memory_intent(message), ForgetRequest)


def test_denying_having_said_it_is_no_replacement() -> None:
    """ "I never said that" after a forget says why, it states no new fact."""
    found = forgotten("the note about me smoking is wrong, I never told you that. delete it")
    assert found.replacement is None


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("my FTP changed, it's 281 now not 265", "FTP", "281"),
        ("my resting HR went down, 46 now, not 52", "resting HR", "46"),
        ("so my bodyweight is 79 kg now, not 83", "bodyweight", "79 kg"),
        ("correction to what you have on file: I lift 3 days a week, not 4", "4 days", "3 days"),
        ("update your notes: I work from home now, not the office", "office", "home"),
        (
            "I told you my long run day is Sunday, that's wrong now. It's Saturday.",
            "long run day",
            "Saturday",
        ),
        ("overwrite my 5k time with 21:40", "5k time", "21:40"),
    ],
)
def test_a_changed_value_with_the_old_one_named_replaces_it(
    message: str, query: str, new: str
) -> None:
    """Naming the old value ("not 52") says the coach holds it: forget it, keep the new."""
    found = forgotten(message)
    assert query in found.query
    assert found.replacement is not None and new in found.replacement.content


@pytest.mark.parametrize(
    "message",
    [
        "scratch that, I did 4 sets of bench today not 5",
        "my run changed, it's 5k now not 8k",
        "my plan is 4 days now, not 3?",
        "my knee is better now, not perfect",
        "I told you it would rain, and it did",
        "overwrite the playlist with something faster",
    ],
)
def test_look_alikes_of_changed_values_forget_nothing(message: str) -> None:
    """A session, a plan, a question, a state that is no value: no stored value changed."""
    assert not isinstance(detect_memory_intent(message), ForgetRequest)


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("acuérdate de que soy celíaca, nada de gluten", "celíaca"),
        ("no olvides que entreno solo por las mañanas", "mañanas"),
        ("lembre-se de que eu corro a maratona do Porto em novembro", "Porto"),
        ("n'oublie pas que j'ai une blessure au genou", "genou"),
        ("Merk dir: mein Ziel ist ein Halbmarathon unter 1:45", "1:45"),
        ("ricordati che non posso correre il lunedì", "lunedì"),
        ("yaad rakho, mujhe squats se knee pain hota hai", "knee pain"),
    ],
)
def test_keep_frames_in_other_languages_save_the_fact_as_written(message: str, needle: str) -> None:
    """The frame is read in English; the fact keeps the athlete's words."""
    assert needle in saved(message).content


def test_a_foreign_injury_is_a_high_importance_constraint() -> None:
    found = saved("recuerda que tengo una lesión en la muñeca")
    assert (found.memory_type, found.importance) == ("constraint", "high")


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("olvida lo que te dije de mi hombro", "hombro"),
        ("esquece o que eu te disse sobre a dieta", "dieta"),
        ("oublie ce que je t'ai dit sur mon travail de nuit", "travail de nuit"),
        ("Vergiss bitte das mit meiner Diät", "Diät"),
    ],
)
def test_forget_frames_in_other_languages_forget_their_topic(message: str, query: str) -> None:
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    "message",
    [
        "olvidé mis zapatillas en casa",
        "¿recuerdas mi marca en sentadilla?",
        "Ich habe meinen Gürtel vergessen",
        "je note que le cours est annulé ce soir",
        "my teammate said recuerda que hoy hay partido",
    ],
)
def test_foreign_look_alikes_keep_nothing(message: str) -> None:
    """Forgetting one's shoes, a question, a frame not opening its clause: no request."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "remember I have a spinal fusion at C5",
        "note that I'm in recovery from an eating disorder",
        "remember I ruptured my Achilles in 2020",
        "save this: diagnosed with Crohn's disease last month",
        "add to my profile: type 1 diabetic, I wear a CGM",
        "For future reference, I had ACL reconstruction in 2021",
    ],
)
def test_medical_history_is_a_high_importance_constraint(message: str) -> None:
    """SPEC: injuries and medical constraints are high, whatever words name them."""
    found = saved(message)
    assert (found.memory_type, found.importance) == ("constraint", "high")


@pytest.mark.parametrize(
    ("message", "memory_type"),
    [
        ("remember my gym doesn't allow chalk", "constraint"),
        ("note that I need to be ready for the Spartan race", "goal"),
        ("remember my vertical is 24 inches and I want 28 by the season", "goal"),
        ("remember I'm done with early morning runs", "preference"),
        ("note that I don't do evening sessions", "preference"),
        ("for future reference I want my Saturdays free", "preference"),
        ("note this: in our chats specifically, keep answers brief", "instruction"),
        ("You're my swim coach, so note this: don't comment on my diet", "instruction"),
        ("please stop sending me quotes, and remember that", "instruction"),
    ],
)
def test_the_type_follows_the_cue(message: str, memory_type: str) -> None:
    """A rule the gym sets, a readiness goal, a dislike said as "done with", a directive
    behind a reason or a this-coach frame."""
    assert saved(message).memory_type == memory_type


@pytest.mark.parametrize(
    ("message", "importance"),
    [
        ("remember I hate rowing, so swap it for the bike", "medium"),
        ("note that I like long runs, schedule them on Sundays", "medium"),
        ("for future programming: I can't stand wall balls", "medium"),
        ("note that my FTP is 240 W", "medium"),
        ("remember I hate lunges", "low"),
    ],
)
def test_a_preference_tied_to_the_plan_weighs_more(message: str, importance: str) -> None:
    """A liking with a directive for the plan beside it, or a training number, is medium; a
    bare liking stays low."""
    assert saved(message).importance == importance


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("Take my asthma into account when you plan intervals", "asthma"),
        ("I'd appreciate it if you noted that I'm a vegetarian", "vegetarian"),
        ("I'm a shift worker (keep that in mind)", "shift worker"),
        ("recuérdalo: soy vegetariano", "vegetariano"),
        ("remember: I tore my ACL today", "ACL"),
    ],
)
def test_more_forms_of_the_same_request_kinds_save(message: str, needle: str) -> None:
    """Each kind in a form the corpus did not show: the grammar, not the sentence."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("retract what I told you about my shoulder", "shoulder"),
        ("please don't keep anything about my divorce", "divorce"),
        ("wipe out what you have on me about sleep", "sleep"),
        ("that was just sarcasm about loving burpees, please delete it", "loving burpees"),
    ],
)
def test_more_forms_of_the_same_forget_kinds_forget(message: str, query: str) -> None:
    assert query in forgotten(message).query


@pytest.mark.parametrize(
    "message",
    [
        "save this for later: 3x10 squats at 80",
        "file this away: did 10 rounds today",
        "throw out the old shoes, they're done",
    ],
)
def test_a_session_log_or_an_object_is_no_memory_even_after_a_strong_label(message: str) -> None:
    """A strong label does not make a log a fact; old shoes are not a note."""
    assert detect_memory_intent(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "keep an eye on my form in the video I'll send",
        "factor in my long run yesterday when you plan today's session",
        "keep in mind I'm wrecked today",
        "jot this down: 3 rounds of 400m run, 21 KB swings",
        "my max is 140 now, not bad for a 40 year old",
        "correction: I did 4 sets not 5",
        "update: I ran 5k not 10k today",
        "recuerda que mañana tengo partido",
        "lembra que hoje é dia de perna, tá?",
        "yaad rakhna, kal gym band hai",
    ],
)
def test_one_offs_and_logs_inside_the_new_frames_keep_nothing(message: str) -> None:
    """Today, yesterday, a video to come, a workout, a remark that is no value: conversation."""
    assert detect_memory_intent(message) is None


def test_a_future_fact_kept_in_mind_is_still_kept() -> None:
    assert (
        "travelling" in saved("keep in mind I'll be travelling for work every other week").content
    )


@pytest.mark.parametrize(
    ("message", "needle"),
    [
        ("Just so you have it on record, I had a concussion in March", "concussion"),
        ("I'd like this saved: my marathon PB is 3:12", "3:12"),
        ("I'm 45 and postmenopausal. worth keeping in mind.", "postmenopausal"),
        ("got a bad back. just so you know for future plans", "bad back"),
    ],
)
def test_wishes_and_remarks_that_something_be_kept_save(message: str, needle: str) -> None:
    """ "so you have it on record", "I'd like this saved:", "worth keeping in mind"."""
    assert needle in saved(message).content


@pytest.mark.parametrize(
    ("message", "query", "new"),
    [
        ("I said 5 days a week before but now it's 4", "5 days a week", "4 days a week"),
        ("I told you I hate yoga but actually I love it now", "hate yoga", "Loves yoga now"),
        ("nevermind what I told you about my diet, forget it", "diet", None),
        ("scrap what I said earlier about Fridays", "Fridays", None),
    ],
)
def test_what_was_told_before_is_corrected_or_forgotten(
    message: str, query: str, new: str | None
) -> None:
    found = forgotten(message)
    assert found.query == query
    assert (found.replacement.content if found.replacement else None) == (new and f"{new}.")


@pytest.mark.parametrize(
    "message",
    [
        "I said it was heavy and now my back is sore lol",
        "I said I'd run today but now I'm too tired",
        "I'm vegan, just so you know",
        "good to know, thanks",
    ],
)
def test_narration_and_bare_asides_keep_nothing(message: str) -> None:
    """A story of what was said, a plan changed, "just so you know" alone (SPEC: FYI)."""
    assert detect_memory_intent(message) is None


def test_a_session_named_further_into_the_attribute_is_a_plan() -> None:
    """ "change my Tuesday session to …" edits the plan; "change my rest day to …" a fact."""
    assert detect_memory_intent("change my Thursday workout to a swim") is None
    assert "Sunday" in saved("change my long run day to Sunday").content


def test_not_anymore_after_an_update_label_retracts() -> None:
    found = forgotten("update: I'm not on a cut anymore, I'm maintaining")
    assert found.query == "on a cut" and found.replacement is not None


def test_what_you_know_is_a_place_to_keep() -> None:
    assert "firefighter" in saved("Put into what you know: I'm a firefighter").content
