"""What every resource's models share: id and text constraints, the request base, error bodies."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from api.storable import unstorable
from storage.models import CoachConfig, Profile

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
WORKOUT_ID_PATTERN = r"^\d{8}-[A-Za-z0-9_-]{1,64}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
Tags = Annotated[list[Name], Field(max_length=20)]
Facts = dict[str, Any]


class RequestModel(BaseModel):
    """Base of request bodies: unknown fields are errors.

    So is anything the store cannot keep (DynamoDB's limits, on both backends).
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _storable(self) -> Self:
        problem = unstorable(self)
        if problem:
            raise PydanticCustomError("unstorable", "{problem}", {"problem": problem})
        return self


class ErrorDetail(BaseModel):
    """A stable machine-readable code and a human message."""

    code: str
    message: str


class ErrorPublic(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


Versioned = TypeVar("Versioned", CoachConfig, Profile)


def updated(current: Versioned, fields: dict[str, Any], version: int | None) -> Versioned:
    """`current` with `fields` replaced, carrying the `version` the write will check.

    When the client sends none, the version read is used, so a plain PUT still cannot
    interleave with another.
    """
    expected = current.version if version is None else version
    return type(current).model_validate({**current.model_dump(), **fields, "version": expected})


def dated_workout_id(value: str) -> str:
    """Workout ids start with the workout's date (`YYYYMMDD-…`)."""
    try:
        dt.datetime.strptime(value[:8], "%Y%m%d")
    except ValueError:
        raise ValueError("a workout id starts with a valid date: YYYYMMDD-…") from None
    return value
