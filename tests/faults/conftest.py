"""Fixtures of the fault tests: a fake Converse server and a runner aimed at it, and a
store of each kind (local, or aws on moto)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from agent.chat_models import build_chat_model
from storage.repository import Repository
from tests.factories import local_store, runner, seed_athlete
from tests.fakes.bedrock import FakeBedrock
from tests.storage.conftest import kind, make_store, moto  # noqa: F401 (fixtures)

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
USER = "athlete-1"


def bedrock_model(fake: FakeBedrock) -> Any:
    """The real ChatBedrockConverse aimed at the fake."""
    return build_chat_model(
        f"bedrock:{MODEL}", region="us-east-1", endpoint_url=fake.endpoint_url, timeout_s=5
    )


@pytest.fixture
async def bedrock_turns(tmp_path: Path, fake: FakeBedrock) -> AsyncIterator[Any]:
    """(store, runner, coach_id, conversation_id) with the real ChatBedrockConverse."""
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(
        store, bedrock_model(fake), f"bedrock:{MODEL}", history_window=8, summary_every=1000
    )
    yield store, turns, coach_id, conversation_id
    await turns.drain()


@pytest.fixture
async def store(kind: str, tmp_path: Path) -> AsyncIterator[Repository]:  # noqa: F811
    """An initialised store of each kind (`kind`: local, or aws on moto)."""
    opened = make_store(kind, tmp_path)
    await opened.init()
    yield opened
    await opened.close()
