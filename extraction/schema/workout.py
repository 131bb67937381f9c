"""The top-level Workout model: core fields, feedback, metadata and discipline_specific."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator

from .common import Amount, Fraction, Name, Percent, Rating, Seconds, Strict, Text
from .conditioning import CrossfitData, HiitData
from .endurance import CyclingData, RowingData, RunningData, SwimmingData
from .phases import BackpackingData, PhasesData, RuckingData, SportData, WalkingData
from .strength import (
    BodybuildingData,
    CalisthenicsData,
    OlympicWeightliftingData,
    PowerliftingData,
)

Discipline = Literal[
    "crossfit",
    "powerlifting",
    "olympic_weightlifting",
    "bodybuilding",
    "functional_bodybuilding",
    "calisthenics",
    "hiit",
    "circuit_training",
    "running",
    "trail_running",
    "cycling",
    "swimming",
    "rowing",
    "hyrox",
    "rucking",
    "backpacking",
    "yoga",
    "martial_arts",
    "climbing",
    "hybrid",
    "walking",
    "hiking",
    "mobility",
    "sports",
]
WorkoutType = Literal[
    "strength", "cardio", "flexibility", "skill", "competition", "recovery", "hybrid"
]
Location = Literal["gym", "box", "home", "outdoors", "online", "other"]
ValidationFlag = Literal[
    "missing_time",
    "missing_weight",
    "missing_reps",
    "missing_distance",
    "unit_assumed",
    "date_assumed",
    "benchmark_expanded",
    "ungrounded_numbers",
    "name_corrected",
]
DISCIPLINES: tuple[str, ...] = get_args(Discipline)
BeatsPerMinute = Annotated[float, Field(ge=20, le=260)]


class HeartRateZones(Strict):
    """Seconds spent in each heart-rate zone."""

    zone_1: Seconds | None = None
    zone_2: Seconds | None = None
    zone_3: Seconds | None = None
    zone_4: Seconds | None = None
    zone_5: Seconds | None = None


class HeartRate(Strict):
    """Heart rate in beats per minute."""

    avg: BeatsPerMinute | None = None
    max: BeatsPerMinute | None = None
    zones: HeartRateZones | None = None


class PerformanceMetrics(Strict):
    """How hard the session was; ratings on 1-10."""

    intensity: Rating | None = None
    perceived_exertion: Rating | None = None
    """Session RPE, 1-10."""
    heart_rate: HeartRate | None = None
    calories_burned: Amount | None = None
    mood_pre: Rating | None = None
    mood_post: Rating | None = None
    energy_level_pre: Rating | None = None
    energy_level_post: Rating | None = None


class Soreness(Strict):
    """Soreness ratings, 1-10."""

    overall: Rating | None = None
    legs: Rating | None = None
    arms: Rating | None = None
    back: Rating | None = None


class SubjectiveFeedback(Strict):
    """How the athlete felt; ratings on 1-10."""

    enjoyment: Rating | None = None
    difficulty: Rating | None = None
    form_quality: Rating | None = None
    motivation: Rating | None = None
    confidence: Rating | None = None
    mental_state: Text | None = None
    pacing_strategy: Text | None = None
    nutrition_pre_workout: Text | None = None
    hydration_level: Text | None = None
    sleep_quality_previous: Rating | None = None
    stress_level: Rating | None = None
    soreness_pre: Soreness | None = None
    soreness_post: Soreness | None = None
    notes: Text | None = None
    """Anything else the athlete said about the session, in their words."""


class EnvironmentalFactors(Strict):
    """Conditions around the session."""

    temperature: float | None = None
    """Degrees Celsius."""
    humidity: Percent | None = None
    altitude: Amount | None = None
    """Metres above sea level."""
    equipment_condition: Text | None = None
    gym_crowding: Text | None = None


class RecoveryMetrics(Strict):
    """Readiness data from the morning of the session."""

    hrv_morning: Amount | None = None
    """Milliseconds."""
    resting_heart_rate: BeatsPerMinute | None = None
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None
    stress_level: Rating | None = None
    readiness_score: Percent | None = None


class CoachNotes(Strict):
    """The coach's view of the session."""

    programming_intent: Text | None = None
    coaching_cues_given: list[Text] = []
    areas_for_improvement: list[Text] = []
    positive_observations: list[Text] = []
    next_session_focus: Text | None = None
    adaptation_recommendations: list[Text] = []
    safety_flags: list[Text] = []
    motivation_strategy: Text | None = None


