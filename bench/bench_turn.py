"""Agent-turn benchmark: model calls per turn type, service overhead, concurrency.

Prints figures; asserts nothing. Targets (issues 4 and 5):
- model calls: ordinary 1; workout ≤ 3 and 2 when the deterministic draft is complete;
  memory ≤ 2; an exact-duplicate memory adds 0.
- service overhead per turn (offline model, local store): p50 < 10 ms, p99 < 30 ms.
- 200 concurrent turns against a model taking 500 ms finish in < 2 s wall.
Run: .venv/bin/python bench/bench_turn.py
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.models import build_chat_model  # noqa: E402
from agent.offline import OfflineCoachModel  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from extraction import is_workout_log  # noqa: E402
from storage.base import Store  # noqa: E402
from tests.factories import local_store, runner, seed_athlete  # noqa: E402
from tests.fakes.bedrock import FakeBedrock, Reply, ToolUse, forced_tool_name  # noqa: E402

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
MESSAGES = [
    "hey coach!",
    "Did Fran in 8:57 with 95 lb thrusters",
    "squats 5x5 @ 225 then 3x10 RDLs at 135",
    "easy 10k this morning in 52:30",
    "what's a good Fran time?",
    "remember that I have a bad left knee",
    "tomorrow I'm doing Murph",
    "rowed 2000m in 7:41",
]


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def store_calls(store: Store) -> int:
    return sum(store.items.calls.counts.values())  # type: ignore[attr-defined]


async def overhead(tmp: Path, turns_n: int = 400) -> None:
    store = await local_store(tmp / "overhead")
    coach_id, conversation_id = await seed_athlete(store, "bench-user")
    turns = runner(store, OfflineCoachModel(), summary_every=10_000, history_window=12)
    for text in MESSAGES:  # warm caches and imports
        await turns.run("bench-user", coach_id, conversation_id, text)
    await turns.drain()
    times: list[float] = []
    hot: list[int] = []
    after: list[int] = []
    for i in range(turns_n):
        before = store_calls(store)
        start = time.perf_counter()
        await turns.run("bench-user", coach_id, conversation_id, MESSAGES[i % len(MESSAGES)])
        times.append((time.perf_counter() - start) * 1000)
        mid = store_calls(store)
        await turns.drain()
        hot.append(mid - before)
        after.append(store_calls(store) - mid)
    print(f"service overhead per turn (offline model + local store, {turns_n} turns):")
    print(f"  p50 {pct(times, 50):.2f} ms   p99 {pct(times, 99):.2f} ms   (targets 10 / 30 ms)")
    print(
        f"  store calls per turn: {statistics.mean(hot):.1f} before the reply is done "
        f"(max {max(hot)}), {statistics.mean(after):.1f} after it (transcript, memory use)"
    )


def smart_handler(body: dict[str, Any]) -> Reply:
    """Answer like a cooperative model: structured outputs, tool calls for logs, text else."""
    forced = forced_tool_name(body)
    if forced == "record_workouts":
        return Reply(tool_uses=(ToolUse(forced, {"workouts": []}),))
    if forced == "MemoryDecisionOut":
        return Reply(
            tool_uses=(ToolUse(forced, {"action": "ADD", "content": "Has a bad left knee."}),)
        )
    last = body["messages"][-1]["content"]
    if any("toolResult" in block for block in last):
        return Reply(text="Logged it.")
    text = " ".join(block.get("text", "") for block in last)
    if is_workout_log(text):
        return Reply(tool_uses=(ToolUse("log_workout", {}),))
    return Reply(text="Sounds good.")


async def model_calls(tmp: Path, fake: FakeBedrock) -> None:
    store = await local_store(tmp / "calls")
    coach_id, conversation_id = await seed_athlete(store, "calls-user")
    model = build_chat_model(f"bedrock:{MODEL}", region="us-east-1", endpoint_url=fake.endpoint_url)
    turns = runner(store, model, "bedrock", summary_every=10_000, history_window=40)
    cases = [
        ("ordinary", "how's it going?"),
        ("workout, complete draft", "Did Fran in 8:57 with 95 lb thrusters"),
        ("workout, incomplete draft", "did some squats today"),
        ("memory, new", "remember that I have a bad left knee"),
        ("memory, exact duplicate", "remember that I have a bad left knee"),
    ]
    print("model calls per turn (real ChatBedrockConverse against the fake Converse server):")
    for label, text in cases:
        result = await turns.run("calls-user", coach_id, conversation_id, text)
        print(f"  {label:<26} {result.usage.model_calls}")
    await turns.drain()


def serve_slow_model(delay_s: float, ports: multiprocessing.Queue[str]) -> None:
    """A fake Converse server in its own process: like Bedrock, it spends none of our CPU."""
    with FakeBedrock(default=Reply(text="Nice.", delay_s=delay_s)) as fake:
        ports.put(fake.endpoint_url)
        time.sleep(600)


async def concurrency(tmp: Path, n: int = 200, delay_s: float = 0.5) -> None:
    ports: multiprocessing.Queue[str] = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve_slow_model, args=(delay_s, ports), daemon=True)
    server.start()
    try:
        await _concurrent_turns(tmp, ports.get(timeout=30), n, delay_s)
    finally:
        server.terminate()
        server.join(timeout=10)


async def _concurrent_turns(tmp: Path, endpoint_url: str, n: int, delay_s: float) -> None:
    store = await local_store(tmp / "concurrency")
    model = build_chat_model(
        f"bedrock:{MODEL}", region="us-east-1", endpoint_url=endpoint_url, max_workers=n
    )
    turns = runner(store, model, "bedrock", summary_every=10_000)
    ids = [await seed_athlete(store, f"user-{i}") for i in range(n)]
    start = time.perf_counter()
    results = await asyncio.gather(
        *(turns.run(f"user-{i}", c, v, "how's it going?") for i, (c, v) in enumerate(ids)),
        return_exceptions=True,
    )
    wall = time.perf_counter() - start
    errors = sum(isinstance(r, BaseException) for r in results)
    print(
        f"{n} concurrent turns, model {delay_s * 1000:.0f} ms each: {wall:.2f} s wall, "
        f"{errors} errors (target < 2 s)"
    )
    await turns.drain()


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=256))
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    print_machine_speed()
    with tempfile.TemporaryDirectory() as tmp, FakeBedrock(handler=smart_handler) as fake:
        await overhead(Path(tmp))
        await model_calls(Path(tmp), fake)
        await concurrency(Path(tmp))


if __name__ == "__main__":
    asyncio.run(main())
