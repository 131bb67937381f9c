"""The coach uses what it knows, offline, on both stores (`local` and `aws` on moto):
history by period, bests (after chat and REST changes), progress, corrections,
deletions, undo, follow-up answers, goals, red flags and concurrent workout turns."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from agent.history_index import indexed
from agent.offline import OfflineCoachModel
from agent.periods import week_of
from agent.turn import TurnRunner
from storage.repository import Repository
from tests.factories import runner, seed_athlete
from tests.storage.conftest import kind, make_store, moto  # noqa: F401

USER = "athlete-h"
OTHER = "athlete-o"


class Chat:
    """One athlete's conversation with the offline coach."""

    def __init__(self, store: Repository, turns: TurnRunner, coach: str, conversation: str) -> None:
        self.store, self.turns, self.coach, self.conversation = store, turns, coach, conversation

    async def __call__(self, text: str, user: str = USER) -> Any:
        return await self.turns.run(user, self.coach, self.conversation, text)


@pytest.fixture
async def chat(kind: str, tmp_path: Path) -> AsyncIterator[Chat]:  # noqa: F811
    store = make_store(kind, tmp_path)
    await store.init()
    coach, conversation = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel(), summary_every=1000)
    yield Chat(store, turns, coach, conversation)
    await turns.drain()
    await store.close()


def today() -> date:
    return date.today()  # the seeded profile's zone is UTC


async def test_last_week_is_the_calendar_week_and_bests_come_from_5k_efforts(chat: Chat) -> None:
    monday, sunday = week_of(today() - timedelta(days=7))
    await chat(f"ran 5k in 24:30 on {monday.isoformat()}")
    await chat(f"ran 10k in 50:00 on {sunday.isoformat()}")
    await chat("back squat 5x5 at 225 lb")  # today: not last week

    reply = (await chat("what did I do last week?")).reply.content
    assert f"({monday.isoformat()} to {sunday.isoformat()}), 2 workouts" in reply
    assert "24:30" in reply and "50:00" in reply and "squat" not in reply

    best = await chat("what's my best 5k?")
    assert best.usage.model_calls == 2
    assert f"24:30 ({monday.isoformat()})" in best.reply.content
    assert "50:00" not in best.reply.content  # a 10k is no 5k effort
    prs = (await chat("what are my PRs?")).reply.content
    for shown in ("back squat 225 lb × 5", "run 5k 24:30", "run 10k 50:00"):
        assert shown in prs


async def test_bests_follow_rest_put_and_delete(chat: Chat) -> None:
    await chat("back squat 3x5 at 205 lb yesterday")
    heavy = await chat("back squat 1x1 at 225 lb")
    wid = heavy.workouts[0].workout_id
    assert "225 lb" in (await chat("what's my best squat?")).reply.content

    stored = await chat.store.get_workout(USER, wid)
    data = {**stored.workout_data}
    data["discipline_specific"]["powerlifting"]["exercises"][0]["sets"][0]["weight"]["value"] = 215
    await chat.store.replace_workout(indexed(stored.model_copy(update={"workout_data": data})))
    reply = (await chat("what's my best squat?")).reply.content
    assert "215 lb × 1" in reply and "225" not in reply

    await chat.store.delete_workout(USER, wid)
    reply = (await chat("what's my best squat?")).reply.content
    assert "205 lb × 5" in reply and "215" not in reply


async def test_correction_undo_and_the_history_on_the_workout(chat: Chat) -> None:
    fran = (await chat("Fran 8:57 rx")).workouts[0]
    await chat("back squat 5x5 at 225 lb")
    fixed = await chat("correction: my time was 8:47 not 8:57")
    assert "Fran: 8:57 → 8:47" in fixed.reply.content
    [change] = fixed.workout_changes
    assert (change.action, change.workout_id) == ("updated", fran.workout_id)
    stored = await chat.store.get_workout(USER, fran.workout_id)
    assert stored.changes[-1].summary == "Fran: 8:57 → 8:47" and stored.changes[-1].via == "chat"
    assert (await chat.store.best(USER, "fran", "time")).value == 527  # type: ignore[union-attr]

    undone = await chat("undo that")
    assert "8:57" in undone.reply.content and undone.workout_changes[0].action == "updated"
    assert (await chat.store.best(USER, "fran", "time")).value == 537  # type: ignore[union-attr]
    assert "nothing to undo" in (await chat("undo that")).reply.content


async def test_units_and_date_corrections(chat: Chat) -> None:
    squat = (await chat("back squat 3x5 at 100 lb")).workouts[0]
    assert "100 lb → 100 kg" in (await chat("it was kilos, not pounds")).reply.content
    best = await chat.store.best(USER, "back_squat", "weight")
    assert best is not None and (best.value, best.unit) == (100, "kg")

    moved = await chat("make that yesterday")
    yesterday = (today() - timedelta(days=1)).isoformat()
    assert f"→ {yesterday}" in moved.reply.content
    [workout] = (await chat.store.list_workouts(USER)).items
    assert workout.date == yesterday and workout.workout_id != squat.workout_id
    assert [e.date for e in await chat.store.exercise_history(USER, "back_squat")] == [yesterday]


