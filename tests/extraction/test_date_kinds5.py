"""Dates by kind (round 6): numeric dates in the athlete's locale, foreign day names, posts
after midnight, passing mentions, several days in one clause, logs mixed with plans."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import extract
from extraction.numeric_dates import date_order, read_numeric_date

TODAY = dt.date(2025, 10, 16)  # a Thursday


def _dates(message: str, tz: str = "UTC", today: dt.date = TODAY) -> list[str]:
    return [w.date.isoformat() for w in extract(message, today=today, tz=tz)]


@pytest.mark.parametrize(
    ("tz", "order"),
    [
        ("America/Chicago", "month_first"),
        ("America/Vancouver", "month_first"),
        ("US/Pacific", "month_first"),
        ("Asia/Seoul", "month_first"),
        ("Europe/Berlin", "day_first"),
        ("America/Buenos_Aires", "day_first"),
        ("Australia/Perth", "day_first"),
        ("UTC", "nearest"),
    ],
)
def test_the_zone_says_which_comes_first(tz: str, order: str) -> None:
    assert date_order(tz) == order


@pytest.mark.parametrize(
    ("message", "tz", "date"),
    [
        ("9/10 - tempo 8k in 36 min", "Europe/Dublin", "2025-10-09"),
        ("9/10 - tempo 8k in 36 min", "America/New_York", "2025-09-10"),
        ("2/10 - tempo 8k in 36 min", "America/New_York", "2025-10-02"),
        ("4/10 did the hill loop, 9 km", "Europe/Paris", "2025-10-04"),
        ("10/4 did the hill loop, 9 km", "America/Chicago", "2025-10-04"),
        ("13/10: lower body, squat 4x6 at 90 kg", "America/Chicago", "2025-10-13"),
        ("10/13: lower body, squat 4x6 at 90 kg", "Europe/Madrid", "2025-10-13"),
        ("- 9/10 swam 2k, 40 min", "Asia/Tokyo", "2025-09-10"),
        ("Sat 11/10 long ride 90 km", "Europe/Lisbon", "2025-10-11"),
        ("ran 6 mi on 10/9 in 52 min", "America/Denver", "2025-10-09"),
        ("12.10 bench 5x5 at 80 kg", "Europe/Warsaw", "2025-10-12"),
        ("12.10. bench 5x5 at 80 kg", "Europe/Warsaw", "2025-10-12"),
        ("hyrox sim (11/10), 1:32:10", "Europe/London", "2025-10-11"),
        ("raced a 10k on 05/10/2025 in 44:30", "Europe/Rome", "2025-10-05"),
        ("raced a 10k on 10/5/25 in 44:30", "America/Phoenix", "2025-10-05"),
    ],
)
def test_a_numeric_date_is_read_in_the_athletes_order(message: str, tz: str, date: str) -> None:
    assert _dates(message, tz) == [date]


@pytest.mark.parametrize(
    "message",
    [
        "1/2 marathon pace run, 12 km in 58 min",
        "tabata bike 20/10 x 8",
        "10/20 intervals on the rower, 15 min",
        "5.10 km easy",
        "front squat 3/3/3 at 100 kg",
    ],
)
def test_numbers_that_are_no_date_stay_numbers(message: str) -> None:
    assert _dates(message, "Europe/London") == ["2025-10-16"]


def test_a_dates_numbers_are_no_singles_nor_reps() -> None:
    [workout] = extract("10/14 heavy singles: squat 500", today=TODAY, tz="America/Chicago")
    squat = workout.model_dump()["discipline_specific"]["powerlifting"]["exercises"][0]
    assert workout.date == dt.date(2025, 10, 14)
    assert len(squat["sets"]) == 1


@given(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)), st.integers(0, 59))
def test_a_recent_date_is_read_back_in_either_order(today: dt.date, back: int) -> None:
    date = today - dt.timedelta(days=back)
    assert read_numeric_date(date.day, date.month, today, "day_first") == date
    assert read_numeric_date(date.month, date.day, today, "month_first") == date
    assert read_numeric_date(date.day, date.month, today, "day_first", date.year) == date


@pytest.mark.parametrize(
    ("message", "dates"),
    [
        (
            "lunes: pierna, sentadilla 5x5 80 kg\nmiercoles: 10 km easy",
            ["2025-10-13", "2025-10-15"],
        ),
        ("Samstag 20 km Lauf, Sonntag 2 km swim", ["2025-10-11", "2025-10-12"]),
        ("sabato: run 8 km\ndomenica: bike 40 km", ["2025-10-11", "2025-10-12"]),
        ("wtorek: deadlift 3x3 at 150 kg", ["2025-10-14"]),
        ("vr 10/10 - 2h easy ride, 60 km", ["2025-10-10"]),
        ("dia 12 I swam 2,000 m in 40 min", ["2025-10-12"]),
    ],
)
def test_days_named_in_other_languages(message: str, dates: list[str]) -> None:
    assert _dates(message, "Europe/Madrid") == dates


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("6am: 5k easy run. 6pm: bench 5x5 at 100 kg", 2),
        ("swam 2 km at 7:15 am, then lifted at 5:30pm: squat 3x5 at 120 kg", 2),
        ("AM run 8 km, PM lift: deadlift 3x5 at 140 kg", 2),
        ("yoga at sunrise 45 min, 10 km run at sunset", 2),
    ],
)
def test_clock_times_and_parts_of_the_day_split_a_double(message: str, parts: int) -> None:
    assert _dates(message, "Europe/London") == ["2025-10-16"] * parts


@pytest.mark.parametrize("day", ["Tue", "Wednesday", "Sat"])
def test_a_days_morning_and_evening_labels_are_the_same_day(day: str) -> None:
    message = f"{day} AM: 8 km easy run\n{day} PM: bench 4x8 at 80 kg"
    dates = _dates(message, "Europe/London")
    assert len(dates) == 2 and dates[0] == dates[1]


@pytest.mark.parametrize(
    "message",
    [
        "Saturday 12 km hike, 4h. Sunday nothing.",
        "Saturday 12 km hike, 4h\nSunday - off",
        "Saturday 12 km hike, 4h. Sunday it rained so nothing",
    ],
)
def test_a_day_with_nothing_in_it_logs_nothing(message: str) -> None:
    assert _dates(message, "Europe/London") == ["2025-10-11"]


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("It's 00:40 and I can't sleep. Did 30 min on the bike before bed", "2025-10-15"),
        ("it's 1:15am, just back from the gym: bench 5x5 at 90 kg", "2025-10-15"),
        ("now 12:30 am, rowed 10k at 10pm tonight", "2025-10-15"),
        ("its past midnight lol, ran 8 km after work", "2025-10-15"),
        ("It's 7:30 and I just ran 5 km", "2025-10-16"),
    ],
)
def test_a_message_sent_after_midnight_logs_the_evening_before(message: str, date: str) -> None:
    assert _dates(message, "Europe/London") == [date]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Tuesday swam 2,000 m, then today 2,500", [("swimming", 2500.0, "m")]),
        ("rode 40 km yesterday and 55 today", [("cycling", 55.0, "km")]),
        ("Mon ran 5 mi, Wed 6, Fri 8 easy", [("running", 6.0, "mi"), ("running", 8.0, "mi")]),
    ],
)
def test_a_later_days_number_is_the_sport_said_before(
    message: str, expected: list[tuple[str, float, str]]
) -> None:
    workouts = extract(message, today=TODAY, tz="Europe/London")
    later = [
        (w.discipline, block.total_distance, block.distance_unit)
        for w in workouts[1:]
        if (block := getattr(w.discipline_specific, w.discipline))
    ]
    assert later == expected


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("deadlift 3x5 at 140 kg this morning, same weight as last Monday", "2025-10-16"),
        ("ran 10 km today, as fast as Sunday", "2025-10-16"),
        ("gym after my last night shift: squat 4x6 at 70 kg", "2025-10-16"),
        ("on 12th I rode 80 km with the club", "2025-10-12"),
        ("On the 2nd swam 3 km in the lake", "2025-10-02"),
    ],
)
def test_passing_mentions_and_ordinal_days(message: str, date: str) -> None:
    assert _dates(message, "Europe/London") == [date]


@pytest.mark.parametrize(
    "message",
    [
        "Every weekday I cycle to work, 30 min each way. Does that count?",
        "I've been swimming about 8k yds a week, am I ready for a 1500?",
        "Back in '09 I ran 2:58 at Boston. Could I get close again?",
        "Openers I'm thinking: squat 200, bench 130, deadlift 230. Too much?",
        "Programming for my Saturday class: 5 rounds of 10 thrusters, 10 pull-ups",
        "No bike this week. Plan: swim Monday, run Wednesday, long walk Friday. Good?",
        "Our captain did Fran in 2:40 yesterday. How long till I get there?",
        "Racing the 5k on Saturday, did my taper right?",
    ],
)
def test_habits_plans_old_results_and_others_workouts_are_no_logs(message: str) -> None:
    assert _dates(message, "Europe/London") == []


def test_a_log_then_a_plan_logs_only_the_log() -> None:
    message = "Tuesday swam 2,000 m easy. Plan: Friday 10 km run, Sunday long ride."
    assert _dates(message, "Europe/London") == ["2025-10-14"]


@pytest.mark.parametrize(
    ("message", "dates"),
    [
        ("Tue and Wed both 3 km in the pool", ["2025-10-14", "2025-10-15"]),
        ("did pilates Mon, Tue and Wed, 45 min each", ["2025-10-13", "2025-10-14", "2025-10-15"]),
        ("Saturday & Sunday I rode 50 km with the club", ["2025-10-11", "2025-10-12"]),
    ],
)
def test_a_sentence_about_several_days_logs_each_day(message: str, dates: list[str]) -> None:
    assert sorted(_dates(message, "Europe/London")) == sorted(dates)


def test_a_trip_over_two_days_stays_one() -> None:
    message = "overnight backpacking trip Sat and Sun, 14 mi, 3,000 ft gain"
    assert _dates(message, "Europe/London") == ["2025-10-11"]


@pytest.mark.parametrize(
    ("message", "disciplines"),
    [
        ("swim 2k + run 5k", ["swimming", "running"]),
        ("40 min spin & 2 km swim this evening", ["cycling", "swimming"]),
        ("bench 5x5 at 80 kg + rows 3x10", ["bodybuilding"]),
        ("run 5k + 2k cooldown jog", ["running"]),
    ],
)
def test_two_sports_joined_by_a_plus_are_two_sessions(message: str, disciplines: list[str]) -> None:
    workouts = extract(message, today=TODAY, tz="Europe/London")
    assert [w.discipline for w in workouts] == disciplines


@pytest.mark.parametrize(
    ("message", "dates"),
    [
        ("Mon 13 - 6 km easy run\nWed 15: squat 5x5 at 100 kg", ["2025-10-13", "2025-10-15"]),
        ("Tuesday 7th, swam 3 km", ["2025-10-07"]),
        ("Sat 4 routes at the crag, Sun 11 km trail run", ["2025-10-11", "2025-10-12"]),
        ("3rd: squat 5x5 at 100 kg\n14th - ran 10 km", ["2025-10-03", "2025-10-14"]),
        ("parkrun today, 23:10, 9th", ["2025-10-16"]),
    ],
)
def test_a_days_name_with_its_day_of_the_month(message: str, dates: list[str]) -> None:
    assert _dates(message, "Europe/London") == dates
