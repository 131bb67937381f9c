"""End to end: whole conversations over HTTP with the offline model.

One scenario (profile, coach, workouts over JSON and SSE, a memory saved, used and
forgotten, a background summary) runs on the `local` store, on the `aws` store against
moto's server on loopback, and with the table on DynamoDB Local (the bucket on moto's
server); afterwards the stored items and documents are read
directly (SQLite and files, or DynamoDB and S3) at the keys docs/data-layout.md lays out.
A last test drives a real `coach serve` process over a socket.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import urllib.request
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import boto3
import httpx
import pytest
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError
from httpx import AsyncClient
from moto.server import ThreadedMotoServer

from api.runtime import open_configured_store
from api.settings import Settings
from tests.api.helpers import (
    ALICE,
    COACH,
    auth,
    coach_cli,
    messages_url,
    new_coach,
    new_conversation,
    serve,
)
from tests.dynamodb_local import fresh_table_name

USER = ALICE
TZ = "America/Denver"
SUMMARY_EVERY = 4
TABLE = "coach-e2e"
BUCKET = "coach-e2e-athletes"
SSE = {"Accept": "text/event-stream"}

FRAN = "Did Fran in 8:57 with 95 lb thrusters"
RUN_10K = "ran 10k this morning in 52:30"
REMEMBER = "remember that I have a bad left shoulder"
RECALL = "what do you remember about me?"
FORGET = "you can forget about my shoulder thing"
RECENT = "what did I do this week?"
TURNS = (FRAN, RUN_10K, REMEMBER, RECALL, FORGET, RECENT)
TOTAL_MESSAGES = 2 * len(TURNS)

Event = tuple[str, Any]


# -- HTTP helpers ----------------------------------------------------------------------


def parse_sse(lines: Iterable[str]) -> list[Event]:
    """(event, decoded data) pairs of an SSE body given line by line; comments skipped."""
    events: list[Event] = []
    name: str | None = None
    data: list[str] = []
    for line in [*lines, ""]:
        if not line:
            if name is not None:
                events.append((name, json.loads("\n".join(data))))
            name, data = None, []
        elif line.startswith(":"):
            continue
        else:
            key, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if key == "event":
                name = value
            elif key == "data":
                data.append(value)
    return events


async def json_turn(http: AsyncClient, url: str, headers: dict[str, str], text: str) -> Any:
    """One turn as `application/json`; returns the reply body."""
    response = await http.post(url, json={"content": text}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["reply"]["content"] and body["usage"]["model"] == "offline"
    return body


async def sse_turn(
    http: AsyncClient, url: str, headers: dict[str, str], text: str
) -> tuple[list[Event], Any]:
    """One turn as Server-Sent Events; checks the stream's shape, returns events and `done`."""
    body = {"content": text}
    async with http.stream("POST", url, json=body, headers={**headers, **SSE}) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse([line async for line in response.aiter_lines()])
    names = [name for name, _ in events]
    assert names and names[-1] == "done" and names.count("done") == 1, names
    assert set(names) <= {"token", "workout", "memory", "done"}, names
    first_other = next(i for i, name in enumerate(names) if name != "token")
    assert first_other >= 1 and "token" not in names[first_other:], names  # tokens first
    done = events[-1][1]
    text = "".join(data["text"] for name, data in events if name == "token")
    assert text == done["reply"]["content"]
    assert done["usage"]["model"] == "offline"
    return events, done


