"""Domain records kept in the single table, their `attributes` as docs/data-layout.md lays them out.

Python fields are snake_case; `attributes` are written with docs/data-layout.md's names
(camelCase for most entities, snake_case inside the coach config and the summary's
`structuredData`), which is what `model_dump(by_alias=True)` produces.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

T = TypeVar("T")

MemoryType = Literal["preference", "goal", "constraint", "instruction", "context", "feedback"]
Importance = Literal["high", "medium", "low"]
DEFAULT_TITLE = "New conversation"
"""A conversation's title until the athlete or its first substantive exchange names it."""
Role = Literal["user", "assistant"]
Units = Literal["lb", "kg"]


def utc_now() -> str:
    """ISO-8601 UTC timestamp with a `Z`, the format every item uses."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Camel(BaseModel):
    """Base for records stored with camelCase attribute names."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")


class Snake(BaseModel):
    """Base for records whose stored attribute names are snake_case (docs/data-layout.md)."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")


class Page(BaseModel, Generic[T]):
    """One page of a list and the opaque token for the next one (None at the end)."""

    items: list[T]
    next: str | None = None


class Profile(Camel):
    """The athlete's profile (`sk = profile`)."""

    user_id: str
    email: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    display_name: str | None = None
    nickname: str | None = None
    timezone: str = "UTC"
    units: Units = "lb"
    preferences: dict[str, Any] = Field(default_factory=dict)
    demographics: dict[str, Any] = Field(default_factory=dict)
    fitness: dict[str, Any] = Field(default_factory=dict)
    version: int = 0
    created_at: str | None = None
    updated_at: str | None = None


class Personality(Snake):
    """Which personality template the coach speaks with, and why it was chosen."""

    primary_template: str = "encouraging"
    selection_reasoning: str | None = None


class Methodology(Snake):
    """Which training methodology the coach programs with."""

    primary_methodology: str = "general_fitness"


class TechnicalConfig(Snake):
    """The athlete's training context the coach plans around."""

    programming_focus: list[str] = Field(default_factory=list)
    specializations: list[str] = Field(default_factory=list)
    methodology: str | None = None
    experience_level: str | None = None
    goal_timeline: str | None = None
    preferred_intensity: str | None = None
    equipment_available: list[str] = Field(default_factory=list)
    safety_constraints: list[str] = Field(default_factory=list)


class CoachMetadata(Snake):
    """When the coach was made and how many conversations it has had."""

    created_date: str | None = None
    total_conversations: int = 0


class CoachConfig(Snake):
    """A coach configuration (`sk = coach#{coachId}`), docs/data-layout.md attributes."""

    user_id: str
    coach_id: str
    coach_name: str
    selected_personality: Personality = Field(default_factory=Personality)
    selected_methodology: Methodology = Field(default_factory=Methodology)
    technical_config: TechnicalConfig = Field(default_factory=TechnicalConfig)
    metadata: CoachMetadata = Field(default_factory=CoachMetadata)
    version: int = 0
    created_at: str | None = None
    updated_at: str | None = None


class ConversationMetadata(Camel):
    """A conversation's counters and activity, bumped by each message."""

    created_at: str | None = None
    last_activity: str | None = None
    total_messages: int = 0
    tags: list[str] = Field(default_factory=list)
    is_active: bool = True


class Conversation(Camel):
    """Conversation metadata (`sk = coachConversation#{coachId}#{conversationId}`).

    Messages are separate items, so this stays small however long the chat runs.
    """

    user_id: str
    coach_id: str
    conversation_id: str
    title: str = DEFAULT_TITLE
    metadata: ConversationMetadata = Field(default_factory=ConversationMetadata)
    state: ConversationState = Field(default_factory=lambda: ConversationState())
    version: int = 0
    created_at: str | None = None
    updated_at: str | None = None


class MessageMetadata(Camel):
    """What a message led to: its idempotency id, workouts logged, memories used, model."""

    client_message_id: str | None = None
    workout_detected: bool = False
    extraction_confidence: float | None = None
    workout_ids: list[str] = Field(default_factory=list)
    memory_ids: list[str] = Field(default_factory=list)
    model: str | None = None


class Message(Camel):
    """One chat message, one item (`sk = message#{conversationId}#{messageId}`)."""

    message_id: str
    conversation_id: str
    coach_id: str
    role: Role
    content: str
    timestamp: str = Field(default_factory=utc_now)
    metadata: MessageMetadata = Field(default_factory=MessageMetadata)


class KeyFacts(Snake):
    """The facts a summary carries forward, by kind."""

    current_goals: list[str] = Field(default_factory=list)
    recent_progress: list[str] = Field(default_factory=list)
    preferences: list[str] = Field(default_factory=list)
    constraints: list[str] = Field(default_factory=list)
    schedule_context: list[str] = Field(default_factory=list)


class SummaryData(Snake):
    """`structuredData` of a summary; its keys are snake_case (docs/data-layout.md)."""

    narrative_summary: str = ""
    key_facts: KeyFacts = Field(default_factory=KeyFacts)
    emotional_state: str | None = None
    action_items: list[str] = Field(default_factory=list)
    last_updated: str | None = None


class MessageRange(Camel):
    """Which messages a summary covers."""

    start_message_id: str | None = None
    end_message_id: str | None = None
    total_messages: int = 0


class SummaryMetadata(Camel):
    """When and why a summary was written, and what it covers."""

    created_at: str | None = None
    confidence: float | None = None
    trigger_reason: str | None = None
    message_range: MessageRange = Field(default_factory=MessageRange)


