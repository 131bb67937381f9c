"""Issue 13, failure 5: a slow S3 held up replies.

`commit_turn` awaited the workout file (5 attempts x 20 s read timeout: a 101 s workout
turn). Here every document call takes seconds; the reply must not wait for any of them,
and the copies must still be written once S3 answers.
"""

from __future__ import annotations

import time

from agent.offline import OfflineCoachModel
from storage.repository import Repository
from tests.factories import runner, seed_athlete
from tests.faults.copies import assert_copies_match_table
from tests.faults.outage import documents_slow

USER = "athlete-1"
SLOW_S = 5.0


async def test_a_slow_s3_does_not_hold_up_a_workout_reply(store: Repository) -> None:
    coach_id, cid = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel())
    with documents_slow(store, SLOW_S) as over:
        started = time.perf_counter()
        result = await turns.run(USER, coach_id, cid, "ran 5k easy today in 25:00")
        took = time.perf_counter() - started
        over.set()  # S3 answers quickly again
    assert result.workouts
    assert took < SLOW_S / 2, f"the reply waited {took:.1f} s for S3"
    await turns.drain()
    await assert_copies_match_table(store, USER)
