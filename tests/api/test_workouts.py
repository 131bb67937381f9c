"""Workouts: logged by chatting, then listed (filters, pages), read, corrected, deleted."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.api.helpers import auth, messages_url, new_coach, new_conversation

FRAN = "Did Fran in 8:57 with 95 lb thrusters"
LOGS = [
    (FRAN, "crossfit"),
    ("Ran 5 km in 24:30 this morning", "running"),
    ("Back squat 5x5 at 100 kg", "powerlifting"),
]


async def _log(client: AsyncClient, text: str) -> dict[str, Any]:
    coach_id = await new_coach(client)
    conversation_id = await new_conversation(client, coach_id)
    response = await client.post(
        messages_url(coach_id, conversation_id), json={"content": text}, headers=auth()
    )
    assert response.status_code == 200, response.text
    workouts = response.json()["workouts"]
    assert len(workouts) == 1, workouts
    return dict(workouts[0])


async def test_list_filter_and_pages(client: AsyncClient) -> None:
    logged = [await _log(client, text) for text, _ in LOGS]
    assert [w["discipline"] for w in logged] == [d for _, d in LOGS]

    page = (await client.get("/v1/workouts", params={"limit": 2}, headers=auth())).json()
    rest = (
        await client.get("/v1/workouts", params={"limit": 2, "next": page["next"]}, headers=auth())
    ).json()
    listed = {w["workout_id"] for w in page["items"] + rest["items"]}
    assert listed == {w["workout_id"] for w in logged} and rest["next"] is None

    running = (
        await client.get("/v1/workouts", params={"discipline": "running"}, headers=auth())
    ).json()
    assert [w["workout_id"] for w in running["items"]] == [logged[1]["workout_id"]]
    day = logged[0]["date"]
    on_day = (
        await client.get("/v1/workouts", params={"from": day, "to": day}, headers=auth())
    ).json()
    assert len(on_day["items"]) == 3
    before = (await client.get("/v1/workouts", params={"to": "2000-01-01"}, headers=auth())).json()
    assert before["items"] == []


async def test_read_correct_delete(client: AsyncClient) -> None:
    fran = await _log(client, FRAN)
    url = f"/v1/workouts/{fran['workout_id']}"
    read = (await client.get(url, headers=auth())).json()
    assert read["workout_id"] == fran["workout_id"] and read["workout_name"] == "Fran"

    corrected = {**read, "workout_name": "Fran (scaled)"}
    response = await client.put(url, json=corrected, headers=auth())
    assert response.status_code == 200, response.text
    assert response.json()["workout_name"] == "Fran (scaled)"
    assert response.json()["metadata"]["user_verified"] is True
    assert (await client.get(url, headers=auth())).json()["workout_name"] == "Fran (scaled)"

    invalid = await client.put(url, json={**read, "discipline": "running"}, headers=auth())
    assert invalid.status_code == 422
    moved = await client.put(url, json={**read, "date": "2020-01-01"}, headers=auth())
    assert moved.status_code == 422
    assert moved.json()["error"]["code"] == "workout_date_changed"
    assert (await client.delete(url, headers=auth())).status_code == 204
    assert (await client.get(url, headers=auth())).status_code == 404


async def test_filter_validation(client: AsyncClient) -> None:
    for params in ({"from": "yesterday"}, {"discipline": "chess"}, {"limit": 1000}):
        assert (await client.get("/v1/workouts", params=params, headers=auth())).status_code == 422