class PRAchievement(Strict):
    """A personal record set in this workout."""

    exercise: Name
    discipline: Discipline | None = None
    pr_type: Literal["weight", "time", "reps", "distance", "rounds", "volume", "pace", "other"]
    previous_best: float | None = None
    new_best: float
    improvement: float | None = None
    improvement_percentage: float | None = None
    date_previous: dt.date | None = None
    significance: Literal["minor", "moderate", "major"] | None = None
    context: Text | None = None


class Metadata(Strict):
    """How this record was produced."""

    logged_via: Literal["conversation", "api", "import", "manual"] = "conversation"
    data_confidence: Fraction | None = None
    ai_extracted: bool = False
    user_verified: bool = False
    schema_version: Literal["2.0"] = "2.0"
    data_completeness: Fraction | None = None
    extraction_method: Text | None = None
    """Which extractor or model produced this record."""
    validation_flags: list[ValidationFlag] = []
    extraction_notes: Text | None = None


class DisciplineSpecific(Strict):
    """Exactly one key: the workout's discipline."""

    crossfit: CrossfitData | None = None
    powerlifting: PowerliftingData | None = None
    olympic_weightlifting: OlympicWeightliftingData | None = None
    bodybuilding: BodybuildingData | None = None
    functional_bodybuilding: BodybuildingData | None = None
    calisthenics: CalisthenicsData | None = None
    hiit: HiitData | None = None
    circuit_training: HiitData | None = None
    running: RunningData | None = None
    trail_running: RunningData | None = None
    cycling: CyclingData | None = None
    swimming: SwimmingData | None = None
    rowing: RowingData | None = None
    hyrox: PhasesData | None = None
    rucking: RuckingData | None = None
    backpacking: BackpackingData | None = None
    yoga: PhasesData | None = None
    martial_arts: PhasesData | None = None
    climbing: PhasesData | None = None
    hybrid: PhasesData | None = None
    walking: WalkingData | None = None
    hiking: WalkingData | None = None
    mobility: PhasesData | None = None
    sports: SportData | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DisciplineSpecific:
        if len(self.keys()) != 1:
            raise ValueError(
                f"discipline_specific needs exactly one discipline key, got {self.keys()}"
            )
        return self

    def keys(self) -> list[str]:
        """The disciplines that are set (exactly one in a valid record)."""
        return [name for name in DISCIPLINES if getattr(self, name) is not None]


class Workout(Strict):
    """One workout in the Universal Workout Schema, version 2."""

    workout_id: Text | None = None
    """Assigned by the service."""
    user_id: Text | None = None
    """Assigned by the service."""
    coach_id: Text | None = None
    """Assigned by the service."""
    conversation_id: Text | None = None
    """Assigned by the service."""
    date: dt.date
    """When it was done, YYYY-MM-DD, in the athlete's time zone."""
    discipline: Discipline
    workout_type: WorkoutType
    workout_name: Name | None = None
    """E.g. "Fran", "Deadlift day"."""
    methodology: Text | None = None
    """E.g. 5/3/1, conjugate."""
    duration: Seconds | None = None
    """Work time in seconds."""
    session_duration: Seconds | None = None
    """Whole session incl. warm-up, seconds; only if said."""
    location: Location | None = None
    performance_metrics: PerformanceMetrics | None = None
    discipline_specific: DisciplineSpecific
    """Exactly one key, equal to discipline."""
    pr_achievements: list[PRAchievement] = []
    subjective_feedback: SubjectiveFeedback | None = None
    environmental_factors: EnvironmentalFactors | None = None
    recovery_metrics: RecoveryMetrics | None = None
    coach_notes: CoachNotes | None = None
    metadata: Metadata = Field(default_factory=Metadata)

    @model_validator(mode="after")
    def _discipline_matches(self) -> Workout:
        if self.discipline_specific.keys() != [self.discipline]:
            raise ValueError(
                f"discipline_specific must hold the key {self.discipline!r}, "
                f"not {self.discipline_specific.keys()}"
            )
        return self
