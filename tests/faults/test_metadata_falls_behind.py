"""Issue 13, failure 9 (its last part): S3 metadata could fall behind the transcript when
two instances appended to one conversation, the metadata document being a plain put
after the transcript's compare-and-swap. Two stores on one backend here append at once,
each with the conversation as it read it: both documents end at the latest version."""

from __future__ import annotations

import random
from pathlib import Path

import anyio

from storage import keys
from storage.repository import Repository
from tests.storage.builders import COACH, CONVERSATION, USER, message, seed_conversation
from tests.storage.conftest import make_store


async def test_two_instances_never_set_the_metadata_back(
    store: Repository, kind: str, tmp_path: Path
) -> None:
    chat = await seed_conversation(store)
    other = make_store(kind, tmp_path)  # a second instance on the same table and bucket
    versions = list(range(1, 21))
    random.Random(7).shuffle(versions)
    async with anyio.create_task_group() as group:
        for n, version in enumerate(versions):
            writer = (store, other)[n % 2]
            seen = chat.model_copy(update={"version": version})
            group.start_soon(writer.append_transcript, USER, seen, [message(n)])
    await other.close()

    transcript = await store.documents.get(keys.transcript_document(USER, CONVERSATION))
    metadata = await store.documents.get(keys.metadata_document(USER, CONVERSATION))
    assert transcript is not None and metadata is not None
    assert [m["messageId"] for m in transcript["messages"]] == [
        message(n).message_id for n in range(20)
    ]
    assert transcript["conversation"]["version"] == metadata["version"] == 20
    assert metadata["coachId"] == COACH
