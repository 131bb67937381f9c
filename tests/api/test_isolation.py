"""One user can never see or touch another user's data: every foreign id is a plain 404."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.api.helpers import ALICE, BOB, auth, messages_url, new_coach, new_conversation


async def _alice_world(client: AsyncClient) -> dict[str, Any]:
    coach_id = await new_coach(client, ALICE)
    await new_coach(client, ALICE, name="Second")
    conversation_id = await new_conversation(client, coach_id, ALICE)
    chat = await client.post(
        messages_url(coach_id, conversation_id),
        json={"content": "Did Fran in 8:57 with 95 lb thrusters"},
        headers=auth(ALICE),
    )
    memory = await client.post(
        "/v1/memories", json={"content": "Likes rowing"}, headers=auth(ALICE)
    )
    return {
        "coach": coach_id,
        "conversation": conversation_id,
        "workout": chat.json()["workouts"][0],
        "memory": memory.json()["memory_id"],
    }


async def test_foreign_ids_are_not_found(client: AsyncClient) -> None:
    a = await _alice_world(client)
    coach = f"/v1/coaches/{a['coach']}"
    conversation = f"{coach}/conversations/{a['conversation']}"
    workout = f"/v1/workouts/{a['workout']['workout_id']}"
    attempts = [
        ("GET", coach, None),
        ("PUT", coach, {"coach_name": "Mine now"}),
        ("DELETE", coach, None),
        ("GET", f"{coach}/conversations", None),
        ("POST", f"{coach}/conversations", None),
        ("GET", conversation, None),
        ("PATCH", conversation, {"title": "Mine now"}),
        ("DELETE", conversation, None),
        ("GET", f"{conversation}/summary", None),
        ("POST", messages_url(a["coach"], a["conversation"]), {"content": "hi"}),
        ("DELETE", f"/v1/memories/{a['memory']}", None),
        ("POST", "/v1/memories", {"content": "x", "coach_id": a["coach"]}),
        ("GET", workout, None),
        ("PUT", workout, {k: v for k, v in a["workout"].items() if k != "workout_id"}),
        ("DELETE", workout, None),
    ]
    for method, url, body in attempts:
        response = await client.request(method, url, json=body, headers=auth(BOB))
        assert response.status_code == 404, (method, url, response.text)
        assert response.json()["error"]["code"] == "not_found"

    foreign = (await client.get(coach, headers=auth(BOB))).text
    nonexistent = (await client.get(f"/v1/coaches/{'z' * 26}", headers=auth(BOB))).text
    assert foreign.replace(a["coach"], "ID") == nonexistent.replace("z" * 26, "ID")
    for url in ("/v1/coaches", "/v1/memories", "/v1/workouts"):
        assert (await client.get(url, headers=auth(BOB))).json()["items"] == []
    # Alice still has everything.
    assert (await client.get(conversation, headers=auth(ALICE))).json()["total_messages"] == 2
    assert (await client.get(workout, headers=auth(ALICE))).status_code == 200
    assert len((await client.get("/v1/memories", headers=auth(ALICE))).json()["items"]) == 1


async def test_next_tokens_only_work_for_their_owner(client: AsyncClient) -> None:
    a = await _alice_world(client)
    await new_coach(client, BOB)
    lists = ["/v1/coaches", "/v1/memories", "/v1/workouts"]
    await client.post("/v1/memories", json={"content": "Second memory"}, headers=auth(ALICE))
    await client.post(
        messages_url(a["coach"], a["conversation"]),
        json={"content": "Back squat 5x5 at 100 kg"},
        headers=auth(ALICE),
    )
    for url in lists:
        page = (await client.get(url, params={"limit": 1}, headers=auth(ALICE))).json()
        assert page["next"], url
        stolen = await client.get(url, params={"limit": 1, "next": page["next"]}, headers=auth(BOB))
        assert stolen.status_code == 400, url
        assert stolen.json()["error"]["code"] == "invalid_page_token"
        assert "items" not in stolen.json()