async def get_ok(http: AsyncClient, url: str, headers: dict[str, str], **params: Any) -> Any:
    """GET that must answer 200; returns the JSON body."""
    response = await http.get(url, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def poll_summary(http: AsyncClient, url: str, headers: dict[str, str]) -> Any:
    """The summary, made in the background after a reply: polled for at most 10 s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:
        response = await http.get(url, headers=headers)
        if response.status_code == 200:
            return response.json()
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == "not_found"
        assert loop.time() < deadline, "no summary within 10 s"
        await asyncio.sleep(0.05)


def local_today() -> str:
    """The athlete's date now, in the profile's time zone."""
    return datetime.now(ZoneInfo(TZ)).date().isoformat()


# -- the scenario ------------------------------------------------------------------------


@dataclass
class Conversation:
    """What the scenario did, for the checks on the store."""

    coach_id: str
    conversation_id: str
    workouts: dict[str, Any] = field(default_factory=dict)
    """Logged workouts by id (UWS fields as the API returned them)."""
    contents: list[str] = field(default_factory=list)
    """Every message's content in order: user, coach, user, coach, ..."""
    recall_reply: str = ""


async def converse(http: AsyncClient) -> Conversation:
    """Run the whole conversation over HTTP as USER and check every answer on the way."""
    headers = auth(USER)
    profile = {"display_name": "Sam", "timezone": TZ, "units": "lb"}
    response = await http.put("/v1/profile", json=profile, headers=headers)
    assert response.status_code == 200, response.text
    coach_id = await new_coach(http, USER)
    conversation_id = await new_conversation(http, coach_id, USER)
    talk = Conversation(coach_id, conversation_id)
    url = messages_url(coach_id, conversation_id)
    conversation_url = url.removesuffix("/messages")
    summary_url = f"{conversation_url}/summary"
    days = {local_today()}

    def said(text: str, body: Any) -> None:
        talk.contents += [text, body["reply"]["content"]]
        assert body["conversation_id"] == conversation_id
        assert body["message_id"] != body["reply"]["message_id"]

    # 1. a workout, as JSON
    fran = await json_turn(http, url, headers, FRAN)
    said(FRAN, fran)
    [workout] = fran["workouts"]
    assert workout["workout_name"] == "Fran" and workout["discipline"] == "crossfit"
    assert "Fran" in fran["reply"]["content"] and "Sam" in fran["reply"]["content"]
    talk.workouts[workout["workout_id"]] = workout
    # two messages: no summary is due yet
    response = await http.get(summary_url, headers=headers)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"

    # 2. a workout, streamed
    events, run = await sse_turn(http, url, headers, RUN_10K)
    said(RUN_10K, run)
    [workout] = run["workouts"]
    [change] = run["workout_changes"]
    assert [data for name, data in events if name == "workout"] == [
        {**workout, "action": "logged", "change": change["summary"]}
    ]
    assert workout["discipline"] == "running"
    running = workout["discipline_specific"]["running"]
    assert (running["total_distance"], running["distance_unit"]) == (10, "km")
    assert running["total_time"] == 52 * 60 + 30
    talk.workouts[workout["workout_id"]] = workout
    days.add(local_today())

    # four messages: the first summary follows in the background
    summary = await poll_summary(http, summary_url, headers)
    assert summary["conversation_id"] == conversation_id and summary["coach_id"] == coach_id
    assert summary["messages_covered"] == SUMMARY_EVERY
    assert summary["trigger_reason"] == "message_count"
    assert summary["summary_text"] and "Fran" in summary["summary_text"]
    progress = " | ".join(summary["structured_data"]["key_facts"]["recent_progress"])
    assert "Fran" in progress and "10 km" in progress, progress

    # 3. a memory, streamed
    events, remember = await sse_turn(http, url, headers, REMEMBER)
    said(REMEMBER, remember)
    [saved] = remember["memories"]["saved"]
    assert "shoulder" in saved["content"].lower()
    assert [data for name, data in events if name == "memory"] == [
        {"action": "saved", "memory": saved}
    ]
    assert remember["workouts"] == []
    [memory] = (await get_ok(http, "/v1/memories", headers))["items"]
    assert (memory["memory_id"], memory["content"], memory["memory_type"]) == (
        saved["memory_id"],
        saved["content"],
        saved["memory_type"],
    )

    # 4. the next turn uses it
    recall = await json_turn(http, url, headers, RECALL)
    said(RECALL, recall)
    assert "shoulder" in recall["reply"]["content"].lower()
    talk.recall_reply = recall["reply"]["content"]

    # 5. and forgets it
    forget = await json_turn(http, url, headers, FORGET)
    said(FORGET, forget)
    assert forget["memories"]["forgotten"] == [
        {"memory_id": saved["memory_id"], "content": saved["content"]}
    ]
    assert forget["memories"]["saved"] == [] and forget["memories"]["updated"] == []
    assert (await get_ok(http, "/v1/memories", headers))["items"] == []

    # 6. the recent workouts are in the coach's context
    recent = await json_turn(http, url, headers, RECENT)
    said(RECENT, recent)
    assert "Fran" in recent["reply"]["content"] and "10 km" in recent["reply"]["content"]
    assert "shoulder" not in recent["reply"]["content"].lower()

    # the workouts, newest first, with their Universal Workout Schema fields
    fran_id, run_id = talk.workouts
    listed = (await get_ok(http, "/v1/workouts", headers))["items"]
    assert [w["workout_id"] for w in listed] == [run_id, fran_id]
    for item in listed:
        assert item == talk.workouts[item["workout_id"]]
        assert item["date"] in days
        assert (item["user_id"], item["coach_id"], item["conversation_id"]) == (
            USER,
            coach_id,
            conversation_id,
        )
        assert item["workout_type"] and item["metadata"]["schema_version"]
        assert item["discipline"] in item["discipline_specific"]
        assert await get_ok(http, f"/v1/workouts/{item['workout_id']}", headers) == item
    running_only = await get_ok(http, "/v1/workouts", headers, discipline="running")
    assert [w["workout_id"] for w in running_only["items"]] == [run_id]
    fran_data = talk.workouts[fran_id]["discipline_specific"]["crossfit"]
    assert fran_data["performance_data"]["total_time"] == 8 * 60 + 57
    thruster = fran_data["rounds"][0]["exercises"][0]
    assert thruster["exercise_name"] == "thruster"
    assert thruster["weight"]["value"] == 95 and thruster["weight"]["unit"] == "lb"

    # the conversation holds every message, in order
    detail = await get_ok(http, conversation_url, headers)
    assert detail["total_messages"] == TOTAL_MESSAGES
    messages = detail["messages"]["items"]
    assert [m["content"] for m in messages] == talk.contents
    assert [m["role"] for m in messages] == ["user", "assistant"] * len(TURNS)

    # the latest summary still carries the workouts
    latest = await poll_summary(http, summary_url, headers)
    assert SUMMARY_EVERY <= latest["messages_covered"] <= TOTAL_MESSAGES
    assert latest["version"] >= summary["version"]
    assert "Fran" in " | ".join(latest["structured_data"]["key_facts"]["recent_progress"])
    return talk


# -- reading the store directly ----------------------------------------------------------


class Inspector(Protocol):
    """Read-only access to what a store wrote, bypassing the service."""

    def items(self, pk: str, prefix: str) -> list[dict[str, Any]]:
        """The items of partition `pk` whose sort key starts with `prefix`, in key order."""
        ...

    def document(self, key: str) -> dict[str, Any] | None:
        """The JSON document at `key`, None if there is none."""
        ...

    def encryption(self, key: str) -> str | None:
        """The server-side encryption of the object at `key` (None for local files)."""
        ...


class LocalInspector:
    """The local store: SQLite `items` table and files under `{data_dir}/documents`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def items(self, pk: str, prefix: str) -> list[dict[str, Any]]:
        uri = f"file:{self.data_dir / 'coach.sqlite3'}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as db:
            rows = db.execute(
                "SELECT item FROM items WHERE pk = ? AND substr(sk, 1, ?) = ? ORDER BY sk",
                (pk, len(prefix), prefix),
            ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def document(self, key: str) -> dict[str, Any] | None:
        path = self.data_dir / "documents" / key
        return json.loads(path.read_text()) if path.is_file() else None

    def encryption(self, key: str) -> str | None:
        return None


def _plain(value: Any) -> Any:
    """DynamoDB numbers (Decimal) as int or float, recursively."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | set):
        return [_plain(v) for v in value]
    return value


class AwsInspector:
    """The aws store: the DynamoDB table and the S3 bucket, read with boto3."""

    def __init__(self, table: str, dynamodb: str, s3: str) -> None:
        self.table = table
        self.dynamodb = boto3.client("dynamodb", endpoint_url=dynamodb, region_name="us-east-1")
        self.s3 = boto3.client("s3", endpoint_url=s3, region_name="us-east-1")
        self._types = TypeDeserializer()

    def items(self, pk: str, prefix: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        start: dict[str, Any] = {}
        for _ in range(100):  # pages; bounded
            page = self.dynamodb.query(
                TableName=self.table,
                KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
                ExpressionAttributeValues={":pk": {"S": pk}, ":prefix": {"S": prefix}},
                ConsistentRead=True,
                **start,
            )
            found += [
                _plain({k: self._types.deserialize(v) for k, v in item.items()})
                for item in page["Items"]
            ]
            if "LastEvaluatedKey" not in page:
                return found
            start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
        raise AssertionError("more than 100 pages")

    def document(self, key: str) -> dict[str, Any] | None:
        try:
            body = self.s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "NoSuchKey":
                return None
            raise
        return dict(json.loads(body))

    def encryption(self, key: str) -> str | None:
        return str(self.s3.head_object(Bucket=BUCKET, Key=key).get("ServerSideEncryption"))


def one(inspect: Inspector, pk: str, sk: str) -> dict[str, Any]:
    """The item at exactly (pk, sk); fails if there is none."""
    found = [item for item in inspect.items(pk, sk) if item["sk"] == sk]
    assert len(found) == 1, f"no item {pk} / {sk}"
    return found[0]


def check_store(inspect: Inspector, talk: Conversation, *, encrypted: bool) -> None:
    """The items and documents the conversation left, at docs/data-layout.md's keys."""
    pk, cid = f"user#{USER}", talk.conversation_id

    profile = one(inspect, pk, "profile")
    assert profile["attributes"]["displayName"] == "Sam"
    assert profile["attributes"]["timezone"] == TZ
    assert one(inspect, pk, f"coach#{talk.coach_id}")["entityType"] == "coachConfig"

    meta = one(inspect, pk, f"coachConversation#{talk.coach_id}#{cid}")
    assert meta["entityType"] == "coachConversation"
    assert meta["attributes"]["metadata"]["totalMessages"] == TOTAL_MESSAGES

    messages = inspect.items(pk, f"message#{cid}#")
    assert [m["attributes"]["content"] for m in messages] == talk.contents
    assert [m["attributes"]["role"] for m in messages] == ["user", "assistant"] * len(TURNS)
    assert all(m["entityType"] == "message" for m in messages)

    workouts = inspect.items(pk, "workout#")
    assert {w["sk"] for w in workouts} == {f"workout#{wid}" for wid in talk.workouts}

    summary = one(inspect, pk, f"conversation#{cid}#summary")
    assert summary["entityType"] == "conversationSummary"
    assert summary["attributes"]["summaryText"]
    assert inspect.items(pk, "userMemory#") == []

    transcript_key = f"athletes/{USER}/conversations/{cid}.json"
    metadata_key = f"athletes/{USER}/conversations/{cid}_metadata.json"
    transcript = inspect.document(transcript_key)
    assert transcript is not None, transcript_key
    assert [m["content"] for m in transcript["messages"]] == talk.contents
    assert [m["role"] for m in transcript["messages"]] == ["user", "assistant"] * len(TURNS)
    assert [m["messageId"] for m in transcript["messages"]] == [
        m["attributes"]["messageId"] for m in messages
    ]
    metadata = inspect.document(metadata_key)
    assert metadata is not None, metadata_key
    assert metadata["conversationId"] == cid and metadata["coachId"] == talk.coach_id

    logs = []
    for workout_id, workout in talk.workouts.items():
        key = f"athletes/{USER}/workouts/{workout['date']}/{workout_id}.json"
        log = inspect.document(key)
        assert log is not None, key
        assert log["workoutId"] == workout_id and log["conversationId"] == cid
        assert log["workoutData"]["discipline"] == workout["discipline"]
        logs.append(key)

    if encrypted:
        for key in (transcript_key, metadata_key, *logs):
            assert inspect.encryption(key) == "AES256", key

    # The metadata beside the transcript counts every message, as the table does.
    assert metadata["metadata"]["totalMessages"] == TOTAL_MESSAGES
    assert transcript["conversation"]["metadata"]["totalMessages"] == TOTAL_MESSAGES


# -- backends ----------------------------------------------------------------------------


@pytest.fixture
def moto_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """moto's DynamoDB + S3 server on a free loopback port; its state is reset after."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    try:
        yield endpoint
    finally:
        reset = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
        urllib.request.urlopen(reset, timeout=5).close()
        server.stop()


@dataclass
class Backend:
    """A configured store to run the scenario on, and a way to read it directly."""

    settings: Settings
    inspect: Inspector
    encrypted: bool


@pytest.fixture(
    params=[
        "local",
        pytest.param("aws", marks=pytest.mark.slow),
        pytest.param("dynamodb-local", marks=pytest.mark.slow),
    ]
)
async def backend(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[Backend]:
    """`local` (SQLite + files in tmp_path), `aws` (moto's server) or `dynamodb-local`
    (the table on DynamoDB Local, the bucket on moto's server), created and empty."""
    base = {**settings.model_dump(), "summary_every": SUMMARY_EVERY}
    if request.param == "local":
        yield Backend(Settings(**base), LocalInspector(settings.data_dir), encrypted=False)
        return
    endpoint: str = request.getfixturevalue("moto_endpoint")
    if request.param == "aws":
        table, dynamodb = TABLE, endpoint
    else:
        table, dynamodb = fresh_table_name(), request.getfixturevalue("dynamodb_local")
    aws = Settings(
        **{
            **base,
            "storage": "aws",
            "aws_endpoint_url": endpoint,
            "aws_endpoint_url_dynamodb": dynamodb,
            "aws_region": "us-east-1",
            "table": table,
            "bucket": BUCKET,
        }
    )
    store = open_configured_store(aws)  # what `coach init` does
    try:
        await store.init()
    finally:
        await store.close()
    yield Backend(aws, AwsInspector(table, dynamodb, endpoint), encrypted=True)


async def test_full_conversation(backend: Backend) -> None:
    """A whole conversation over HTTP, then the stored items and documents.

    The store is read after the app's lifespan has ended, which waits for the work
    that follows each reply (transcript, summary), so the documents are final.
    """
    async with serve(backend.settings) as http:
        talk = await converse(http)
    check_store(backend.inspect, talk, encrypted=backend.encrypted)
    # Memories end with a full stop; the recall sentence must not double it.
    assert ".." not in talk.recall_reply, talk.recall_reply


# -- a real server -----------------------------------------------------------------------


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_healthy(http: AsyncClient, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll /healthz until it answers 200, for at most 30 s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while True:
        assert server.poll() is None, f"coach serve exited: {log.read_text()}"
        try:
            if (await http.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert loop.time() < deadline, f"coach serve not healthy in 30 s: {log.read_text()}"
        await asyncio.sleep(0.1)


def serve_env(data: Path) -> dict[str, str]:
    """The environment of a `coach serve` on the local store under `data`."""
    env = {**os.environ, "COACH_DATA_DIR": str(data), "COACH_LOG_LEVEL": "WARNING"}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


@contextmanager
def coach_serve(env: dict[str, str], cwd: Path, *args: str) -> Iterator[Served]:
    """`coach serve ARGS` on a free loopback port; on a clean exit of the block, SIGTERM
    must shut it down gracefully (uvicorn re-raises the SIGTERM it caught)."""
    port = free_port()
    log = cwd / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(COACH), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Served(process, f"http://127.0.0.1:{port}", log)
        process.terminate()
        assert process.wait(timeout=20) in (0, -signal.SIGTERM), log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path


@pytest.mark.slow
async def test_coach_serve_over_a_socket(tmp_path: Path) -> None:
    """`coach init --demo`, `coach serve` and `coach token`, then JSON and SSE turns
    through uvicorn on loopback; SIGTERM shuts down cleanly with the transcript written."""
    data = tmp_path / "data"
    env = serve_env(data)
    assert "'demo-coach'" in coach_cli(env, tmp_path, "init", "--demo")
    with coach_serve(env, tmp_path) as served:
        token = coach_cli(env, tmp_path, "token", "--user", "demo").strip()
        headers = {"Authorization": f"Bearer {token}"}
        async with AsyncClient(base_url=served.base_url, timeout=15, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
            assert (await http.get("/readyz")).status_code == 200
            response = await http.post("/v1/coaches/demo-coach/conversations", headers=headers)
            assert response.status_code == 201, response.text
            conversation_id = response.json()["conversation_id"]
            url = messages_url("demo-coach", conversation_id)

            fran = await json_turn(http, url, headers, FRAN)
            [workout] = fran["workouts"]
            assert workout["workout_name"] == "Fran" and workout["user_id"] == "demo"
            events, run = await sse_turn(http, url, headers, RUN_10K)
            assert [data for name, data in events if name == "workout"] == [
                {**w, "action": c["action"], "change": c["summary"]}
                for w, c in zip(run["workouts"], run["workout_changes"], strict=True)
            ]
            assert run["workouts"][0]["discipline"] == "running"

            listed = (await get_ok(http, "/v1/workouts", headers))["items"]
            assert {w["workout_id"] for w in listed} == {
                workout["workout_id"],
                run["workouts"][0]["workout_id"],
            }
            unauthorized = await http.get("/v1/workouts")
            assert unauthorized.status_code == 401

    transcript = LocalInspector(data).document(
        f"athletes/demo/conversations/{conversation_id}.json"
    )
    assert transcript is not None
    contents = [m["content"] for m in transcript["messages"]]
    assert contents == [FRAN, fran["reply"]["content"], RUN_10K, run["reply"]["content"]]


@pytest.mark.slow
async def test_coach_serve_with_two_workers_shares_one_store(tmp_path: Path) -> None:
    """`coach serve --workers 2` on a data directory nobody initialised: the processes
    agree on one signing secret and one store, and turns sent over separate connections
    at once all land in the one transcript."""
    data = tmp_path / "data"
    env = serve_env(data)
    texts = [f"easy {k} km run this morning" for k in range(3, 11)]
    with coach_serve(env, tmp_path, "--workers", "2") as served:
        async with AsyncClient(base_url=served.base_url, timeout=30, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
            token = coach_cli(env, tmp_path, "token", "--user", "ann").strip()
            headers = {"Authorization": f"Bearer {token}"}
            coach = await http.post("/v1/coaches", json={"coach_name": "Jo"}, headers=headers)
            coach_id = coach.json()["coach_id"]
            created = await http.post(f"/v1/coaches/{coach_id}/conversations", headers=headers)
            conversation_id = created.json()["conversation_id"]
            url = messages_url(coach_id, conversation_id)

        async def one_turn(text: str) -> Any:
            async with AsyncClient(base_url=served.base_url, timeout=30, trust_env=False) as own:
                return await json_turn(own, url, headers, text)

        replies = await asyncio.gather(*(one_turn(text) for text in texts))
        assert all(len(reply["workouts"]) == 1 for reply in replies)

    transcript = LocalInspector(data).document(f"athletes/ann/conversations/{conversation_id}.json")
    assert transcript is not None
    contents = [m["content"] for m in transcript["messages"]]
    assert sorted(c for c in contents if c in texts) == sorted(texts)
    assert len(contents) == 2 * len(texts)


@pytest.mark.slow
async def test_coach_serve_closes_idle_connections_after_keepalive_timeout(
    tmp_path: Path,
) -> None:
    """COACH_KEEPALIVE_TIMEOUT_S reaches uvicorn: a 1 s keep-alive closes an idle connection
    well before the default 5 s would (behind a load balancer it is set longer than the
    balancer's idle timeout)."""
    env = {**serve_env(tmp_path / "data"), "COACH_KEEPALIVE_TIMEOUT_S": "1"}
    with coach_serve(env, tmp_path) as served:
        async with AsyncClient(base_url=served.base_url, timeout=15, trust_env=False) as client:
            await wait_healthy(client, served.process, served.log)
        connection = http.client.HTTPConnection(served.base_url.removeprefix("http://"), timeout=4)
        with closing(connection):
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            assert response.status == 200 and response.read() == b'{"status":"ok"}'
            assert connection.sock is not None, "HTTP/1.1 keeps the connection open"
            # A closed connection reads as b"" at once; an open one times out after 4 s.
            assert connection.sock.recv(1) == b"", "the server closes the idle connection"
