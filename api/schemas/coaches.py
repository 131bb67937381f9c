"""Coach configurations: personality, methodology and training context in, the stored coach out."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from agent.coaches import list_methodologies, list_personalities
from api.schemas.common import Name, RequestModel, Tags, Text
from storage.models import (
    CoachConfig,
    CoachMetadata,
    Methodology,
    Personality,
    TechnicalConfig,
)


def _known_personality(value: str) -> str:
    if value not in list_personalities():
        raise ValueError(f"unknown personality; choose one of {sorted(list_personalities())}")
    return value


def _known_methodology(value: str) -> str:
    if value not in list_methodologies():
        raise ValueError(f"unknown methodology; choose one of {sorted(list_methodologies())}")
    return value


class PersonalityIn(RequestModel):
    """Which personality template the coach speaks with."""

    primary_template: Annotated[
        str,
        AfterValidator(_known_personality),
        Field(json_schema_extra=lambda schema: schema.update(enum=sorted(list_personalities()))),
    ] = "encouraging"
    selection_reasoning: Text | None = None


class MethodologyIn(RequestModel):
    """Which training methodology the coach programs with."""

    primary_methodology: Annotated[
        str,
        AfterValidator(_known_methodology),
        Field(json_schema_extra=lambda schema: schema.update(enum=sorted(list_methodologies()))),
    ] = "general_fitness"


class TechnicalConfigIn(RequestModel):
    """The athlete's training context the coach plans around."""

    programming_focus: Tags = Field(default_factory=list)
    specializations: Tags = Field(default_factory=list)
    methodology: Name | None = None
    experience_level: Name | None = None
    goal_timeline: Name | None = None
    preferred_intensity: Name | None = None
    equipment_available: Tags = Field(default_factory=list)
    safety_constraints: Tags = Field(default_factory=list)


class CoachCreate(RequestModel):
    """A new coach configuration (see docs/data-layout.md, coach configuration)."""

    coach_name: Name
    selected_personality: PersonalityIn = Field(default_factory=PersonalityIn)
    selected_methodology: MethodologyIn = Field(default_factory=MethodologyIn)
    technical_config: TechnicalConfigIn = Field(default_factory=TechnicalConfigIn)


class CoachUpdate(CoachCreate):
    """A full replacement of a coach; send `version` to guard against concurrent edits."""

    version: int | None = Field(default=None, ge=0)


class CoachPublic(BaseModel):
    """A coach configuration."""

    coach_id: str
    coach_name: str
    selected_personality: Personality
    selected_methodology: Methodology
    technical_config: TechnicalConfig
    metadata: CoachMetadata
    version: int
    created_at: str | None = None
    updated_at: str | None = None

    @classmethod
    def of(cls, coach: CoachConfig) -> CoachPublic:
        """Map a stored coach."""
        return cls.model_validate(coach.model_dump())
