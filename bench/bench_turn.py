"""Agent-turn benchmark: model calls per turn type, service overhead, concurrency.

Prints figures; asserts nothing. Targets (issues 4 and 5):
- model calls: ordinary 1; workout ≤ 3 and 2 when the deterministic draft is complete;
  memory ≤ 2; an exact-duplicate memory adds 0.
- service overhead per turn (offline model, local store): p50 < 10 ms, p99 < 30 ms.
- 200 concurrent turns against a model taking 500 ms finish in < 2 s wall: printed for
  one server process and for one per CPU core (`coach serve --workers`), both on one
  local store, as the service runs them.
  Each line also gives the CPU per turn (all processes, all threads) and the garbage
  collector's pauses (the longest total of one process).
Turns are measured both ways the API runs them: a JSON reply (the model is not asked to
stream) and a streamed one (SSE, `coach chat`: token callbacks, ConverseStream); the
cost of a streamed chunk is measured on a 100-chunk reply.
Run: .venv/bin/python bench/bench_turn.py
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.chat_models import build_chat_model  # noqa: E402
from agent.events import ErrorEvent  # noqa: E402
from agent.offline import OfflineCoachModel  # noqa: E402
from agent.tuning import tune_gc  # noqa: E402
from agent.turn import TurnRunner  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from extraction import is_workout_log  # noqa: E402
from storage.factory import open_store  # noqa: E402
from storage.protocols import Store  # noqa: E402
from tests.factories import PAGE_SECRET, local_store, runner, seed_athlete  # noqa: E402
from tests.fakes.bedrock import FakeBedrock, Reply, ToolUse, forced_tool_name  # noqa: E402

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
SPAWN = multiprocessing.get_context("spawn")  # fresh processes, as uvicorn's workers
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


def run_like_the_service(main: Coroutine[Any, Any, None]) -> None:
    """Run on the event loop `coach serve` gets: uvicorn picks uvloop when installed."""
    try:
        import uvloop
    except ImportError:  # not on Windows
        asyncio.run(main)
    else:
        uvloop.run(main)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def store_calls(store: Store) -> int:
    return sum(store.items.calls.counts.values())  # type: ignore[attr-defined]


async def one_turn(
    turns: TurnRunner, user: str, coach_id: str, conversation_id: str, text: str, streamed: bool
) -> None:
    """One turn as the API runs it: a JSON reply (no token streaming) or a streamed one
    (SSE, `coach chat`)."""
    if not streamed:
        await turns.run(user, coach_id, conversation_id, text)
        return
    async for event in turns.stream(user, coach_id, conversation_id, text):
        if isinstance(event, ErrorEvent):
            raise RuntimeError(event.message)


async def overhead(tmp: Path, streamed: bool, turns_n: int = 400) -> None:
    store = await local_store(tmp / f"overhead-{streamed}")
    coach_id, conversation_id = await seed_athlete(store, "bench-user")
    turns = runner(store, OfflineCoachModel(), summary_every=10_000, history_window=12)
    for text in MESSAGES:  # warm caches and imports
        await one_turn(turns, "bench-user", coach_id, conversation_id, text, streamed)
    await turns.drain()
    tune_gc()  # as the service does once it has started
    times: list[float] = []
    hot: list[int] = []
    after: list[int] = []
    for i in range(turns_n):
        text = MESSAGES[i % len(MESSAGES)]
        before = store_calls(store)
        start = time.perf_counter()
        await one_turn(turns, "bench-user", coach_id, conversation_id, text, streamed)
        times.append((time.perf_counter() - start) * 1000)
        mid = store_calls(store)
        await turns.drain()
        hot.append(mid - before)
        after.append(store_calls(store) - mid)
    kind = "streamed turns (SSE)" if streamed else "JSON turns"
    print(f"service overhead per turn, {kind} (offline model + local store, {turns_n} turns):")
    print(f"  p50 {pct(times, 50):.2f} ms   p99 {pct(times, 99):.2f} ms   (targets 10 / 30 ms)")
    print(
        f"  store calls per turn: {statistics.mean(hot):.1f} before the reply is done "
        f"(max {max(hot)}), {statistics.mean(after):.1f} after it (transcript, summaries)"
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


def serve_model(reply: Reply, ports: multiprocessing.Queue[str]) -> None:
    """A fake Converse server in its own process: like Bedrock, it spends none of our CPU."""
    with FakeBedrock(default=reply) as fake:
        ports.put(fake.endpoint_url)
        time.sleep(600)


@contextmanager
def model_server(reply: Reply) -> Iterator[str]:
    """The endpoint URL of a `serve_model` process, stopped on exit."""
    ports: multiprocessing.Queue[str] = SPAWN.Queue()
    server = SPAWN.Process(target=serve_model, args=(reply, ports), daemon=True)
    server.start()
    try:
        yield ports.get(timeout=30)
    finally:
        server.terminate()
        server.join(timeout=10)


async def chunk_cost(tmp: Path, chunks: int = 100, turns_n: int = 100) -> None:
    """What streaming a reply costs per chunk: streamed against JSON turns, same reply."""
    reply = Reply(text="Good work." * (chunks * 4 // 10 + 1))  # the fake sends 4 chars a chunk
    with model_server(reply) as endpoint_url:
        store = await local_store(tmp / "chunks")
        model = build_chat_model(f"bedrock:{MODEL}", region="us-east-1", endpoint_url=endpoint_url)
        turns = runner(store, model, "bedrock", summary_every=10_000)
        users = [f"chunks-{i}" for i in range(turns_n)]
        ids = [await seed_athlete(store, user) for user in users]
        cpu: dict[bool, float] = {}
        for streamed in (False, True, False, True):  # the first pair warms up
            start = time.process_time()
            for user, (c, v) in zip(users, ids, strict=True):
                await one_turn(turns, user, c, v, "how's it going?", streamed)
            await turns.drain()
            cpu[streamed] = (time.process_time() - start) / turns_n * 1000
    extra = cpu[True] - cpu[False]
    print(f"a {chunks}-chunk reply, CPU per Bedrock turn (the bench's other replies are short):")
    print(
        f"  JSON {cpu[False]:.1f} ms, streamed {cpu[True]:.1f} ms: "
        f"{extra * 1000 / chunks:.0f} us per streamed chunk"
    )


@dataclass(frozen=True)
class Finished:
    """What one server process reports after its burst."""

    end: float  # time.monotonic()
    errors: int
    cpu_s: float  # the process's CPU time during the burst, all threads
    gc_s: float  # garbage collection pauses during the burst


class GcPauses:
    """Sums the collector's pauses (it runs holding the GIL: nothing else runs)."""

    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0
        gc.callbacks.append(self._observe)

    def _observe(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._start


@dataclass(frozen=True)
class Share:
    """One server process's part of the concurrent turns, and how it reports back."""

    index: int
    turns: int
    streamed: bool
    endpoint_url: str
    data_dir: Path
    ready: multiprocessing.Queue[int]
    go: Event
    done: multiprocessing.Queue[Finished]


async def _serve_share(share: Share) -> None:
    """Like one `coach serve` worker: its own runner, the shared store, its turns at once."""
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=256))
    store = open_store(
        "local", data_dir=share.data_dir, table="t", bucket="b", page_secret=PAGE_SECRET
    )
    await store.init()
    model = build_chat_model(
        f"bedrock:{MODEL}",
        region="us-east-1",
        endpoint_url=share.endpoint_url,
        max_workers=share.turns,
    )
    turns = runner(store, model, "bedrock", summary_every=10_000)
    users = [f"user-{share.index}-{i}" for i in range(share.turns)]
    ids = [await seed_athlete(store, user) for user in users]
    await turns.run(users[0], *ids[0], "warming up")  # imports, connections, caches
    await turns.drain()
    tune_gc()
    share.ready.put(share.index)
    await loop.run_in_executor(None, share.go.wait)
    pauses, cpu = GcPauses(), time.process_time()
    results = await asyncio.gather(
        *(
            one_turn(turns, user, c, v, "how's it going?", share.streamed)
            for user, (c, v) in zip(users, ids, strict=True)
        ),
        return_exceptions=True,
    )
    errors = sum(isinstance(r, BaseException) for r in results)
    share.done.put(Finished(time.monotonic(), errors, time.process_time() - cpu, pauses.total))
    await turns.drain()
    await store.close()


