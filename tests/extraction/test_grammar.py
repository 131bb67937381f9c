"""The notation grammar, by property: number words, a stated unit carried forward, per-line
dates; and the kinds of text the blind sets showed: new disciplines, non-log frames,
typos, merges, dates mentioned in passing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import Workout, extract
from extraction.number_words import digits_for_words
from extraction.vocabulary import FUZZY_CUTOFF, corrected

TODAY = dt.date(2025, 6, 12)  # a Thursday
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
_TEENS += ["seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def words_for(n: int) -> str:
    """English words for 2-99."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def sets(workout: Workout) -> list[tuple[int | None, float | None, str | None]]:
    data = getattr(workout.discipline_specific, workout.discipline)
    return [
        (s.reps, s.weight.value if s.weight else None, s.weight.unit if s.weight else None)
        for exercise in data.exercises
        for s in exercise.sets
    ]


@given(st.integers(2, 9), st.integers(2, 30), st.integers(45, 400))
def test_sets_and_reps_in_words_read_as_digits(count: int, reps: int, load: int) -> None:
    text = f"back squats, {words_for(count)} sets of {words_for(reps)} at {load} lb"
    [workout] = extract(text, today=TODAY)
    assert sets(workout) == [(reps, load, "lb")] * count


@given(st.integers(1, 9), st.integers(2, 9), st.sampled_from([0, *range(20, 100)]))
def test_loads_said_aloud(hundreds: int, tens: int, unit: int) -> None:
    said = f"{_UNITS[hundreds]} {words_for(tens * 10 + unit % 10)}"
    assert digits_for_words(f"bench {said} pounds") == f"bench {hundreds}{tens}{unit % 10} pounds"


@pytest.mark.parametrize("text", ["one arm row", "a bit tired", "Filthy Fifty today"])
def test_number_words_that_are_not_counts_stay_words(text: str) -> None:
    assert digits_for_words(text) == text


@given(st.sampled_from(["kg", "lb"]), st.integers(40, 200), st.integers(40, 200))
def test_a_stated_unit_is_carried_to_bare_numbers(unit: str, first: int, second: int) -> None:
    other = "kg" if unit == "lb" else "lb"
    text = f"bench 3x5 at {first}{unit}, squat 3x5 at {second}"
    [workout] = extract(text, today=TODAY, units=other)  # type: ignore[arg-type]
    assert sets(workout) == [(5, first, unit)] * 3 + [(5, second, unit)] * 3


@given(st.lists(st.integers(0, 6), min_size=2, max_size=4, unique=True).map(sorted))
def test_each_day_labelled_line_is_its_own_date(days: list[int]) -> None:
    text = "\n".join(f"{_DAYS[d]}: deadlift 3x5 at {200 + d} lb" for d in days)
    workouts = extract(text, today=TODAY)
    dates = [w.date for w in workouts]
    assert [d.weekday() for d in dates] == days
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert TODAY - dt.timedelta(days=7) <= dates[-1] <= TODAY
    assert dates[-1] - dates[0] < dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("text", "discipline"),
    [
        ("walked 3 miles in 55 min with a 20 lb vest", "walking"),
        ("hiked 8 miles, 2,400 ft gain, 4h10", "hiking"),
        ("3 day backpacking trip, 32 lb pack, 24 miles", "backpacking"),
        ("walked 4 miles with a 25 lb plate in my backpack", "rucking"),
        ("played pickleball for 90 minutes", "sports"),
        ("30 min mobility and stretching", "mobility"),
        ("F45 this morning, 9 stations", "circuit_training"),
        ("a bit of everything today: 2k row, some kb swings, 20 min bike", "hybrid"),
    ],
)
def test_disciplines_by_their_cues(text: str, discipline: str) -> None:
    [workout] = extract(text, today=TODAY)
    assert workout.discipline == discipline


def test_carried_load_and_elevation_keep_their_units() -> None:
    [hike] = extract("hiked 8 miles, 2,400 ft gain, 20 lb vest", today=TODAY)
    assert hike.discipline_specific.hiking is not None
    assert hike.discipline_specific.hiking.elevation_gain is not None
    assert hike.discipline_specific.hiking.elevation_gain.model_dump() == {
        "value": 2400,
        "unit": "ft",
    }
    assert hike.discipline_specific.hiking.vest_weight is not None


def test_a_stretch_after_a_run_is_part_of_the_run() -> None:
    [run] = extract("ran 5k in 25 min then stretched 10 min", today=TODAY)
    assert run.discipline == "running"


@pytest.mark.parametrize(
    "text",
    [
        "My goals for next year: squat 405, run a sub-20 5k, 10 strict pull-ups",
        "Here's my plan for next week: Mon squat 5x5, Wed bench 5x5, Fri deadlift 3x5",
        "Current maxes: squat 315, bench 225, deadlift 405",
        "Proposed split: push, pull, legs. Does this look ok?",
        "Saturday's plan: long run 18 miles",
    ],
)
def test_goals_plans_and_maxes_are_not_logs(text: str) -> None:
    assert extract(text, today=TODAY) == []


