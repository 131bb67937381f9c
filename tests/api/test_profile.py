"""GET/PUT /v1/profile."""

from __future__ import annotations

from httpx import AsyncClient

from tests.api.helpers import auth


async def test_default_profile_then_replace(client: AsyncClient) -> None:
    first = (await client.get("/v1/profile", headers=auth())).json()
    assert first["timezone"] == "UTC" and first["units"] == "lb" and first["version"] == 0

    body = {"display_name": "Alice", "timezone": "Europe/Berlin", "units": "kg"}
    saved = await client.put("/v1/profile", json=body, headers=auth())
    assert saved.status_code == 200, saved.text
    assert saved.json()["display_name"] == "Alice" and saved.json()["units"] == "kg"

    again = (await client.get("/v1/profile", headers=auth())).json()
    assert again["timezone"] == "Europe/Berlin"
    assert again["version"] == saved.json()["version"] >= 1


async def test_stale_version_is_a_conflict(client: AsyncClient) -> None:
    saved = (await client.put("/v1/profile", json={"units": "kg"}, headers=auth())).json()
    ok = await client.put("/v1/profile", json={"version": saved["version"]}, headers=auth())
    assert ok.status_code == 200
    stale = await client.put("/v1/profile", json={"version": saved["version"]}, headers=auth())
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"


async def test_invalid_profile_fields(client: AsyncClient) -> None:
    for body in ({"timezone": "Mars/Olympus"}, {"units": "stone"}, {"role": "admin"}):
        response = await client.put("/v1/profile", json=body, headers=auth())
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "invalid_request"
