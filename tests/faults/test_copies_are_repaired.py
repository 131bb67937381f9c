"""Issue 13, failure 4: copies are never repaired.

After S3 refused connections for a while the transcript missed messages and workout
files were missing for good; a turn that failed and was not retried never reached the
transcript. Each test here breaks the document store, then checks that every copy comes
back to what the table holds, on the local store and on moto.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from agent.events import ErrorEvent
from agent.offline import OfflineCoachModel
from api.cli import main
from api.runtime import open_runtime
from api.settings import Settings
from storage import keys
from storage.repository import Repository
from tests.factories import BrokenModel, runner, seed_athlete
from tests.faults.copies import assert_copies_match_table
from tests.faults.outage import documents_refused
from tests.storage.conftest import BUCKET, TABLE, make_store

USER = "athlete-1"


def workout_message(n: int) -> str:
    """A message the offline engine logs as a workout of its own (distinct per `n`)."""
    return f"ran {n}k easy today in {n * 6}:00"


async def test_copies_are_repaired_after_an_s3_outage(store: Repository) -> None:
    coach_id, cid = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel())
    await turns.run(USER, coach_id, cid, workout_message(3))
    await turns.drain()
    with documents_refused(store):
        for n in (4, 5, 6):
            assert (await turns.run(USER, coach_id, cid, workout_message(n))).workouts
        await turns.drain()
    # S3 answers again: the next turn's copies, and those the outage held back, are written.
    await turns.run(USER, coach_id, cid, "how should I pace my long runs?")
    await turns.drain()
    assert len((await store.list_workouts(USER)).items) == 4
    await assert_copies_match_table(store, USER)


async def test_a_failed_turn_that_is_not_retried_reaches_the_transcript(
    store: Repository,
) -> None:
    coach_id, cid = await seed_athlete(store, USER)
    failing = runner(store, BrokenModel(), "broken", max_attempts=1)
    events = [e async for e in failing.stream(USER, coach_id, cid, "are you there?", "c-1")]
    assert isinstance(events[-1], ErrorEvent)
    await failing.drain()
    turns = runner(store, OfflineCoachModel())
    await turns.run(USER, coach_id, cid, "hello again")
    await turns.drain()
    await assert_copies_match_table(store, USER)
    transcript = await store.documents.get(keys.transcript_document(USER, cid))
    assert transcript is not None
    contents = [m["content"] for m in transcript["messages"]]
    assert contents[:2] == ["are you there?", "hello again"]


async def test_start_up_writes_the_copies_a_stopped_instance_left_behind(
    store: Repository, tmp_path: Path
) -> None:
    coach_id, cid = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel())
    with documents_refused(store):
        for n in (4, 5):
            await turns.run(USER, coach_id, cid, workout_message(n))
        await turns.aclose()  # the instance stops while S3 is still down
    settings = Settings(storage="local", data_dir=tmp_path, table=TABLE, bucket=BUCKET)
    async with open_runtime(settings, store=store, chat_model=OfflineCoachModel()):
        for _ in range(100):  # the start-up drain runs beside the service: wait for it
            try:
                await assert_copies_match_table(store, USER)
                break
            except AssertionError:
                await asyncio.sleep(0.1)
        await assert_copies_match_table(store, USER)


async def test_repair_brings_every_copy_back_to_the_table(store: Repository) -> None:
    coach_id, cid = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel())
    results = [await turns.run(USER, coach_id, cid, workout_message(n)) for n in (3, 4, 5)]
    await turns.drain()
    ids = [r.workouts[0].workout_id or "" for r in results]
    stray = keys.workout_document(USER, "20200101-gone")
    await store.documents.delete(keys.transcript_document(USER, cid))
    await store.documents.put(keys.metadata_document(USER, cid), {"version": 1})
    await store.documents.delete(keys.workout_document(USER, ids[0]))
    await store.documents.put(keys.workout_document(USER, ids[1]), {"workoutId": "torn"})
    await store.documents.put(stray, {"workoutId": "20200101-gone"})

    await store.repair_copies(USER)

    await assert_copies_match_table(store, USER)
    assert await store.documents.get(stray) is None


def test_coach_repair_rewrites_the_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    store = make_store("local", tmp_path)

    async def damaged() -> str:
        await store.init()
        coach_id, cid = await seed_athlete(store, USER)
        turns = runner(store, OfflineCoachModel())
        with documents_refused(store):
            await turns.run(USER, coach_id, cid, workout_message(4))
            await turns.aclose()
        await store.close()
        return cid

    cid = asyncio.run(damaged())
    assert not (tmp_path / "documents" / keys.transcript_document(USER, cid)).exists()

    assert main(["repair"]) == 0
    assert capsys.readouterr().out.strip() == "copies repaired for 1 user"

    async def check() -> None:
        await assert_copies_match_table(store, USER)
        assert await store.drain_outbox() == 0  # the outbox is empty

    asyncio.run(check())
