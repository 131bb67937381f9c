"""Attacks on the API edge (issue #16), each with the answer it must get.

Tokens, response headers, a stalled connection against a real server, what logs and the
local store's files reveal, and values DynamoDB cannot store.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from httpx import ASGITransport, AsyncClient
from moto import mock_aws

from api.cli import main
from api.runtime import open_configured_store
from api.settings import Settings
from storage.models import Profile
from tests.api.helpers import (
    SECRET,
    auth,
    messages_url,
    new_coach,
    new_conversation,
    serve,
    started,
    token,
)
from tests.api.test_e2e import coach_serve, serve_env, wait_healthy

# -- 1. tokens ---------------------------------------------------------------------------

NOW = int(time.time())


def _signed(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, SECRET, "HS256")


@pytest.mark.parametrize(
    ("configured", "bearer", "status"),
    [
        ({}, token(), 200),
        ({}, token("alice\n"), 401),
        ({}, _signed({"sub": "alice", "iat": NOW, "exp": str(NOW + 600)}), 401),
        ({}, _signed({"sub": "alice", "exp": NOW + 600}), 401),
        ({}, _signed({"sub": "alice", "iat": str(NOW), "exp": NOW + 600}), 401),
        ({}, _signed({"sub": "alice", "iat": NOW + 3600, "exp": NOW + 7200}), 401),
        ({}, token(ttl=2 * 86400), 401),
        ({"jwt_max_lifetime_s": 600}, token(ttl=601), 401),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app", token_use="access"), 200),
        (
            {"jwt_audience": "coach-app"},
            token(aud="other", client_id="coach-app", token_use="access"),
            401,
        ),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app", token_use="id"), 401),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app"), 401),
        ({"jwt_token_use": "access"}, token(token_use="access"), 200),
        ({"jwt_token_use": "access"}, token(token_use="id"), 401),
        ({"jwt_token_use": "access"}, token(), 401),
        # The HS256 secret is never consulted for a JWKS deployment unless asked for:
        # the JWKS file is never read for these (a fetch would answer 503).
        ({"jwks_url": "/nonexistent/jwks.json"}, token(), 401),
        ({"jwks_url": "/nonexistent/jwks.json", "allow_local_tokens": True}, token(), 200),
    ],
    ids=[
        "valid",
        "subject-with-newline",
        "exp-as-string",
        "no-iat",
        "iat-as-string",
        "iat-in-the-future",
        "lifetime-over-default-maximum",
        "lifetime-over-configured-maximum",
        "cognito-access-token-client-id",
        "mismatched-aud-with-matching-client-id",
        "client-id-on-an-id-token",
        "client-id-without-token-use",
        "token-use-access",
        "token-use-id-when-access-required",
        "token-use-missing-when-required",
        "local-token-refused-with-jwks",
        "local-token-allowed-with-jwks",
    ],
)
async def test_token_attacks(
    settings: Settings, configured: dict[str, Any], bearer: str, status: int
) -> None:
    async with serve(settings.model_copy(update=configured)) as http:
        response = await http.get("/v1/profile", headers={"Authorization": f"Bearer {bearer}"})
    assert response.status_code == status, response.text


def test_coach_token_mints_only_what_the_server_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_JWT_MAX_LIFETIME_S", "3600")
    assert main(["token", "--user", "dana", "--ttl", "3600"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 3600
    assert main(["token", "--user", "dana", "--ttl", "3601"]) == 1
    assert "COACH_JWT_MAX_LIFETIME_S" in capsys.readouterr().err
    monkeypatch.setenv("COACH_JWKS_URL", str(tmp_path / "jwks.json"))
    assert main(["token", "--user", "dana"]) == 1
    assert "COACH_ALLOW_LOCAL_TOKENS" in capsys.readouterr().err


# -- 2. headers --------------------------------------------------------------------------


async def test_responses_are_not_cached_or_sniffed_and_docs_can_be_off(
    settings: Settings,
) -> None:
    async with serve(settings) as http:
        coach_id = await new_coach(http)
        conversation_id = await new_conversation(http, coach_id)
        streamed = await http.post(
            messages_url(coach_id, conversation_id),
            json={"content": "Did Fran in 8:57 with 95 lb thrusters"},
            headers={**auth(), "Accept": "text/event-stream"},
        )
        assert "event: done" in streamed.text  # the stream still runs to its end
        responses = [
            streamed,
            await http.get("/healthz"),
            await http.get("/v1/profile", headers=auth()),
            await http.get("/v1/profile"),  # 401
            await http.get("/v1/coaches/nope", headers=auth()),  # 404
            await http.get("/openapi.json"),
        ]
        for response in responses:
            assert response.headers["cache-control"] == "no-store", response.request.url
            assert response.headers["x-content-type-options"] == "nosniff"
        assert (await http.get("/docs")).status_code == 200
    async with serve(settings.model_copy(update={"docs": False})) as http:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert (await http.get(path)).status_code == 404, path
        assert (await http.get("/healthz")).status_code == 200


# -- 3. server limits --------------------------------------------------------------------

HEADER_TIMEOUT_S = 2.0


async def _closed_after(reader: asyncio.StreamReader, limit_s: float) -> float:
    """Seconds until the server closes the connection (reads nothing but EOF)."""
    started = time.monotonic()
    assert await asyncio.wait_for(reader.read(), timeout=limit_s) == b""
    return time.monotonic() - started


async def _get_status(port: int, path: str) -> int:
    """One GET on a fresh connection that the server closes after answering."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
    status_line = await asyncio.wait_for(reader.readline(), timeout=10)
    writer.close()
    return int(status_line.split()[1])


