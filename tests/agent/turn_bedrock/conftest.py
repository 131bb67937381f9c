"""Fixtures of the chat turn through the real ChatBedrockConverse, against the fake Converse
server: one server per module, reset per test, and a fresh store and runner aimed at it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from agent.chat_models import build_chat_model
from tests.factories import local_store, runner, seed_athlete
from tests.fakes.bedrock import FakeBedrock

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
USER = "athlete-1"


@pytest.fixture
async def setup(tmp_path: Path, fake: FakeBedrock) -> AsyncIterator[Any]:
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    model = build_chat_model(
        f"bedrock:{MODEL}", region="us-east-1", endpoint_url=fake.endpoint_url, timeout_s=5
    )
    turns = runner(store, model, f"bedrock:{MODEL}", history_window=4, summary_every=1000)
    yield store, turns, coach_id, conversation_id
    await turns.drain()
