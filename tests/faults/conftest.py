"""Fixtures of the fault tests: each runs on the local store and on moto."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.repository import Repository
from tests.storage.conftest import kind, make_store, moto  # noqa: F401 (fixtures)


@pytest.fixture
async def store(kind: str, tmp_path: Path) -> AsyncIterator[Repository]:  # noqa: F811
    """An initialised store of each kind (`kind`: local, or aws on moto)."""
    opened = make_store(kind, tmp_path)
    await opened.init()
    yield opened
    await opened.close()