def test_typos_are_corrected_with_a_flag_and_never_below_the_cutoff() -> None:
    [workout] = extract("romainian deadlfits 3x8 at 135", today=TODAY)
    assert sets(workout) == [(8, 135, "lb")] * 3
    assert "name_corrected" in workout.metadata.validation_flags
    assert corrected("talking") == "talking"  # everyday words stay as written
    assert corrected("squaaaats") == "squaaaats"  # too far: below FUZZY_CUTOFF
    assert FUZZY_CUTOFF >= 0.8


def test_similar_lifts_stay_apart() -> None:
    [workout] = extract(
        "incline press 3x10 at 135, bench 5x5 at 185, straight arm pulldown 3x12, "
        "lat pulldown 3x10",
        today=TODAY,
    )
    data = workout.discipline_specific.model_dump(exclude_none=True)[workout.discipline]
    names = {e["exercise_name"] for e in data["exercises"]}
    assert {"incline_bench_press", "bench_press", "straight_arm_pulldown", "lat_pulldown"} <= names


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("bench 5x5 at 185, way better than Monday", TODAY),
        ("squats 5x5 at 225 on the 3rd", dt.date(2025, 6, 3)),
        ("squats 5x5 at 225 on the 20th", dt.date(2025, 5, 20)),
    ],
)
def test_dates_mentioned_in_passing_and_ordinal_days(text: str, date: dt.date) -> None:
    [workout] = extract(text, today=TODAY)
    assert workout.date == date


@given(
    st.lists(st.integers(0, 6), min_size=2, max_size=4, unique=True).map(sorted),
    st.sampled_from(["\n", ", "]),
)
def test_a_diary_entry_needs_no_colon_after_its_day(days: list[int], joiner: str) -> None:
    text = joiner.join(f"{_DAYS[d].lower()} ran {3 + d} mi" for d in days)
    dates = [w.date for w in extract(text, today=TODAY)]
    assert [d.weekday() for d in dates] == days
    assert dates == sorted(dates) and TODAY - dt.timedelta(days=7) <= dates[-1] <= TODAY


@given(st.sampled_from(["mi", "km"]), st.integers(2, 20), st.integers(2, 20))
def test_a_bare_run_distance_takes_the_unit_stated_before_it(
    unit: str, first: int, second: int
) -> None:
    text = f"Mon easy {first} {unit}\nWed {second} easy"
    runs = [w.discipline_specific.running for w in extract(text, today=TODAY)]
    assert [(r.total_distance, r.distance_unit) for r in runs if r] == [
        (first, unit),
        (second, unit),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("overnight backpacking trip Sat-Sun, 14 mi, 3,000 ft gain", dt.date(2025, 6, 7)),
        ("weekend trip fri to sun, hiked 20 mi", dt.date(2025, 6, 6)),
    ],
)
def test_a_range_of_days_is_dated_its_first_day(text: str, date: dt.date) -> None:
    [workout] = extract(text, today=TODAY)
    assert workout.date == date


@pytest.mark.parametrize(
    ("text", "discipline"),
    [
        ("GoRuck w 20kg, 10km, 1:45:00", "rucking"),
        ("sculling on the river this morning, 12k", "rowing"),
        ("2000m test 7:12.4", "rowing"),
        ("nogi open mat 2hrs, lots of leg lock entries", "martial_arts"),
        ("board session: moonboard ~1 hr then hangboard repeaters", "climbing"),
        (
            "functional bb pump: db incline 4x12 @ 50s, chest supported rows 4x12",
            "functional_bodybuilding",
        ),  # noqa: E501
        ("Half Dome, 16.4 mi, 4,800 ft gain, 10:30 car to car", "hiking"),
        ("ran 10 mi on trails, 1,500 ft of gain, 1:32:00", "running"),
        ("Tour du Mont Blanc done, 11 days, ~170km", "backpacking"),
    ],
)
def test_more_disciplines_by_their_cues(text: str, discipline: str) -> None:
    [workout] = extract(text, today=TODAY)
    assert workout.discipline in (discipline, "trail_running" if discipline == "running" else "")


def test_a_bare_distance_then_a_keyword_is_that_keyword_not_two_sessions() -> None:
    [hike] = extract("16.4 mi, 4,800 ft gain, 10:30 car to car", today=TODAY)
    assert hike.discipline == "hiking"
    run, yoga = extract("5k in 25:00, then 30 min yoga", today=TODAY)
    assert (run.discipline, yoga.discipline) == ("running", "yoga")


def test_golf_is_a_sport_though_the_course_is_walked() -> None:
    [workout] = extract("played 18 holes of golf, walked the whole course", today=TODAY)
    assert workout.discipline == "sports"
