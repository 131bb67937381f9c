"""Fixtures of the fault tests: each runs on the local store and on moto."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.repository import Repository
from tests.storage.conftest import make_store, moto  # noqa: F401 (the `aws` store's fixture)


@pytest.fixture(params=["local", "aws"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Repository]:
    """An initialised store of each kind; `aws` is moto."""
    if request.param == "aws":
        request.getfixturevalue("moto")
    opened = make_store(request.param, tmp_path)
    await opened.init()
    yield opened
    await opened.close()
