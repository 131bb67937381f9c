"""Items the store keeps for its own work, never shown to the athlete.

A turn's idempotency claim (`TurnState`, `sk = turn#{conversationId}#{clientMessageId}`) and
the outbox of document copies still to write (`OutboxEntry`); docs/data-layout.md lays out
their attributes. The athlete's own records are in `storage.models`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from storage.models import Camel, utc_now


class OutboxEntry(Camel):
    """Copies to bring in step with the table (`sk = outbox#{entryId}`).

    Written in the transaction that changed the table. The drainer reads what to copy
    from the table, never from here, so an entry only names what changed.
    """

    conversation_id: str | None = None
    coach_id: str | None = None
    message_ids: list[str] = Field(default_factory=list)
    workout_ids: list[str] = Field(default_factory=list)


class TurnState(Camel):
    """Idempotency record of one chat turn, keyed by the client's message id."""

    conversation_id: str
    client_message_id: str
    user_message_id: str
    status: Literal["pending", "done", "failed"] = "pending"
    result: dict[str, Any] | None = None
    created_at: str = Field(default_factory=utc_now)
    owner: str | None = None
    """Who is running the turn (a lease); another may take it over once it lapses."""
    lease_until: int | None = None
    """Epoch milliseconds until which the owner holds the turn unless it renews."""
