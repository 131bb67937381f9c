"""Shared building blocks of the Universal Workout Schema: the base model, units and numbers."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

WeightUnit = Literal["lb", "kg"]
DistanceUnit = Literal["m", "km", "mi", "yd"]
MovementType = Literal[
    "barbell", "dumbbell", "kettlebell", "gymnastics", "bodyweight", "cardio", "other"
]

# Spellings athletes use for weight units (UWS: accept these, store lb/kg).
WEIGHT_UNIT_ALIASES: dict[str, WeightUnit] = {
    "lb": "lb",
    "lbs": "lb",
    "lb.": "lb",
    "lbs.": "lb",
    "pound": "lb",
    "pounds": "lb",
    "#": "lb",
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
}


def _compact(value: float) -> float | int:
    """Write integral floats as JSON integers (225, not 225.0); parsing them back is lossless."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


_COMPACT = PlainSerializer(_compact, return_type=int | float, when_used="json")

Number = Annotated[float, _COMPACT]
"""Any number, written without a trailing .0."""
Seconds = Annotated[float, Field(ge=0, le=2_592_000), _COMPACT]
"""A non-negative duration in seconds (up to 30 days: a multi-day trip)."""
Amount = Annotated[float, Field(ge=0, le=1_000_000), _COMPACT]
"""A non-negative quantity: weight, distance, calories, metres climbed, watts."""
LoadValue = Annotated[float, Field(ge=0, le=2_000), _COMPACT]
"""A weight value: non-negative and below any human lift."""
Rating = Annotated[float, Field(ge=1, le=10), _COMPACT]
"""A rating on the 1-10 scale."""
Fraction = Annotated[float, Field(ge=0, le=1)]
Percent = Annotated[float, Field(ge=0, le=200), _COMPACT]
Count = Annotated[int, Field(ge=0, le=100_000)]
Reps = Annotated[int, Field(ge=0, le=10_000)]
Rir = Annotated[int, Field(ge=0, le=10)]
Index = Annotated[int, Field(ge=1, le=1_000)]
Pace = Annotated[str, Field(pattern=r"^\d{1,3}:[0-5]\d(\.\d)?$", max_length=9)]
"""A pace or split as "M:SS" (optionally tenths, "1:52.5")."""
Text = Annotated[str, Field(max_length=2_000)]
Name = Annotated[str, Field(min_length=1, max_length=120)]


class Strict(BaseModel):
    """Base of every UWS model: unknown keys are errors and attribute docstrings describe fields."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Weight(Strict):
    """A load with its unit; bodyweight movements have no weight."""

    value: LoadValue
    unit: WeightUnit
    """lb or kg (lbs, pounds, #, kilos accepted on input)."""

    @field_validator("unit", mode="before")
    @classmethod
    def _normalise_unit(cls, unit: object) -> object:
        if isinstance(unit, str):
            return WEIGHT_UNIT_ALIASES.get(unit.strip().lower(), unit)
        return unit


ElevationUnit = Literal["m", "ft"]


class Elevation(Strict):
    """Height climbed, in the unit the athlete gave.

    A bare number from older records is metres.
    """

    value: Amount
    unit: ElevationUnit

    @model_validator(mode="before")
    @classmethod
    def _bare_metres(cls, data: object) -> object:
        return {"value": data, "unit": "m"} if isinstance(data, int | float) else data


class Load(Weight):
    """A CrossFit load: the weight used plus its relation to the prescription."""

    percentage_1rm: Percent | None = None
    rx_weight: LoadValue | None = None
    """The prescribed Rx load in the same unit, when known."""
    scaled_weight: LoadValue | None = None
    """The scaled load in the same unit, when the athlete scaled."""
