"""What one turn of each type costs on AWS: DynamoDB capacity units, S3 requests and
Bedrock tokens, for the README's capacity and cost sheet.

    .venv/bin/python bench/bench_capacity.py [--reply-chars 600]

Turns run through the real ChatBedrockConverse against the fake Converse server on a
DynamoDB + S3 store on in-process moto, as the service runs them (history window 12),
in a conversation already 12 turns long. Every DynamoDB and S3 request is recorded
(tests/storage/recording.py) and priced by DynamoDB's rules: a strongly consistent
read is 1 RRU per 4 KB (a query sums its items first), a write 1 WRU per 1 KB, both
doubled in a transaction; item sizes are computed as DynamoDB documents them, updated
and deleted items in a transaction at their size after the turn (1 KB if gone).
Tokens are estimated from the requests actually sent, at 4 characters a token (what
tests/fakes/bedrock/ reports as usage); the model's replies are `--reply-chars` of
text, its structured answers the JSON a cooperative model would send (the deterministic
extractor's workouts). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import boto3  # noqa: E402

from agent.chat_models import build_chat_model  # noqa: E402
from agent.turn import TurnRunner  # noqa: E402
from bench.bench_storage import offline_aws  # noqa: E402
from bench.bench_turn import MODEL  # noqa: E402
from extraction import extract, is_workout_log  # noqa: E402
from storage.factory import open_store  # noqa: E402
from tests.factories import PAGE_SECRET, runner, seed_athlete  # noqa: E402
from tests.fakes.bedrock import FakeBedrock, Reply, ToolUse, forced_tool_name  # noqa: E402
from tests.storage.recording import ApiCall, recorded_calls  # noqa: E402

TABLE, BUCKET, USER = "capacity", "capacity-athletes", "capacity-user"
CHARS_PER_TOKEN = 4
HISTORY_TURNS = 12
TURNS = [
    ("ordinary", "how's it going? any tips for recovery this week?"),
    ("workout, complete draft", "Did Fran in 8:57 with 95 lb thrusters"),
    ("workout, incomplete draft", "did some squats today"),
    ("memory, new", "remember that I have a bad left knee"),
    ("memory, exact duplicate", "remember that I have a bad left knee"),
]
S3_PUT_CLASS = {"PutObject", "CopyObject", "ListObjectsV2", "ListObjects"}


def item_bytes(value: dict[str, Any]) -> int:
    """The size DynamoDB bills for one AttributeValue (names counted by the caller)."""
    (kind, inner), *_ = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        return len(inner.strip("-").lstrip("0").replace(".", "")) // 2 + 1 or 1
    if kind == "B":
        return len(inner)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "L":
        return 3 + sum(item_bytes(v) + 1 for v in inner)
    if kind == "M":
        return 3 + sum(len(k.encode()) + item_bytes(v) + 1 for k, v in inner.items())
    return sum(item_bytes({kind[0]: v}) for v in inner)  # SS, NS, BS


def size(item: dict[str, Any]) -> int:
    return sum(len(name.encode()) + item_bytes(value) for name, value in item.items())


def units(n_bytes: int, unit: int) -> int:
    return max(1, math.ceil(n_bytes / unit))


@dataclass
class Cost:
    """One turn's requests and units."""

    rru: float = 0
    wru: float = 0
    dynamodb: Counter[str] = field(default_factory=Counter)
    s3_put: int = 0
    s3_get: int = 0
    model_calls: int = 0
    input_tokens: int = 0
    cacheable_tokens: int = 0  # the tools + static system prefix, per call summed
    output_tokens: int = 0

    def add_api(self, call: ApiCall, sizes: dict[tuple[str, str], int]) -> None:
        if call.service == "s3":
            if call.operation in S3_PUT_CLASS:
                self.s3_put += 1
            else:
                self.s3_get += 1
            return
        self.dynamodb[call.operation] += 1
        params, response = call.params, call.response
        match call.operation:
            case "GetItem":
                self.rru += units(size(response.get("Item", {})), 4096)
            case "Query":
                self.rru += units(sum(size(i) for i in response.get("Items", [])), 4096)
            case "PutItem":
                self.wru += units(size(params["Item"]), 1024)
            case "UpdateItem":
                self.wru += units(size(response.get("Attributes", {})), 1024)
            case "DeleteItem" | "BatchWriteItem":
                self.wru += sum(1 for _ in _written_keys(params)) or 1
            case "TransactWriteItems":
                for entry in params["TransactItems"]:
                    (kind, body), *_ = entry.items()
                    if kind == "Put":
                        n_bytes = size(body["Item"])
                    else:
                        n_bytes = sizes.get(_key(body["Key"]), 1024)
                    self.wru += 2 * units(n_bytes, 1024)


def _key(key: dict[str, Any]) -> tuple[str, str]:
    return key["pk"]["S"], key["sk"]["S"]


