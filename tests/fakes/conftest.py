"""Fixtures for the fake Bedrock server: one shared fake per module, reset per test; and
the clients the tests aim at it.

The offline environment and the loopback-only socket guard come from the root conftest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from tests.fakes.bedrock import FakeBedrock

MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
Chat = Any  # ChatBedrockConverse; kept loose so the import stays in the fixtures


def runtime_client(fake: FakeBedrock, config: Config | None = None) -> Any:
    """A plain bedrock-runtime client aimed at the fake (test credentials, us-east-1)."""
    return boto3.client(
        "bedrock-runtime",
        region_name="us-east-1",
        endpoint_url=fake.endpoint_url,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=config,
    )


@pytest.fixture(scope="module")
def _fake_bedrock_server() -> Iterator[FakeBedrock]:
    with FakeBedrock() as fake:
        yield fake


@pytest.fixture
def fake_bedrock(_fake_bedrock_server: FakeBedrock) -> FakeBedrock:
    """A running FakeBedrock with an empty script (one server per module, reset per test)."""
    _fake_bedrock_server.reset()
    return _fake_bedrock_server


@pytest.fixture(scope="module")
def make_chat() -> Callable[..., Any]:
    """Factory for a real `ChatBedrockConverse` aimed at a fake, with retries off."""
    from langchain_aws import ChatBedrockConverse

    def make(fake: FakeBedrock, **kwargs: Any) -> ChatBedrockConverse:
        params: dict[str, Any] = {
            "model": MODEL_ID,
            "region_name": "us-east-1",
            "endpoint_url": fake.endpoint_url,
            "aws_access_key_id": "test",
            "aws_secret_access_key": "test",
            "max_retries": 0,
        }
        return ChatBedrockConverse(**{**params, **kwargs})

    return make


@pytest.fixture(scope="module")
def chat(_fake_bedrock_server: FakeBedrock, make_chat: Callable[..., Any]) -> Any:
    """One `ChatBedrockConverse` per module: building boto3 clients costs ~0.1-0.3 s each."""
    return make_chat(_fake_bedrock_server)
