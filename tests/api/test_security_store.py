"""Pen-test attacks of issue #16 on the stores: values DynamoDB cannot store, quotas on stored
data, store calls off the event loop (on both stores).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from httpx import AsyncClient

from api.runtime import open_configured_store
from api.settings import Settings
from tests.api.helpers import BOB, auth, messages_url, new_coach, new_conversation, serve

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


# -- 6. quotas on stored data -------------------------------------------------------------

TIGHT = {"max_coaches": 2, "max_conversations": 2, "max_memories": 3}


async def test_writes_over_a_quota_are_refused_on_both_stores(storage_settings: Settings) -> None:
    """Bulk creation stops at the limit with a stable code; a delete makes room again."""
    async with serve(storage_settings.model_copy(update=TIGHT)) as http:
        coach_id = await new_coach(http)
        await new_coach(http)
        refused = await http.post("/v1/coaches", json={"coach_name": "Three"}, headers=auth())
        assert (refused.status_code, refused.json()["error"]["code"]) == (
            409,
            "coach_quota_exceeded",
        )
        for _ in range(2):
            await new_conversation(http, coach_id)
        refused = await http.post(f"/v1/coaches/{coach_id}/conversations", headers=auth())
        assert refused.json()["error"]["code"] == "conversation_quota_exceeded"

        memories = []
        for n in range(5):
            response = await http.post(
                "/v1/memories", json={"content": f"likes rowing {n}"}, headers=auth()
            )
            memories.append(response)
        assert [r.status_code for r in memories] == [201, 201, 201, 409, 409]
        assert memories[3].json()["error"]["code"] == "memory_quota_exceeded"
        listed = (await http.get("/v1/memories", headers=auth())).json()["items"]
        assert len(listed) == 3
        gone = await http.delete(f"/v1/memories/{listed[0]['memory_id']}", headers=auth())
        assert gone.status_code == 204
        again = await http.post("/v1/memories", json={"content": "likes rowing"}, headers=auth())
        assert again.status_code == 201
        # A chat turn that would save one more memory ends with the same code, nothing kept.
        url = messages_url(
            coach_id,
            (await http.get(f"/v1/coaches/{coach_id}/conversations", headers=auth())).json()[
                "items"
            ][0]["conversation_id"],
        )
        turn = await http.post(
            url, json={"content": "remember that I train at 6am"}, headers=auth()
        )
        assert turn.json()["error"]["code"] == "memory_quota_exceeded", turn.text
        assert len((await http.get("/v1/memories", headers=auth())).json()["items"]) == 3
        # Another user's quota is their own.
        assert await new_coach(http, user=BOB)


async def test_store_reads_never_run_on_the_event_loop(
    storage_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow read (a filtered list over a long range) must not stall `/healthz`: every
    store call runs in a worker thread."""
    on_loop: list[str] = []
    store = open_configured_store(storage_settings)
    await store.init()
    table = store.items.table  # type: ignore[attr-defined]

    def watched(name: str) -> None:
        original = getattr(table, name)

        def call(*args: Any) -> Any:
            try:
                asyncio.get_running_loop()
                on_loop.append(name)
            except RuntimeError:
                pass  # a worker thread: no loop here
            return original(*args)

        monkeypatch.setattr(table, name, call)

    for name in ("get", "query", "put", "update", "transact", "delete_batch"):
        watched(name)
    try:
        async with serve(storage_settings, store=store) as http:
            coach_id = await new_coach(http)
            url = messages_url(coach_id, await new_conversation(http, coach_id))
            assert (await http.post(url, json={"content": "hi"}, headers=auth())).is_success
            assert (await http.get("/v1/memories?type=goal&limit=1", headers=auth())).is_success
            assert (await http.get(f"/v1/coaches/{coach_id}", headers=auth())).is_success
    finally:
        await store.close()
    assert on_loop == []
