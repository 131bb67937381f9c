"""Only finished workouts are logged: not questions, plans, goals, memories or other people's."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract, is_workout_log

TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    "message",
    [
        "",
        "what's a good Fran time?",
        "how should I pace a 10k?",
        "tomorrow I'm doing Fran",
        "planning to run 10k on Sunday",
        "I'm going to squat 5x5 later",
        "write me a 3x10 split",
        "can you program a 12 week marathon plan?",
        "I want to deadlift 500",
        "goal is sub-20 5k by summer",
        "remember that I have a bad left shoulder",
        "don't forget I only have dumbbells at home, 2x20kg max",
        "hey coach!",
        "thanks 🙏",
        "my wife did Fran in 6:30 today, she's a beast",
        "my buddy benched 315 for 5 last night lol",
        "in 2019 I ran Boston in 3:15, those were the days",
        "back in college I could clean 120kg",
        "Skipped my run yesterday, felt sick",
        "was supposed to do 6 x 800m today but it was pouring so I bailed",
        "My PRs: squat 180kg, bench 120kg, deadlift 220kg",
        "my squat 1RM is 405, what should my training maxes be?",
        "rest day today",
        "I usually squat 3 times a week",
        "Karen was at the gym today",
        "Lower back is tight from deadlifts, any stretches?",
        "weighed in at 82.4kg this morning",
    ],
)
def test_not_a_workout_log(message: str) -> None:
    assert extract(message, today=TODAY) == []
    assert not is_workout_log(message)


@pytest.mark.parametrize(
    "message",
    [
        "Hit 225x5 on squat today, is that good?",
        "on March 15 I ran the city half in 1:52:40, can you add it to my log?",
        "Can you log my workout: squats 5x5 at 225",
        "Cleans up to 120kg today, jerks felt off so I skipped them",
        "NEW FRAN PR!!! 4:58. last one was 5:31 back in january",
    ],
)
def test_a_log_inside_chatter_is_kept(message: str) -> None:
    assert len(extract(message, today=TODAY)) == 1
    assert is_workout_log(message)


def test_old_result_in_an_aside_is_not_a_set() -> None:
    (workout,) = extract(
        "squat heavy single 500 lbs (was stuck at 495 since december)", today=TODAY
    )
    sets = workout.discipline_specific.powerlifting.exercises[0].sets  # type: ignore[union-attr]
    assert [s.weight.value for s in sets] == [500]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("message", "disciplines"),
    [
        ("squatted this morning, ran 5k in the evening", ["powerlifting", "running"]),
        ("AM: 2000m row 7:30. PM: deadlifts 5x3 @ 140kg", ["rowing", "powerlifting"]),
        (
            "Did 2 workouts yesterday: 3x10 RDL at 135 and a 20 min bike ride",
            ["powerlifting", "cycling"],
        ),
        ("yesterday: fran 7:12. today: 5x5 bench @ 185", ["crossfit", "powerlifting"]),
        ("hybrid session: 5k run then back squats 5x5 @ 100kg", ["hybrid"]),
        ("Squats 5x5 at 225 then 3 sets of 10 RDLs at 135", ["powerlifting"]),
        ("3 RFT: 800m run / 30 KBS @ 20kg / 20 burpees - 21:44", ["crossfit"]),
    ],
)
def test_split_into_workouts(message: str, disciplines: list[str]) -> None:
    assert [w.discipline for w in extract(message, today=TODAY)] == disciplines


@pytest.mark.parametrize(
    "message",
    [
        "tomorrow I'll do legs: squat 5x5 @ 225 then RDLs 3x8 @ 185",
        "planning a 3 day trip next month, ~30 miles w 35 lb pack",
        "ok so this weekend im gonna do a long ride saturday like 60 miles and then sunday a hike",
        "Saturday I'm running 10k, any taper tips?",
        "this is what my coach wants me to do Saturday: 3 x 2 mi @ tempo w/ 3 min rest",
        "just signed up for the Chicago marathon!!! 26.2 here I come",
        "sorry haven't logged anything this week. back at it monday with a 5k and upper body",
    ],
)
def test_a_plan_covers_the_clauses_after_it(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "can you give me an EMOM for tomorrow? 20 min, I have a 53 lb KB and a pull up bar",
        "can we switch my long runs to Sundays from now on? like 14-16 mi",
        "can you build me a 5k program? currently running 3x a week, about 25km total",
    ],
)
def test_the_sentences_after_a_request_elaborate_on_it(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "tomorrow is legs, today I did bench 5x5 @ 185",
        "gonna rest tomorrow, ran 10k in 48:00 this morning",
        "can you check my squat form? did back squats 5x5 @ 225 today",
    ],
)
def test_a_clause_that_says_done_is_logged_after_a_plan_or_a_question(message: str) -> None:
    assert len(extract(message, today=TODAY)) == 1


@pytest.mark.parametrize(
    "message",
    [
        "lol my 7 yo just did 10 push ups in a row and is flexing at me",
        "skipped the gym again, third day in a row, motivation is zero",
        "PRs as of today: 5k 21:10, 10k 44:50, half 1:41:30",
    ],
)
def test_other_people_idioms_and_records_as_of_a_date(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "weekly program:\nDay 1: squat 4x6, RDL 3x8\nDay 2: bench 4x6, rows 3x10",
        "Day 1 - 5x5 squat @ 225\nDay 2 - 6 mi easy",
        "Tomorrow: 10k tempo. Friday: long run 18 mi",
        "Not feeling it today, might just go for a walk later",
        "Sorry, I meant 185 not 135 on the bench yesterday",
    ],
)
def test_templates_days_ahead_maybes_and_corrections_are_not_logs(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_day_after_a_past_label_is_still_logged() -> None:
    message = "Yesterday: 10k tempo 45:00. Monday: long run 18 mi"
    assert len(extract(message, today=TODAY)) == 2


@pytest.mark.parametrize(
    "message",
    [
        "I have a half marathon on April 12, goal is sub 1:45",
        "ive got a marathon in May",
        "So I have a powerlifting meet in March, can we peak for it?",
        "I have a big trail race next month",
    ],
)
def test_an_event_the_athlete_has_ahead_is_no_log(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "I have done a 10k today in 50 min",
        "I have a 5k PR now: ran 23:10 today",
        "I had a race on Saturday, 10k in 45:00",
    ],
)
def test_an_event_done_is_still_a_log(message: str) -> None:
    assert len(extract(message, today=TODAY)) == 1
