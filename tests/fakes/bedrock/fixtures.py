"""The fake Converse server as pytest fixtures, for the test packages that talk Bedrock.

The root conftest loads them for every test, and gives every test fake AWS credentials.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.bedrock.fake import FakeBedrock


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBedrock]:
    """One fake Converse server per module (starting one per test is slow)."""
    with FakeBedrock(default=None) as fake:
        yield fake


@pytest.fixture
def fake(server: FakeBedrock) -> FakeBedrock:
    """The module's server, with the previous test's script and request log cleared."""
    server.reset()
    return server
