"""Conversations: start, list newest first with pages, read with messages, rename, delete."""

from __future__ import annotations

import asyncio

from httpx import AsyncClient

from api.settings import Settings
from tests.api.helpers import auth, messages_url, new_coach, new_conversation, serve


async def test_lifecycle(client: AsyncClient) -> None:
    coach_id = await new_coach(client)
    base = f"/v1/coaches/{coach_id}/conversations"
    created = await client.post(base, json={"title": "Week 1"}, headers=auth())
    assert created.status_code == 201, created.text
    conversation = created.json()
    assert conversation["title"] == "Week 1" and conversation["total_messages"] == 0
    url = f"{base}/{conversation['conversation_id']}"

    detail = (await client.get(url, headers=auth())).json()
    assert detail["conversation_id"] == conversation["conversation_id"]
    assert detail["messages"] == {"items": [], "next": None}

    renamed = await client.patch(url, json={"title": "Week 2"}, headers=auth())
    assert renamed.status_code == 200 and renamed.json()["title"] == "Week 2"
    assert (await client.patch(url, json={"title": ""}, headers=auth())).status_code == 422

    assert (await client.delete(url, headers=auth())).status_code == 204
    assert (await client.get(url, headers=auth())).status_code == 404


async def test_start_needs_an_existing_coach(client: AsyncClient) -> None:
    response = await client.post("/v1/coaches/nosuchcoach/conversations", headers=auth())
    assert response.status_code == 404


async def test_list_newest_first_with_pages(client: AsyncClient) -> None:
    coach_id = await new_coach(client)
    ids = [await new_conversation(client, coach_id) for _ in range(5)]
    base = f"/v1/coaches/{coach_id}/conversations"
    first = (await client.get(base, params={"limit": 3}, headers=auth())).json()
    second = (
        await client.get(base, params={"limit": 3, "next": first["next"]}, headers=auth())
    ).json()
    listed = [c["conversation_id"] for c in first["items"] + second["items"]]
    assert listed == list(reversed(ids))
    assert second["next"] is None


async def test_messages_are_paged_oldest_first(client: AsyncClient) -> None:
    coach_id = await new_coach(client)
    conversation_id = await new_conversation(client, coach_id)
    for text in ("hello coach", "what should I train today?"):
        sent = await client.post(
            messages_url(coach_id, conversation_id), json={"content": text}, headers=auth()
        )
        assert sent.status_code == 200, sent.text
    url = f"/v1/coaches/{coach_id}/conversations/{conversation_id}"
    page = (await client.get(url, params={"limit": 3}, headers=auth())).json()
    assert page["total_messages"] == 4
    assert [m["role"] for m in page["messages"]["items"]] == ["user", "assistant", "user"]
    assert page["messages"]["items"][0]["content"] == "hello coach"
    rest = (await client.get(url, params={"next": page["messages"]["next"]}, headers=auth())).json()
    assert [m["role"] for m in rest["messages"]["items"]] == ["assistant"]


async def test_summary_404_then_latest(settings: Settings) -> None:
    async with serve(settings.model_copy(update={"summary_every": 2})) as http:
        coach_id = await new_coach(http)
        conversation_id = await new_conversation(http, coach_id)
        url = f"/v1/coaches/{coach_id}/conversations/{conversation_id}/summary"
        missing = await http.get(url, headers=auth())
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        body = {"content": "My goal is a 200 kg deadlift, I train 4 days a week."}
        assert (
            await http.post(messages_url(coach_id, conversation_id), json=body, headers=auth())
        ).status_code == 200
        for _ in range(100):  # the summary is written in the background after the reply
            found = await http.get(url, headers=auth())
            if found.status_code == 200:
                break
            await asyncio.sleep(0.02)
        assert found.status_code == 200, found.text
        assert found.json()["conversation_id"] == conversation_id
        assert found.json()["summary_text"]
