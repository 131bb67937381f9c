"""The caller's profile: the editable fields in, the stored profile out."""

from __future__ import annotations

from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from api.schemas.common import Facts, Name, RequestModel
from storage.models import Profile, Units


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _known_zone(value: str) -> str:
    if value != "UTC" and value not in _zones():
        raise ValueError("unknown time zone: use an IANA name such as Europe/Berlin")
    return value


class ProfileUpdate(RequestModel):
    """The caller's editable profile; send `version` to guard against concurrent edits."""

    display_name: Name | None = None
    first_name: Name | None = None
    last_name: Name | None = None
    nickname: Name | None = None
    email: (
        Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")] | None
    ) = None
    timezone: Annotated[str, StringConstraints(max_length=64), AfterValidator(_known_zone)] = "UTC"
    units: Units = "lb"
    preferences: Facts = Field(default_factory=dict)
    demographics: Facts = Field(default_factory=dict)
    fitness: Facts = Field(default_factory=dict)
    version: int | None = Field(default=None, ge=0)


class ProfilePublic(BaseModel):
    """The caller's profile."""

    user_id: str
    display_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    nickname: str | None = None
    email: str | None = None
    timezone: str
    units: Units
    preferences: Facts
    demographics: Facts
    fitness: Facts
    version: int
    created_at: str | None = None
    updated_at: str | None = None

    @classmethod
    def of(cls, profile: Profile) -> ProfilePublic:
        """Map a stored profile."""
        return cls.model_validate(profile.model_dump())
