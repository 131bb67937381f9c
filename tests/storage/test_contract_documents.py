"""The store contract on every backend (`store` in conftest): documents and transcripts."""

from __future__ import annotations

import anyio
import pytest

from storage.repository import Repository
from tests.storage.builders import CONVERSATION, USER, message, seed_conversation


async def test_documents_round_trip(store: Repository) -> None:
    key = f"athletes/{USER}/exports/2025-01-05_full_history.json"
    body = {"a": [1, 2.5, "é"], "b": {"c": None}}
    await store.documents.put(key, body)
    assert await store.documents.get(key) == body
    assert await store.documents.get(f"athletes/{USER}/exports/none.json") is None
    for bad in ("../etc/passwd", "athletes/../x.json", "athletes/a//b.json", "other/a/b.json"):
        with pytest.raises(ValueError):
            await store.documents.put(bad, {})


async def test_transcript_appends_survive_concurrent_turns(store: Repository) -> None:
    chat = await seed_conversation(store)
    async with anyio.create_task_group() as group:
        for n in range(20):
            group.start_soon(store.append_transcript, USER, chat, [message(n)])
    await store.append_transcript(USER, chat, [message(3)])  # a retried turn adds nothing

    base = f"athletes/{USER}/conversations/{CONVERSATION}"
    transcript = await store.documents.get(f"{base}.json")
    assert transcript is not None
    assert sorted(m["messageId"] for m in transcript["messages"]) == [
        f"m{n:06d}" for n in range(20)
    ]
    assert transcript["conversation"]["conversationId"] == CONVERSATION
    assert await store.documents.get(f"{base}_metadata.json") == transcript["conversation"]
