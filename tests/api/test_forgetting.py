"""A forgotten memory leaves every conversation summary, not only the one it was
forgotten in: deleted over the API, or forgotten in another conversation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from httpx import AsyncClient

from api.settings import Settings
from tests.api.helpers import auth, messages_url, new_coach, new_conversation, serve

GOAL = "Training for a sub-20 5k in June"
KNEE = "Left knee is sensitive after ACL surgery"


async def _summary_when(
    http: AsyncClient, coach_id: str, conversation_id: str, holds: Callable[[str], bool]
) -> dict[str, Any]:
    """The conversation's summary once `holds` is true of its JSON (written after replies)."""
    url = f"/v1/coaches/{coach_id}/conversations/{conversation_id}/summary"
    body: dict[str, Any] = {}
    for _ in range(200):
        response = await http.get(url, headers=auth())
        if response.status_code == 200:
            body = response.json()
            if holds(response.text):
                return body
        await asyncio.sleep(0.02)
    raise AssertionError(f"summary never matched: {body}")


async def _say(http: AsyncClient, coach_id: str, conversation_id: str, text: str) -> None:
    response = await http.post(
        messages_url(coach_id, conversation_id), json={"content": text}, headers=auth()
    )
    assert response.status_code == 200, response.text


async def _remember(http: AsyncClient, content: str, memory_type: str) -> str:
    body = {"content": content, "memory_type": memory_type, "importance": "high"}
    response = await http.post("/v1/memories", json=body, headers=auth())
    assert response.status_code == 201, response.text
    return str(response.json()["memory_id"])


async def test_a_forgotten_memory_leaves_every_summary(settings: Settings) -> None:
    async with serve(settings.model_copy(update={"summary_every": 2})) as http:
        coach_id = await new_coach(http)
        chats = [await new_conversation(http, coach_id) for _ in range(2)]
        goal_id = await _remember(http, GOAL, "goal")
        await _remember(http, KNEE, "constraint")
        for chat in chats:
            await _say(http, coach_id, chat, "I like training in the mornings before work.")
            await _summary_when(http, coach_id, chat, lambda s: "sub-20" in s and "knee" in s)

        assert (await http.delete(f"/v1/memories/{goal_id}", headers=auth())).status_code == 204
        for chat in chats:
            left = await _summary_when(http, coach_id, chat, lambda s: "sub-20" not in s)
            assert KNEE in left["structured_data"]["key_facts"]["constraints"]
            assert "sub-20" not in left["summary_text"]

        await _say(http, coach_id, chats[0], "please forget that my left knee is sensitive")
        left = await _summary_when(http, coach_id, chats[1], lambda s: "knee" not in s)
        assert "morning" in str(left["structured_data"]["key_facts"]).lower()


async def test_an_edited_memory_leaves_the_summaries_with_its_old_words(settings: Settings) -> None:
    async with serve(settings.model_copy(update={"summary_every": 2})) as http:
        coach_id = await new_coach(http)
        chat = await new_conversation(http, coach_id)
        goal_id = await _remember(http, GOAL, "goal")
        await _say(http, coach_id, chat, "I like training in the mornings before work.")
        await _summary_when(http, coach_id, chat, lambda s: "sub-20" in s)

        edit = {"content": "Training for a marathon in October", "memory_type": "goal"}
        response = await http.put(f"/v1/memories/{goal_id}", json=edit, headers=auth())
        assert response.status_code == 200, response.text
        await _summary_when(http, coach_id, chat, lambda s: "sub-20" not in s)