@pytest.mark.slow
async def test_stalled_connections_are_closed_and_others_served(tmp_path: Path) -> None:
    """Slowloris: connections that never finish their headers (or never send a byte)
    are closed after COACH_HEADER_TIMEOUT_S; meanwhile others are served, and the
    concurrency limit answers 503 instead of queueing without bound."""
    env = {
        **serve_env(tmp_path / "data"),
        "COACH_HEADER_TIMEOUT_S": str(HEADER_TIMEOUT_S),
        "COACH_LIMIT_CONCURRENCY": "4",
    }
    with coach_serve(env, tmp_path) as served:
        port = int(served.base_url.rsplit(":", 1)[1])
        async with AsyncClient(base_url=served.base_url, timeout=10, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
        partial_reader, partial = await asyncio.open_connection("127.0.0.1", port)
        partial.write(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        silent_reader, silent = await asyncio.open_connection("127.0.0.1", port)
        assert await _get_status(port, "/healthz") == 200  # 3 connections of 4
        _, third = await asyncio.open_connection("127.0.0.1", port)
        assert await _get_status(port, "/healthz") == 503  # 4 of 4
        third.close()
        closed = await asyncio.gather(
            _closed_after(partial_reader, HEADER_TIMEOUT_S + 3),
            _closed_after(silent_reader, HEADER_TIMEOUT_S + 3),
        )
        assert all(seconds <= HEADER_TIMEOUT_S + 1.5 for seconds in closed), closed
        assert await _get_status(port, "/healthz") == 200
        partial.close()
        silent.close()


# -- 4. logs and files -------------------------------------------------------------------

SECRET_WORDS = "my locker code is 7419 zebra"


@pytest.fixture
def logs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The app's JSON log lines on stderr; the root logger's handlers are restored after,
    so no later test logs to this test's closed stream."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    return capsys


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


# -- 5. what DynamoDB cannot store ------------------------------------------------------


def _nested(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    return value


FORTY_DIGITS = 10**39
"""1 and 39 zeros: two digits more than DynamoDB keeps."""

UNSTORABLE_PROFILES: list[tuple[str, Any]] = [
    ("nested-260-levels", {"fitness": _nested(260)}),
    ("nested-33-levels", {"fitness": _nested(32)}),  # the body is level 1
    ("1e300", {"preferences": {"x": 1e300}}),
    ("1e-131", {"preferences": {"x": 1e-131}}),
    ("40-digit-integer", {"demographics": {"n": FORTY_DIGITS}}),
    ("40-digit-version", {"version": FORTY_DIGITS}),
    ("empty-key", {"preferences": {"": 1}}),
    ("empty-nested-key", {"fitness": {"lifts": [{"": 1}]}}),
    ("NaN", b'{"preferences": {"x": NaN}}'),
    ("Infinity", b'{"fitness": {"x": [-Infinity]}}'),
]


@pytest.fixture(params=["local", "aws"])
async def storage_settings(
    request: pytest.FixtureRequest, settings: Settings
) -> AsyncIterator[Settings]:
    """The app's settings on the local store, or on DynamoDB + S3 in in-process moto."""
    if request.param == "local":
        yield settings
        return
    with mock_aws():
        aws = settings.model_copy(
            update={"storage": "aws", "table": "coach-sec", "bucket": "coach-sec-athletes"}
        )
        store = open_configured_store(aws)  # what `coach init` does
        await store.init()
        await store.close()
        yield aws


def _send(body: Any) -> dict[str, Any]:
    if isinstance(body, bytes):
        return {"content": body, "headers": {**auth(), "Content-Type": "application/json"}}
    return {"json": body, "headers": auth()}


async def _logged_workout(http: AsyncClient) -> dict[str, Any]:
    coach_id = await new_coach(http)
    url = messages_url(coach_id, await new_conversation(http, coach_id))
    reply = await http.post(url, json={"content": "Did Fran in 8:57 at 95 lb"}, headers=auth())
    [workout] = reply.json()["workouts"]
    return dict(workout)


async def test_values_dynamodb_cannot_store_are_422_on_both_stores(
    storage_settings: Settings, logs: pytest.CaptureFixture[str]
) -> None:
    async with serve(storage_settings) as http:
        for name, body in UNSTORABLE_PROFILES:
            response = await http.put("/v1/profile", **_send(body))
            assert response.status_code == 422, (name, response.text[:300])
            assert response.json()["error"]["code"] == "invalid_request", name

        coach_id = await new_coach(http)
        coach = (await http.get(f"/v1/coaches/{coach_id}", headers=auth())).json()
        stale = {"coach_name": coach["coach_name"], "version": FORTY_DIGITS}
        response = await http.put(f"/v1/coaches/{coach_id}", json=stale, headers=auth())
        assert response.status_code == 422, response.text

        workout = await _logged_workout(http)
        url = f"/v1/workouts/{workout['workout_id']}"
        for bad in (
            {"environmental_factors": {"temperature": 1e300}},
            {"environmental_factors": {"temperature": "NaN"}},
            {
                "pr_achievements": [
                    {"exercise": "Fran", "pr_type": "time", "new_best": FORTY_DIGITS * 10**100}
                ]
            },
        ):
            response = await http.put(url, json={**workout, **bad}, headers=auth())
            assert response.status_code == 422, (bad, response.text[:300])
            assert response.json()["error"]["code"] == "invalid_request"

        # What DynamoDB can store still round-trips: 38 digits, 32 levels, tiny numbers.
        storable = {
            "preferences": {"n": 10**37, "tiny": 1e-130, "big": 9.99e125},
            "fitness": _nested(31),
        }
        saved = await http.put("/v1/profile", json=storable, headers=auth())
        assert saved.status_code == 200, saved.text[:300]
        read = (await http.get("/v1/profile", headers=auth())).json()
        assert read["preferences"]["n"] == 10**37 and read["preferences"]["tiny"] == 1e-130
        assert float(read["preferences"]["big"]) == 9.99e125  # DynamoDB: a whole number
        assert read["fitness"] == storable["fitness"]
    assert "unhandled error" not in logs.readouterr().err
