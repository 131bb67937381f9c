"""Issue 13, item 3: ten concurrent workout messages to one conversation all raced on one
personal-record item (1 answered, 9 x 409), and their retries with the same keys came
back without their workouts: one workout stored out of ten. Bests are now items of their
own workout (no shared hot item), so every turn commits its workout."""

from __future__ import annotations

import asyncio

import pytest

from agent.errors import TurnFailed
from agent.offline import OfflineCoachModel
from storage.repository import Repository
from tests.factories import runner, seed_athlete

USER = "athlete-1"


@pytest.mark.parametrize("kind", ["local", "aws"], indirect=True)
async def test_ten_concurrent_workouts_in_one_conversation_are_all_logged(
    store: Repository,
) -> None:
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel())
    texts = [f"back squat 5x5 at {200 + 5 * i} lb today" for i in range(10)]

    async def send(i: int) -> int:
        for _ in range(5):  # a client retries a failed turn with the same key
            try:
                result = await turns.run(USER, coach_id, conversation_id, texts[i], f"k-{i}")
                return len(result.workouts)
            except TurnFailed:
                await asyncio.sleep(0.05)
        return 0

    logged = await asyncio.gather(*(send(i) for i in range(10)))
    await turns.drain()
    assert logged == [1] * 10
    assert len((await store.list_workouts(USER, limit=50)).items) == 10
