"""The discipline a workout gets, one kind of cue at a time.

Each kind is a reason the first cue found used to win over the sum of them: the sentences
here are new ones, not the corpora's, so a fix that only fit a corpus line fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import Workout, extract

TODAY = dt.date(2025, 6, 18)


def _disciplines(message: str) -> list[str]:
    return [w.discipline for w in extract(message, today=TODAY, units="kg")]


def _one(message: str) -> Workout:
    (workout,) = extract(message, today=TODAY, units="kg")
    return workout


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("marathon distance on the rower for charity, 42,195m in 3:05:10", "rowing"),
        ("masters practice 3.2k, 8x100 fly on 1:50 then 400 IM", "swimming"),
        ("gran fondo done, 160 km in 5:50", "cycling"),
        ("easy jog, 5 mi on the bike path, 44 min", "running"),
        ("ergometer 5 x 1000 m, 3 min rest", "rowing"),
    ],
)
def test_every_sport_cue_is_weighed_not_the_first(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


@pytest.mark.parametrize(
    "message",
    [
        "6 x 800m with 400m walk between, all around 3:20",
        "track session 10x200m w/ 200m walking recovery",
        "couch to 5k week 2 day 3 done: 60s jog / 90s walk x6",
    ],
)
def test_walked_recoveries_and_programme_days_leave_a_run(message: str) -> None:
    assert _disciplines(message) == ["running"]


def test_a_walk_that_is_the_session_stays_a_walk() -> None:
    assert _disciplines("walked 4 miles with the dog this morning") == ["walking"]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        (
            "kettlebell session: swings 5x20 with 24kg, goblet squats 4x10, turkish get ups 3x2",
            "functional_bodybuilding",
        ),
        ("kb emom 16: odd minute 15 swings, even minute 10 goblet squats", "hiit"),
        (
            "A: tempo back squat 31x1, 4x6 at 90kg. B1: db bench 3x10. B2: ring rows 3x10",
            "functional_bodybuilding",
        ),
    ],
)
def test_kettlebells_and_fbb_writing(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


def test_squats_without_a_load_are_bodyweight_work() -> None:
    assert _disciplines("hotel room session: squats 4x20, push ups 4x15, sit ups 3x20") == [
        "calisthenics"
    ]
    assert _disciplines("squats 4x8 @ 100, push ups 4x15") == ["bodybuilding"]


def test_weighted_bodyweight_work_is_calisthenics_with_its_load() -> None:
    workout = _one("weighted chin ups 4x6 +10kg, ring dips 4x8, hanging leg raises 3x10")
    assert workout.discipline == "calisthenics"
    data = workout.discipline_specific.calisthenics
    assert data is not None
    loads = [s.weight.value for e in data.exercises for s in e.sets if s.weight]
    assert 10 in loads


@pytest.mark.parametrize(
    "message",
    [
        "sled push 4x20m, sled pull 4x20m, ski erg 4x500m, all heavy",
        "3 x (1 km run + a station): sled push, burpee broad jumps, wall balls. 31:05",
    ],
)
def test_hyrox_stations_make_hyrox(message: str) -> None:
    assert _disciplines(message) == ["hyrox"]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("tabata in the garage: burpees, mountain climbers, squat jumps, 8 rounds each", "hiit"),
        (
            "4 rounds of 12 lunges, 10 push ups, 15 sit ups, 30s plank in the living room",
            "circuit_training",
        ),
        ("metcon: 4 rounds of 12 lunges, 10 push ups, 15 sit ups. 14:20", "crossfit"),
        ("snatch 60-65-70x2, clean and jerk 80-85-90x1, front squat 100 3x3", None),
    ],
)
def test_a_wod_is_crossfit_only_when_something_says_so(
    message: str, discipline: str | None
) -> None:
    expected = discipline or "olympic_weightlifting"
    assert _disciplines(message) == [expected]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("squat 140x3, bench 100x3, power clean 80x3", "powerlifting"),
        ("5/3/1 deadlift day: 3x180, 3x200, 3+x220, then bbb 5x10 at 120", "powerlifting"),
        ("DE lower: box squat 10x2 at 120, then ghr 3x10", "powerlifting"),
    ],
)
def test_lifting_programmes_and_lift_counts(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("physio exercises: clamshells 3x15, heel slides 3x10, glute bridges 3x12", "mobility"),
        ("pilates this morning, 50 min", "yoga"),
        ("tai chi in the park this morning, one hour", "martial_arts"),
        ("played a 5-a-side match last night, 1 hour", "sports"),
        ("multi-pitch day at the crag, 6 pitches, 8 hours", "climbing"),
        ("body pump class at lunch, 55 min", "circuit_training"),
    ],
)
def test_named_kinds_of_training(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


def test_a_hybrid_day_in_parts_is_two_sessions() -> None:
    message = "hybrid day: am 8k easy in 45:00, pm lower body - squat 4x6 @ 120"
    assert _disciplines(message) == ["running", "powerlifting"]


def test_a_hybrid_session_is_one() -> None:
    assert _disciplines("hybrid session: 15 min erg, then deadlift 5x3 @ 150, then 3k run") == [
        "hybrid"
    ]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("long day out: 95 km, 1,200 m elevation, 3:40", "cycling"),
        ("7 miles, 2,000 ft of climbing, 4.5 hours with lunch at the top", "hiking"),
        ("4 km round the lake, 55 minutes", "walking"),
        ("15 miles, 3,000 ft of climbing, 2:45 moving", "trail_running"),
    ],
)
def test_speed_and_climb_name_an_unnamed_distance(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


def test_a_sport_said_not_done_names_nothing() -> None:
    assert _disciplines("no run today, did a strength class instead, 45 min") == [
        "circuit_training"
    ]


def test_a_stretch_at_its_own_time_is_a_session() -> None:
    assert _disciplines("ran 8k this morning. evening 25 min mobility at home") == [
        "running",
        "mobility",
    ]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("30 min HIIT ride on the trainer, 11 mi", "cycling"),
        ("HIIT run on the treadmill, 35 min, 4.1 mi", "running"),
        ("HIIT class at the gym, 45 min", "hiit"),
    ],
)
def test_hiit_names_a_style_of_a_sport_it_is_said_with(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("pool session with the club, mostly drills, 60 mins", "swimming"),
        ("outing in the eight this morning, mostly technical work, 75 mins", "rowing"),
    ],
)
def test_a_sentence_names_what_its_clauses_do_not_alone(message: str, discipline: str) -> None:
    assert _disciplines(message) == [discipline]


@pytest.mark.parametrize(
    "message",
    [
        "sprint triathlon this morning: swim 750m 14:10, bike 20k 38:30, run 5k 23:40",
        "race day! swim 31:02, T1 2:40, bike 2:41:10, T2 1:30, run 1:49:55",
    ],
)
def test_a_multisport_race_is_one_hybrid_session(message: str) -> None:
    assert _disciplines(message) == ["hybrid"]


def test_bells_named_up_front_cover_the_lifts_after_them() -> None:
    complex_ = "kb complex w pair of 20s: 5 cleans, 5 presses, 5 front squats x 5 rounds"
    assert _disciplines(complex_) == ["functional_bodybuilding"]
    assert _disciplines("deadlift 5x3 @ 180, kb swings 3x20") != ["functional_bodybuilding"]


def test_a_kettlebell_emom_read_as_hiit_keeps_its_length() -> None:
    (workout,) = extract(
        "kb emom 16: odd minute 15 swings, even minute 10 goblet squats", today=TODAY
    )
    assert workout.discipline == "hiit"
    assert workout.duration == 16 * 60
