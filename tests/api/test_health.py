"""Probes, request ids and the OpenAPI document."""

from __future__ import annotations

import json
import logging

import pytest
from httpx import AsyncClient

from api.logging import JsonFormatter
from api.settings import Settings
from storage.factory import open_store
from tests.api.helpers import ALICE, auth, new_coach, serve


async def test_healthz_and_readyz(client: AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}


async def test_request_id_is_echoed_or_assigned(client: AsyncClient) -> None:
    echoed = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    assigned = await client.get("/healthz", headers={"X-Request-ID": "bad id"})
    assert len(assigned.headers["x-request-id"]) == 26


async def test_unknown_route_uses_error_shape(client: AsyncClient) -> None:
    response = await client.get("/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_openapi_lists_every_resource(client: AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    for path in (
        "/v1/profile",
        "/v1/coaches/{coach_id}",
        "/v1/coaches/{coach_id}/conversations/{conversation_id}/messages",
        "/v1/coaches/{coach_id}/conversations/{conversation_id}/summary",
        "/v1/memories/{memory_id}",
        "/v1/workouts/{workout_id}",
    ):
        assert path in paths


async def test_one_json_log_line_per_request_without_credentials(
    client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="api.request")
    headers = {**auth("alice"), "X-Request-ID": "req-42"}
    await client.get("/v1/profile", headers=headers)
    [record] = [r for r in caplog.records if r.name == "api.request"]
    line = json.loads(JsonFormatter().format(record))
    assert {k: line[k] for k in ("method", "path", "status", "user_id")} == {
        "method": "GET",
        "path": "/v1/profile",
        "status": 200,
        "user_id": "alice",
    }
    assert line["duration_ms"] >= 0
    assert headers["Authorization"].split()[1] not in caplog.text


async def test_an_injected_store_is_used_and_left_open(settings: Settings) -> None:
    store = open_store(
        "local", data_dir=settings.data_dir, table="t", bucket="b", page_secret=b"k" * 32
    )
    await store.init()
    async with serve(settings, store=store) as http:
        coach_id = await new_coach(http)
    assert (await store.get_coach(ALICE, coach_id)).coach_name == "Coach Kim"
    await store.close()