class Summary(Camel):
    """The latest conversation summary (`sk = conversation#{conversationId}#summary`)."""

    summary_id: str
    user_id: str
    coach_id: str
    conversation_id: str
    summary_text: str
    structured_data: SummaryData = Field(default_factory=SummaryData)
    metadata: SummaryMetadata = Field(default_factory=SummaryMetadata)
    version: int = 0


class MemoryMetadata(Camel):
    """How a memory was made and used: importance, tags, source, use count."""

    created_at: str | None = None
    last_used: str | None = None
    usage_count: int = 0
    source: str = "explicit_request"
    importance: Importance = "medium"
    tags: list[str] = Field(default_factory=list)


class Memory(Camel):
    """A lasting memory (`sk = userMemory#{memoryId}`); `coach_id=None` means global."""

    memory_id: str
    user_id: str
    coach_id: str | None = None
    content: str
    memory_type: MemoryType = "context"
    metadata: MemoryMetadata = Field(default_factory=MemoryMetadata)
    version: int = 0


Measure = Literal["weight", "e1rm", "time", "reps", "distance", "rounds"]
ChangeVia = Literal["chat", "rest"]


class Best(Camel):
    """One comparable result of an exercise in a workout: what its bests are ranked by."""

    measure: Measure
    value: float
    """As the athlete logged it, in `unit`."""
    unit: str | None = None
    higher_is_better: bool = True
    rank_value: float
    """`value` in one unit per measure (kg, seconds, metres), so kg and lb compare."""
    reps: int | None = None
    """The reps of the set a weight best was lifted for."""

    def as_record(self, exercise: str, workout: WorkoutRecord) -> PersonalRecord:
        """This result as the athlete's best of `exercise`, set in `workout`."""
        return PersonalRecord(
            user_id=workout.user_id,
            exercise=exercise,
            measure=self.measure,
            value=self.value,
            unit=self.unit,
            higher_is_better=self.higher_is_better,
            reps=self.reps,
            workout_id=workout.workout_id,
            date=workout.date,
        )


class ExerciseEntry(Camel):
    """One exercise in one workout, derived from the workout and stored beside it.

    Keyed `sk = exercise#{exercise}#{workoutId}`, so one exercise's history is one query.
    """

    exercise: str
    workout_id: str
    date: str
    discipline: str
    top_weight: float | None = None
    top_reps: int | None = None
    unit: str | None = None
    e1rm: float | None = None
    volume: float | None = None
    """Sum of weight × reps over the completed sets, in `unit`."""
    sets: int | None = None
    reps: int | None = None
    """Total reps over the sets (lifts, bodyweight movements) or the score (benchmarks)."""
    rep_maxes: dict[str, float] = Field(default_factory=dict)
    """Heaviest weight (in `unit`) per rep count of a completed set: {"5": 225}."""
    time_s: float | None = None
    distance_m: float | None = None
    rounds: float | None = None
    bests: list[Best] = Field(default_factory=list)


class WorkoutChange(Camel):
    """One change of a logged workout: what it was before, when, and through what."""

    at: str = Field(default_factory=lambda: utc_now())
    via: ChangeVia
    action: Literal["updated", "moved"] = "updated"
    summary: str
    """What changed, as the athlete reads it: `Fran: 8:57 → 8:47`."""
    previous_date: str
    previous_data: dict[str, Any]
    """The whole workout (UWS) before the change, so it can be undone."""


class ExtractionMetadata(Camel):
    """How a workout was read from the message, and whether the athlete reviewed it."""

    confidence: float | None = None
    extracted_at: str | None = None
    method: str | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None


class WorkoutRecord(Camel):
    """A logged workout (`sk = workout#{workoutId}`); `workout_data` is UWS JSON.

    `workout_id` starts with the workout date (`YYYYMMDD-…`) so a date range is one
    key-range query.
    """

    workout_id: str
    user_id: str
    date: str
    discipline: str
    coach_ids: list[str] = Field(default_factory=list)
    coach_names: list[str] = Field(default_factory=list)
    conversation_id: str | None = None
    message_id: str | None = None
    completed_at: str | None = None
    fingerprint: str | None = None
    workout_data: dict[str, Any]
    extraction_metadata: ExtractionMetadata = Field(default_factory=ExtractionMetadata)
    summary: str | None = None
    exercises: list[ExerciseEntry] = Field(default_factory=list)
    """Derived from `workout_data` by whoever writes the workout (`agent.history_index`);
    the store writes one item per entry, and per best, in the same transaction."""
    claimed_pr: str | None = None
    """The athlete's own words when they called the session a PR ("new PR!")."""
    changes: list[WorkoutChange] = Field(default_factory=list)
    """The latest changes, newest last (at most `MAX_CHANGES`)."""
    version: int = 0


MAX_CHANGES = 5


class PersonalRecord(Camel):
    """The athlete's best for one exercise and measure.

    It is the first item of the ranked range `best#{exercise}#{measure}#`, derived from
    the workouts, never stored on its own.
    """

    user_id: str
    exercise: str
    measure: Measure
    value: float
    unit: str | None = None
    higher_is_better: bool = True
    reps: int | None = None
    workout_id: str
    date: str


class PendingQuestion(Camel):
    """The coach asked for a missing detail of a workout; the next answer fills it."""

    workout_id: str
    fields: list[str]
    """`time`, `distance`, `weight`, `reps`."""


class LastChange(Camel):
    """The latest workout change made in the conversation, enough to undo it."""

    action: Literal["logged", "updated", "deleted"]
    workout_id: str
    """The workout as it is now (for `deleted`: as it was)."""
    before: WorkoutRecord | None = None
    """The workout before the change (None when it was logged)."""


class ConversationState(Camel):
    """What the conversation is in the middle of, set by the turn that commits."""

    pending: PendingQuestion | None = None
    last_change: LastChange | None = None