def serve_share(share: Share) -> None:
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    run_like_the_service(_serve_share(share))


def concurrent_turns(
    tmp: Path, endpoint_url: str, n: int, processes: int, streamed: bool
) -> tuple[float, list[Finished]]:
    """Wall time and each process's report for `n` turns sent at once to `processes`
    server processes."""
    ready: multiprocessing.Queue[int] = SPAWN.Queue()
    done: multiprocessing.Queue[Finished] = SPAWN.Queue()
    go = SPAWN.Event()
    data_dir = tmp / f"concurrency-{processes}-{streamed}"
    shares = [
        Share(i, n // processes, streamed, endpoint_url, data_dir, ready, go, done)
        for i in range(processes)
    ]
    workers = [SPAWN.Process(target=serve_share, args=(s,)) for s in shares]
    for worker in workers:
        worker.start()
    try:
        for _ in workers:
            ready.get(timeout=120)
        start = time.monotonic()
        go.set()
        finished = [done.get(timeout=120) for _ in workers]
    finally:
        for worker in workers:
            worker.join(timeout=30)
    return max(f.end for f in finished) - start, finished


def concurrency(tmp: Path, n: int = 200, delay_s: float = 0.5) -> None:
    with model_server(Reply(text="Nice.", delay_s=delay_s)) as endpoint_url:
        print(f"{n} concurrent turns, model {delay_s * 1000:.0f} ms each (target < 2 s wall):")
        for streamed in (False, True):
            for processes in sorted({1, os.cpu_count() or 1}):
                wall, finished = concurrent_turns(tmp, endpoint_url, n, processes, streamed)
                kind = "streamed" if streamed else "JSON"
                where = "1 process" if processes == 1 else f"{processes} processes (--workers)"
                errors = sum(f.errors for f in finished)
                cpu_ms = sum(f.cpu_s for f in finished) / n * 1000
                gc_ms = max(f.gc_s for f in finished) * 1000
                print(
                    f"  {kind + ', ' + where:<34} {wall:.2f} s wall, {errors} errors "
                    f"(CPU {cpu_ms:.1f} ms per turn, GC pauses {gc_ms:.0f} ms)"
                )


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=256))
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    print_machine_speed()
    with tempfile.TemporaryDirectory() as tmp, FakeBedrock(handler=smart_handler) as fake:
        await overhead(Path(tmp), streamed=False)
        await overhead(Path(tmp), streamed=True)
        await model_calls(Path(tmp), fake)
        await chunk_cost(Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        concurrency(Path(tmp))


if __name__ == "__main__":
    run_like_the_service(main())