async def test_delete_asks_which_when_two_match_then_undo_restores(chat: Chat) -> None:
    await chat("swam 1000m in 20:00 yesterday")
    await chat("swam 1500m in 31:00")
    ambiguous = await chat("delete the swim")
    assert "Which one" in ambiguous.reply.content and ambiguous.workout_changes == []
    assert len((await chat.store.list_workouts(USER)).items) == 2

    deleted = await chat("delete the swim from yesterday")
    assert deleted.workout_changes[0].action == "deleted"
    assert deleted.workouts == []  # never logs a new, empty one
    [left] = (await chat.store.list_workouts(USER)).items
    assert left.date == today().isoformat()
    restored = await chat("undo that")
    assert restored.workout_changes[0].action == "logged"
    assert len((await chat.store.list_workouts(USER)).items) == 2


async def test_the_answer_to_the_coachs_question_fills_the_workout(chat: Chat) -> None:
    asked = await chat("swam 1500m")
    assert "What was your time?" in asked.reply.content
    answer = await chat("32:10")
    assert answer.workouts == [] and answer.workout_changes[0].action == "updated"
    [swim] = (await chat.store.list_workouts(USER)).items
    assert swim.workout_data["discipline_specific"]["swimming"]["total_time"] == 1930
    assert "missing_time" not in swim.workout_data["metadata"].get("validation_flags", [])
    # answered: a bare time later is not taken for it again
    assert (await chat("32:10")).workout_changes == []


async def test_a_red_flag_logs_nothing_and_is_the_whole_reply(chat: Chat) -> None:
    result = await chat("ran 5k in 25:00 but had chest pain and a numb arm")
    assert result.workouts == [] and result.workout_changes == []
    assert result.reply.content.startswith("Please stop training now.")
    assert "Logged" not in result.reply.content
    assert (await chat.store.list_workouts(USER)).items == []


async def test_goals_are_kept_and_compared_with_bests(chat: Chat) -> None:
    await chat("ran 5k in 24:30")
    stated = await chat("my goal is to run a sub-20 5k by June")
    [goal] = [m for m in (await chat.store.list_memories(USER)).items if m.memory_type == "goal"]
    assert "sub-20 5k" in goal.content
    assert "Your best run 5k is 24:30" in stated.reply.content and "4:00/km" in stated.reply.content
    asked = await chat("how am I doing on my goals?")
    assert "24:30" in asked.reply.content and "4:00/km" in asked.reply.content


async def test_pain_names_the_matching_memory(chat: Chat) -> None:
    await chat("remember that I had an ACL reconstruction on my left knee")
    await chat("remember that I prefer morning workouts")
    reply = (await chat("my knee hurts after squats")).reply.content
    assert "ACL reconstruction" in reply and "morning" not in reply
    used = {m.content: m.metadata.usage_count for m in (await chat.store.list_memories(USER)).items}
    assert (
        used
        == {
            "Had an ACL reconstruction on their left knee.": 1,
            "Prefers morning workouts.": 0,
        }
        or sum(used.values()) == 1
    )


async def test_progress_and_exercise_names(chat: Chat) -> None:
    for days_ago, weight in ((14, 200), (7, 215), (0, 225)):
        day = (today() - timedelta(days=days_ago)).isoformat()
        await chat(f"back squat 3x5 at {weight} lb on {day}")
    reply = (await chat("how is my back squat going?")).reply.content
    assert "200 lb × 5" in reply and "225 lb × 5" in reply and "up" in reply
    assert "back squat" in (await chat("which exercises have I logged?")).reply.content


async def test_ten_concurrent_workout_turns_all_succeed_with_the_right_bests(
    chat: Chat,
) -> None:
    results = await asyncio.gather(*(chat(f"back squat 1x3 at {200 + n} lb") for n in range(10)))
    assert all(len(r.workouts) == 1 for r in results)
    best = await chat.store.best(USER, "back_squat", "weight")
    assert best is not None and best.value == 209
    assert len(await chat.store.exercise_history(USER, "back_squat")) == 10


async def test_history_is_the_callers_own(chat: Chat) -> None:
    coach, conversation = await seed_athlete(chat.store, OTHER)
    other = runner(chat.store, OfflineCoachModel())
    await other.run(OTHER, coach, conversation, "ran 5k in 19:00")
    await chat("ran 5k in 24:30")
    reply = (await chat("what's my best 5k?")).reply.content
    assert "24:30" in reply and "19:00" not in reply
    await other.drain()
