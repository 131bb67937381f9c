"""Endurance and session-level kinds the fourth dev corpus showed, one test per kind.

Each test uses sentences of its own (not the corpora's), so a fix by kind is checked on
text it was not tuned on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

from .kinds import data as _data
from .kinds import metres as _metres
from .kinds import time_of as _time

TODAY = dt.date(2025, 6, 11)
"""A Wednesday."""


@pytest.mark.parametrize(
    ("message", "disciplines"),
    [
        ("Easy spin 60 min, then in the evening 15 min stretching", ["cycling", "mobility"]),
        ("ran 8k in 41 min. In the night 25 min yoga", ["running", "yoga"]),
    ],
)
def test_a_later_part_of_the_day_said_only_once_starts_a_session(
    message: str, disciplines: list[str]
) -> None:
    workouts = extract(message, today=TODAY)
    assert [w.discipline for w in workouts] == disciplines
    assert _time(workouts[1]) is not None


def test_sat_before_was_is_saturday() -> None:
    (workout,) = extract("sat was a 12k long run, legs heavy", today=TODAY)
    assert workout.date == dt.date(2025, 6, 7)


@pytest.mark.parametrize(
    ("message", "metres"),
    [
        ("ran 2 km warm up, 6 x 800m, 2 km cool down. Total around 9.6 km", 9600),
        ("long run: 5 mi easy then 6 at goal pace and 1 easy, 12 in total", 12 * 1609.344),
        ("tempo 4 km inside the run, 10 km in total", 10000),
    ],
)
def test_a_total_said_late_is_the_distance(message: str, metres: float) -> None:
    (workout,) = extract(message, today=TODAY)
    assert _metres(workout) == pytest.approx(metres)


def test_a_bare_number_before_total_needs_a_unit_said_before() -> None:
    (workout,) = extract("bike intervals 5x4 min, 75 min total", today=TODAY)
    assert _time(workout) == 75 * 60


@pytest.mark.parametrize(
    "message",
    [
        "first jog since the half marathon, 4 km in 26 min",
        "shakeout after my marathon: 4 km, 26 minutes, legs ok",
    ],
)
def test_a_race_said_in_passing_is_not_the_session(message: str) -> None:
    (workout,) = extract(message, today=TODAY)
    assert _metres(workout) == 4000
    assert _time(workout) == 26 * 60
    assert _data(workout).run_type != "race"


@pytest.mark.parametrize(
    "message",
    [
        "my numbers now: squat 140, bench 95, deadlift 180. too slow?",
        "my maxes currently: squat 140, bench 95",
        "Need a plan for the next 8 weeks. I can run Monday, Wednesday and Saturday morning",
        "Entered a trail race in October. It is 42 km with 2100 m of climbing. Thoughts?",
        "weekly total came to 38 miles, up from 31. Too much?",
        "my sleep got better since I started swimming again. coincidence?",
    ],
)
def test_numbers_plans_and_sums_log_nothing(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_weekly_total_line_leaves_the_diary_lines() -> None:
    message = "Mon: ran 5 mi easy\nWed: ran 6 mi tempo\nweekly total 11 mi"
    assert len(extract(message, today=TODAY)) == 2


def test_an_emoji_before_words_parts_clauses() -> None:
    message = "missed the gym again 🙄 all i did was a 4 mile walk after dinner"
    (workout,) = extract(message, today=TODAY)
    assert workout.discipline == "walking"
    assert _metres(workout) == pytest.approx(4 * 1609.344)


def test_an_emoji_before_numbers_stays_with_them() -> None:
    (workout,) = extract("track intervals 🥵 6 x 3min @ 5k pace w/ 90s jog", today=TODAY)
    assert _data(workout).run_type == "intervals"


def test_accents_are_dropped_not_their_letters() -> None:
    (workout,) = extract("randonnée hier, 14 km", today=TODAY)
    assert workout.discipline == "hiking"
    assert workout.date == TODAY - dt.timedelta(days=1)


def test_a_vetoed_comment_run_on_after_a_session_leaves_it() -> None:
    message = "parkrun done this morning 24:10 my son beat me which I will hear about forever"
    (workout,) = extract(message, today=TODAY)
    assert _time(workout) == 24 * 60 + 10


def test_a_vetoed_head_stays_vetoed() -> None:
    assert extract("skipped my 10k because my knee hurt", today=TODAY) == []


@pytest.mark.parametrize(
    ("message", "metres"),
    [("gravel ride 64,5 km, 2:31:00", 64500), ("easy jog 7,2 km in 41 min", 7200)],
)
def test_a_decimal_comma_is_a_decimal_point(message: str, metres: float) -> None:
    (workout,) = extract(message, today=TODAY)
    assert _metres(workout) == pytest.approx(metres)


def test_thousands_commas_stay_thousands() -> None:
    (workout,) = extract("rowed 2,000m in 7:45", today=TODAY)
    assert _metres(workout) == 2000


def test_n_times_a_distance_is_repeats() -> None:
    (workout,) = extract("track: 8 times 400 m with 1 min rest", today=TODAY)
    assert _data(workout).run_type == "intervals"
    assert _metres(workout) == 3200


def test_an_uphill_session_is_hills() -> None:
    (workout,) = extract("hill workout: 10 x 90 sec hard uphill, jog down", today=TODAY)
    assert _data(workout).run_type == "hills"


def test_same_as_last_week_does_not_move_the_date() -> None:
    message = "ran 5k this morning. And Monday's gym: squat 100 3x5, same as last week"
    workouts = extract(message, today=TODAY)
    assert [w.date for w in workouts] == [TODAY, dt.date(2025, 6, 9)]


def test_a_slash_after_a_distance_separates_the_time() -> None:
    (workout,) = extract("walked the canal path, 3 mi / 55 min", today=TODAY)
    assert _time(workout) == 55 * 60


def test_the_day_of_a_vetoed_clause_dates_the_clauses_after_it() -> None:
    message = "ran 10k yesterday. Monday was a rest day, 25 min of stretching only"
    workouts = extract(message, today=TODAY)
    assert [w.date for w in workouts] == [TODAY - dt.timedelta(days=1), dt.date(2025, 6, 9)]


@pytest.mark.parametrize(
    ("message", "today", "date"),
    [
        ("Boxing Day parkrun, 23:40", dt.date(2025, 12, 28), dt.date(2025, 12, 26)),
        ("New Year's Day swim, 1 km in 25 min", dt.date(2026, 1, 3), dt.date(2026, 1, 1)),
        ("ran 10k on Thanksgiving, 52 min", dt.date(2025, 11, 29), dt.date(2025, 11, 27)),
    ],
)
def test_a_recent_holiday_dates_the_session(message: str, today: dt.date, date: dt.date) -> None:
    (workout,) = extract(message, today=today)
    assert workout.date == date


def test_a_greeting_or_a_far_holiday_dates_nothing() -> None:
    today = dt.date(2025, 12, 27)
    (greeted,) = extract("Happy Christmas! ran 8k this morning", today=today)
    assert greeted.date == today
    (far,) = extract("ran 8k, Christmas Day pace", today=dt.date(2026, 3, 2))
    assert far.date == dt.date(2026, 3, 2)


def test_a_swim_event_is_a_swim_of_its_distance() -> None:
    message = "county meet: 400 free 4:51.20 this morning, 100 breast 1:12.4 in the evening"
    workouts = extract(message, today=TODAY)
    assert [w.discipline for w in workouts] == ["swimming", "swimming"]
    assert [_metres(w) for w in workouts] == [400, 100]
    assert [_time(w) for w in workouts] == [pytest.approx(291.2), pytest.approx(72.4)]


def test_a_stroke_drill_is_not_an_event() -> None:
    assert extract("50 back squat 3x5", today=TODAY)[0].discipline != "swimming"


def test_a_race_with_transitions_is_one_workout() -> None:
    message = "sprint tri done: swim 750m 14:02, T1 2:10, bike 20k 38:40, T2 1:05, run 5k 24:30"
    assert len(extract(message, today=TODAY)) == 1


def test_legs_without_transitions_stay_apart() -> None:
    assert len(extract("swam 1500m this morning, ran 5k in the evening", today=TODAY)) == 2
