"""End to end: the spec's worked examples, metadata, units, and request validation."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import InvalidExtraction, extract
from extraction.grounding import check_grounding

from .scoring import load_cases

TODAY = dt.date(2025, 4, 10)


def test_fran_worked_example() -> None:
    (w,) = extract("Did Fran in 8:57 with 95 lb thrusters, RX", today=TODAY)
    cf = w.discipline_specific.crossfit
    assert cf is not None and cf.performance_data is not None
    assert (w.discipline, w.workout_name, w.workout_type) == ("crossfit", "Fran", "hybrid")
    assert (cf.workout_format, cf.rx_status) == ("for_time", "rx")
    (group,) = cf.rounds
    assert group.rep_scheme == "21-15-9"
    thruster, pull_up = group.exercises
    assert (thruster.exercise_name, pull_up.exercise_name) == ("thruster", "pull_up")
    assert thruster.weight is not None
    assert (thruster.weight.value, thruster.weight.unit) == (95, "lb")
    assert cf.performance_data.total_time == 537
    score = cf.performance_data.score
    assert score is not None and (score.value, score.type, score.unit) == (537, "time", "seconds")


def test_squats_and_rdls_worked_example() -> None:
    (w,) = extract("Squats 5x5 at 225 then 3 sets of 10 RDLs at 135", today=TODAY)
    assert w.discipline in ("powerlifting", "bodybuilding")
    pl = w.discipline_specific.powerlifting
    assert pl is not None
    squat, rdl = pl.exercises
    assert squat.exercise_name == "back_squat" and rdl.exercise_name == "romanian_deadlift"
    assert [(s.reps, s.weight.value, s.weight.unit) for s in squat.sets] == [(5, 225, "lb")] * 5  # type: ignore[union-attr]
    assert [(s.reps, s.weight.value) for s in rdl.sets] == [(10, 135)] * 3  # type: ignore[union-attr]
    assert "unit_assumed" in w.metadata.validation_flags


def test_easy_10k_worked_example() -> None:
    (w,) = extract("Easy 10k this morning in 52:30", today=TODAY)
    run = w.discipline_specific.running
    assert run is not None
    assert (w.discipline, run.run_type, run.total_distance, run.distance_unit) == (
        "running", "easy", 10, "km",
    )  # fmt: skip
    assert (run.total_time, run.average_pace) == (3150, "5:15")


def test_metadata() -> None:
    (w,) = extract("Easy 10k this morning in 52:30", today=TODAY)
    meta = w.metadata
    assert (meta.logged_via, meta.ai_extracted, meta.schema_version) == (
        "conversation",
        False,
        "2.0",
    )
    assert meta.extraction_method == "deterministic"
    assert meta.validation_flags == []
    assert meta.data_confidence is not None and 0 < meta.data_confidence <= 1
    assert meta.data_completeness == 1


def test_gaps_are_flagged() -> None:
    (w,) = extract("ran 5k this morning", today=TODAY)
    assert "missing_time" in w.metadata.validation_flags
    (w,) = extract("squatted 3x5 this morning", today=TODAY)
    assert "missing_weight" in w.metadata.validation_flags
    assert w.metadata.data_confidence < 0.95  # type: ignore[operator]


def test_kilo_users_get_kilos_when_no_unit_is_said() -> None:
    (w,) = extract("bench 5x5 @ 100", today=TODAY, units="kg")
    sets = w.discipline_specific.powerlifting.exercises[0].sets  # type: ignore[union-attr]
    assert sets[0].weight.unit == "kg"  # type: ignore[union-attr]
    (w,) = extract("squatted 3 sets of 5 at 80 kilos", today=TODAY, units="lb")
    sets = w.discipline_specific.powerlifting.exercises[0].sets  # type: ignore[union-attr]
    assert sets[0].weight.unit == "kg"  # type: ignore[union-attr]
    assert "unit_assumed" not in w.metadata.validation_flags


def test_every_corpus_extraction_is_grounded_in_its_message() -> None:
    for case in load_cases():
        for w in extract(case.message, today=case.today, tz=case.tz, units=case.units):
            report = check_grounding(w, case.message)
            assert report.ok, (case.id, report.ungrounded)


def test_no_workout_is_dated_after_today() -> None:
    for case in load_cases():
        for w in extract(case.message, today=case.today, tz=case.tz, units=case.units):
            assert w.date <= case.today, case.id


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"tz": "Mars/Olympus"}, "time zone"),
        ({"tz": ""}, "time zone"),
        ({"units": "stone"}, "units"),
        ({"today": "2025-04-10"}, "today"),
    ],
)
def test_bad_requests_raise_a_clear_error(kwargs: dict[str, object], match: str) -> None:
    args: dict[str, object] = {"today": TODAY, **kwargs}
    with pytest.raises(InvalidExtraction, match=match):
        extract("bench 5x5 @ 100", **args)  # type: ignore[arg-type]


def test_datetime_today_is_taken_as_its_date() -> None:
    (w,) = extract("ran 5k in 25:00 yesterday", today=dt.datetime(2025, 4, 10, 23, 59))
    assert w.date == dt.date(2025, 4, 9)


def _only(message: str, units: str = "lb") -> dict[str, object]:
    (w,) = extract(message, today=TODAY, units=units)  # type: ignore[arg-type]
    structure: dict[str, object] = getattr(w.discipline_specific, w.discipline).model_dump(
        exclude_none=True
    )
    return structure


def test_dumbbells_said_as_plural_numbers() -> None:
    sets = _only("db bench 4 x 10 w/ 30s")["exercises"][0]["sets"]  # type: ignore[index]
    assert [(s["reps"], s["weight"]["value"]) for s in sets] == [(10, 30)] * 4


@pytest.mark.parametrize(
    ("message", "rounds", "extra", "total_time"),
    [
        ("AMRAP 20: 5 pull-ups, 10 push-ups, 15 squats - 14 rounds + 7", 14, 7, None),
        ("Cindy 18+3", 18, 3, None),
        ("21-15-9 thrusters and pull-ups 1:02:30", None, None, 3750),
    ],
)
def test_crossfit_scores(
    message: str, rounds: int | None, extra: int | None, total_time: float | None
) -> None:
    performance = _only(message)["performance_data"]
    assert performance.get("rounds_completed") == rounds  # type: ignore[attr-defined]
    assert performance.get("additional_reps") == extra  # type: ignore[attr-defined]
    assert performance.get("total_time") == total_time  # type: ignore[attr-defined]


def test_splits_calories_and_watts() -> None:
    row = _only("5k row 19:55, 1:59.5/500m avg, 24 spm")
    assert (row["total_distance"], row["average_split"], row["stroke_rate"]) == (5000, "1:59.5", 24)
    ride = _only("Zwift 1hr, avg 215w, NP 230w. FTP is 265")
    assert (ride["average_power"], ride["normalized_power"], ride["ftp"]) == (215, 230, 265)
    wod = _only("AMRAP 15: 10 wall balls, 10 cal row, 10 burpees. 6 rounds + 12")
    row_item = wod["rounds"][0]["exercises"][1]  # type: ignore[index]
    assert (row_item["exercise_name"], row_item["calories"]) == ("row", 10)


def test_paces_and_repeats() -> None:
    run = _only("6x800m at 2:55 each")
    assert (run["run_type"], run["total_distance"], run["distance_unit"]) == (
        "intervals",
        4800,
        "m",
    )
    assert run["segments"][0] == {  # type: ignore[index]
        "segment_number": 1, "segment_type": "working", "distance": 800, "time": 175, "repeat": 6,
    }  # fmt: skip
    assert _only("5 miles at 7:10/mi")["average_pace"] == "7:10"


def test_a_ruck_keeps_only_a_distance_said_outright() -> None:
    # The rucking schema has no repeats, so "1x1" pairs are not added up into a distance.
    (ruck,) = extract("ruck 1x1 1x1", today=TODAY)
    assert ruck.discipline_specific.rucking is not None
    assert ruck.discipline_specific.rucking.total_distance is None
    message = "rucked 10 km with 4x100m hill repeats, 30 lb vest"
    (ruck,) = extract(message, today=TODAY)
    data = ruck.discipline_specific.rucking
    assert data is not None and (data.total_distance, data.distance_unit) == (10, "km")


@pytest.mark.parametrize(
    "message",
    ["two days ago: 14km long run, 1:15:30", "3 days ago did Grace in 3:30 @ 135"],
)
def test_days_ago_is_a_date_not_a_multi_day_trip(message: str) -> None:
    (workout,) = extract(message, today=dt.date(2025, 4, 10))
    assert workout.discipline != "backpacking"


@pytest.mark.parametrize(
    "message",
    [
        "class today: back squat 5x3 @ 275, then metcon 21-15-9 thrusters (95) and burpees, 9:30",
        "heavy day at the box: clean 1RM 102kg, then EMOM 10 - 2 clean & jerks @ 80",
    ],
)
def test_a_class_is_one_session_strength_then_metcon(message: str) -> None:
    (workout,) = extract(message, today=TODAY)
    assert workout.discipline == "crossfit"
    cf = workout.discipline_specific.crossfit
    assert cf is not None
    loads = [e.weight.value for r in cf.rounds for e in r.exercises if e.weight]
    assert loads[0] in (275, 102)


def test_lifting_then_a_wod_outside_a_class_are_two_sessions() -> None:
    assert len(extract("squat 5x5 @ 225. later did Fran in 6:10", today=TODAY)) == 2


def test_counted_movements_done_for_a_time_are_a_wod() -> None:
    text = "did 50 double unders, 40 sit ups, 30 box jumps, 20 thrusters @ 95. took me 18 min"
    (workout,) = extract(text, today=TODAY)
    assert (workout.discipline, workout.duration) == ("crossfit", 1080)


@pytest.mark.parametrize(
    ("text", "discipline"),
    [
        ("sprint intervals 8x200m on the track w/ 200 walk", "running"),
        ("Wed - 8x400 @ 1:30", "running"),
        ("walked 4 miles with the dog", "walking"),
    ],
)
def test_track_repeats_are_a_run_and_walked_recoveries_no_walk(text: str, discipline: str) -> None:
    (workout,) = extract(text, today=TODAY)
    assert workout.discipline == discipline
