"""Memories at scale: an ordinary turn and a "remember" turn with 500 stored memories, against
the same turns with none.

Prints figures; asserts nothing. Target (issue 15): within 1.3x of the same turn with no
memories. Also printed against 12 memories (a full prompt): a turn that uses memories
writes their use counts with the reply, which a turn with none does not, so that ratio
shows what the number stored costs. A turn reads the newest memories and the
high-importance ones (two bounded queries), and each stored memory's text is analysed
once per process, not every turn.
Run: .venv/bin/python bench/bench_memories.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.offline import OfflineCoachModel  # noqa: E402
from agent.turn import TurnRunner  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from storage.ids import new_id  # noqa: E402
from storage.models import Memory, MemoryMetadata, MemoryType  # noqa: E402
from storage.protocols import Store  # noqa: E402
from storage.quotas import StoredLimits  # noqa: E402
from tests.factories import local_store, runner, seed_athlete  # noqa: E402

STORED = 500
FULL = 12
"""Enough memories to fill the prompt: past it, more stored memories should cost nothing."""
SIDES = {"none": 0, "full": FULL, "many": STORED}
TURNS = 120
_TYPES: tuple[MemoryType, ...] = ("preference", "goal", "constraint", "instruction", "context")
_WORDS = "squat bench deadlift knee shoulder mornings kettlebell rower vegan travel".split()


async def _fill(store: Store, user: str, coach_id: str, count: int) -> None:
    for n in range(count):
        kind = _TYPES[n % len(_TYPES)]
        await store.add_memory(
            Memory(
                memory_id=new_id(),
                user_id=user,
                coach_id=coach_id if n % 3 == 0 else None,
                content=f"Athlete note {n}: {_WORDS[n % 10]} and {_WORDS[(n * 7) % 10]} matter",
                memory_type=kind,
                metadata=MemoryMetadata(importance="high" if n % 25 == 0 else "medium"),
            )
        )


async def _timed(turns: TurnRunner, user: str, coach: str, chat: str, text: str) -> float:
    start = time.perf_counter()
    await turns.run(user, coach, chat, text)
    elapsed = (time.perf_counter() - start) * 1000
    await turns.drain()
    return elapsed


async def main() -> None:
    print_machine_speed()
    ordinary = ["what's a good Fran time?", "hey coach!", "how should I warm up?"]
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The remember turns add to the stored ones: room for them past the usual quota.
        store = await local_store(Path(tmp), StoredLimits(memories=STORED + 2 * TURNS))
        turns = runner(store, OfflineCoachModel(), summary_every=10_000, history_window=12)
        athletes = {}
        for label, count in SIDES.items():
            coach_id, chat = await seed_athlete(store, f"bench-{label}")
            await _fill(store, f"bench-{label}", coach_id, count)
            athletes[label] = (f"bench-{label}", coach_id, chat)
            for text in ordinary:  # warm caches
                await _timed(turns, *athletes[label], text)
        # Interleaved, so both sides share the machine's noise.
        for n in range(TURNS):
            for kind, text in (
                ("ordinary", ordinary[n % 3]),
                ("remember", f"remember that I train at gym number {n}"),
            ):
                for label, athlete in athletes.items():
                    times.setdefault((kind, label), []).append(await _timed(turns, *athlete, text))
    print(f"turn p50 (offline model, local store), {TURNS} turns each, interleaved:")
    for kind in ("ordinary", "remember"):
        none, full, many = (statistics.median(times[(kind, label)]) for label in SIDES)
        print(
            f"  {kind:<9} none {none:.2f} ms   {FULL} {full:.2f} ms   {STORED} {many:.2f} ms   "
            f"{STORED} vs none {many / none:.2f}x (target 1.3x), vs {FULL} {many / full:.2f}x"
        )


if __name__ == "__main__":
    asyncio.run(main())
