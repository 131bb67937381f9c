"""Request and response models, one family per resource (`…Create`/`…Update` in, `…Public` out).

Request models forbid unknown fields. Responses are snake_case throughout; storage records
are mapped field by field, so their camelCase aliases never leak into the API.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Any, Literal, Self, TypeVar
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from agent.coaches import list_methodologies, list_personalities
from agent.events import ChatResult, MemoryChanges, ReplyOut, Usage
from api.storable import unstorable
from extraction.schema import Workout
from storage.models import (
    CoachConfig,
    CoachMetadata,
    Conversation,
    Importance,
    Memory,
    MemoryType,
    Message,
    Methodology,
    Page,
    Personality,
    Profile,
    Role,
    Summary,
    SummaryData,
    TechnicalConfig,
    Units,
    WorkoutRecord,
)

T = TypeVar("T")

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
WORKOUT_ID_PATTERN = r"^\d{8}-[A-Za-z0-9_-]{1,64}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
Tags = Annotated[list[Name], Field(max_length=20)]
Facts = dict[str, Any]


class RequestModel(BaseModel):
    """Base of request bodies: unknown fields are errors, and so is anything the store
    cannot keep (DynamoDB's limits, on both backends)."""

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
    """`current` with `fields` replaced; the write checks `version` (the one read when
    the client sends none, so a plain PUT still cannot interleave with another)."""
    expected = current.version if version is None else version
    return type(current).model_validate({**current.model_dump(), **fields, "version": expected})


def dated_workout_id(value: str) -> str:
    """Workout ids start with the workout's date (`YYYYMMDD-…`)."""
    try:
        dt.datetime.strptime(value[:8], "%Y%m%d")
    except ValueError:
        raise ValueError("a workout id starts with a valid date: YYYYMMDD-…") from None
    return value


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _known_zone(value: str) -> str:
    if value != "UTC" and value not in _zones():
        raise ValueError("unknown time zone: use an IANA name such as Europe/Berlin")
    return value


def _known_personality(value: str) -> str:
    if value not in list_personalities():
        raise ValueError(f"unknown personality; choose one of {sorted(list_personalities())}")
    return value


def _known_methodology(value: str) -> str:
    if value not in list_methodologies():
        raise ValueError(f"unknown methodology; choose one of {sorted(list_methodologies())}")
    return value


# profile


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


# coaches


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


# conversations and messages


class ConversationCreate(RequestModel):
    """Start a conversation, optionally with a title."""

    title: Title | None = None


class ConversationRename(RequestModel):
    """A conversation's new title."""

    title: Title


class ConversationPublic(BaseModel):
    """A conversation's metadata (never its messages)."""

    conversation_id: str
    coach_id: str
    title: str
    total_messages: int
    last_activity: str | None = None
    is_active: bool
    tags: list[str]
    created_at: str | None = None
    updated_at: str | None = None

    @classmethod
    def of(cls, conversation: Conversation) -> ConversationPublic:
        """Map stored conversation metadata."""
        meta = conversation.metadata
        return cls(
            conversation_id=conversation.conversation_id,
            coach_id=conversation.coach_id,
            title=conversation.title,
            total_messages=meta.total_messages,
            last_activity=meta.last_activity,
            is_active=meta.is_active,
            tags=meta.tags,
            created_at=conversation.created_at or meta.created_at,
            updated_at=conversation.updated_at,
        )


class MessagePublic(BaseModel):
    """One chat message."""

    message_id: str
    role: Role
    content: str
    timestamp: str
    client_message_id: str | None = None
    workout_ids: list[str]
    memory_ids: list[str]

    @classmethod
    def of(cls, message: Message) -> MessagePublic:
        """Map a stored message."""
        meta = message.metadata
        return cls(
            message_id=message.message_id,
            role=message.role,
            content=message.content,
            timestamp=message.timestamp,
            client_message_id=meta.client_message_id,
            workout_ids=meta.workout_ids,
            memory_ids=meta.memory_ids,
        )


class ConversationDetail(ConversationPublic):
    """A conversation's metadata and one page of its messages, oldest first."""

    messages: Page[MessagePublic]


class ChatRequest(RequestModel):
    """One message to the coach; resend the same `client_message_id` to retry safely."""

    content: Annotated[str, StringConstraints(min_length=1)]
    client_message_id: (
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,64}$")] | None
    ) = None


