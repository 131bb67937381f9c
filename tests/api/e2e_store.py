"""What the end-to-end scenario stored, read directly (SQLite and files, or DynamoDB and S3)
at the keys docs/data-layout.md lays out, bypassing the service.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

import boto3
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError

from tests.api.e2e_scenario import TOTAL_MESSAGES, TURNS, TZ, USER, Conversation

TABLE = "coach-e2e"
BUCKET = "coach-e2e-athletes"


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
