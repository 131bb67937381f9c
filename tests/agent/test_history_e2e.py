"""End to end, offline: four weeks of back-dated workouts logged by chat, then questions
about history, bests and progress, a correction and a deletion, and the same questions
again. Every number the coach quotes must be one the store holds."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from agent.history import display
from agent.offline import OfflineCoachModel
from agent.periods import week_of
from storage.repository import Repository
from tests.factories import runner, seed_athlete
from tests.storage.conftest import kind, make_store, moto  # noqa: F401

USER = "athlete-e2e"
NUMBER = re.compile(r"\d+(?:[:.]\d+)*")


async def store_numbers(store: Repository) -> set[str]:
    """Every number the store can back: workout dates, summaries and change history,
    bests, exercise history."""
    texts: list[str] = []
    for workout in (await store.list_workouts(USER, limit=200)).items:
        texts += [workout.date, workout.summary or "", *(c.summary for c in workout.changes)]
    for record in await store.list_records(USER):
        texts += [display(record), record.date, f"{record.value:g}"]
    for name in await store.exercise_names(USER):
        for entry in await store.exercise_history(USER, name, limit=50):
            texts += [f"{v:g}" for v in (entry.e1rm, entry.top_weight) if v is not None]
    return {n for text in texts for n in NUMBER.findall(text)}


def quoted(reply: str) -> set[str]:
    """Numbers in a reply, but counts ("2 workouts"), distance names, percentages and a
    period's bounds (date arithmetic, checked on their own)."""
    reply = re.sub(r"\(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)", "", reply)
    reply = re.sub(r"\b\d+ (workouts?|sessions?|weeks?)\b|\b\d+k\b|[+-]\d+\.\d%|\d+RM", "", reply)
    return set(NUMBER.findall(reply))


async def test_four_weeks_by_chat_then_history_bests_progress_corrections(
    kind: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    store = make_store(kind, tmp_path)
    await store.init()
    coach, conversation = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel(), summary_every=1000)

    async def say(text: str) -> str:
        result = await turns.run(USER, coach, conversation, text)
        return result.reply.content

    today = date.today()
    this_monday = week_of(today)[0]
    start = this_monday - timedelta(days=21)
    logged = 0
    for week in range(4):
        monday = start + timedelta(days=7 * week)
        days = [monday + timedelta(days=d) for d in (0, 2, 3, 4, 5)]
        messages = [
            f"back squat 5x5 at {185 + 10 * week} lb",
            f"ran 5k in {26 - week}:{15 + week:02d}",
            f"bench press 3x8 at {135 + 5 * week} lb",
            f"deadlift 3x5 at {225 + 20 * week} lb",
            "Fran 9:40" if week % 2 else "rowed 2k in 8:05",
        ]
        for day, text in zip(days, messages, strict=True):
            if day > today:
                continue
            reply = await say(f"{text} on {day.isoformat()}")
            assert "Logged" in reply, reply
            logged += 1
    assert logged >= 16
    assert len((await store.list_workouts(USER, limit=200)).items) == logged

    async def check(reply: str) -> str:
        backed = await store_numbers(store)
        assert quoted(reply) <= backed, (reply, quoted(reply) - backed)
        return reply

    last_week = week_of(today - timedelta(days=7))
    reply = await check(await say("what did I do last week?"))
    in_store = (
        await store.list_workouts(
            USER, date_from=last_week[0].isoformat(), date_to=last_week[1].isoformat()
        )
    ).items
    assert f"({last_week[0].isoformat()} to {last_week[1].isoformat()})" in reply
    assert f"{len(in_store)} workout" in reply
    for workout in in_store:
        assert workout.summary and workout.summary in reply

    best_5k = await store.best(USER, "run_5k", "time")
    assert best_5k is not None
    reply = await check(await say("what's my best 5k?"))
    assert f"{display(best_5k)} ({best_5k.date})" in reply
    reply = await check(await say("what are my PRs?"))
    for record in await store.list_records(USER):
        assert f"{display(record)} ({record.date})" in reply
    reply = await check(await say("how is my back squat going?"))
    assert "up" in reply

    # a correction of the fastest 5k, by its old time
    old = display(best_5k)
    reply = await check(await say(f"correction: my 5k was 27:59 not {old}"))
    assert f"{old} → 27:59" in reply
    new_best = await store.best(USER, "run_5k", "time")
    assert new_best is not None and new_best.workout_id != best_5k.workout_id
    reply = await check(await say("what's my best 5k?"))
    assert display(new_best) in reply and old not in reply

    # delete the heaviest squat session; the best falls back to the next one
    heaviest = await store.best(USER, "back_squat", "weight")
    assert heaviest is not None
    reply = await say(f"delete the squat from {heaviest.date}")
    assert "Deleted" in reply
    fallback = await store.best(USER, "back_squat", "weight")
    assert fallback is not None and fallback.value < heaviest.value
    reply = await check(await say("what's my best squat?"))
    assert f"{display(fallback)} ({fallback.date})" in reply
    reply = await check(await say("undo that"))
    assert (await store.best(USER, "back_squat", "weight")) == heaviest

    await turns.drain()
    await store.close()
