"""Storage figures for both backends: latency of a put and of a history read, and the
backend requests each domain operation makes.

    .venv/bin/python bench/bench_storage.py [--ops 1000]

`local` is SQLite + files in a temporary directory; `aws` is DynamoDB + S3 on
in-process moto (no network, fake credentials), so its latencies measure our code plus
moto, not AWS. Request counts come from `Calls.counts`, the counter every backend call
passes through. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.events import ChatResult, ReplyOut, Usage  # noqa: E402
from storage import keys  # noqa: E402
from storage.codec import new_item  # noqa: E402
from storage.factory import open_store  # noqa: E402
from storage.items import Absent, Put  # noqa: E402
from storage.models import (  # noqa: E402
    Best,
    CoachConfig,
    Conversation,
    ExerciseEntry,
    Memory,
    Message,
    MessageMetadata,
    WorkoutRecord,
)
from storage.quotas import StoredLimits  # noqa: E402
from storage.repository import Repository  # noqa: E402
from storage.turn_writes import Quota, TurnCommit  # noqa: E402

USER, WRITER, COACH, CHAT = "bench-user", "bench-writer", "coach-1", "chat-1"
MESSAGES = 1_000
QUOTA = Quota(per_minute=10**9, per_day=10**9, now_epoch=0)  # counted, never full


def message(n: int, *, client_id: str | None = None, chat: str = CHAT) -> Message:
    return Message(
        message_id=f"m{n:08d}",
        conversation_id=chat,
        coach_id=COACH,
        role="user" if n % 2 else "assistant",
        content=f"message {n}: " + "squats and intervals " * 8,
        metadata=MessageMetadata(client_message_id=client_id),
    )


def memory(n: int, user: str) -> Memory:
    return Memory(memory_id=f"mem{n:08d}", user_id=user, content=f"prefers morning sessions {n}")


def workout(day: int) -> WorkoutRecord:
    """A squat session with its derived entry (one history item and two best items)."""
    wid = f"202501{day:02d}-bench"
    return WorkoutRecord(
        workout_id=wid,
        user_id=USER,
        date=f"2025-01-{day:02d}",
        discipline="strength",
        workout_data={"workout_name": "squats", "sets": [{"reps": 5, "kg": 102.5}] * 5},
        exercises=[
            ExerciseEntry(
                exercise="back_squat",
                workout_id=wid,
                date=f"2025-01-{day:02d}",
                discipline="strength",
                top_weight=102.5,
                top_reps=5,
                unit="kg",
                bests=[
                    Best(measure="weight", value=102.5, unit="kg", rank_value=102.5, reps=5),
                    Best(measure="e1rm", value=119.6, unit="kg", rank_value=119.6),
                ],
            )
        ],
    )


def milliseconds(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]
    return f"median {statistics.median(ordered) * 1000:7.3f} ms   p99 {p99 * 1000:7.3f} ms"


async def latencies(ops: int, call: Callable[[int], Awaitable[Any]]) -> list[float]:
    samples = []
    for n in range(ops):
        start = time.perf_counter()
        await call(n)
        samples.append(time.perf_counter() - start)
    return samples


async def seed(store: Repository) -> None:
    """A coach, a conversation and MESSAGES messages (put directly: moto copies the whole
    table on every transactional write, which would dominate the setup)."""
    await store.create_coach(CoachConfig(user_id=USER, coach_id=COACH, coach_name="Bench"))
    await store.create_conversation(
        Conversation(user_id=USER, coach_id=COACH, conversation_id=CHAT)
    )
    for n in range(MESSAGES):
        m = message(n)
        await store.items.put(
            Put(new_item(keys.message(USER, CHAT, m.message_id), "message", m), Absent())
        )


def operations(store: Repository) -> list[tuple[str, Callable[[], Awaitable[Any]]]]:
    """One call of each domain operation, in an order where each one can succeed."""
    gone = Conversation(user_id=USER, coach_id=COACH, conversation_id="chat-gone")
    commit = TurnCommit(
        user_id=USER,
        coach_id=COACH,
        conversation_id=CHAT,
        reply=message(MESSAGES + 1),
        workouts=[workout(5)],
        memories_used=["mem00000000", "mem00000001", "mem00000002"],
        client_message_id="k1",
        result=ChatResult(
            message_id="m1",
            conversation_id=CHAT,
            reply=ReplyOut(message_id="m2", content="ok"),
            usage=Usage(model="offline"),
        ),
    )
    return [
        ("get_coach", lambda: store.get_coach(USER, COACH)),
        ("list_coaches", lambda: store.list_coaches(USER)),
        ("create_conversation", lambda: store.create_conversation(gone)),
        ("get_conversation", lambda: store.get_conversation(USER, COACH, CHAT)),
        ("list_conversations", lambda: store.list_conversations(USER, COACH)),
        ("begin_turn", lambda: store.begin_turn(USER, message(MESSAGES, client_id="k1"), QUOTA)),
        (
            "begin_turn (replay)",
            lambda: store.begin_turn(USER, message(MESSAGES + 9, client_id="k1"), QUOTA),
        ),
        ("latest_messages(20)", lambda: store.latest_messages(USER, CHAT, 20)),
        ("list_messages(50)", lambda: store.list_messages(USER, CHAT)),
        ("list_memories", lambda: store.list_memories(USER, coach_id=COACH)),
        ("get_summary", lambda: store.get_summary(USER, CHAT)),
        ("list_records", lambda: store.list_records(USER)),
        (
            "commit_turn (1 workout + its 3 history items, 3 memories used)",
            lambda: store.commit_turn(commit),
        ),
        (
            "list_workouts (date range)",
            lambda: store.list_workouts(USER, date_from="2025-01-01", date_to="2025-01-31"),
        ),
        (
            "append_transcript",
            lambda: store.append_transcript(USER, gone, [message(1, chat="chat-gone")]),
        ),
        (
            "delete_conversation (1 message)",
            lambda: store.delete_conversation(USER, COACH, "chat-gone"),
        ),
    ]


async def measure(
    kind: Literal["local", "aws"], data_dir: Path, ops: int
) -> tuple[dict[str, str], dict[str, Counter[str]]]:
    store = open_store(
        kind,
        data_dir=data_dir,
        table="bench",
        bucket="bench-athletes",
        page_secret=b"bench-page-secret",
        region="us-east-1",
        limits=StoredLimits(memories=10 * ops),  # the writes measure latency, not the quota
    )
    await store.init()
    await seed(store)
    figures = {
        "latest_messages(20)": milliseconds(
            await latencies(ops, lambda n: store.latest_messages(USER, CHAT, 20))
        ),
        # Another user, so the writes do not grow the partition the reads measure.
        "add_memory": milliseconds(
            await latencies(ops, lambda n: store.add_memory(memory(n, WRITER)))
        ),
    }
    for n in range(3):
        await store.add_memory(memory(n, USER))
    counts: dict[str, Counter[str]] = {}
    for name, call in operations(store):
        before = store.items.calls.counts.copy()
        await call()
        counts[name] = store.items.calls.counts - before
    await store.close()
    return figures, counts


@contextmanager
def offline_aws() -> Iterator[None]:
    """In-process moto with fake credentials, one request at a time as DynamoDB applies
    them (see `serial_mock_aws`); no developer AWS setting is used."""
    from tests.storage.conftest import serial_mock_aws

    for name in [name for name in os.environ if name.startswith("AWS_")]:
        del os.environ[name]
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
        AWS_EC2_METADATA_DISABLED="true",
    )
    with serial_mock_aws():
        yield


def describe(counts: Counter[str]) -> str:
    parts = ", ".join(f"{n} {op}" for op, n in sorted(counts.items()))
    return f"{sum(counts.values()):2d}  {parts}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=1000, help="operations per latency figure")
    args = parser.parse_args()
    results = {}
    for kind in ("local", "aws"):
        with (
            tempfile.TemporaryDirectory() as folder,
            offline_aws() if kind == "aws" else nullcontext(),
        ):
            results[kind] = asyncio.run(measure(kind, Path(folder), args.ops))

    print(f"latency over {args.ops} operations ({MESSAGES} messages in the conversation)")
    for kind, (figures, _) in results.items():
        for name, figure in figures.items():
            print(f"  {kind:5s}  {name:20s}  {figure}")
    print("\nbackend requests per domain operation (items.* = table, documents.* = S3/files)")
    local, aws = results["local"][1], results["aws"][1]
    width = max(len(name) for name in local)
    for name, counts in local.items():
        same = "" if aws[name] == counts else f"   | aws: {describe(aws[name])}"
        print(f"  {name:{width}s}  {describe(counts)}{same}")
    print("  (identical on local and aws unless an `aws:` column is shown)")


if __name__ == "__main__":
    main()
