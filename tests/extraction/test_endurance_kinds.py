"""Endurance and session-level kinds the third dev corpus showed, one test per kind.

Each test uses sentences of its own (not the corpora's), so a fix by kind is checked on
text it was not tuned on: distances, times, run types, disciplines, dates, how many
sessions a message holds, and messages that log nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import Workout, extract
from extraction.number_words import digits_for_words

from .kinds import data as _data
from .kinds import metres as _metres
from .kinds import time_of as _time

TODAY = dt.date(2025, 6, 11)
"""A Wednesday."""


def _one(message: str) -> Workout:
    (workout,) = extract(message, today=TODAY)
    return workout


@pytest.mark.parametrize(
    ("message", "metres"),
    [
        ("parkrun this morning, 24:10, windy", 5000),
        ("junior parkrun with the kids, 2k, they loved it", 2000),
        ("ran to the lighthouse and back, 3 km each way", 6000),
        ("walked to the shops, it's 1.5 miles each way", 3 * 1609.344),
    ],
)
def test_a_distance_the_name_or_each_way_implies(message: str, metres: float) -> None:
    assert _metres(_one(message)) == pytest.approx(metres, rel=0.01)


@pytest.mark.parametrize(
    ("said", "digits"),
    [
        ("swam fifteen hundred meters", "swam 1500 meters"),
        ("thirty five hundred yards at practice", "3500 yards at practice"),
        ("ran four point five miles", "ran 4.5 miles"),
        ("rode two and a half hours", "rode 2.5 hours"),
        ("laps of the fifty meter pool", "laps of the 50 meter pool"),
    ],
)
def test_spoken_distances_become_numbers(said: str, digits: str) -> None:
    assert digits_for_words(said) == digits


def test_initials_do_not_end_a_sentence() -> None:
    workout = _one("Did the N.Y.C. 10K on Saturday - 41:12, new PR")
    assert (workout.date, _metres(workout), _time(workout)) == (dt.date(2025, 6, 7), 10000, 2472)


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("45 min HIIT run on the treadmill, 7 km", "running"),
        ("30 min HIIT ride on zwift, 15 km", "cycling"),
        ("easy 10k shakeout on the bike path, 52 min", "running"),
        ("12 x 400m w/ 200m walk between, 36 min", "running"),
        ("tabata squats and push ups, 8 rounds each, 20/10", "hiit"),
        ("compromised runs: 4 x 1k run + 20 wall balls, 40 min", "hyrox"),
        ("sled push + ski erg intervals: 6 x 20m push, 5 x 250m ski", "hyrox"),
        ("multi-pitch day at the crag, 4 pitches, short approach hike", "climbing"),
        ("5-a-side last night, an hour, scored once", "sports"),
        ("yin class yesterday, 75 minutes of long holds", "yoga"),
        ("pilates reformer class, 50 min", "yoga"),
        ("tai chi in the park this morning, 40 minutes", "martial_arts"),
    ],
)
def test_the_discipline_from_all_cues(message: str, discipline: str) -> None:
    assert _one(message).discipline == discipline


def test_a_rides_climb_is_no_climbing_session() -> None:
    assert [
        w.discipline for w in extract("rode 80 km, 2 h 50, the last climb hurt", today=TODAY)
    ] == ["cycling"]


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("couch to 5k week 2 day 3 done, 25 min", "running"),
        ("c25k w4d1 done, 30 min total", "running"),
        ("ran 6k, 10 days out from the half", "running"),
    ],
)
def test_a_programs_days_and_name_are_no_trip_nor_distance(message: str, discipline: str) -> None:
    workout = _one(message)
    assert workout.discipline == discipline
    assert _metres(workout) in (None, 6000)


@pytest.mark.parametrize(
    ("message", "dates"),
    [
        ("long run sun morning, 16 mi", [dt.date(2025, 6, 8)]),
        ("swam 2k tues night with the club", [dt.date(2025, 6, 10)]),
        ("Mon tempo 8 km in 38 min", [dt.date(2025, 6, 9)]),
        ("yday 10k easy, 55 min", [dt.date(2025, 6, 10)]),
        ("last nite 5 mi recovery jog", [dt.date(2025, 6, 10)]),
        ("ayer 12 km suaves en 1:05", [dt.date(2025, 6, 10)]),
        ("nuoto ieri sera, 2000m in 45 min", [dt.date(2025, 6, 10)]),
        ("legs heavy from yesterday but ran 8k today in 44 min", [TODAY]),
        ("sat in the sun all afternoon, then ran 5k", [TODAY]),
    ],
)
def test_the_date_from_shorthand_abbreviations_and_other_languages(
    message: str, dates: list[dt.date]
) -> None:
    assert [w.date for w in extract(message, today=TODAY)] == dates


def test_a_day_labelled_am_and_pm_is_two_sessions() -> None:
    workouts = extract("Hybrid day: AM 6k easy in 33:00, PM legs - squat 5x5 @ 100kg", today=TODAY)
    assert [w.discipline for w in workouts] == ["running", "powerlifting"]
    assert _metres(workouts[0]) == 6000


def test_a_hybrid_day_without_parts_is_one_session() -> None:
    workouts = extract("hybrid day: 15 min bike, then bench 5x5 @ 80kg, then 3k run", today=TODAY)
    assert [w.discipline for w in workouts] == ["hybrid"]


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("half marathon 13.1 mi / 1:52:30, so happy", 6750),
        ("progression 8k, started at 5:40/km and finished at 4:50. 42:30 total", 2550),
        ("first 5 miles ~8:45s then faster, 10 mi in 1:24:10", 5050),
        ("bike intervals 6x3min hard, 3 min easy between, total 1h10", 4200),
        ("15 min tempo in the middle of 8 mi easy", None),
    ],
)
def test_the_sessions_time_not_a_parts_or_a_pace(message: str, seconds: float | None) -> None:
    assert getattr(_data(_one(message)), "total_time", None) == seconds


@pytest.mark.parametrize(
    ("message", "discipline", "seconds"),
    [
        ("tennis doubles this evening, won 6-4 6-3, about 1h30 on court", "sports", 5400),
        ("footy yesterday, played the full 90 and scored a goal", "sports", 5400),
    ],
)
def test_a_games_length(message: str, discipline: str, seconds: float) -> None:
    workout = _one(message)
    assert (workout.discipline, workout.duration) == (discipline, seconds)


def test_a_distance_before_the_sport_that_names_it_is_one_session() -> None:
    workout = _one("Epic one today: 142 km, 1,800 m elevation, 5h40 ride time")
    assert (workout.discipline, _metres(workout), _time(workout)) == ("cycling", 142000, 20400)


def test_a_weak_cue_with_a_doing_verb_is_a_run() -> None:
    workout = _one("did some fartlek in the woods, tree to tree, 40 mins total")
    assert (workout.discipline, _data(workout).run_type, _time(workout)) == (
        "running",
        "fartlek",
        2400,
    )


@pytest.mark.parametrize(
    ("message", "metres"),
    [
        ("first 5 miles were slow, then faster, 12 mi total in 1:45:00", 12 * 1609.344),
        ("the last 3k hurt, 15k in 1:18:20", 15000),
    ],
)
def test_a_runs_part_is_not_its_distance(message: str, metres: float) -> None:
    assert _metres(_one(message)) == pytest.approx(metres)


def test_a_long_distance_without_a_cue_is_a_long_run() -> None:
    assert _data(_one("20 miler done, 3:05:12")).run_type == "long"
    assert _data(_one("ran 8 miles, 1:04:00")).run_type is None


def test_a_climbs_approach_is_part_of_it() -> None:
    workouts = extract("multi-pitch on Sunday, 6 pitches, approach hike 3 miles", today=TODAY)
    assert [w.discipline for w in workouts] == ["climbing"]


def test_a_split_after_the_time_is_no_pace_of_it() -> None:
    assert _time(_one("rowed a 2k test: 6:58.2 split 1:44.5")) == pytest.approx(418.2)


@pytest.mark.parametrize(
    "message",
    [
        "I missed my swim today, 3k was on the plan",
        "hip aches after 15 km runs, should I stretch more",
        "physio says I can start running again in two weeks, 20 min walk/run",
        "currently squatting 5x5 @ 120kg and pressing 5x5 @ 60",
        "club sessions: Tue/Thu/Sat 7pm, 8-10k each, Sun long run 2 hours",
    ],
)
def test_questions_plans_and_habits_log_nothing(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_session_done_before_an_event_ahead_is_logged() -> None:
    workout = _one("easy 4k before the 10k tomorrow, legs fresh")
    assert (workout.discipline, _metres(workout)) == ("running", 4000)


@pytest.mark.parametrize(
    ("message", "disciplines"),
    [
        ("row 5k in the morning + spin class at night", ["rowing", "cycling"]),
        ("yoga yesterday & today 10k run in 52 min", ["yoga", "running"]),
        ("4 rounds: 800m run, 15 burpees, 20 sit ups. 26:30", ["crossfit"]),
        ("squat 5x5 @ 100kg, bench 5x5 @ 80kg, then 4 x 250m row sprints to finish", None),
    ],
)
def test_how_many_sessions(message: str, disciplines: list[str] | None) -> None:
    workouts = extract(message, today=TODAY)
    if disciplines is None:
        assert len(workouts) == 1
    else:
        assert [w.discipline for w in workouts] == disciplines


def test_a_recovery_row_is_no_rest() -> None:
    workouts = extract("did Grace this morning and a 25 min recovery row tonight", today=TODAY)
    assert _time(workouts[-1]) == 1500


@pytest.mark.parametrize(
    ("message", "date"),
    [
        ("6/2 - easy 5 mi, 45 min", dt.date(2025, 6, 2)),
        ("28/5: long run 24k", dt.date(2025, 5, 28)),
        ("swam 3k on 6/9 in 58 min", dt.date(2025, 6, 9)),
        ("tabata bike, 20/10 x 8", TODAY),
    ],
)
def test_a_date_written_in_numbers(message: str, date: dt.date) -> None:
    assert _one(message).date == date


def test_cruise_intervals_are_threshold_and_their_pace_no_time() -> None:
    data = _data(_one("cruise intervals 4 x 1.5 km @ T pace (4:05), 1 min jog"))
    assert (data.run_type, data.total_time) == ("threshold", None)


def test_a_part_inside_a_run_gives_the_runs_distance() -> None:
    assert _metres(_one("6 km at threshold inside a 12 km run")) == 12000


def test_a_hikes_hours_clock() -> None:
    assert _time(_one("hiked 9 miles with 2,000 ft of gain, 4:30 car to car")) == 16200


def test_a_swimmers_plural_repeats_are_distances() -> None:
    workout = _one("8 x 200s on the 3:10 (scm), held 2:55-3:00, plus 400 wu and 200 cd")
    data = _data(workout)
    assert (workout.discipline, data.total_distance, data.total_time) == ("swimming", 2200, None)


def test_where_a_run_stopped_is_its_distance() -> None:
    workout = _one("was supposed to do 8 km, meant to push on but stopped at 5.5, hamstring")
    assert (workout.discipline, _metres(workout)) == ("running", 5500)


def test_a_typod_mile_unit() -> None:
    assert _metres(_one("ran 6 mils before work, 52 mins")) == pytest.approx(6 * 1609.344)


def test_a_rides_short_clock_is_hours() -> None:
    assert _time(_one("zwift race, 1:05 ride total, avg 240W")) == 3900


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("Mount Tam loop yesterday, 7 miles RT, 2,100 ft, took us 3.5 hours", "hiking"),
        ("around the reservoir with my sister, 4 km in an hour", "walking"),
        ("8 miles in 1:10, felt smooth", "running"),
    ],
)
def test_walking_pace_without_a_sport_word_is_on_foot(message: str, discipline: str) -> None:
    assert _one(message).discipline == discipline


def test_weekdays_in_a_sentence_about_last_week() -> None:
    workouts = extract("last week's rides: Monday 40 km, Wednesday 55 km", today=TODAY)
    assert [w.date for w in workouts] == [dt.date(2025, 6, 2), dt.date(2025, 6, 4)]


def test_laps_of_a_track_are_400_metres() -> None:
    workout = _one("16 laps of the track this morning, 38 min")
    assert (workout.discipline, _metres(workout)) == ("running", 6400)


@pytest.mark.parametrize(
    ("message", "run_type", "metres", "seconds"),
    [
        ("jogged for half an hour by the river", "easy", None, 1800),
        ("ran the half in 1:52, so stoked", "race", 21097.5, 6720),
        ("ran the first half of the loop hard, 12k in 61 min", None, 12000, 3660),
        ("ran 6.5 km in 38min 20sec", None, 6500, 2300),
    ],
)
def test_half_and_spoken_minutes_and_seconds(
    message: str, run_type: str | None, metres: float | None, seconds: float
) -> None:
    workout = _one(message)
    assert (_data(workout).run_type, _metres(workout), _time(workout)) == (
        run_type,
        metres,
        seconds,
    )


def test_feet_alone_are_elevation() -> None:
    gain = _data(_one("Evening Ride | 31 mi | 1h 52m | 2,340 ft")).elevation_gain
    assert (gain.value, gain.unit) == (2340, "ft")


@pytest.mark.parametrize(
    "message",
    [
        "fastest 10k time is 44:10, want sub 42 by autumn",
        "my longest ride ever was 160 km last summer",
    ],
)
def test_a_best_is_no_session(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    ("message", "run_type", "metres"),
    [
        ("Yasso 800s x 8, held 3:20s", "intervals", 6400),
        ("12 x 400s on the track, 75s each", "intervals", 4800),
        ("ladder 400-800-1200-800-400 on the track", "intervals", None),
        ("10k time trial, 43:02", "race", 10000),
        ("turkey trot this morning, 5 mi in 41:00", "race", 5 * 1609.344),
        ("base run 50 min, 8.5 km", "easy", 8500),
    ],
)
def test_run_types_from_indirect_wording(message: str, run_type: str, metres: float | None) -> None:
    workout = _one(message)
    assert workout.discipline == "running"
    assert _data(workout).run_type == run_type
    assert _metres(workout) == (None if metres is None else pytest.approx(metres))


@pytest.mark.parametrize(
    ("message", "load"),
    [
        ("bench 3x3 531", 531.0),
        ("deadlift singles: 495, 531", 531.0),
        ("531 week 2 bench 3x5", None),
    ],
)
def test_531_is_a_load_unless_it_names_the_program(message: str, load: float | None) -> None:
    sets = [s for e in _data(_one(message)).exercises for s in e.sets]
    assert (sets[-1].weight.value if sets[-1].weight else None) == load


def test_the_weekend_past_is_its_saturday() -> None:
    assert _one("long ride over the weekend, 90 km in 3:20").date == dt.date(2025, 6, 7)


@pytest.mark.parametrize(
    ("message", "run_type"),
    [
        ("new 10k PB this morning, 44:58!", "race"),
        ("speedwork on the track, 5 x 1k", "intervals"),
        ("VO2 max run: 6 x 3 min, 2 min jog between", "intervals"),
        ("zone 1 shuffle, 5 km, 35 min", "recovery"),
        ("jogged 4 km with the dog", "easy"),
    ],
)
def test_more_indirect_run_types(message: str, run_type: str) -> None:
    assert _data(_one(message)).run_type == run_type


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("long run 22k done 🙌 how much should I eat after?", 1),
        ("swam 1500m this morning is that enough for a triathlon?", 1),
        ("should I swim 1500m this morning or rest?", 0),
        ("thinking about 22k on sunday what do you reckon?", 0),
    ],
)
def test_a_question_run_on_after_a_log(message: str, count: int) -> None:
    assert len(extract(message, today=TODAY)) == count


def test_someone_who_took_me_to_a_class_leaves_it_mine() -> None:
    workout = _one("My neighbour dragged me to aqua aerobics. Went Monday morning, 45 min class")
    assert (workout.discipline, workout.date, workout.duration) == (
        "circuit_training",
        dt.date(2025, 6, 9),
        2700,
    )


def test_someone_elses_session_is_still_not_mine() -> None:
    assert extract("my wife ran a 10k this morning in 48 min", today=TODAY) == []


def test_a_word_close_to_a_movement_among_times_is_no_lift() -> None:
    workouts = extract("marathon done! 3:28:10. halves 1:43:02 / 1:45:08", today=TODAY)
    assert [w.discipline for w in workouts] == ["running"]


@pytest.mark.parametrize(
    ("message", "date"),
    [("rode 60 km a week ago, forgot to log it", dt.date(2025, 6, 4)),
     ("2 weeks ago: half marathon 1:49:12", dt.date(2025, 5, 28))],
)  # fmt: skip
def test_weeks_ago(message: str, date: dt.date) -> None:
    assert _one(message).date == date


def test_a_games_ground_covered() -> None:
    workout = _one("golf this morning, 18 holes, walked it, about 5.5 miles, 4 hours")
    assert workout.discipline == "sports"
    assert _metres(workout) == pytest.approx(5.5 * 1609.344)


def test_a_return_leg_said_apart_adds_to_the_way_out() -> None:
    assert _metres(_one("rode 18 km to the office and 18 km home, easy")) == 36000


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("Big one on Saturday! Marathon, going for sub 3:30", 0),
        ("swam 2k in 41 min, targeting sub 40 next month", 1),
    ],
)
def test_a_target_time_is_no_session_unless_one_was_done(message: str, count: int) -> None:
    assert len(extract(message, today=TODAY)) == count


@pytest.mark.parametrize(
    ("message", "metres"),
    [
        ("did 4 miels this morning", 4 * 1609.344),
        ("8 klicks round the lake, 44 min", 8000),
        ("rowed 5 thousand meters, 21 min", 5000),
        ("ran 26.2 today!!! 4:12:09", 26.2 * 1609.344),
        ("did my first 10k!! 1:02:30", 10000),
    ],
)
def test_distances_as_people_type_them(message: str, metres: float) -> None:
    assert _metres(_one(message)) == pytest.approx(metres)
