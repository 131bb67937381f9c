"""Fixtures for the fake Bedrock server: offline AWS env, loopback-only sockets, a shared fake.

Everything is module-scoped and undone at module end, so nothing here leaks into other test
directories (e.g. moto-based tests that set their own AWS env).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.fakes.bedrock import FakeBedrock

MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

_CLEARED_PREFIXES = ("AWS_", "LANGSMITH_", "LANGCHAIN_")
_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="module", autouse=True)
def offline_aws_env() -> Iterator[None]:
    """No real credentials, config files, proxies, IMDS or tracing -- and loopback-only sockets.

    Real AWS_* vars could make botocore sign with a developer's keys or read their region and
    retry settings; a proxy var could route loopback traffic elsewhere; LangSmith tracing
    would phone home. The connect guard turns any non-loopback connection into a loud error.
    """
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith(_CLEARED_PREFIXES) or name in _PROXY_VARS:
                mp.delenv(name)
        mp.setenv("AWS_CONFIG_FILE", os.devnull)
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")

        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex

        def guard(sock: socket.socket, address: Any) -> None:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
                raise RuntimeError(f"tests/fakes must stay on loopback, tried {address!r}")

        def connect(sock: socket.socket, address: Any) -> None:
            guard(sock, address)
            real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            guard(sock, address)
            return real_connect_ex(sock, address)

        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        yield


@pytest.fixture(scope="module")
def _fake_bedrock_server(offline_aws_env: None) -> Iterator[FakeBedrock]:
    with FakeBedrock() as fake:
        yield fake


@pytest.fixture
def fake_bedrock(_fake_bedrock_server: FakeBedrock) -> FakeBedrock:
    """A running FakeBedrock with an empty script (one server per module, reset per test)."""
    _fake_bedrock_server.reset()
    return _fake_bedrock_server


@pytest.fixture(scope="module")
def make_chat(offline_aws_env: None) -> Callable[..., Any]:
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
