"""Memories: add, list with filters and pages, delete."""

from __future__ import annotations

from httpx import AsyncClient

from tests.api.helpers import auth, new_coach


async def test_add_list_filter_delete(client: AsyncClient) -> None:
    coach_id = await new_coach(client)
    other_coach = await new_coach(client, name="Other")
    bodies = [
        {"content": "Prefers morning sessions", "memory_type": "preference"},
        {"content": "Left knee is sensitive", "memory_type": "constraint", "coach_id": coach_id},
        {"content": "Runs with a club", "memory_type": "context", "coach_id": other_coach},
    ]
    created = []
    for body in bodies:
        response = await client.post("/v1/memories", json=body, headers=auth())
        assert response.status_code == 201, response.text
        created.append(response.json())
    assert created[1]["coach_id"] == coach_id and created[0]["coach_id"] is None

    everything = (await client.get("/v1/memories", headers=auth())).json()["items"]
    assert {m["memory_id"] for m in everything} == {m["memory_id"] for m in created}
    for_coach = (
        await client.get("/v1/memories", params={"coach_id": coach_id}, headers=auth())
    ).json()
    assert {m["content"] for m in for_coach["items"]} == {
        bodies[0]["content"],
        bodies[1]["content"],
    }
    constraints = (
        await client.get("/v1/memories", params={"type": "constraint"}, headers=auth())
    ).json()
    assert [m["content"] for m in constraints["items"]] == [bodies[1]["content"]]

    page = (await client.get("/v1/memories", params={"limit": 2}, headers=auth())).json()
    rest = (
        await client.get("/v1/memories", params={"limit": 2, "next": page["next"]}, headers=auth())
    ).json()
    assert len(page["items"]) == 2 and len(rest["items"]) == 1 and rest["next"] is None

    url = f"/v1/memories/{created[0]['memory_id']}"
    assert (await client.delete(url, headers=auth())).status_code == 204
    assert (await client.delete(url, headers=auth())).status_code == 404
    left = (await client.get("/v1/memories", headers=auth())).json()["items"]
    assert len(left) == 2


async def test_memory_validation(client: AsyncClient) -> None:
    for body in (
        {"content": ""},
        {"content": "x", "memory_type": "secret"},
        {"content": "x", "user_id": "bob"},
    ):
        assert (await client.post("/v1/memories", json=body, headers=auth())).status_code == 422
    unknown_coach = {"content": "x", "coach_id": "nosuchcoach"}
    assert (
        await client.post("/v1/memories", json=unknown_coach, headers=auth())
    ).status_code == 404
    bad_type = await client.get("/v1/memories", params={"type": "secret"}, headers=auth())
    assert bad_type.status_code == 422


async def test_read_and_edit_one_memory_with_its_version(client: AsyncClient) -> None:
    created = (
        await client.post(
            "/v1/memories",
            json={"content": "Trains at 6am", "memory_type": "preference"},
            headers=auth(),
        )
    ).json()
    url = f"/v1/memories/{created['memory_id']}"
    assert (await client.get(url, headers=auth())).json() == created
    edit = {"content": "Trains at 7am", "memory_type": "preference", "importance": "high"}
    changed = await client.put(url, json={**edit, "version": created["version"]}, headers=auth())
    assert changed.status_code == 200, changed.text
    assert changed.json()["content"] == "Trains at 7am" and changed.json()["importance"] == "high"
    stale = await client.put(url, json={**edit, "version": created["version"]}, headers=auth())
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    assert (await client.get("/v1/memories/nope", headers=auth())).status_code == 404
    moved = await client.put(url, json={**edit, "coach_id": "someone"}, headers=auth())
    assert moved.status_code == 422


async def test_a_coach_only_memory_needs_the_coach(client: AsyncClient) -> None:
    response = await client.post(
        "/v1/memories", json={"content": "x", "coach_id": "no-such-coach"}, headers=auth()
    )
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
