"""Pen-test checks of issue #16 on what logs and the local store's files reveal."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from httpx import ASGITransport, AsyncClient

from api.runtime import open_configured_store
from api.settings import Settings
from storage.models import Profile
from tests.api.helpers import auth, messages_url, new_coach, new_conversation, serve, started

# -- 4. logs and files -------------------------------------------------------------------

SECRET_WORDS = "my locker code is 7419 zebra"


async def test_logs_keep_no_content_and_files_are_private(
    settings: Settings, logs: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored after the test
    os.umask(0o022)
    verbose = settings.model_copy(update={"log_level": "DEBUG"})
    store = open_configured_store(verbose)
    await store.init()

    async def unstorable(profile: Profile) -> Profile:
        raise ValueError(f"cannot store {profile!r}")

    monkeypatch.setattr(store, "put_profile", unstorable)
    try:
        async with started(verbose, store=store) as app:
            transport = ASGITransport(app=app, raise_app_exceptions=False)
            async with AsyncClient(transport=transport, base_url="http://test") as http:
                coach_id = await new_coach(http)
                url = messages_url(coach_id, await new_conversation(http, coach_id))
                sent = await http.post(url, json={"content": SECRET_WORDS}, headers=auth())
                assert sent.status_code == 200
                broken = await http.put(
                    "/v1/profile", json={"display_name": "Zebra Secretname"}, headers=auth()
                )
                assert broken.status_code == 500
                assert broken.headers["x-content-type-options"] == "nosniff"
                _assert_private(settings.data_dir)
    finally:
        await store.close()
    logged = logs.readouterr().err
    assert "unhandled error" in logged and "ValueError" in logged
    assert "7419" not in logged and "Secretname" not in logged

    opted_in = settings.model_copy(update={"log_level": "DEBUG", "log_content": True})
    async with serve(opted_in) as http:
        coach_id = await new_coach(http)
        url = messages_url(coach_id, await new_conversation(http, coach_id))
        assert (await http.post(url, json={"content": SECRET_WORDS}, headers=auth())).is_success
    assert SECRET_WORDS in logs.readouterr().err
    _assert_private(settings.data_dir)


def _assert_private(root: Path) -> None:
    """Every directory of the local store is 0700 and every file 0600."""
    assert stat.S_IMODE(root.stat().st_mode) == 0o700, root
    for path in root.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"
