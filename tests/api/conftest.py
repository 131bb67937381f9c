"""App fixtures: the real app over HTTP (httpx + ASGI), local store in tmp_path, offline model."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from httpx import AsyncClient

from api.settings import Settings
from tests.api.helpers import SECRET, serve


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test: its own data dir, a known HS256 secret, quiet logs."""
    return Settings(data_dir=tmp_path / "data", jwt_secret=SECRET, log_level="WARNING")


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[AsyncClient]:
    """A client talking to a started app (lifespan run) built from `settings`."""
    async with serve(settings) as http:
        yield http