class SummaryPublic(BaseModel):
    """The latest summary of a conversation."""

    summary_id: str
    conversation_id: str
    coach_id: str
    summary_text: str
    structured_data: SummaryData
    created_at: str | None = None
    trigger_reason: str | None = None
    messages_covered: int
    version: int

    @classmethod
    def of(cls, summary: Summary) -> SummaryPublic:
        """Map a stored summary."""
        return cls(
            summary_id=summary.summary_id,
            conversation_id=summary.conversation_id,
            coach_id=summary.coach_id,
            summary_text=summary.summary_text,
            structured_data=summary.structured_data,
            created_at=summary.metadata.created_at,
            trigger_reason=summary.metadata.trigger_reason,
            messages_covered=summary.metadata.message_range.total_messages,
            version=summary.version,
        )


# memories


UserMemoryType = Literal["preference", "goal", "constraint", "context", "feedback"]
"""The memory types a user may give: `instruction` is never taken from user input."""


class MemoryCreate(RequestModel):
    """Something the coach should remember; with `coach_id` only that coach sees it.

    The content is screened: instructions to the coach's model and safety-negating text
    are refused (422 `memory_refused`); passwords, card and government id numbers are
    replaced by `[redacted]` (`notice` in the reply says so)."""

    content: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    memory_type: UserMemoryType = "context"
    coach_id: Id | None = None
    importance: Importance = "medium"
    tags: Tags = Field(default_factory=list)


class MemoryUpdate(MemoryCreate):
    """A memory's new content and kind; send `version` to guard against concurrent edits.

    A memory's coach (`coach_id`) is fixed when it is created."""

    coach_id: None = None
    version: int | None = Field(default=None, ge=0)


class MemoryPublic(BaseModel):
    """A lasting memory."""

    memory_id: str
    coach_id: str | None = None
    content: str
    memory_type: MemoryType
    importance: Importance
    tags: list[str]
    source: str
    usage_count: int
    created_at: str | None = None
    last_used: str | None = None
    version: int
    notice: str | None = None
    """On a write that left sensitive values out of `content`: which, in a sentence."""

    @classmethod
    def of(cls, memory: Memory, notice: str | None = None) -> MemoryPublic:
        """Map a stored memory."""
        meta = memory.metadata
        return cls(
            memory_id=memory.memory_id,
            coach_id=memory.coach_id,
            content=memory.content,
            memory_type=memory.memory_type,
            importance=meta.importance,
            tags=meta.tags,
            source=meta.source,
            usage_count=meta.usage_count,
            created_at=meta.created_at,
            last_used=meta.last_used,
            version=memory.version,
            notice=notice,
        )


# workouts


class WorkoutCorrection(Workout, RequestModel):
    """A corrected workout: a whole Universal Workout Schema workout."""


class WorkoutPublic(BaseModel):
    """A logged workout: its id plus the Universal Workout Schema fields (nulls left out)."""

    model_config = ConfigDict(extra="allow")

    workout_id: str
    date: str
    discipline: str

    @classmethod
    def of(cls, record: WorkoutRecord) -> WorkoutPublic:
        """Map a stored workout."""
        return cls.model_validate(
            {
                **record.workout_data,
                "workout_id": record.workout_id,
                "date": record.date,
                "discipline": record.discipline,
            }
        )

    @classmethod
    def of_workout(cls, workout: Workout, **extra: Any) -> WorkoutPublic:
        """Map a workout as a turn logged it (`extra`: the event's `action`, `change`)."""
        return cls.model_validate({**workout.model_dump(mode="json", exclude_none=True), **extra})


# chat


class WorkoutChangePublic(BaseModel):
    """A workout a turn logged, updated or deleted, and what changed (`Fran: 8:57 → 8:47`)."""

    action: Literal["logged", "updated", "deleted"]
    workout_id: str
    summary: str
    workout: WorkoutPublic
    """As it is now (for `deleted`: as it was)."""


class ChatReply(BaseModel):
    """The whole outcome of a turn: the JSON reply body and the SSE `done` payload."""

    message_id: str
    conversation_id: str
    reply: ReplyOut
    workouts: list[WorkoutPublic] = Field(default_factory=list)
    """Workouts logged this turn."""
    workout_changes: list[WorkoutChangePublic] = Field(default_factory=list)
    """Every workout logged, updated or deleted this turn, in order."""
    memories: MemoryChanges = Field(default_factory=MemoryChanges)
    usage: Usage

    @classmethod
    def of(cls, result: ChatResult) -> ChatReply:
        """Map the agent's result."""
        return cls(
            message_id=result.message_id,
            conversation_id=result.conversation_id,
            reply=result.reply,
            workouts=[WorkoutPublic.of_workout(w) for w in result.workouts],
            workout_changes=[
                WorkoutChangePublic(
                    action=c.action,
                    workout_id=c.workout_id,
                    summary=c.summary,
                    workout=WorkoutPublic.of_workout(c.workout),
                )
                for c in result.workout_changes
            ],
            memories=result.memories,
            usage=result.usage,
        )
