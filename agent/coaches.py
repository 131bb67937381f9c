"""The coach templates this service ships, and the demo coach `make run` creates."""

from __future__ import annotations

from prompts import catalogue
from storage.errors import Conflict
from storage.models import (
    CoachConfig,
    CoachMetadata,
    Methodology,
    Personality,
    Profile,
    TechnicalConfig,
    utc_now,
)
from storage.protocols import Store

DEMO_COACH_ID = "demo-coach"


def list_personalities() -> dict[str, str]:
    """Personality template ids and their one-line descriptions."""
    return catalogue("personalities")


def list_methodologies() -> dict[str, str]:
    """Methodology ids and their one-line descriptions."""
    return catalogue("methodologies")


def demo_coach(user_id: str) -> CoachConfig:
    """A useful general coach: encouraging voice, balanced strength and conditioning."""
    return CoachConfig(
        user_id=user_id,
        coach_id=DEMO_COACH_ID,
        coach_name="Coach Riley",
        selected_personality=Personality(
            primary_template="encouraging",
            selection_reasoning="A friendly default for a new athlete.",
        ),
        selected_methodology=Methodology(primary_methodology="general_fitness"),
        technical_config=TechnicalConfig(
            programming_focus=["strength", "conditioning"],
            specializations=["barbell lifts", "crossfit benchmarks", "running"],
            methodology="general_fitness",
            experience_level="intermediate",
            preferred_intensity="moderate",
            equipment_available=["barbell", "dumbbells", "kettlebells", "rower", "pull-up bar"],
        ),
        metadata=CoachMetadata(created_date=utc_now()),
    )


async def ensure_demo_coach(store: Store, user_id: str) -> CoachConfig:
    """Create the demo coach (and a profile) for `user_id` unless it exists: idempotent."""
    if await store.get_profile(user_id) is None:
        try:
            await store.put_profile(Profile(user_id=user_id, display_name="Athlete"))
        except Conflict:
            pass
    try:
        return await store.create_coach(demo_coach(user_id))
    except Conflict:
        return await store.get_coach(user_id, DEMO_COACH_ID)
