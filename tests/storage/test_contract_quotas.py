"""The store contract on every backend (`store` in conftest): the message rate limits."""

from __future__ import annotations

import anyio
import pytest

from storage.errors import NotFound, RateLimited
from storage.repository import Repository
from storage.turn_writes import Quota
from tests.storage.builders import CONVERSATION, OTHER, USER, message, seed_conversation


async def test_quota_holds_under_50_concurrent_messages(store: Repository) -> None:
    await seed_conversation(store)
    limits = Quota(per_minute=10, per_day=100, now_epoch=1_000_040)
    outcomes: list[int | None] = []

    async def send(n: int) -> None:
        try:
            await store.begin_turn(USER, message(n), limits)
            outcomes.append(None)
        except RateLimited as exc:
            outcomes.append(exc.retry_after)

    async with anyio.create_task_group() as group:
        for n in range(50):
            group.start_soon(send, n)

    assert outcomes.count(None) == 10
    assert set(outcomes) - {None} == {40}  # 1_000_040 is 20 s into its minute
    stored = await store.latest_messages(USER, CONVERSATION, 100)
    assert len(stored) == 10  # a limited message is not kept
    later = Quota(per_minute=10, per_day=100, now_epoch=1_000_080)
    await store.begin_turn(USER, message(50), later)
    await seed_conversation(store, OTHER)
    await store.begin_turn(OTHER, message(51), limits)


async def test_daily_quota_waits_for_utc_midnight(store: Repository) -> None:
    await seed_conversation(store)
    noon = 1_736_078_400  # 2025-01-05T12:00:00Z
    for minute in range(3):
        at = Quota(per_minute=5, per_day=3, now_epoch=noon + 60 * minute)
        await store.begin_turn(USER, message(minute), at)
    with pytest.raises(RateLimited) as limited:
        await store.begin_turn(
            USER, message(3), Quota(per_minute=5, per_day=3, now_epoch=noon + 600)
        )
    assert limited.value.retry_after == 12 * 3600 - 600
    tomorrow = Quota(per_minute=5, per_day=3, now_epoch=noon + 12 * 3600)
    await store.begin_turn(USER, message(4), tomorrow)


async def test_a_retried_message_is_not_limited_again(store: Repository) -> None:
    await seed_conversation(store)
    limits = Quota(per_minute=1, per_day=10, now_epoch=1_736_078_400)
    first = await store.begin_turn(USER, message(1, client_id="k1"), limits)
    again = await store.begin_turn(USER, message(2, client_id="k1"), limits)
    assert (first.created, again.created) == (True, False)
    assert again.state.user_message_id == "m000001"
    with pytest.raises(RateLimited):
        await store.begin_turn(USER, message(3, client_id="k2"), limits)


async def test_a_message_not_stored_is_not_counted(store: Repository) -> None:
    """The counters are taken before the message's transaction and given back when it
    stores nothing: a retry of a claimed message, or a conversation that is gone."""
    await seed_conversation(store)
    limits = Quota(per_minute=2, per_day=10, now_epoch=1_736_078_400)
    await store.begin_turn(USER, message(1, client_id="k1"), limits)
    retried = await store.begin_turn(USER, message(2, client_id="k1"), limits)
    with pytest.raises(NotFound):
        await store.begin_turn(USER, message(3, conversation_id="gone"), limits)
    assert not retried.created
    await store.begin_turn(USER, message(4, client_id="k2"), limits)  # the second of two
    with pytest.raises(RateLimited):
        await store.begin_turn(USER, message(5, client_id="k3"), limits)
