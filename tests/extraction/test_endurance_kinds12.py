"""Endurance kinds from the twelfth dev corpus, each on sentences of our own.

Run kinds said by runners' shorthand, strides after an easy run, bricks split into their
ride and run, parts of a session added up to its total, and races ahead asked about.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import Workout, extract
from extraction.run_kinds import run_type_of

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def _one(text: str) -> Workout:
    workouts = extract(text, today=TODAY, tz="UTC", units="kg")
    assert len(workouts) == 1, workouts
    return workouts[0]


def _data(workout: Workout) -> dict[str, object]:
    return getattr(workout.discipline_specific, workout.discipline).model_dump()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "run_type"),
    [
        # runners' shorthand for a recovery run and a long slow run
        ("rec run 5 km, 32 min", "recovery"),
        ("recov jog 20 min around the block", "recovery"),
        ("recovery shuffle 3 mi", "recovery"),
        ("lsr 18 miles, felt easy the whole way", "long"),
        ("long slow distance day, 26 km", "long"),
        ("rec center treadmill, 5 km", None),
        # mountain events are races
        ("vk this morning: 1000 m up in 48 min", "race"),
        ("sky race 22 km, 1,900 m d+", "race"),
        ("vertical kilometre at Fully, 41:30", "race"),
        # strides close an easy run; real repeats with strides after them are intervals
        ("strides today, 8x100m on the grass after a 5 km jog", "easy"),
        ("4 x 80m strides at the end of an easy 6k", "easy"),
        ("6 x 1 km @ 3:50, then 4x100 strides", "intervals"),
        ("400s on the track, 4 x 100 strides to finish", "intervals"),
        ("12 x 200m fast w/ 200 jog", "intervals"),
    ],
)
def test_run_kinds_in_runners_shorthand(text: str, run_type: str | None) -> None:
    assert run_type_of(text.lower()) == run_type


@pytest.mark.parametrize(
    ("text", "sports"),
    [
        ("brick: 75' trainer then 15' run off the bike", ["cycling", "running"]),
        ("brick today, 60 min trainer, 20 min run, T2 took forever", ["cycling", "running"]),
        ("2 hrs on the rollers then a 30 min run", ["cycling", "running"]),
        ("3000 yards, then a 25 min run", ["swimming", "running"]),
        # a hint at the run before its repeats is one run
        ("Running\n10 km | 47:55\nLaps: 2k wu, 3 x 2k @ 4:25, 2k cd", ["running"]),
        ("120 km, 2,100 m, 4h50 ride time", ["cycling"]),
    ],
)
def test_a_sport_named_after_another_hinted_is_its_own_session(
    text: str, sports: list[str]
) -> None:
    workouts = extract(text, today=TODAY, tz="UTC", units="kg")
    assert [w.discipline for w in workouts] == sports


def test_a_race_with_transitions_stays_one_session() -> None:
    workout = _one("sprint tri: swim 750m 13:50, T1 1:40, bike 20k 35:30, T2 1:02, run 5k 21:55")
    assert workout.discipline == "hybrid"


def _distance_m(workout: Workout) -> float:
    data = _data(workout)
    units = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "yd": 0.9144}
    return float(data["total_distance"]) * units[str(data["distance_unit"])]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("3 mi wu, 5 mi @ marathon pace, 2 mi cd", 10 * 1609.344),
        ("1.5 mi warm-up, 3 mi at tempo, 1.5 mi cool-down", 6 * 1609.344),
        ("2k warmup / 6k steady / 2k cooldown", 10_000.0),
        ("wu 3 km, 8 km progression, cd 2 km", 13_000.0),
        # the last number the sum of the others is their total, not a fourth part
        ("2k wu, 5k tempo, 2k cd. 9k", 9_000.0),
        # a whole said first, its parts after it, stays the whole
        ("10 mi run w/ 2 mi wu and 2 mi cd", 10 * 1609.344),
    ],
)
def test_a_run_said_as_its_parts_adds_them_up(text: str, metres: float) -> None:
    assert _distance_m(_one(text)) == pytest.approx(metres, rel=0.001)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("wu 15 min, 25 min tempo, cd 10 min", 3000),
        ("treadmill: 10 min warm up, 30 min @ 13 km/h, 5 min cool down", 2700),
        ("10' wu, 20' at threshold, 10' cd. 40'", 2400),
        # a total said is the total, parts or not
        ("FTP test on the trainer, 20 min @ 265W. Total ride 60 min", 3600),
        ("tempo 20 min, total run time 50 min", 3000),
        # repeats between a warm-up and a cool-down leave the sum unknown
        ("5 min wu, 8 x 1 min fast / 1 min easy, 5 min cd. 3 miles, 28 min", 1680),
    ],
)
def test_a_sessions_time_from_its_parts_or_its_total(text: str, seconds: int) -> None:
    workout = _one(text)
    assert _data(workout)["total_time"] == seconds


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        # easy, choice, drill and swim-down sets count with the main set
        ("25m pool: 16 x 50 on 1:00, + 200 easy", 1000.0),
        ("swim: 300 choice, 10 x 100 on 1:50, 100 ez", 1400.0),
        ("swim 400 warm up, 5 x 200 pull, 200 warm down", 1600.0),
        ("swim 200 drill, 8 x 75 on 1:20, 200 swim down", 1000.0),
        # a spaced "5 x 200 pull" is the repeats, not a 200 pull besides them
        ("swim 5 x 200 pull @ 3:20", 1000.0),
    ],
)
def test_a_swims_easy_and_drill_sets_add_to_its_total(text: str, metres: float) -> None:
    assert _distance_m(_one(text)) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("swam a mile (1650 yd) in 29:10", 1650 * 0.9144),
        ("open water, a mile (1500m), 31 min", 1500.0),
        ("ran a half marathon (21.1 km) in 1:51:02", 21_100.0),
        # a number restated in another unit keeps the first
        ("ran 10 km (6.2 mi) in 50:10", 10_000.0),
    ],
)
def test_a_distance_named_in_words_takes_the_number_in_brackets(text: str, metres: float) -> None:
    assert _distance_m(_one(text)) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Race: Bay to Breakers, 58:10", 3490),
        ("raced the Carlsbad 5000 today, 17:48", 1068),
        ("race today - 41:12, 2nd in my age group", 2472),
        ("Race report: Peachtree, 44:30 in the heat", 2670),
    ],
)
def test_a_race_with_a_finish_time_and_no_sport_is_a_run(text: str, seconds: int) -> None:
    workout = _one(text)
    assert (workout.discipline, workout.duration) == ("running", seconds)
    assert _data(workout)["run_type"] == "race"


@pytest.mark.parametrize(
    "text", ["Race Sunday, 8:00 start", "race start at 7:30 am, wave 2", "racing the clock lol"]
)
def test_a_race_with_a_start_time_logs_nothing(text: str) -> None:
    assert extract(text, today=TODAY, tz="UTC", units="kg") == []


@pytest.mark.parametrize(
    "text",
    [
        "Race on Saturday! Half marathon. Any tips for the last 5k?",
        "10 miler this Sunday, how should I fuel?",
        "Marathon on Sunday. What should I eat the night before?",
        "gran fondo next Saturday - what gearing would you use?",
    ],
)
def test_an_event_on_a_day_asked_about_is_ahead(text: str) -> None:
    assert extract(text, today=TODAY, tz="UTC", units="kg") == []


@pytest.mark.parametrize(
    "text",
    [
        "Half marathon Saturday: 1:45:10. Tips for the next one?",
        "10k race Sunday, felt awful. Any tips for the heat?",
        "easy 5k today. Race on Sunday, any tips?",
    ],
)
def test_an_event_said_done_still_logs(text: str) -> None:
    assert len(extract(text, today=TODAY, tz="UTC", units="kg")) == 1


@pytest.mark.parametrize(
    ("text", "total", "rep"),
    [
        # minutes and seconds marks are times, never a distance
        ("easy 40'", 2400, None),
        ("easy 40' + 6 x 20\" strides", 2400, 20),
        ("easy 45′, 4 × 20″ strides", 2700, 20),
        ('8 x 30" hill sprints', None, 30),
        ("6 x 3' @ 5k pace w/ 2' jog", None, 180),
    ],
)
def test_minute_and_second_marks_are_times(text: str, total: int | None, rep: int | None) -> None:
    data = _data(_one(text))
    assert data["total_distance"] is None
    assert data["total_time"] == total
    segments = data["segments"]
    assert isinstance(segments, list)
    assert (segments[0]["time"] if segments else None) == rep


@pytest.mark.parametrize(
    "text",
    [
        "hill reps today, 10 x 45 sec on the big hill",
        "hills: 6 x 90 sec",
        "hill session, 8 x 1 min",
    ],
)
def test_hill_repeats_said_without_a_run_are_a_hill_run(text: str) -> None:
    workout = _one(text)
    assert (workout.discipline, _data(workout)["run_type"]) == ("running", "hills")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("trail 18k, +950m, 2h05", 950.0, "m"),
        ("Trail 14.2 km, 680 m D+, 1:32:10", 680.0, "m"),
        ("trail run 42 km, D+ 2400, 6:02:11", 2400.0, "m"),
        ("trail 10 mi, D+: 3,100 ft, 2:20", 3100.0, "ft"),
        ("Afternoon Trail Run / 8.4 km / Elev gain 412 m / 1:01:33", 412.0, "m"),
        ("trail 12 km, elevation: 1,234 ft, 1:30", 1234.0, "ft"),
    ],
)
def test_elevation_in_trail_runners_notation(text: str, value: float, unit: str) -> None:
    climb = _data(_one(text))["elevation_gain"]
    assert climb == {"value": value, "unit": unit}


def test_a_climb_said_by_its_sign_makes_a_run_a_trail_run() -> None:
    assert _one("18k, +950m, 2h05").discipline == "trail_running"


@pytest.mark.parametrize("text", ["swim 400 + 200m easy, 12 min", "ran 5k + 400m cooldown, 26 min"])
def test_a_plus_between_distances_is_no_climb(text: str) -> None:
    assert _data(_one(text)).get("elevation_gain") is None


SUNDAY = dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Mon 5k easy / Tue 6x400 / Thu tempo 5k", ["2026-03-09", "2026-03-10", "2026-03-12"]),
        (
            "mon: 6 mi easy | wed: 5x1k | sat: 12 mi long",
            ["2026-03-09", "2026-03-11", "2026-03-14"],
        ),
        ("Tue 6 mi + Thu 8 mi", ["2026-03-10", "2026-03-12"]),
        # a slash between a distance and a time splits nothing
        ("easy 6 mi / 52 min", ["2026-03-15"]),
    ],
)
def test_days_listed_with_slashes_bars_or_plus_are_dated_each(text: str, dates: list[str]) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [w.date.isoformat() for w in workouts] == dates


@pytest.mark.parametrize(
    "text",
    ["week total: 42 miles", "month mileage 160 km", "ytd miles: 812", "distance this week: 55 km"],
)
def test_a_weeks_or_a_months_sum_logs_nothing(text: str) -> None:
    assert extract(text, today=SUNDAY, tz="UTC", units="lb") == []


def test_a_session_beside_the_weeks_sum_still_logs() -> None:
    workouts = extract("ran 8 mi today, week total 42", today=SUNDAY, tz="UTC", units="lb")
    assert len(workouts) == 1


@pytest.mark.parametrize(
    ("text", "miles"),
    [
        ("Thurs tempo 4 mi. Sat long 12.", [4.0, 12.0]),
        ("Sat long 12. Felt great", [12.0]),
        ("easy 5.5 today", [5.5]),
    ],
)
def test_a_bare_run_distance_at_a_sentences_end_takes_the_unit(
    text: str, miles: list[float]
) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [_data(w)["total_distance"] for w in workouts] == miles


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Bike: 1 hr Zwift, 28 km. Run: 20 min off the bike", [3600, 1200]),
        ("75 min ride then a 15 min run off the bike", [4500, 900]),
    ],
)
def test_a_run_off_the_bike_keeps_its_time(text: str, seconds: list[int]) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [w.duration for w in workouts] == seconds


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("OWS 1 mile, 35:02", "swimming"),
        ("ows 2.2k in the bay, 48 min", "swimming"),
        ("trainerroad 1:30 sweet spot, IF 0.85", "cycling"),
        ("rouvy 45 min, alpe du zwift clone", "cycling"),
        ("sweet spot 2x20, 1h15", "cycling"),
    ],
)
def test_swim_and_ride_shorthand_names_the_sport(text: str, sport: str) -> None:
    assert _one(text).discipline == sport


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Row 2 x 20 min @ r20, 2:08 avg", None),
        ("4 x 1 mile, 6:40 average, 2 min jog", None),
        # an average of something else leaves the time a time
        ("5k 22:30 avg hr 150", 1350),
        ("Watopia 40k 1:10 avg 230 W", 4200),
    ],
)
def test_an_average_is_no_sessions_time(text: str, total: int | None) -> None:
    assert _data(_one(text))["total_time"] == total


@pytest.mark.parametrize(
    "text",
    [
        "legs sore after yesterday's long run, should I rest?",
        "calves super tight from Saturday's tempo",
        "my quads are still wrecked from the race",
    ],
)
def test_soreness_after_a_session_named_logs_nothing(text: str) -> None:
    assert extract(text, today=SUNDAY, tz="UTC", units="lb") == []


def test_soreness_beside_a_session_of_today_keeps_it() -> None:
    text = "legs heavy after yesterday's long run. easy 5k today, 29 min"
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [(w.date, w.duration) for w in workouts] == [(SUNDAY, 1740)]


@pytest.mark.parametrize(
    "text", ["HM 1:42:15", "HM today 1:42:15 PB", "half 1h42'15", "hm pb 1:39:58 🎉"]
)
def test_a_half_marathon_said_short_with_its_time(text: str) -> None:
    workout = _one(text)
    assert workout.discipline == "running"
    assert workout.duration in (6135, 5998)
    assert _distance_m(workout) == pytest.approx(21_097.5)


@pytest.mark.parametrize("text", ["hm, not sure what to do today", "half 20 min of stretching?"])
def test_hm_and_half_alone_name_no_run(text: str) -> None:
    assert all(w.discipline != "running" for w in extract(text, today=SUNDAY, tz="UTC"))


def test_an_hour_and_a_half_is_no_half_marathon() -> None:
    assert _data(_one("ran for an hour and a half, about 15 km"))["run_type"] is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("ran the Hackney half last weekend in 1:38", 5880),
        ("did the Great North half, 2:05", 7500),
        ("ran a hilly half today 1:52", 6720),
    ],
)
def test_a_named_half_is_a_half_marathon_timed_in_hours(text: str, seconds: int) -> None:
    workout = _one(text)
    assert workout.duration == seconds
    assert _distance_m(workout) == pytest.approx(21_097.5)


@pytest.mark.parametrize(
    "text",
    [
        "ran the back half faster, 10k in 48 min",
        "the second half of the run was tough, 12k in 65 min",
    ],
)
def test_a_runs_back_or_second_half_is_no_half_marathon(text: str) -> None:
    data = _data(_one(text))
    assert data["total_distance"] != 21.0975
    assert data["run_type"] != "race"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a pool's length in brackets after the lengths swum
        ("swim 60 lengths (25y)", 1500.0, "yd"),
        ("swam 40 laps (25m)", 1000.0, "m"),
        # a swim's bare total is in the pool's unit, metres when none is said
        ("swim 1500 (25y)", 1500.0, "yd"),
        ("masters swim 3400 SCY", 3400.0, "yd"),
        ("swam 2000 today", 2000.0, "m"),
    ],
)
def test_a_swims_pool_and_bare_total(text: str, value: float, unit: str) -> None:
    data = _data(_one(text))
    assert (data["total_distance"], data["distance_unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "swam 30 min today, first time in the pool since 2019",
        "swim today 30 min, my first since 2019",
    ],
)
def test_a_year_swum_in_is_no_distance(text: str) -> None:
    data = _data(_one(text))
    assert (data["total_distance"], data["total_time"]) == (None, 1800)


def test_what_was_swum_in_a_year_long_past_is_no_log() -> None:
    assert extract("swam a lot in 2019", today=TODAY, tz="UTC", units="kg") == []


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("🏊 1,500 m · 31:05", "swimming"),
        ("🏃‍♀️ 8 km 44:10", "running"),
        ("🚴‍♂️45 km 1:38", "cycling"),
        ("🚣 6000m 24:30", "rowing"),
    ],
)
def test_a_sports_emoji_before_its_numbers_names_it(text: str, sport: str) -> None:
    assert _one(text).discipline == sport


def test_a_sports_emoji_before_a_day_is_a_bullet() -> None:
    text = "recap\n🚣 Sat – 5k row, 20:11\n🏃 Sun – 10k easy"
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [(w.date.isoformat(), w.discipline) for w in workouts] == [
        ("2026-03-14", "rowing"),
        ("2026-03-15", "running"),
    ]


THURSDAY = dt.date(2026, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Half marathon this Sunday! Nervous 😬",
        "This Saturday: 10k race",
        "long run this Saturday, 18 mi with the club",
    ],
)
def test_a_day_of_this_week_still_ahead_is_a_plan(text: str) -> None:
    assert extract(text, today=THURSDAY, tz="UTC", units="lb") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("ran a half this Sunday, 1:45", "2026-03-08"),
        ("long run this Monday 14 mi", "2026-03-09"),
    ],
)
def test_a_day_of_this_week_gone_or_said_done_is_a_log(text: str, date: str) -> None:
    workouts = extract(text, today=THURSDAY, tz="UTC", units="lb")
    assert [w.date.isoformat() for w in workouts] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "10k race on Saturday, goal sub 45",
        "10k race Saturday, goal time 45:00",
        "My next race: Chicago Marathon, Oct 11",
        "next race is the Hackney half",
    ],
)
def test_a_race_with_a_goal_or_named_next_is_ahead(text: str) -> None:
    assert extract(text, today=THURSDAY, tz="UTC", units="lb") == []


def test_a_goal_after_a_result_keeps_the_result() -> None:
    text = "ran 10k in 44:30, goal sub 44 next time"
    assert len(extract(text, today=THURSDAY, tz="UTC", units="lb")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Progressive long run 26k: 5:40 → 4:50",
        "progression 12 km, 5:30-4:20 per km",
        "tempo 8k, 4:20 - 4:15 per km",
    ],
)
def test_a_pace_range_is_no_sessions_time(text: str) -> None:
    assert _data(_one(text))["total_time"] is None


@pytest.mark.parametrize(
    "text", ["Ran 100 miles this week", "62 km this week, biggest week ever", "8 hours this month"]
)
def test_a_sum_over_the_week_or_month_logs_nothing(text: str) -> None:
    assert extract(text, today=SUNDAY, tz="UTC", units="lb") == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("ran 5k yestrday 27:30", ["2026-03-14"]),
        ("did 10 k yesterdy", ["2026-03-14"]),
        ("easy 5k todya", ["2026-03-15"]),
        # a misspelt tomorrow is still a plan
        ("long run tommorow 20 mi", []),
        ("tmr 6x800 at the track", []),
        ("2moro tempo 5 mi", []),
    ],
)
def test_misspelt_days_still_date_or_plan(text: str, dates: list[str]) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [w.date.isoformat() for w in workouts] == dates


@pytest.mark.parametrize(
    ("text", "sports"),
    [
        ("cycle 20km + run 5km + swim 1km", ["cycling", "running", "swimming"]),
        ("swim 2.5k + run 6k + bike 30k", ["swimming", "running", "cycling"]),
        ("AM swim 3000y / PM run 6mi", ["swimming", "running"]),
        ("am easy 8k | pm spin 45 min", ["running", "cycling"]),
        # a program's cycle is no ride
        ("week 2 cycle 3: ran 5k", ["running"]),
        ("cycle 45 min easy", ["cycling"]),
    ],
)
def test_sports_joined_in_a_chain_or_by_part_of_day_are_each_a_session(
    text: str, sports: list[str]
) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="lb")
    assert [w.discipline for w in workouts] == sports


@pytest.mark.parametrize(
    "text",
    ["My easy pace: 5:45-6:00/km", "Zones: Z2 is 6:00-6:30/km", "threshold pace = 4:05/km"],
)
def test_paces_and_zones_stated_log_nothing(text: str) -> None:
    assert extract(text, today=SUNDAY, tz="UTC", units="lb") == []


def test_a_pace_beside_a_session_keeps_it() -> None:
    workouts = extract("tempo 8k today, pace: 4:20/km", today=SUNDAY, tz="UTC", units="lb")
    assert len(workouts) == 1


@pytest.mark.parametrize(
    ("text", "metres", "seconds"),
    [
        # hours then a distance: the number after "2h" is kilometres, not minutes
        ("mountain run 2h 10km 1000m+", 10_000.0, 7200),
        ("1 hr 5 mi easy", 5 * 1609.344, 3600),
        ("run 1h 10k", 10_000.0, 3600),
        # hours and minutes stay a time
        ("ride 1h 20m, 32 km", 32_000.0, 4800),
        ("1h20 run, 14 km", 14_000.0, 4800),
    ],
)
def test_hours_then_a_distance(text: str, metres: float, seconds: int) -> None:
    workout = _one(text)
    assert _distance_m(workout) == pytest.approx(metres)
    assert workout.duration == seconds


def test_a_climb_with_a_trailing_plus() -> None:
    assert _data(_one("mountain run 2h 10km 1000m+"))["elevation_gain"] == {
        "value": 1000.0,
        "unit": "m",
    }


@pytest.mark.parametrize(
    ("text", "race"),
    [
        ("Ultra training: 35k on trails, +1500 m, 4h20", False),
        ("marathon build week 6: 28k steady", False),
        ("ran an ultra today, 50k", True),
    ],
)
def test_training_for_an_event_is_no_race(text: str, race: bool) -> None:
    assert (_data(_one(text))["run_type"] == "race") is race


MONDAY = dt.date(2026, 3, 16)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Sat's parkrun 23:10", ["2026-03-14"]),
        ("weekend: sat 10k tempo, sun 25k long", ["2026-03-14", "2026-03-15"]),
        ("b2b: sat 20 mi, sun 12 mi", ["2026-03-14", "2026-03-15"]),
        # the verb and the star stay words
        ("I sat 10 min in the sauna after a 5k", ["2026-03-16"]),
    ],
)
def test_sat_and_sun_before_a_distance_or_a_session_are_days(text: str, dates: list[str]) -> None:
    workouts = extract(text, today=MONDAY, tz="UTC", units="lb")
    assert [w.date.isoformat() for w in workouts] == dates


@pytest.mark.parametrize(
    ("text", "seconds", "metres"),
    [
        ("Easy miles w/ friends, 5.5 mi, 50ish min", 3000, 5.5 * 1609.344),
        ("10ish km, 55-ish minutes", 3300, 10_000.0),
        ("swam 2000-ish yards in 40 min", 2400, 2000 * 0.9144),
    ],
)
def test_a_rough_number_is_read_as_the_number(text: str, seconds: int, metres: float) -> None:
    workout = _one(text)
    assert workout.duration == seconds
    assert _distance_m(workout) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "run_type"),
    [
        ("Track Run\n6.4 km\n30:12", None),
        ("ran 12 laps of the track", None),
        ("track session: 8x400", "intervals"),
    ],
)
def test_the_track_alone_names_no_interval_session(text: str, run_type: str | None) -> None:
    assert _data(_one(text))["run_type"] == run_type


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("ran 3 loops of 4 km", 12_000.0),
        ("Ran 2 laps of the park (5.2 km each)", 10_400.0),
        ("3 laps of the 5k loop", 15_000.0),
        ("two loops of the lake, 3.1 mi each", 6.2 * 1609.344),
        ("3 times around the 1.5 mi loop", 4.5 * 1609.344),
        # a total said is the total
        ("4 laps of the park, 10 km total", 10_000.0),
    ],
)
def test_laps_of_a_route_multiply_one_laps_distance(text: str, metres: float) -> None:
    workout = _one(text)
    assert workout.discipline == "running"
    assert _distance_m(workout) == pytest.approx(metres)


@pytest.mark.parametrize(
    "text", ["My Sunday long run will be 20 mi", "the race will have 800 m of climbing, 25 km"]
)
def test_what_will_be_is_ahead(text: str) -> None:
    assert extract(text, today=THURSDAY, tz="UTC", units="lb") == []


def test_a_run_done_before_a_will_stays() -> None:
    text = "ran 10k today, it will be my last long-ish run before the race"
    assert len(extract(text, today=THURSDAY, tz="UTC", units="lb")) == 1


@pytest.mark.parametrize(
    ("text", "sports"),
    [
        ("swim-bike brick: 1500 m swim then 45 min on the trainer", ["swimming", "cycling"]),
        ("rode 40 km then 15 min on the treadmill", ["cycling", "running"]),
        ("ran 8 mi then 30 min in the pool", ["running", "swimming"]),
        # the gear of the session's own sport is no new session
        ("45 min on the trainer, 20 km", ["cycling"]),
        ("squats 5x5 @ 100kg, then 10 min on the treadmill", ["powerlifting"]),
    ],
)
def test_a_clause_on_another_sports_gear_is_its_own_session(text: str, sports: list[str]) -> None:
    workouts = extract(text, today=SUNDAY, tz="UTC", units="kg")
    assert [w.discipline for w in workouts] == sports
