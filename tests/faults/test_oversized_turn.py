"""Issue 13, item 6: a valid message whose turn needs more than DynamoDB's 100 writes in
one transaction (a long list of exercises, each moving a personal record) must not fail
with 503 on every retry, leaving the stored message unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.offline import OfflineCoachModel
from storage.repository import Repository
from tests.factories import local_store, runner, seed_athlete
from tests.storage.conftest import make_store, moto  # noqa: F401 (a fixture)

USER = "athlete-1"
NAMES = [
    "back squat",
    "front squat",
    "box squat",
    "safety bar squat",
    "zercher squat",
    "sissy squat",
    "bench press",
    "close grip bench press",
    "incline bench press",
    "decline bench press",
    "floor press",
    "landmine press",
    "jm press",
    "deadlift",
    "trap bar deadlift",
    "sumo deadlift",
    "romanian deadlift",
    "single leg romanian deadlift",
    "stiff leg deadlift",
    "rack pull",
    "good morning",
    "overhead press",
    "push press",
    "snatch",
    "power snatch",
    "hang snatch",
    "hang power snatch",
    "snatch balance",
    "snatch pull",
    "clean and jerk",
    "clean",
    "power clean",
    "hang clean",
    "hang power clean",
    "clean pull",
    "jerk",
    "split jerk",
    "push jerk",
    "overhead squat",
    "dumbbell bench press",
    "incline dumbbell press",
    "dumbbell shoulder press",
    "chest press",
    "chest fly",
    "barbell row",
    "dumbbell row",
    "seated cable row",
    "chest supported row",
    "machine row",
    "t bar row",
    "lat pulldown",
    "straight arm pulldown",
    "face pull",
    "bicep curl",
    "hammer curl",
    "preacher curl",
    "tricep pushdown",
    "skull crusher",
    "tricep extension",
    "lateral raise",
    "front raise",
    "rear delt fly",
    "shrug",
    "upright row",
    "leg press",
    "hack squat",
    "leg extension",
    "leg curl",
    "nordic curl",
    "glute ham raise",
    "hip abduction",
    "reverse hyper",
    "calf raise",
    "hip thrust",
    "glute bridge",
    "bulgarian split squat",
    "split squat",
    "lunge",
    "step up",
    "goblet squat",
    "back extension",
    "pull up",
    "chin up",
    "chest to bar pull up",
    "muscle up",
    "bar muscle up",
    "push up",
    "dip",
    "ring dip",
    "handstand push up",
    "handstand",
    "handstand walk",
    "pistol squat",
    "air squat",
    "l sit",
    "front lever",
    "back lever",
    "planche",
    "plank",
    "hollow hold",
    "inverted row",
    "hanging leg raise",
    "russian twist",
    "dead bug",
    "ab wheel",
    "cable crunch",
    "pallof press",
    "v up",
    "side plank",
    "wall sit",
    "sit up",
    "toes to bar",
    "knees to elbows",
]


def long_log() -> str:
    """113 different lifts, each with its own load: about 3,150 characters."""
    lines = [f"{name}: 3x5 @ {50 + i} lbs" for i, name in enumerate(NAMES)]
    return "today, a long session at the gym, every lift:\n" + "\n".join(lines)


@pytest.mark.parametrize("backend", ["local", "aws"])
async def test_a_long_log_is_answered_not_a_permanent_storage_error(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "aws":
        request.getfixturevalue("moto")
        store: Repository = make_store("aws", tmp_path)
        await store.init()
    else:
        store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    text = long_log()
    assert 2900 < len(text) < 4000
    turns = runner(store, OfflineCoachModel())
    result = await turns.run(USER, coach_id, conversation_id, text, "long-1")
    await turns.drain()
    assert result.workouts, "the session is logged"
    stored = await store.latest_messages(USER, conversation_id, 10)
    assert [m.role for m in stored] == ["user", "assistant"]


async def test_a_message_with_more_sessions_than_a_turn_holds_says_what_it_logged(
    tmp_path: Path,
) -> None:
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    days = "\n".join(f"Jan {k}: ran {k} km in {30 + k}:00" for k in range(1, 26))
    turns = runner(store, OfflineCoachModel())
    result = await turns.run(USER, coach_id, conversation_id, days)
    await turns.drain()
    assert len(result.workouts) == 20
    assert "first 20 of 25 sessions" in result.reply.content
    assert "send the rest in another message" in result.reply.content
