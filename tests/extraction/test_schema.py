"""The UWS models: validation, lossless JSON round trip, and the LLM-facing JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from extraction import extract
from extraction.schema import (
    BEDROCK_TYPES,
    SERVICE_FIELDS,
    DisciplineSpecific,
    PowerliftingData,
    RunningData,
    StrengthSet,
    SubjectiveFeedback,
    Weight,
    Workout,
    workout_json_schema,
)

from .scoring import load_cases
from .strategies import workouts


def _running(**data: Any) -> dict[str, Any]:
    return {
        "date": "2025-03-01",
        "discipline": "running",
        "workout_type": "cardio",
        "discipline_specific": {"running": data},
    }


@given(workouts())
@settings(max_examples=200)
def test_round_trip_is_lossless(workout: Workout) -> None:
    text = workout.model_dump_json(exclude_none=True)
    assert Workout.model_validate_json(text) == workout


def test_every_corpus_extraction_round_trips() -> None:
    for case in load_cases():
        for workout in extract(case.message, today=case.today, tz=case.tz, units=case.units):
            text = workout.model_dump_json(exclude_none=True)
            assert Workout.model_validate_json(text) == workout, case.id


@pytest.mark.parametrize(
    ("written", "stored"),
    [("lbs", "lb"), ("pounds", "lb"), ("#", "lb"), ("LB", "lb"), ("kilos", "kg"), ("kgs", "kg")],
)
def test_weight_units_are_normalised(written: str, stored: str) -> None:
    assert Weight.model_validate({"value": 100, "unit": written}).unit == stored


def test_integral_numbers_are_written_without_decimals() -> None:
    workout = Workout.model_validate(_running(total_distance=10, total_time=3150.5))
    assert '"total_distance":10,' in workout.model_dump_json()
    assert '"total_time":3150.5' in workout.model_dump_json()


@pytest.mark.parametrize(
    "bad",
    [
        {"rpe": 11},
        {"rpe": 0},
        {"rest_time": -1},
        {"reps": -3},
        {"weight": {"value": -5, "unit": "lb"}},
        {"weight": {"value": 100, "unit": "stone"}},
        {"colour": "red"},
    ],
)
def test_ranges_units_and_unknown_keys_are_rejected(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        StrengthSet.model_validate({"set_number": 1, **bad})


def test_rating_outside_one_to_ten_is_rejected() -> None:
    with pytest.raises(ValidationError):
        SubjectiveFeedback(enjoyment=11)


def test_pace_must_be_minutes_and_seconds() -> None:
    with pytest.raises(ValidationError):
        RunningData(average_pace="5 min")


def test_discipline_specific_holds_exactly_one_key() -> None:
    with pytest.raises(ValidationError):
        DisciplineSpecific()
    with pytest.raises(ValidationError):
        DisciplineSpecific(powerlifting=PowerliftingData(), running=RunningData())


def test_discipline_specific_key_must_match_discipline() -> None:
    raw = _running(total_distance=5)
    raw["discipline"] = "cycling"
    with pytest.raises(ValidationError, match="running"):
        Workout.model_validate(raw)


def test_attribute_docstrings_become_descriptions() -> None:
    props = Weight.model_json_schema()["properties"]
    assert "lb or kg" in props["unit"]["description"]


def _types(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("type"), str):
            found.add(node["type"])
        for value in node.values():
            found |= _types(value)
    elif isinstance(node, list):
        for value in node:
            found |= _types(value)
    return found


def test_json_schema_is_small_valid_and_bedrock_typed() -> None:
    schema = workout_json_schema()
    compact = json.dumps(schema, separators=(",", ":"))
    assert len(compact.encode()) < 30_000  # 28.8 kB with walking, hiking, mobility, sports
    jsonschema.Draft202012Validator.check_schema(schema)
    assert _types(schema) <= BEDROCK_TYPES
    assert '"title"' not in compact
    assert "$ref" not in compact  # self-contained: callers may nest it anywhere
    assert not SERVICE_FIELDS & set(schema["properties"])
    assert {"date", "discipline", "workout_type", "discipline_specific"} <= set(schema["required"])


def test_json_schema_is_a_fresh_copy() -> None:
    workout_json_schema()["properties"].clear()
    assert workout_json_schema()["properties"]


def test_extractions_validate_against_the_llm_schema_nested_in_a_tool() -> None:
    tool_input = {
        "type": "object",
        "properties": {"workouts": {"type": "array", "items": workout_json_schema()}},
        "required": ["workouts"],
    }
    validator = jsonschema.Draft202012Validator(tool_input)
    messages = [
        "Did Fran in 8:57 with 95 lb thrusters, RX",
        "Squats 5x5 at 225 then 3 sets of 10 RDLs at 135",
        "Easy 10k this morning in 52:30",
        "swim: 400 wu, 10x100 on 1:45, 200 cd = 1600m total",
        "rucked 6 miles with 35 lb",
        "trail run 14km with 650m vert, 1:41:00",
    ]
    for message in messages:
        workouts = [
            w.model_dump(mode="json", exclude_none=True, exclude=set(SERVICE_FIELDS))
            for w in extract(message, today=dt.date(2025, 4, 10))
        ]
        errors = [e.message for e in validator.iter_errors({"workouts": workouts})]
        assert workouts and not errors, (message, errors)


def test_llm_schema_rejects_two_discipline_keys() -> None:
    validator = jsonschema.Draft202012Validator(workout_json_schema())
    payload = {
        "date": "2025-04-10",
        "discipline": "running",
        "workout_type": "cardio",
        "discipline_specific": {"running": {}, "trail_running": {}},
    }
    assert list(validator.iter_errors(payload))
