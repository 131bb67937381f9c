"""What quotas on stored data cost, and how long a store read can hold the event loop.

    .venv/bin/python bench/bench_quota.py [--ops 300]

Per write: `add_memory` with its quota counter in the transaction, against the same
conditional create without it. Per turn: `commit_turn` (reply, one workout, one new
memory) with its quota counters, against the same commit without them. Samples of
the two are interleaved, so machine drift hits both alike; the cost is the difference
of medians. A write's counter is one more item in its transaction; a turn's counters are
conditional updates of their own just before its transaction (`storage.reservations`),
sent at once: the backend request counts are printed to show it. `aws` is moto
in-process, so its latencies would measure moto's transactions (a copy of its whole
table each), so only its request counts are printed: on DynamoDB a write's counter is
one more transaction item (2 write units), a turn's counters one round trip more.

Then the event loop: a 1 ms ticker runs while a filtered memory list reads 3,000
memories on the local store; its worst stall is how long `/healthz` could wait.
Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_storage import offline_aws  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from storage import keys  # noqa: E402
from storage.factory import open_store  # noqa: E402
from storage.models import (  # noqa: E402
    CoachConfig,
    Conversation,
    Memory,
    Message,
    WorkoutRecord,
)
from storage.quotas import StoredLimits  # noqa: E402
from storage.repository import Repository  # noqa: E402
from storage.turn_writes import TurnCommit  # noqa: E402

USER, COACH, CHAT = "bench-user", "coach-1", "chat-1"
ROOMY = StoredLimits(coaches=10, conversations=10, memories=10**6, workouts_per_day=10**6)


async def paired(
    ops: int, with_quota: Callable[[int], Awaitable[Any]], without: Callable[[int], Awaitable[Any]]
) -> tuple[float, float]:
    """Median seconds of each, samples interleaved."""
    timed: tuple[list[float], list[float]] = ([], [])
    for n in range(ops):
        for samples, call in zip(timed, (with_quota, without), strict=True):
            start = time.perf_counter()
            await call(n)
            samples.append(time.perf_counter() - start)
    return statistics.median(timed[0]), statistics.median(timed[1])


def memory(n: int) -> Memory:
    return Memory(memory_id=f"mem{n:08d}", user_id=USER, content=f"prefers mornings {n}")


def commit(n: int) -> TurnCommit:
    reply = Message(
        message_id=f"r{n:08d}", conversation_id=CHAT, coach_id=COACH, role="assistant", content="ok"
    )
    workout = WorkoutRecord(
        workout_id=f"20250105-{n:08d}",
        user_id=USER,
        date="2025-01-05",
        discipline="strength",
        workout_data={"workout_name": "squats"},
    )
    return TurnCommit(
        user_id=USER,
        coach_id=COACH,
        conversation_id=CHAT,
        reply=reply,
        workouts=[workout],
        memory_puts=[memory(10**7 + n)],
    )


async def costs(kind: Literal["local", "aws"], ops: int, data_dir: Path) -> None:
    store = open_store(
        kind, data_dir=data_dir, table="bench", bucket="bench-athletes", page_secret=b"b" * 32
    )
    store.quotas.limits = ROOMY
    await store.init()
    await store.create_coach(CoachConfig(user_id=USER, coach_id=COACH, coach_name="Bench"))
    await store.create_conversation(
        Conversation(user_id=USER, coach_id=COACH, conversation_id=CHAT)
    )
    counter = store.quotas.memories(USER)
    uncounted = Repository(
        store.items, store.documents, page_secret=b"b" * 32, limits=store.quotas.limits
    )
    uncounted._quota_changes = lambda commit, tx: Counter()  # type: ignore[method-assign]

    def add(counted: bool) -> Callable[[int], Awaitable[Memory]]:
        async def call(n: int) -> Memory:
            m = memory(n * 2 + counted)
            key = keys.memory(USER, m.memory_id)
            return await store._create(key, "userMemory", m, counter=counter if counted else None)

        return call

    def turn(target: Repository, offset: int) -> Callable[[int], Awaitable[None]]:
        return lambda n: target.commit_turn(commit(n * 2 + offset))

    calls = store.items.calls.counts
    for what, counted, bare in (
        ("write (add_memory)", add(True), add(False)),
        ("turn (commit_turn)", turn(store, 0), turn(uncounted, 1)),
    ):
        requests = []
        for call in (counted, bare):
            calls.clear()
            await call(ops)
            requests.append(", ".join(f"{n} {op}" for op, n in sorted(calls.items())))
        print(f"{kind:5}  per {what}: requests {requests[0]} with quota, {requests[1]} without")
        if kind == "local":  # moto's latency grows with its table: no figure for AWS
            with_quota, without = await paired(ops, counted, bare)
            cost = (with_quota - without) * 1000
            print(
                f"{kind:5}  per {what}: {with_quota * 1000:.3f} ms with quota, "
                f"{without * 1000:.3f} ms without: quota cost {cost:+.3f} ms"
            )
    await store.close()


async def loop_stall(data_dir: Path) -> None:
    limits = StoredLimits(memories=10_000)
    store = open_store(
        "local", data_dir=data_dir, table="t", bucket="b", page_secret=b"b" * 32, limits=limits
    )
    await store.init()
    for n in range(3000):
        kind = "goal" if n == 2999 else "context"
        await store.add_memory(memory(n).model_copy(update={"memory_type": kind}))
    stalls: list[float] = []

    async def ticker() -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            stalls.append(time.perf_counter() - start - 0.001)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.02)
    start = time.perf_counter()
    await store.list_memories(USER, memory_type="goal", limit=1)
    took = time.perf_counter() - start
    await asyncio.sleep(0.02)
    task.cancel()
    print(
        f"local  filtered list over 3,000 memories: {took * 1000:.1f} ms; "
        f"worst event-loop stall meanwhile {max(stalls) * 1000:.1f} ms"
    )
    await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ops", type=int, default=300)
    ops = parser.parse_args().ops
    print_machine_speed()
    for kind in ("local", "aws"):
        with tempfile.TemporaryDirectory() as tmp:
            with offline_aws() if kind == "aws" else nullcontext():
                asyncio.run(costs(kind, ops, Path(tmp)))
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(loop_stall(Path(tmp)))


if __name__ == "__main__":
    main()
