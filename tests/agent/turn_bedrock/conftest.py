"""Fixtures of the chat turn through the real ChatBedrockConverse, against the fake Converse
server: one server per module, reset per test, and a fresh store and runner aimed at it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.chat_models import build_chat_model
from tests.factories import local_store, runner, seed_athlete
from tests.fakes.bedrock import FakeBedrock

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
USER = "athlete-1"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBedrock]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AWS_ACCESS_KEY_ID", "test")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "test")
        mp.setenv("AWS_CONFIG_FILE", "/dev/null")
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        with FakeBedrock(default=None) as fake:
            yield fake


@pytest.fixture
def fake(server: FakeBedrock) -> FakeBedrock:
    server.reset()
    return server


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
