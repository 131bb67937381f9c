"""What every test shares: a clean, offline environment and loopback-only sockets.

No developer AWS credentials, `COACH_*` settings, proxies or tracing reach a test; fake
AWS credentials do. Any connection to a non-loopback address fails loudly, so no test
can need the network (or reach it by accident).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from tests.dynamodb_local import dynamodb_local  # noqa: F401  (a session fixture for all)

pytest_plugins = ["tests.fakes.bedrock.fixtures"]
"""`server` and `fake`: the fake Converse server (a module may define its own, as the
OpenAI tests do)."""

FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "NO_PROXY": "127.0.0.1,localhost",
}
_CLEARED_PREFIXES = ("AWS_", "COACH_", "LANGSMITH_", "LANGCHAIN_")


class OffLoopback(ConnectionRefusedError):
    """A test tried to connect beyond loopback (an OSError, so callers close the socket)."""


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _clean(mp: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(_CLEARED_PREFIXES) or name.lower().endswith("_proxy"):
            mp.delenv(name)
    for name, value in FAKE_AWS.items():
        mp.setenv(name, value)


@pytest.fixture(scope="session", autouse=True)
def offline() -> Iterator[None]:
    """For the whole session (module fixtures included): a clean environment, and a
    connect guard that refuses every non-loopback address."""
    with pytest.MonkeyPatch.context() as mp:
        _clean(mp)
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

        def guard(sock: socket.socket, address: Any) -> None:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
                raise OffLoopback(f"tests must stay on loopback, tried {address!r}")

        def connect(sock: socket.socket, address: Any) -> None:
            guard(sock, address)
            real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            guard(sock, address)
            return real_connect_ex(sock, address)

        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        yield


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same clean environment again for each test, whatever an earlier one set."""
    _clean(monkeypatch)
