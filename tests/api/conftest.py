"""App fixtures: the real app over HTTP (httpx + ASGI), local store in tmp_path, offline model;
the app on either store; its log lines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient

from api.runtime import open_configured_store
from api.settings import Settings
from tests.api.helpers import SECRET, serve
from tests.storage.conftest import serial_mock_aws


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test: its own data dir, a known HS256 secret, quiet logs."""
    return Settings(data_dir=tmp_path / "data", jwt_secret=SECRET, log_level="WARNING")


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[AsyncClient]:
    """A client talking to a started app (lifespan run) built from `settings`."""
    async with serve(settings) as http:
        yield http


@pytest.fixture(params=["local", "aws"])
async def storage_settings(
    request: pytest.FixtureRequest, settings: Settings
) -> AsyncIterator[Settings]:
    """The app's settings on the local store, or on DynamoDB + S3 in in-process moto."""
    if request.param == "local":
        yield settings
        return
    with serial_mock_aws():
        aws = settings.model_copy(
            update={"storage": "aws", "table": "coach-sec", "bucket": "coach-sec-athletes"}
        )
        store = open_configured_store(aws)  # what `coach init` does
        await store.init()
        await store.close()
        yield aws


@pytest.fixture
def logs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The app's JSON log lines on stderr; the root logger's handlers are restored after,
    so no later test logs to this test's closed stream."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    return capsys
