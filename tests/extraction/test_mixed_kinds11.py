"""Kinds from the eleventh dev corpus (round 9), on sentences of our own: posts after
midnight, class start times, foreign duration words."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

TODAY = dt.date(2026, 4, 16)  # a Thursday


def _one(message: str, units: str = "lb") -> tuple[str, str, float | None]:
    (workout,) = extract(message, today=TODAY, tz="Europe/London", units=units)  # type: ignore[arg-type]
    return workout.date.isoformat(), workout.discipline, workout.duration


@pytest.mark.parametrize(
    "message",
    [
        "it's 1:20am, wired. last night's 5-a-side went long, 60 min",
        "its 2am and I'm still up. yesterday evening did 60 min of yoga",
        "00:50 and only just home, yoga class 60 min",
        "1am here lol. last night 60 min of bjj open mat",
        "it's 12:10 am, swam at 9pm yesterday for 60 min",
    ],
)
def test_after_midnight_the_evening_just_gone_is_not_pushed_back_twice(message: str) -> None:
    assert _one(message)[0] == "2026-04-15"
    assert _one(message)[2] == 3600


@pytest.mark.parametrize(
    "message",
    [
        "made the 6:15 spin class, 40 min, legs gone",
        "the 5:30 bootcamp was packed. 40 min of pain",
        "went to my 7.00 HIIT class - 40 mins",
        "caught the 12:00 yoga class today (40 min)",
    ],
)
def test_a_class_start_time_is_no_duration(message: str) -> None:
    assert _one(message)[2] == 2400


def test_a_result_clock_is_still_a_duration() -> None:
    assert _one("Helen 11:40")[2] == 700
    assert _one("my 1:45 long run felt easy, 10 mi")[2] == 6300


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("Heute Yoga, 75 Minuten", 4500),
        ("ayer tenis 90 minutos", 5400),
        ("Wanderung gestern, 3 Stunden, 11 km", 10800),
        ("Hoje caminhada de 2 horas", 7200),
        ("randonnee 4 heures avec les enfants", 14400),
    ],
)
def test_foreign_duration_words_are_read(message: str, seconds: int) -> None:
    assert _one(message, "kg")[2] == seconds


@pytest.mark.parametrize(
    "message",
    [
        "25 min mobility: couch stretch, 90/90 switches, band dislocates, dead hangs",
        "stretching routine: pigeon, frog, pass throughs - 25 min",
        "rest day + 25 min mobility",
        "today rest & 25 min stretching",
        "Sunday: rest + 25 min foam rolling and stretching",
    ],
)
def test_a_mobility_routine_or_a_rest_day_with_stretching_logs_mobility(message: str) -> None:
    assert _one(message)[1:] == ("mobility", 1500)


def test_a_mobility_heading_before_loaded_sets_keeps_the_lifting() -> None:
    workouts = extract("mobility: 10 min, then squats 5x5 @ 100kg", today=TODAY, units="kg")
    assert [w.discipline for w in workouts] == ["mobility", "powerlifting"]


def test_a_plain_rest_day_logs_nothing() -> None:
    assert extract("rest day today, legs are toast", today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "Orange Theory at 6, 50 min, mostly tread and rower blocks",
        "orange theory strength day: floor blocks of deadlifts and rows, 50 min",
        "Shred415 this morning, 50 min",
        "Burn Boot Camp 50 min, legs toast",
        "BodyCombat class 50 minutes",
    ],
)
def test_branded_interval_classes_are_hiit(message: str) -> None:
    assert _one(message)[1:] == ("hiit", 3000)


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("kickboxing circuit at 9Round, all the stations twice, 30 min", "martial_arts"),
        ("bootcamp class at 7, we did a relay circuit with the sandbags. 30 min", "hiit"),
        (
            "F45 today - 'hollywood' was 27 stations, the circuit went twice. 30 min",
            "circuit_training",
        ),
    ],
)
def test_a_second_cue_of_the_same_class_is_no_second_session(message: str, discipline: str) -> None:
    assert _one(message)[1:] == (discipline, 1800)


def test_two_classes_of_different_kinds_stay_two() -> None:
    workouts = extract("yoga 30 min, then bjj 60 min", today=TODAY)
    assert [w.discipline for w in workouts] == ["yoga", "martial_arts"]


@pytest.mark.parametrize(
    "message",
    [
        "2 night backpacking trip: started saturday morning, hiked out monday. 22 mi, 30 lb pack",
        "backpacking loop, in on saturday and out on monday afternoon, 22 miles w/ 30 lb",
    ],
)
def test_a_trip_over_several_days_is_one_session_dated_at_its_start(message: str) -> None:
    (trip,) = extract(message, today=TODAY, units="lb")
    assert (trip.date.isoformat(), trip.discipline) == ("2026-04-11", "backpacking")


@pytest.mark.parametrize(
    "message",
    [
        "weekend: Sat was a 10k tempo. Sun just a 2 hr hike",
        "Sat was 10k tempo, Sun only a 2 hr hike w/ the dog",
    ],
)
def test_sun_opening_a_clause_of_a_weekend_list_is_sunday(message: str) -> None:
    dates = [w.date.isoformat() for w in extract(message, today=TODAY)]
    assert dates == ["2026-04-11", "2026-04-12"]


def test_the_sun_is_no_day() -> None:
    (walk,) = extract("the sun just came out, walked 3 miles", today=TODAY)
    assert walk.date == TODAY


def _wod(message: str) -> dict[str, object]:
    (workout,) = extract(message, today=TODAY, units="lb")
    data = workout.discipline_specific.crossfit
    assert data is not None
    performance = data.performance_data
    items = [e for r in data.rounds for e in r.exercises]
    return {
        "score": performance.score.value if performance and performance.score else None,
        "time": performance.total_time if performance else None,
        "format": data.workout_format,
        "names": [e.exercise_name for e in items],
        "loads": [e.weight.value for e in items if e.weight],
    }


@pytest.mark.parametrize(
    "message",
    [
        "amrap 15: 8 burpees, 8 box jumps, 8 kb swings. 9r4",
        "15 min AMRAP of burpees, box jumps and kb swings - 9 rounds, 4 reps",
        "amrap 15 burpees box jumps kb swings, 9 rds 4 reps",
    ],
)
def test_rounds_and_reps_written_other_ways_are_the_score(message: str) -> None:
    assert _wod(message)["score"] == "9+4"


@pytest.mark.parametrize(
    "message",
    [
        "chipper: 50 wall balls, 40 burpees, 30 box jumps. finished in 21 and a half minutes",
        "50 wall balls 40 burpees 30 box jumps for time, took me like 21.5 min",
    ],
)
def test_a_finish_time_in_words_with_a_half_is_the_wods_time(message: str) -> None:
    assert _wod(message)["time"] == 1290


def test_a_dictated_list_without_commas_counts_each_movement_not_a_load() -> None:
    wod = _wod("partner wod for time 60 cal bike 50 wall balls 40 burpees 30 pull ups 14:20")
    assert wod["names"] == ["bike", "wall_ball", "burpee", "pull_up"]
    assert wod["loads"] == []


def test_a_load_after_a_movement_before_a_comma_is_still_its_load() -> None:
    assert _wod("5 rounds for time: 10 power cleans 135, 10 burpees")["loads"] == [135.0]


@pytest.mark.parametrize(
    "message",
    [
        "rowing intervals 6 x 500m, 2 min rest",
        "row intervals: 5 x 1k w/ 2:00 rest",
        "erg intervals 6x500 on 3:00",
    ],
)
def test_row_intervals_are_rowing_not_a_wod(message: str) -> None:
    assert _one(message)[1] == "rowing"


@pytest.mark.parametrize(
    "message",
    [
        "jump rope 45s on 15s off x 12 rounds",
        "battle ropes, 20 sec work 10 sec rest, 8 rounds",
        "assault bike sprints 30 on 30 off for 10 rounds",
    ],
)
def test_one_movement_on_a_work_rest_clock_is_hiit(message: str) -> None:
    assert _one(message)[1] in ("hiit", "cycling")


def test_several_stations_on_a_work_rest_clock_stay_a_circuit() -> None:
    message = "8 rounds 40s on 20s off: squat jumps, push ups, mountain climbers, plank"
    assert _one(message)[1] == "circuit_training"


def _loads(message: str, units: str = "kg") -> list[tuple[str, float]]:
    (workout,) = extract(message, today=TODAY, units=units)  # type: ignore[arg-type]
    data = getattr(workout.discipline_specific, workout.discipline)
    found = []
    for item in (
        data.model_dump()["rounds"][0]["exercises"]
        if workout.discipline == "crossfit"
        else data.model_dump()["exercises"]
    ):
        if item.get("weight"):
            found.append((item["exercise_name"], item["weight"]["value"]))
    return found


@pytest.mark.parametrize(
    "message",
    [
        "kettlebell circuit with a 16kg bell: 4 rounds of 15 swings, 10 goblet squats",
        "amrap 10 w/ the 16 kg kb - 15 swings, 10 goblet squats, 10 push ups",
    ],
)
def test_a_load_said_for_the_bell_is_each_bell_movements(message: str) -> None:
    assert _loads(message) == [("kettlebell_swing", 16.0), ("goblet_squat", 16.0)]


@pytest.mark.parametrize(
    "message",
    [
        "21-15-9 thrusters and pull ups (like fran) 85# 6:40",
        "for time 21-15-9: thrusters, pullups - did it with 85 lbs",
    ],
)
def test_a_load_after_a_bodyweight_movement_goes_to_the_barbell(message: str) -> None:
    assert _loads(message, "lb") == [("thruster", 85.0)]


def test_a_bodyweight_movement_keeps_a_load_it_carries() -> None:
    (workout,) = extract("weighted dips 4x6 +20kg", today=TODAY, units="kg")
    data = workout.discipline_specific.calisthenics
    assert data is not None
    assert [s.weight.value for s in data.exercises[0].sets if s.weight] == [20.0] * 4


@pytest.mark.parametrize(
    "message",
    [
        "crossfit this morning. back squat 5x3 @ 100kg, then amrap 10: 10 burpees, 10 wall balls",
        "at the box today - deadlift 5x3 @ 140kg then 21-15-9 cal row and burpees 9:40",
    ],
)
def test_a_class_named_first_keeps_its_strength_parts_sets(message: str) -> None:
    (workout,) = extract(message, today=TODAY, units="kg")
    data = workout.discipline_specific.crossfit
    assert data is not None
    strength = data.rounds[0].exercises[0]
    assert [s.reps for s in strength.sets] == [3, 3, 3, 3, 3]


@pytest.mark.parametrize(
    "message",
    [
        "conditioning: 4 x (1k row / 20 kb swings / 800m run), 2 min rest between",
        "3 rounds (2k bike + 15 thrusters + 400m run) w/ 2 min rest",
    ],
)
def test_rounds_mixing_two_sports_and_a_lift_are_a_wod_not_one_sport(message: str) -> None:
    assert _one(message, "kg")[1] in ("crossfit", "hybrid", "hyrox", "circuit_training")


def test_row_sprints_after_lifting_name_no_second_sport() -> None:
    message = "deadlift 3x5 @ 160kg, then 3 x 500m row sprints to finish"
    assert _one(message, "kg")[1] in ("powerlifting", "bodybuilding")


@pytest.mark.parametrize(
    "message",
    [
        "coached my son's soccer practice, then a 40 min walk",
        "reffed the u12 game this morning and then walked 40 min",
        "watched my daughter's swim meet, after that a 40 min walk",
    ],
)
def test_a_session_coached_refereed_or_watched_is_not_the_athletes(message: str) -> None:
    assert _one(message)[1:] == ("walking", 2400)


def test_coached_or_watched_alone_logs_nothing() -> None:
    assert extract("coached the u10s training tonight, freezing", today=TODAY) == []


@pytest.mark.parametrize("message", ["walked 10k steps", "hit 12k steps on a long walk"])
def test_a_step_count_is_no_distance(message: str) -> None:
    (walk,) = extract(message, today=TODAY)
    data = walk.discipline_specific.walking
    assert walk.discipline == "walking" and data is not None and data.total_distance is None


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("partner wod, 40 min cap, we finished at 36:30", 2190),
        ("chipper for time - done at 27:45", 1665),
    ],
)
def test_finished_at_a_clock_is_the_wods_time(message: str, seconds: int) -> None:
    assert _wod(message)["time"] == seconds


@pytest.mark.parametrize(
    "message",
    [
        "AM 5 mi easy run / PM yoga 60 min",
        "am: ran 5 miles | pm: yoga 60 min",
        "this morning 5 mile run / this evening 60 min yoga",
    ],
)
def test_a_two_a_day_parted_by_a_slash_or_bar_is_two_sessions(message: str) -> None:
    workouts = extract(message, today=TODAY, units="lb")
    assert [w.discipline for w in workouts] == ["running", "yoga"]


@pytest.mark.parametrize(
    "message",
    [
        "last year I did 3 hyrox races, best was 1:19",
        "back in college we ran 20 suicides after practice, took like 15 min",
        "years ago I used to climb 4 days a week, 2 hours each",
    ],
)
def test_a_sentence_set_in_a_time_long_past_logs_nothing(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_day_said_after_the_old_times_logs_again() -> None:
    (run,) = extract("back in college i ran a 4:30 mile, today i jogged 3 mi", today=TODAY)
    assert (run.date, run.discipline) == (TODAY, "running")


@pytest.mark.parametrize(
    "message",
    [
        "past midnight here, logging tonight's bouldering - 2 hrs",
        "after midnight for me but tonight's boxing class was 2 hours",
    ],
)
def test_past_midnight_said_without_its_is_the_evening_just_gone(message: str) -> None:
    assert _one(message)[0] == "2026-04-15"


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("kayaked 90 min on the river", 5400),
        ("paddleboarding for an hour and a half", 5400),
        ("skiing 1:30 before the lifts closed", 5400),
        ("surfed 90 min, small waves", 5400),
        ("ice skating w/ the kids, 1.5 hrs", 5400),
        ("cross country skiing 12 km in 1:30", 5400),
    ],
)
def test_board_blade_and_paddle_sports_are_logged_as_sports(message: str, seconds: int) -> None:
    assert _one(message, "kg")[1:] == ("sports", seconds)


def test_the_ski_erg_is_no_skiing() -> None:
    assert _one("hyrox sim: 8 x 1k run + station, ski 1000m, 1:25:00", "kg")[1] == "hyrox"


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("Helen today, 11 min 45 sec", 705),
        ("did Annie in 9 mins and 5 secs", 545),
        ("Murph: 1 hour 5 min with the vest", 3900),
    ],
)
def test_a_benchmark_time_in_words_with_two_units_is_its_time(message: str, seconds: int) -> None:
    assert _wod(message)["time"] == seconds


def test_full_rounds_plus_reps_is_the_score() -> None:
    assert _wod("Cindy - 17 full rounds plus 4")["score"] == "17+4"


@pytest.mark.parametrize("message", ["26.1 rx, 11:20", "did Open 25.3 scaled - 11:20"])
def test_an_open_workout_by_its_number_is_crossfit(message: str) -> None:
    assert _one(message)[1:] == ("crossfit", 680)


def test_a_marathon_distance_is_no_open_workout() -> None:
    assert _one("ran 26.2 miles, 4:10:00")[1] == "running"


@pytest.mark.parametrize(
    ("message", "second"),
    [
        ("boxing class 45 min then a 2 mile run home", "running"),
        ("yoga 60 min, then swam 1000m", "swimming"),
        ("bouldering 2h, rode 15 km home after", "cycling"),
    ],
)
def test_a_run_ride_or_swim_of_its_own_after_a_class_is_a_second_session(
    message: str, second: str
) -> None:
    workouts = extract(message, today=TODAY, units="lb")
    assert [w.discipline for w in workouts][1:] == [second]


def test_a_games_running_stays_the_game() -> None:
    assert _one("5-a-side 60 min, ran about 6k according to my watch")[1] == "sports"


@pytest.mark.parametrize(
    "message",
    [
        "this week: 3 crossfit classes, 2 runs, 1 hike",
        "so far this month 12 workouts, 4 runs",
        "Weekly plan - 3x crossfit, 2x run, 1x yoga",
        "my split - 2x hyrox, 2x strength, 1x yoga",
    ],
)
def test_sessions_counted_or_planned_as_a_tally_are_no_log(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_a_counted_heading_before_the_sessions_still_logs() -> None:
    message = "did 2 sessions today: 5 mi easy run this morning, 45 min yoga tonight"
    assert [w.discipline for w in extract(message, today=TODAY)] == ["running", "yoga"]


@pytest.mark.parametrize(
    "message",
    [
        "supposed to do Murph, ended up just walking 2 miles",
        "was meant to lift but wound up walking 2 miles with my sister",
    ],
)
def test_what_the_athlete_ended_up_doing_is_logged(message: str) -> None:
    (walk,) = extract(message, today=TODAY)
    assert walk.discipline == "walking"


@pytest.mark.parametrize(
    "message",
    [
        "5 rounds: 400m run, 15 kb swings, 10 burpees. 24 min",
        "3 rounds for time - 20 wall balls, 20 box jumps, 20 burpees - 24 mins",
    ],
)
def test_minutes_said_alone_at_the_end_of_a_wod_are_its_time(message: str) -> None:
    assert _wod(message)["time"] == 1440


@pytest.mark.parametrize(
    "message",
    ["HIIT on the treadmill: 10 x 1 min sprint / 1 min walk", "tabata style hiit 8 x 20 sec"],
)
def test_one_repeats_time_is_not_the_sessions(message: str) -> None:
    assert _one(message)[2] is None


@pytest.mark.parametrize(
    "message",
    [
        "bench 5x5 @ 185 at 11pm (posting after midnight)",
        "logging this after midnight: bench 5x5 @ 185 before bed",
        "can't sleep (12:50am). bench 5x5 @ 185 before bed",
    ],
)
def test_a_late_post_said_in_an_aside_logs_the_evening_before(message: str) -> None:
    assert _one(message)[0] == "2026-04-15"


def test_a_class_time_in_brackets_is_no_late_post() -> None:
    assert _one("spin class (6am) 45 min")[0] == "2026-04-16"


@pytest.mark.parametrize(
    "message",
    ["can't sleep. bench 5x5 @ 185 earlier", "Can't believe it, bench 5x5 @ 185 felt easy"],
)
def test_cant_opening_a_statement_is_no_question(message: str) -> None:
    assert _one(message)[1] == "powerlifting"


def test_can_opening_a_question_still_asks() -> None:
    assert extract("can I do bench 5x5 @ 185 the day after squats?", today=TODAY) == []


@pytest.mark.parametrize(
    "message",
    [
        "coach said to do 3 rounds of 10 burpees and 10 squats every morning",
        "my PT wants me to do 20 min of mobility daily",
        "the box posted tomorrow's wod: 21-15-9 thrusters and pull ups",
        "gym programmed Murph for saturday",
        "went to watch my daughter's volleyball match, 2 hours",
    ],
)
def test_a_session_set_or_watched_is_no_log(message: str) -> None:
    assert extract(message, today=TODAY) == []


def test_what_the_athlete_did_beside_someone_elses_session_is_logged() -> None:
    message = "kids had soccer practice, I walked laps around the field for an hour"
    assert _one(message)[1:] == ("walking", 3600)


@pytest.mark.parametrize(
    ("message", "discipline"),
    [
        ("Klettern gestern 2h, endlich eine 6b", "climbing"),
        ("escalada 2 horas en el rocódromo", "climbing"),
        ("Bouldern 2h mit Freunden", "climbing"),
        ("spazieren 2h am See", "walking"),
        ("bikram 120 min, so hot", "yoga"),
        ("judo: randori 2 hours", "martial_arts"),
    ],
)
def test_climbs_walks_and_classes_named_other_ways(message: str, discipline: str) -> None:
    assert _one(message, "kg")[1:] == (discipline, 7200)


def test_a_ruck_march_is_no_month() -> None:
    (ruck,) = extract("ruck march 12 miles 35 lbs 3:40:00", today=TODAY)
    assert (ruck.date, ruck.discipline, ruck.duration) == (TODAY, "rucking", 13200)


def test_a_rounds_time_is_not_the_class_length() -> None:
    assert _one("boxing: 8 rounds on the bag, 3 min per round")[2] is None


def test_sat_and_sun_before_a_session_word_are_days() -> None:
    workouts = extract("weekend: sat hike 10 mi, sun recovery walk 3 mi", today=TODAY)
    assert [(w.date.isoformat(), w.discipline) for w in workouts] == [
        ("2026-04-11", "hiking"),
        ("2026-04-12", "walking"),
    ]


@pytest.mark.parametrize(
    "message",
    [
        "two sessions today. 1) 5 mi easy run 2) yoga 45 min",
        "today:\n1. ran 5 miles easy\n2. yoga 45 min",
    ],
)
def test_numbered_items_are_read_without_their_numbers(message: str) -> None:
    workouts = extract(message, today=TODAY, units="lb")
    assert [w.discipline for w in workouts] == ["running", "yoga"]
    run = workouts[0].discipline_specific.running
    assert run is not None and run.total_distance == 5.0


@pytest.mark.parametrize("message", ["yoga (60) + sauna", "bjj (60)", "Tue: climbing (60)"])
def test_bare_minutes_in_brackets_after_a_class_are_its_length(message: str) -> None:
    assert _one(message)[2] == 3600