def _written_keys(params: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if "Key" in params:
        yield _key(params["Key"])
    for requests in params.get("RequestItems", {}).values():
        for request in requests:
            yield _key(next(iter(request.values()))["Key"])


def item_sizes() -> dict[tuple[str, str], int]:
    """Every item's size now, read with a client nobody counts."""
    client = boto3.client("dynamodb", region_name="us-east-1")
    sizes: dict[tuple[str, str], int] = {}
    for page in client.get_paginator("scan").paginate(TableName=TABLE):
        for item in page["Items"]:
            sizes[_key(item)] = size(item)
    return sizes


def chars(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(json.dumps(value, ensure_ascii=False))


class Model:
    """The fake Converse server's answers, like a cooperative model's, and their sizes."""

    def __init__(self, reply_chars: int) -> None:
        self.reply = ("Solid work, keep the recovery easy and sleep well. " * 40)[:reply_chars]
        self.text = ""
        self.output_chars = 0

    def handler(self, body: dict[str, Any]) -> Reply:
        reply = self._answer(body)
        self.output_chars += chars(reply.text or "") + sum(
            chars(use.input) + chars(use.name) for use in reply.tool_uses
        )
        return reply

    def _answer(self, body: dict[str, Any]) -> Reply:
        forced = forced_tool_name(body)
        if forced == "record_workouts":
            drafts = extract(self.text, today=date.today())
            workouts = [w.model_dump(mode="json", exclude_none=True) for w in drafts]
            return Reply(tool_uses=(ToolUse(forced, {"workouts": workouts}),))
        if forced == "MemoryDecisionOut":
            decision = {"action": "ADD", "content": "Has a bad left knee."}
            return Reply(tool_uses=(ToolUse(forced, decision),))
        if forced == "SummaryOut":
            summary = {"narrative_summary": self.reply[:400], "key_facts": {}}
            return Reply(tool_uses=(ToolUse(forced, summary),))
        last = body["messages"][-1]["content"]
        if any("toolResult" in block for block in last):
            return Reply(text=self.reply)
        if is_workout_log(" ".join(block.get("text", "") for block in last)):
            return Reply(tool_uses=(ToolUse("log_workout", {}),))
        return Reply(text=self.reply)


def prompt_chars(body: dict[str, Any]) -> tuple[int, int]:
    """(all input characters, those before the system prompt's cache point incl. tools)."""
    system = body.get("system") or []
    total = chars(system) + chars(body.get("messages") or []) + chars(body.get("toolConfig") or {})
    points = [i for i, block in enumerate(system) if "cachePoint" in block]
    prefix = 0
    if points:
        prefix = chars(system[: points[0]]) + chars(body.get("toolConfig") or {})
    return total, prefix


async def one_turn(
    turns: TurnRunner,
    model: Model,
    fake: FakeBedrock,
    calls: list[ApiCall],
    user: str,
    ids: tuple[str, str],
    text: str,
) -> Cost:
    cost = Cost()
    model.text, model.output_chars = text, 0
    first_request, first_call = len(fake.requests), len(calls)
    await turns.run(user, *ids, text)
    await turns.drain()
    sizes = item_sizes()
    for call in calls[first_call:]:
        cost.add_api(call, sizes)
    for request in fake.requests[first_request:]:
        total, prefix = prompt_chars(request.body)
        cost.input_tokens += total // CHARS_PER_TOKEN
        cost.cacheable_tokens += prefix // CHARS_PER_TOKEN
        cost.model_calls += 1
    cost.output_tokens = model.output_chars // CHARS_PER_TOKEN
    return cost


async def measure(reply_chars: int) -> list[tuple[str, Cost]]:
    model = Model(reply_chars)
    rows: list[tuple[str, Cost]] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeBedrock(handler=model.handler) as fake,
        recorded_calls() as calls,
    ):
        store = open_store(
            "aws", data_dir=Path(tmp), table=TABLE, bucket=BUCKET, page_secret=PAGE_SECRET
        )
        await store.init()
        chat = build_chat_model(
            f"bedrock:{MODEL}", region="us-east-1", endpoint_url=fake.endpoint_url
        )
        for user, label, summary_every in ((USER, "", 10_000), (f"{USER}-2", " + summary", 2)):
            turns = runner(store, chat, "bedrock", summary_every=summary_every, history_window=12)
            ids = await seed_athlete(store, user)
            # A conversation with a full history window and a fresh summary, so no
            # measured turn but the last row's is due one.
            quiet = runner(store, chat, "bedrock", summary_every=2, history_window=12)
            for n in range(HISTORY_TURNS):
                await quiet.run(user, *ids, f"an easy day {n}, legs are fine")
            await quiet.drain()
            for name, text in TURNS[:1] if label else TURNS:
                cost = await one_turn(turns, model, fake, calls, user, ids, text)
                rows.append((name + label, cost))
        await store.close()
    return rows


def print_sheet(rows: list[tuple[str, Cost]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"per turn ({HISTORY_TURNS} turns of history; tokens at {CHARS_PER_TOKEN} chars each):")
    print(
        f"  {'turn':{width}s}  model calls  input tok (cacheable prefix)  output tok"
        "   RRU   WRU   S3 PUT  S3 GET   DynamoDB requests"
    )
    for name, c in rows:
        requests = ", ".join(f"{n} {op}" for op, n in sorted(c.dynamodb.items()))
        print(
            f"  {name:{width}s}  {c.model_calls:11d}  {c.input_tokens:9d} ({c.cacheable_tokens:6d})"
            f"          {c.output_tokens:10d}  {c.rru:4.0f}  {c.wru:4.0f}  {c.s3_put:7d}"
            f"  {c.s3_get:6d}   {requests}"
        )
    prefix = max(c.cacheable_tokens // max(1, c.model_calls) for _, c in rows)
    print(f"largest cacheable prefix of one call: {prefix} tokens")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reply-chars", type=int, default=600, help="length of a coach reply")
    args = parser.parse_args()
    with offline_aws():
        print_sheet(asyncio.run(measure(args.reply_chars)))


if __name__ == "__main__":
    main()
