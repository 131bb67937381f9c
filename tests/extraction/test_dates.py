"""Dates in the athlete's words, resolved against their local `today`."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.dates import find_anchors, last_weekday

TODAY = dt.date(2025, 4, 10)  # a Thursday


def _date(message: str, today: dt.date = TODAY, tz: str = "UTC") -> list[str]:
    return [w.date.isoformat() for w in extract(message, today=today, tz=tz)]


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("ran 5k in 25:00 yesterday", "2025-04-09"),
        ("squats 5x5 @ 225 this morning", "2025-04-10"),
        ("did Fran last night, 7:30", "2025-04-09"),
        ("on Monday I did squats 5x5 at 245", "2025-04-07"),
        ("last Saturday I rode 40 km", "2025-04-05"),
        ("Thursday: bench 3x5 at 185", "2025-04-03"),
        ("ran 10k in 50:00 2 days ago", "2025-04-08"),
        ("March 15 I ran 12 km in 1:02:10", "2025-03-15"),
        ("on the 15th of March I ran 12 km in 1:02:10", "2025-03-15"),
        ("2025-04-01: deadlift 3x5 @ 315", "2025-04-01"),
    ],
)
def test_relative_and_named_dates(message: str, date: str) -> None:
    assert _date(message) == [date]


def test_a_past_month_day_is_never_in_the_future() -> None:
    assert _date("on December 24 I ran 10k in 50:00") == ["2024-12-24"]


def test_weekday_said_on_that_weekday_means_a_week_ago() -> None:
    assert last_weekday(TODAY, "thursday") == dt.date(2025, 4, 3)


def test_two_days_in_one_message_give_two_workouts() -> None:
    message = "Thursday did Grace in 3:10 and Friday ran 8 miles"
    assert _date(message, today=dt.date(2025, 4, 13)) == ["2025-04-10", "2025-04-11"]


def test_the_next_day_follows_the_previous_date() -> None:
    message = "March 15 I ran a 10k in 47:55 and the next day I did Fran in 5:40"
    assert _date(message, today=dt.date(2025, 4, 20)) == ["2025-03-15", "2025-03-16"]


@pytest.mark.parametrize(
    ("message", "dates"),
    [
        ("did Fran in 6:10 and ran 5k in 24:00 yesterday", ["2025-04-09", "2025-04-09"]),
        ("ran 5k this morning, squats 5x5 yesterday", ["2025-04-10", "2025-04-09"]),
        ("ran 5k in 24:00. Squats 5x5 at 225 yesterday", ["2025-04-10", "2025-04-09"]),
    ],
)
def test_a_date_closing_a_sentence_covers_its_undated_sessions(
    message: str, dates: list[str]
) -> None:
    assert _date(message) == dates


def test_no_date_means_today_and_is_flagged() -> None:
    (workout,) = extract("bench 5x5 @ 185", today=TODAY)
    assert workout.date == TODAY
    assert "date_assumed" in workout.metadata.validation_flags


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Pago_Pago"])
def test_extreme_offsets_take_today_as_given(tz: str) -> None:
    assert _date("yesterday: deadlift 5x3 @ 180kg", tz=tz) == ["2025-04-09"]
    assert _date("last night 45 min spin", tz=tz) == ["2025-04-09"]


def test_part_of_day_without_a_date() -> None:
    (anchor,) = find_anchors("rowed 5k in the afternoon", TODAY)
    assert (anchor.date, anchor.part) == (None, "afternoon")


def test_sat_and_sun_as_words_are_not_days() -> None:
    assert find_anchors("sat on the bench in the sun", TODAY) == []


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("forgot to log from the 5th: deadlift 3x3 @ 405", "2025-04-05"),
        ("recap from Saturday: squat 3x3 @ 315", "2025-04-05"),
        ("Helen from 2 days ago, 11:30", "2025-04-08"),
        ("legs still sore from Monday, ran 5k in 25:00", "2025-04-10"),
        ("bench 3x5 at 185, felt different from Tuesday", "2025-04-10"),
    ],
)
def test_from_names_the_session_day_unless_it_is_a_passing_comparison(
    message: str, date: str
) -> None:
    assert _date(message) == [date]


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("Thursday Tempo\n6 mi, 45:00", "2025-04-10"),
        ("tempo thursday 10k in 48:00", "2025-04-10"),
        ("on Thursday ran 10k in 48:00", "2025-04-03"),
        ("last Thursday ran 10k in 48:00", "2025-04-03"),
    ],
)
def test_a_bare_weekday_naming_today_is_a_title_for_today(message: str, date: str) -> None:
    assert _date(message) == [date]
