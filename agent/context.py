"""Everything one turn needs from the store, loaded in a single concurrent wave."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import dropwhile
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.memory_rules import ForgetRequest, detect_memory_intent
from storage.models import (
    CoachConfig,
    Conversation,
    Memory,
    Message,
    Profile,
    Summary,
    WorkoutRecord,
)
from storage.protocols import Store
from storage.turn_writes import Lease, Quota, TurnBegin

RECENT_WORKOUTS = 5
MAX_FORGET_SCAN = 1000
"""A forget request matches against at most this many memories."""
NEWEST_MEMORIES = 20
"""Memories a turn reads by recency; the ranking picks the prompt's few from these."""
IMPORTANT_MEMORIES = 20
"""High-importance memories a turn reads whatever their age (the hard cap on them)."""


@dataclass(frozen=True)
class TurnContext:
    """The athlete's world as of this turn; `history` excludes the current message."""

    user_id: str
    profile: Profile
    coach: CoachConfig
    conversation: Conversation
    memories: list[Memory]
    summary: Summary | None
    history: list[Message]
    recent_workouts: list[WorkoutRecord]
    local_now: datetime

    @property
    def today(self) -> date:
        """The athlete's calendar date, never the server's."""
        return self.local_now.date()


async def _memories(store: Store, user_id: str, coach_id: str, text: str) -> list[Memory]:
    """The memories a turn may use, in two bounded queries.

    Only a request to forget, which must find any memory however old, reads the coach's
    whole range.
    """
    if isinstance(detect_memory_intent(text), ForgetRequest):
        page = await store.list_memories(user_id, coach_id=coach_id, limit=MAX_FORGET_SCAN)
        return page.items
    return await store.memories_for_turn(
        user_id, coach_id, newest=NEWEST_MEMORIES, important=IMPORTANT_MEMORIES
    )


def athlete_zone(profile: Profile) -> ZoneInfo:
    """The profile's time zone, UTC when unset or unknown."""
    try:
        return ZoneInfo(profile.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


async def load_turn(
    store: Store,
    user_id: str,
    coach_id: str,
    conversation_id: str,
    message: Message,
    *,
    history_window: int,
    quota: Quota | None = None,
    lease: Lease | None = None,
    now: datetime | None = None,
) -> tuple[TurnBegin, TurnContext]:
    """Persist the user's message and read the turn's context in one wave of store calls.

    The message write (counted against `quota` just before it) and the reads
    run concurrently; the model is only called after this returns, so the message is
    always stored first.
    """
    # Two groups only because gather's typing stops at six; all eight run at once.
    (
        (begin, profile, coach, conversation),
        (memories, summary, history, workouts),
    ) = await asyncio.gather(
        asyncio.gather(
            store.begin_turn(user_id, message, quota, lease),
            store.get_profile(user_id),
            store.get_coach(user_id, coach_id),
            store.get_conversation(user_id, coach_id, conversation_id),
        ),
        asyncio.gather(
            _memories(store, user_id, coach_id, message.content),
            store.get_summary(user_id, conversation_id),
            store.latest_messages(user_id, conversation_id, history_window + 1),
            store.list_workouts(user_id, limit=RECENT_WORKOUTS),
        ),
    )
    profile = profile or Profile(user_id=user_id)
    local_now = (now or datetime.now(UTC)).astimezone(athlete_zone(profile))
    past = [m for m in history if m.message_id != message.message_id][-history_window:]
    # A window cut between a message and its reply would open with the coach speaking;
    # Bedrock refuses a conversation that does not start with the user.
    past = list(dropwhile(lambda m: m.role != "user", past))
    context = TurnContext(
        user_id=user_id,
        profile=profile,
        coach=coach,
        conversation=conversation,
        memories=memories,
        summary=summary,
        history=past,
        recent_workouts=workouts.items,
        local_now=local_now,
    )
    return begin, context
