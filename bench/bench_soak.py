"""Soak benchmark: concurrent clients x turns with faults injected everywhere.

Prints figures; asserts nothing. Targets (issue 13): 0 messages lost, 0 duplicated,
100 % of transcripts complete after the drain, at most 1 % of turns failing, at 100
concurrent clients with ~10 % injected store conflicts.

Each client has its own conversation and sends TURNS messages, each with its own
`client_message_id`, through the real ChatBedrockConverse against the fake Converse
server; a failed turn (503/409) is retried with the same id, up to RETRIES times, as a
client should. Injected: model 5xx, throttling and cut-off replies (~5 % of calls
each), transient store failures on ~10 % of transactions (as DynamoDB's
TransactionConflict: retried inside the store), and an S3 outage window in which every
document write fails (the outbox keeps the copies for the drain).
Run: .venv/bin/python bench/bench_soak.py [clients]
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.chat_models import build_chat_model  # noqa: E402
from agent.errors import TurnFailed, TurnInProgress  # noqa: E402
from agent.tuning import size_default_executor  # noqa: E402
from bench.machine import print_machine_speed  # noqa: E402
from storage import keys  # noqa: E402
from storage.calls import Transient  # noqa: E402
from storage.repository import Repository  # noqa: E402
from tests.factories import local_store, runner, seed_athlete  # noqa: E402
from tests.fakes.bedrock import BrokenStream, ErrorReply, FakeBedrock, Reply  # noqa: E402

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
TURNS, RETRIES = 3, 6
MODEL_FAULT, STORE_FAULT = 0.05, 0.10
OUTAGE_S = (0.2, 2.5)
"""The S3 outage window, in seconds from the start."""
rng = random.Random(13)


def model_faults(body: dict[str, Any]) -> Any:
    """5 % 503, 5 % throttled, 5 % cut off; otherwise a short reply."""
    roll = rng.random()
    if roll < MODEL_FAULT:
        return ErrorReply(503, "ServiceUnavailableException")
    if roll < 2 * MODEL_FAULT:
        return ErrorReply(429, "ThrottlingException")
    if roll < 3 * MODEL_FAULT:
        return BrokenStream("Half a", mode="truncate")
    return Reply(text="Noted. Keep it up.")


def inject_store_faults(store: Repository, started: float) -> Counter[str]:
    """Transient failures on 10 % of transactions; every document write fails in the
    outage window."""
    injected: Counter[str] = Counter()
    table, bucket = store.items.table, store.documents.bucket
    transact, put, rewrite = table.transact, bucket.put, bucket.rewrite

    def flaky_transact(ops: Any, token: str) -> None:
        if rng.random() < STORE_FAULT:
            injected["store conflict"] += 1
            raise Transient("injected transaction conflict")
        transact(ops, token)

    def in_outage() -> bool:
        return OUTAGE_S[0] <= time.perf_counter() - started <= OUTAGE_S[1]

    def down(write: Any) -> Any:
        def call(*args: Any) -> Any:
            if in_outage():
                injected["s3 outage write"] += 1
                raise ConnectionRefusedError("injected S3 outage")
            return write(*args)

        return call

    table.transact = flaky_transact  # type: ignore[method-assign]
    bucket.put = down(put)  # type: ignore[method-assign]
    bucket.rewrite = down(rewrite)  # type: ignore[method-assign]
    return injected


async def client(turns: Any, user: str, ids: tuple[str, str], outcome: Counter[str]) -> None:
    coach_id, conversation_id = ids
    for n in range(TURNS):
        text, key = f"{user} message {n}", f"{user}-{n}"
        for attempt in range(RETRIES + 1):
            try:
                await turns.run(user, coach_id, conversation_id, text, key)
                outcome["answered"] += 1
                outcome["retried"] += attempt > 0
                break
            except (TurnFailed, TurnInProgress):
                await asyncio.sleep(0.05 * (attempt + 1))
        else:
            outcome["failed"] += 1


async def soak(clients: int) -> None:
    size_default_executor(256)
    with tempfile.TemporaryDirectory() as tmp, FakeBedrock(handler=model_faults) as fake:
        store = await local_store(Path(tmp))
        users = [f"soak-{i}" for i in range(clients)]
        ids = [await seed_athlete(store, user) for user in users]
        model = build_chat_model(
            f"bedrock:{MODEL}", region="us-east-1", endpoint_url=fake.endpoint_url, timeout_s=10
        )
        turns = runner(store, model, "bedrock", summary_every=1000, max_attempts=3)
        started = time.perf_counter()
        injected = inject_store_faults(store, started)
        outcome: Counter[str] = Counter()
        await asyncio.gather(
            *(client(turns, u, i, outcome) for u, i in zip(users, ids, strict=True))
        )
        wall = time.perf_counter() - started
        await turns.drain()
        await asyncio.sleep(max(0.0, OUTAGE_S[1] - (time.perf_counter() - started)))
        drained = await store.drain_outbox()  # S3 is back: what the outage left is copied
        stored = answered = duplicated = complete = 0
        for user, (_, cid) in zip(users, ids, strict=True):
            messages = await store.latest_messages(user, cid, 100)
            texts = Counter(m.content for m in messages if m.role == "user")
            stored += len(texts)
            duplicated += sum(count - 1 for count in texts.values())
            answered += sum(1 for m in messages if m.role == "assistant")
            transcript = await store.documents.get(keys.transcript_document(user, cid))
            copied = [m["messageId"] for m in (transcript or {}).get("messages", [])]
            complete += copied == [m.message_id for m in messages]
        sent = clients * TURNS
        print(f"clients {clients} x turns {TURNS}, {wall:.1f} s, model calls {len(fake.requests)}")
        print(f"injected: {dict(injected)}, model faults ~{3 * MODEL_FAULT:.0%} of calls")
        print(
            f"sent {sent}  stored {stored}  answered {answered}  lost {sent - stored}  "
            f"duplicated {duplicated}  failed after retries {outcome['failed']} "
            f"({outcome['failed'] / sent:.1%})  answered on a retry {outcome['retried']}"
        )
        print(f"transcripts complete after the drain: {complete}/{clients} ({drained} entries)")
        await store.close()


if __name__ == "__main__":
    # Fake credentials for the fake server (nothing leaves this machine).
    os.environ.update({"AWS_ACCESS_KEY_ID": "soak", "AWS_SECRET_ACCESS_KEY": "soak"})
    print_machine_speed()
    asyncio.run(soak(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
