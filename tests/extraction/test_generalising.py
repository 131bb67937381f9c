"""Kinds of message the second dev corpus showed the rules had not generalised to.

One test per kind, each with sentences of its own (not the corpus's), so a fix by kind is
checked on text it was not tuned on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.set_notation import read_groups

TODAY = dt.date(2025, 6, 10)


def _facts(message: str) -> list[tuple[str, float | None, str | None]]:
    out: list[tuple[str, float | None, str | None]] = []
    for workout in extract(message, today=TODAY):
        data = getattr(workout.discipline_specific, workout.discipline)
        out.append((workout.discipline, getattr(data, "total_distance", None),
                    getattr(data, "distance_unit", None)))  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("message", "distance"),
    [
        ("walked the dog round the park, 2.5 miles, lovely morning", 2.5),
        ("did the hospital walking group today, about 3 km, 40 minutes", 3.0),
        ("nordic walking with friends 5 km", 5.0),
    ],
)
def test_a_distance_no_sport_names_after_a_walk_is_the_walks(message: str, distance: float) -> None:
    (only,) = _facts(message)
    assert only[:2] == ("walking", distance)


@pytest.mark.parametrize(
    "message",
    [
        "deload plan for next block: squat 3x5 @ 70%, bench 3x5 @ 70%",
        "Meet calendar: Jun 14 local meet, Oct 3 regionals. enough time?",
        "my spin lineup this week: Tue 45 min climb, Thu 30 min intervals",
        "Sharing my split for feedback - Mon chest 4x10, Tue back 4x10",
        "Garmin year in review: 2,100 km run, 180 activities",
        "PR list: squat 140kg, bench 100kg, deadlift 180kg",
        "Trainer's sheet: Day 1 lunges 3x12, Day 2 rows 3x12, Day 3 plank 3x45s",
        "my 10k training block begins next monday: 4 runs a week",
        "watched this girl snatch 100kg at the gym, insane",
        "never done crossfit before, is it for beginners too",
        "was meant to run but the meeting ran late",
    ],
)
def test_frames_of_plans_lists_and_other_people_log_nothing(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_plan_said_to_have_been_done_still_logs() -> None:
    (workout,) = extract(
        "3 rounds for time was the plan: 12 burpees, 15 box jumps. only got 2 done", today=TODAY
    )
    assert workout.discipline == "crossfit"


@pytest.mark.parametrize(
    ("scope", "count", "reps", "load"),
    [
        ("front squat 3/3/3/3 @ 90", 4, 3, 90.0),
        ("press 8-8-8 @ 40", 3, 8, 40.0),
        ("rows 60 kg 3 times 12", 3, 12, 60.0),
        ("curls 4 series of 10 with 15 kilos", 4, 10, 15.0),
        ("hip thrust 2 plates for 10 reps 4 sets", 4, 10, None),
        ("clean 3 @ 100", 1, 3, 100.0),
    ],
)
def test_set_grammar_reads_repeated_reps_words_and_reps_before_sets(
    scope: str, count: int, reps: int, load: float | None
) -> None:
    (group,) = read_groups(scope)[0]
    assert (group.count, group.reps) == (count, reps)
    assert (group.load.value if group.load else None) == load


def test_a_program_name_is_no_sets() -> None:
    assert read_groups("531 week 1, 5/3/1")[0] == []


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("bench 4x8 @ 80kg, rows 4x10, curls. 45 min", 2700),
        ("push day: ohp 5x5 @ 50kg, dips 3x10, in and out in 55 minutes", 3300),
        ("leg press 4x12, plank 60s, then 10 min bike", None),
    ],
)
def test_a_gym_sessions_length_is_a_duration_said_alone(
    message: str, seconds: float | None
) -> None:
    (workout,) = extract(message, today=TODAY, units="kg")
    assert workout.duration == seconds


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("40 min erg, 9,800m, 2:02 avg split", 2400),
        ("ran 10k: 5k @ 5:10 then 5k @ 4:50, 50:40 total", 3040),
    ],
)
def test_a_pace_or_split_is_not_the_sessions_time(message: str, seconds: float) -> None:
    (workout,) = extract(message, today=TODAY)
    data = getattr(workout.discipline_specific, workout.discipline)
    assert data.total_time == seconds


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("squat 5x5 @ 100kg, lunges 3x10, then 12 min stairmaster", 1),
        ("bench 3x8 @ 80kg and 10 min on the bike to finish", 1),
        ("bench 3x8 @ 80kg, then a 25 min bike ride home", 2),
        ("deadlift 3x5 @ 140kg, then ran 3k", 2),
    ],
)
def test_a_short_cardio_finisher_ends_the_gym_session(message: str, count: int) -> None:
    assert len(extract(message, today=TODAY, units="kg")) == count


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("tabbed 8 miles with 35 lb, 2h10", "rucking"),
        ("long outing in the quad this morning, 14km, cox kept us at rate 22", "rowing"),
        ("regatta today, 2k in the pair, 7:45", "rowing"),
    ],
)
def test_discipline_cues_of_rucks_and_boats(message: str, discipline: str) -> None:
    (workout,) = extract(message, today=TODAY)
    assert workout.discipline == discipline


@pytest.mark.parametrize(
    ("message", "run_type"),
    [
        ("finished the 25k trail race thing!! 2:58:10", "race"),
        ("completed my first half marathon today, 1:52:30", "race"),
        ("ran the 5k loop by the river in 26:10", None),
    ],
)
def test_an_event_run_is_a_race(message: str, run_type: str | None) -> None:
    (workout,) = extract(message, today=TODAY)
    data = getattr(workout.discipline_specific, workout.discipline)
    assert data.run_type == run_type


def test_a_diarys_lines_labelled_by_a_days_letters_are_dated_per_line() -> None:
    message = "Recap:\nM - squat 5x5 @ 100kg\nW - 8k easy\nTh: bench 4x6 @ 80kg\nSa - swam 1500m"
    dates = [w.date for w in extract(message, today=dt.date(2025, 6, 15), units="kg")]
    assert dates == [dt.date(2025, 6, d) for d in (9, 11, 12, 14)]


def test_a_single_letter_outside_a_diary_is_no_day() -> None:
    (workout,) = extract("t - bar work, bench 3x5 @ 100kg", today=TODAY, units="kg")
    assert workout.date == TODAY
