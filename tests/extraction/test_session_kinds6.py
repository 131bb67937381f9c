"""Sessions by kind (round 6): gym sessions named only by their split or muscles."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

from .kinds import metres as metres_of

TODAY = dt.date(2025, 10, 16)  # a Thursday


@pytest.mark.parametrize(
    ("message", "split", "muscles", "seconds"),
    [
        ("chest and tris today, 50 min", None, ["chest", "triceps"], 3000.0),
        ("leg day this morning, 1 hr", "legs", ["legs"], 3600.0),
        ("Tue: shoulders + arms", "arms", ["shoulders", "arms"], None),
        ("push day yesterday", "push", [], None),
        ("did a 40 min strength video at home", None, [], 2400.0),
    ],
)
def test_a_gym_session_named_by_its_split(
    message: str, split: str | None, muscles: list[str], seconds: float | None
) -> None:
    [workout] = extract(message, today=TODAY)
    data = workout.discipline_specific.bodybuilding
    assert workout.discipline == "bodybuilding" and data is not None
    assert (data.training_split, data.muscle_groups_primary) == (split, muscles)
    assert workout.duration == seconds


@pytest.mark.parametrize(
    "message",
    [
        "legs ok today",
        "arms",
        "back today",
        "walked to the shop and back today",
        "my back is sore today",
    ],
)
def test_a_body_part_in_passing_is_no_session(message: str) -> None:
    assert [w.discipline for w in extract(message, today=TODAY)] in ([], ["walking"])


def test_each_diary_line_with_a_split_is_its_own_day() -> None:
    message = "Mon: back and biceps\nWed: legs\nFri: chest & shoulders, 1 hr"
    workouts = extract(message, today=TODAY)
    assert [w.date.isoformat() for w in workouts] == ["2025-10-06", "2025-10-08", "2025-10-10"]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("Monday 40 lengths in the pool", "swimming"),
        ("45 min on the rollers this morning", "cycling"),
        ("open mat tonight, lots of guard passing, 1 hr", "martial_arts"),
        ("drilling session at the academy, 90 min", "martial_arts"),
        ("trained this morning, gi, 1 hr", "martial_arts"),
        ("ran 20 km, some gi issues around 15k", "running"),
        ("foam rolling 10 min after work", "mobility"),
    ],
)
def test_sessions_named_by_their_sports_words(message: str, discipline: str) -> None:
    [workout] = extract(message, today=TODAY)
    assert workout.discipline == discipline


@pytest.mark.parametrize(
    ("message", "seconds", "metres"),
    [
        ("a 30-minute walk this morning", 1800.0, None),
        ("a 5-mile run today, 45 min", 2700.0, 8046.72),
        ("2-hour ride, 50 km", 7200.0, 50000.0),
        ("the 1-hour swim: 3,000 m", 3600.0, 3000.0),
    ],
)
def test_a_unit_written_as_an_adjective(message: str, seconds: float, metres: float | None) -> None:
    [workout] = extract(message, today=TODAY)
    assert workout.duration == seconds
    assert (metres_of(workout) or None) == (pytest.approx(metres) if metres else None)


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("did DT at the station, 11:40 at 135", "crossfit"),
        ("upper body at the station gym, bench 4x8 at 185, rows 4x10", "bodybuilding"),
        ("45 min of stations: row, wall balls, lunges", "circuit_training"),
    ],
)
def test_a_workplace_station_is_no_circuit(message: str, discipline: str) -> None:
    [workout] = extract(message, today=TODAY)
    assert workout.discipline == discipline


@pytest.mark.parametrize(
    ("message", "units", "metres"),
    [
        ("Easy 3 this morning, 33 minutes", "lb", 3 * 1609.344),
        ("long 14 today, 1:25", "kg", 14000.0),
        ("Mon 5 km, Wed easy 6", "lb", 5000.0),
    ],
)
def test_a_bare_run_distance_takes_the_athletes_unit(
    message: str, units: str, metres: float | None
) -> None:
    workouts = extract(message, today=TODAY, units=units)  # type: ignore[arg-type]
    assert metres_of(workouts[0]) == (pytest.approx(metres) if metres else None)


def test_a_bare_number_in_a_lifting_log_stays_bare() -> None:
    [workout] = extract("pull-ups 3 sets of 10, 8, 6 and then 5 slow negatives", today=TODAY)
    assert workout.discipline == "calisthenics"


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("climbed Snowdon on Saturday, 14 km, 1,000 m up, 6 hours", "hiking"),
        ("multi pitch on Sunday, 4 pitches, approach was 3 km", "climbing"),
        ("climbed at the gym 2 hrs, sent a V5", "climbing"),
    ],
)
def test_a_mountain_climbed_over_kilometres_is_a_hike(message: str, discipline: str) -> None:
    [workout] = extract(message, today=TODAY)
    assert workout.discipline == discipline


def test_thousands_of_yards_said_with_k() -> None:
    [workout] = extract("masters this morning, 3.5k yds", today=TODAY)
    swim = workout.discipline_specific.swimming
    assert swim is not None and (swim.total_distance, swim.distance_unit) == (3500, "yd")
