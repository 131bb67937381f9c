"""What each backend must show beyond the contract: the AWS resources it creates, the
encryption on every object, the file layout of `local`, and the endpoint_url path."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import boto3
import pytest

from storage.aws import Endpoints
from storage.errors import StorageUnavailable
from storage.factory import open_store
from storage.files import FileBucket
from tests.moto_server import moto_server
from tests.storage.builders import CONVERSATION, USER, coach, message, seed_conversation
from tests.storage.conftest import BUCKET, SECRET, TABLE, make_store


@pytest.mark.usefixtures("moto")
async def test_aws_init_creates_the_table_and_a_private_encrypted_bucket(tmp_path: Path) -> None:
    store = make_store("aws", tmp_path)
    await store.init()
    await store.init()

    dynamodb = boto3.client("dynamodb", region_name="us-east-1")
    table = dynamodb.describe_table(TableName=TABLE)["Table"]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert [k["AttributeName"] for k in table["KeySchema"]] == ["pk", "sk"]
    indexes = {
        index["IndexName"]: [k["AttributeName"] for k in index["KeySchema"]]
        for index in table["GlobalSecondaryIndexes"]
    }
    assert indexes == {
        "GSI1": ["gsi1pk", "gsi1sk"],
        "GSI2": ["gsi2pk", "gsi2sk"],
        "GSI3": ["entityType", "pk"],
    }
    ttl = dynamodb.describe_time_to_live(TableName=TABLE)["TimeToLiveDescription"]
    assert (ttl["TimeToLiveStatus"], ttl["AttributeName"]) == ("ENABLED", "ttl")

    s3 = boto3.client("s3", region_name="us-east-1")
    rules = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    block = s3.get_public_access_block(Bucket=BUCKET)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    await store.close()


@pytest.mark.usefixtures("moto")
async def test_every_s3_object_is_encrypted(tmp_path: Path) -> None:
    store = make_store("aws", tmp_path)
    await store.init()
    chat = await seed_conversation(store)
    await store.append_transcript(USER, chat, [message(1)])
    await store.documents.put(f"athletes/{USER}/exports/2025-01-05_full_history.json", {"a": 1})

    s3 = boto3.client("s3", region_name="us-east-1")
    listed = s3.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert sorted(o["Key"] for o in listed) == [
        f"athletes/{USER}/conversations/{CONVERSATION}.json",
        f"athletes/{USER}/conversations/{CONVERSATION}_metadata.json",
        f"athletes/{USER}/exports/2025-01-05_full_history.json",
    ]
    for listed_object in listed:
        head = s3.head_object(Bucket=BUCKET, Key=listed_object["Key"])
        assert head["ServerSideEncryption"] == "AES256"
        assert head["ContentType"] == "application/json"
    await store.close()


async def test_local_documents_mirror_the_s3_keys(tmp_path: Path) -> None:
    store = make_store("local", tmp_path)
    await store.init()
    chat = await seed_conversation(store)
    await store.append_transcript(USER, chat, [message(1)])

    folder = tmp_path / "documents" / "athletes" / USER / "conversations"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{CONVERSATION}.json",
        f"{CONVERSATION}_metadata.json",
    ]
    transcript = json.loads((folder / f"{CONVERSATION}.json").read_text())
    assert [m["messageId"] for m in transcript["messages"]] == ["m000001"]
    await store.close()


@pytest.mark.parametrize(
    "key",
    ["athletes/u/../../../etc/passwd", "athletes/u/./x.json", "/etc/passwd", "athletes//x"],
)
async def test_document_keys_cannot_leave_the_layout(tmp_path: Path, key: str) -> None:
    store = make_store("local", tmp_path)
    await store.init()
    with pytest.raises(ValueError, match="not a document key"):
        await store.documents.put(key, {"x": 1})
    await store.close()


@pytest.mark.parametrize("key", ["../outside.json", "athletes/../../outside.json", "/abs.json"])
def test_the_file_engine_refuses_paths_outside_its_root(tmp_path: Path, key: str) -> None:
    bucket = FileBucket(tmp_path / "documents")
    with pytest.raises(ValueError, match="leaves the document directory"):
        bucket.put(key, b"{}")
    assert not (tmp_path / "outside.json").exists()


async def test_an_uninitialised_store_says_to_run_init(tmp_path: Path) -> None:
    store = make_store("local", tmp_path / "missing")
    with pytest.raises(StorageUnavailable, match="coach init"):
        await store.ping()
    await store.close()


@pytest.mark.parametrize("via", ["argument", "environment"])
async def test_aws_store_through_an_endpoint(
    tmp_path: Path, via: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """moto's HTTP server on loopback, named by `endpoint_url` or by AWS_ENDPOINT_URL:
    the path moto's server, LocalStack and DynamoDB Local take."""
    with moto_server() as endpoint:
        if via == "environment":
            monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
        store = open_store(
            "aws",
            data_dir=tmp_path,
            table=TABLE,
            bucket=BUCKET,
            page_secret=SECRET,
            endpoints=Endpoints(endpoint, endpoint) if via == "argument" else None,
            region="us-east-1",
        )
        await store.init()
        await store.ping()
        await store.create_coach(coach())
        assert (await store.list_coaches(USER)).items[0].coach_id == "c1"
        key = f"athletes/{USER}/exports/2025-01-05_full_history.json"
        await store.documents.put(key, {"ok": True})
        assert await store.documents.get(key) == {"ok": True}
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
        assert s3.head_object(Bucket=BUCKET, Key=key)["ServerSideEncryption"] == "AES256"
        await store.close()


def _append_many(root: Path, key: str, tag: str, n: int) -> None:
    """Run in another process: `n` read-modify-write appends of `tag` to one document."""
    bucket = FileBucket(root)
    for i in range(n):
        bucket.rewrite(key, partial(_with_entry, entry=f"{tag}{i}"))


def _with_entry(body: bytes | None, entry: str) -> bytes:
    return json.dumps([*json.loads(body or b"[]"), entry]).encode()


def test_local_rewrites_from_several_processes_lose_nothing(tmp_path: Path) -> None:
    root, key = tmp_path / "documents", "athletes/u/conversations/c.json"
    FileBucket(root).create()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_append_many, [root, root], [key, key], ["a", "b"], [60, 60]))
    appended = json.loads(FileBucket(root).get(key) or b"[]")
    assert sorted(appended) == sorted([f"a{i}" for i in range(60)] + [f"b{i}" for i in range(60)])


@pytest.mark.usefixtures("moto")
async def test_s3_rewrite_redoes_the_change_when_another_writer_won(tmp_path: Path) -> None:
    store = make_store("aws", tmp_path)
    await store.init()
    key = "athletes/u/conversations/c.json"
    await store.documents.put(key, {"items": ["first"]})
    seen: list[list[str]] = []

    def change(body: bytes | None) -> bytes:
        items = json.loads(body or b"{}")["items"]
        seen.append(items)
        if len(seen) == 1:  # another instance appends between our read and our write
            store.documents.bucket.put(key, json.dumps({"items": [*items, "other"]}).encode())
        return json.dumps({"items": [*items, "ours"]}).encode()

    await store.documents.rewrite(key, change)
    assert await store.documents.get(key) == {"items": ["first", "other", "ours"]}
    assert seen == [["first"], ["first", "other"]]
    await store.close()
