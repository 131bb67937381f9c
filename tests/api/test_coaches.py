"""Coach CRUD with pagination and validation."""

from __future__ import annotations

from httpx import AsyncClient

from tests.api.helpers import auth, new_coach


async def test_create_read_replace_delete(client: AsyncClient) -> None:
    body = {
        "coach_name": "Coach Kim",
        "selected_personality": {"primary_template": "direct"},
        "selected_methodology": {"primary_methodology": "five_three_one"},
        "technical_config": {"equipment_available": ["barbell"]},
    }
    created = await client.post("/v1/coaches", json=body, headers=auth())
    assert created.status_code == 201, created.text
    coach = created.json()
    assert len(coach["coach_id"]) == 26
    assert coach["selected_personality"]["primary_template"] == "direct"
    url = f"/v1/coaches/{coach['coach_id']}"
    assert (await client.get(url, headers=auth())).json() == coach

    replaced = await client.put(url, json={"coach_name": "Coach Lee"}, headers=auth())
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["coach_name"] == "Coach Lee"
    assert replaced.json()["selected_personality"]["primary_template"] == "encouraging"
    assert replaced.json()["version"] > coach["version"]

    stale = await client.put(
        url, json={"coach_name": "X", "version": coach["version"]}, headers=auth()
    )
    assert stale.status_code == 409

    assert (await client.delete(url, headers=auth())).status_code == 204
    missing = await client.get(url, headers=auth())
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert (await client.delete(url, headers=auth())).status_code == 404


async def test_list_is_paginated(client: AsyncClient) -> None:
    ids = {await new_coach(client, name=f"Coach {i}") for i in range(5)}
    seen: list[str] = []
    next_token = None
    while True:
        params = {"limit": 2, **({"next": next_token} if next_token else {})}
        page = (await client.get("/v1/coaches", params=params, headers=auth())).json()
        assert len(page["items"]) <= 2
        seen += [c["coach_id"] for c in page["items"]]
        next_token = page["next"]
        if not next_token:
            break
    assert sorted(seen) == sorted(ids)


async def test_validation(client: AsyncClient) -> None:
    bad_bodies = [
        {"coach_name": ""},
        {"coach_name": "A", "selected_personality": {"primary_template": "sarcastic"}},
        {"coach_name": "A", "selected_methodology": {"primary_methodology": "random"}},
        {"coach_name": "A", "unknown": 1},
        {"coach_name": "A", "technical_config": {"extra": True}},
    ]
    for body in bad_bodies:
        response = await client.post("/v1/coaches", json=body, headers=auth())
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "invalid_request"
    bad_limit = await client.get("/v1/coaches", params={"limit": 0}, headers=auth())
    assert bad_limit.status_code == 422
    bad_token = await client.get("/v1/coaches", params={"next": "forged"}, headers=auth())
    assert bad_token.status_code == 400
    assert bad_token.json()["error"]["code"] == "invalid_page_token"
