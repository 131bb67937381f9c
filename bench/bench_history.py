"""History at scale: a history question and one exercise's history with 2,000 stored
workouts against the same with 20, on the local store (SQLite + files).

    .venv/bin/python bench/bench_history.py [--runs 200]

Store queries: last week's workouts (one key-range query), one exercise's latest
sessions and its best (one query each), all bests (a skip scan: one query per exercise).
Whole offline turns: "what did I do last week?" and "how is my back squat going?"
(message stored, context loaded, tool call, reply committed). Target: 2,000 within
1.5x of 20, p50. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.offline import OfflineCoachModel  # noqa: E402
from agent.periods import week_of  # noqa: E402
from agent.turn import TurnOptions, TurnRunner  # noqa: E402
from agent.workouts import WorkoutBook  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from extraction import extract  # noqa: E402
from storage.factory import open_store  # noqa: E402
from storage.ids import new_id  # noqa: E402
from storage.models import CoachConfig, Conversation, Message, Profile  # noqa: E402
from storage.repository import Repository  # noqa: E402
from storage.turn_writes import TurnCommit  # noqa: E402

USER, COACH = "bench-user", "coach-1"
SESSIONS = (
    "back squat 5x5 at {w} lb",
    "ran 5k in {m}:{s:02d}",
    "bench press 3x8 at {b} lb",
    "deadlift 3x5 at {d} lb",
    "Fran {m2}:{s:02d}",
)
BATCH = 20


RECENT = 20
"""Both stores hold the same 20 workouts in the last two weeks; the large one adds older
ones, so both answer the same question with the same rows."""


def workout_day(today: date, n: int) -> date:
    if n < RECENT:
        return today - timedelta(days=1 + n * 14 // RECENT)
    return today - timedelta(days=15 + (n - RECENT) // 2)


async def seeded(directory: Path, count: int) -> tuple[Repository, str]:
    """A local store with `count` workouts: the same 20 recent ones, then older ones."""
    store = open_store("local", data_dir=directory, table="t", bucket="b", page_secret=b"x" * 32)
    await store.init()
    await store.put_profile(Profile(user_id=USER, display_name="Sam"))
    await store.create_coach(CoachConfig(user_id=USER, coach_id=COACH, coach_name="Coach"))
    chat = new_id()
    await store.create_conversation(
        Conversation(user_id=USER, coach_id=COACH, conversation_id=chat)
    )
    book = WorkoutBook(USER, COACH, "Coach", chat, "m0")
    today = date.today()
    records = []
    for n in range(count):
        day = workout_day(today, n)
        text = SESSIONS[n % len(SESSIONS)].format(
            w=135 + n % 90, m=22 + n % 6, s=n % 60, b=95 + n % 60, d=185 + n % 120, m2=7 + n % 5
        )
        [workout] = extract(text, today=day, tz="UTC", units="lb")
        records.append(book.draft(workout, "deterministic"))
    for start in range(0, count, BATCH):
        reply = Message(
            message_id=new_id(), conversation_id=chat, coach_id=COACH, role="assistant", content="."
        )
        commit = TurnCommit(USER, COACH, chat, reply, workouts=records[start : start + BATCH])
        await store.commit_turn(commit)
    return store, chat


class Bench:
    """One seeded store and an offline runner on it."""

    def __init__(self, store: Repository, chat: str) -> None:
        self.store, self.chat = store, chat
        self.turns = TurnRunner(
            store=store,
            chat_model=OfflineCoachModel(),
            model_name="offline",
            options=TurnOptions(summary_every=10**6),
        )

    def calls(self) -> dict[str, Callable[[], Awaitable[Any]]]:
        store, monday_sunday = self.store, week_of(date.today() - timedelta(days=7))
        monday, sunday = (d.isoformat() for d in monday_sunday)
        return {
            "query: last week's workouts": lambda: store.list_workouts(
                USER, date_from=monday, date_to=sunday
            ),
            "query: one exercise's history (4 sessions)": lambda: store.exercise_history(
                USER, "back_squat", limit=4
            ),
            "query: one best": lambda: store.best(USER, "back_squat", "weight"),
            "query: all bests (skip scan)": lambda: store.list_records(USER),
            "turn: what did I do last week?": lambda: self.turn("what did I do last week?"),
            "turn: how is my back squat going?": lambda: self.turn("how is my back squat going?"),
        }

    async def turn(self, text: str) -> None:
        await self.turns.run(USER, COACH, self.chat, text)

    async def close(self) -> None:
        await self.turns.drain()
        await self.store.close()


async def p50s(benches: list[Bench], name: str, runs: int) -> list[float]:
    """The p50 of one call on each bench, runs interleaved so drift hits both alike;
    background work (transcripts) is drained between runs, outside the timing."""
    samples: list[list[float]] = [[] for _ in benches]
    for n in range(runs + max(3, runs // 10)):
        for bench, found in zip(benches, samples, strict=True):
            call = bench.calls()[name]
            start = time.perf_counter()
            await call()
            elapsed = time.perf_counter() - start
            await bench.turns.drain()
            if n >= max(3, runs // 10):  # the first ones warm caches up
                found.append(elapsed)
    return [statistics.median(found) * 1000 for found in samples]


async def main(runs: int) -> None:
    print_machine_speed()
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
        benches = [
            Bench(*await seeded(Path(small), RECENT)),
            Bench(*await seeded(Path(large), 2000)),
        ]
        print(f"{'p50, ms':44} {'20 workouts':>12} {'2,000':>10} {'ratio':>7}")
        for name in benches[0].calls():
            turn = name.startswith("turn")
            few, many = await p50s(benches, name, runs // 4 if turn else runs)
            print(f"{name:44} {few:12.3f} {many:10.3f} {many / few:6.2f}x")
        for bench in benches:
            await bench.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    asyncio.run(main(parser.parse_args().runs))
