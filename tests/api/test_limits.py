"""Input limits and the per-user rate limit and daily quota (checked under concurrency)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator

import pytest
from httpx import ASGITransport, AsyncClient

from api.settings import Settings
from tests.api.helpers import auth, messages_url, new_coach, new_conversation, serve, started


async def test_message_too_long(client: AsyncClient, settings: Settings) -> None:
    coach_id = await new_coach(client)
    conversation_id = await new_conversation(client, coach_id)
    body = {"content": "x" * (settings.max_message_chars + 1)}
    response = await client.post(messages_url(coach_id, conversation_id), json=body, headers=auth())
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "message_too_long"


async def test_body_over_cap_is_413_before_parsing(settings: Settings) -> None:
    async with serve(settings.model_copy(update={"max_body_bytes": 1024})) as http:
        oversized = b"{not even json" + b"x" * 2000
        declared = await http.post("/v1/coaches", content=oversized, headers=auth())
        assert declared.status_code == 413
        assert declared.json()["error"]["code"] == "payload_too_large"

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(4):
                yield b"x" * 400

        streamed = await http.post("/v1/coaches", content=chunks(), headers=auth())
        assert "content-length" not in streamed.request.headers
        assert streamed.status_code == 413
        assert streamed.json()["error"]["code"] == "payload_too_large"


async def test_malformed_json_and_unknown_fields(client: AsyncClient) -> None:
    headers = {**auth(), "Content-Type": "application/json"}
    malformed = await client.post("/v1/coaches", content=b'{"coach_name": ', headers=headers)
    assert malformed.status_code == 422
    assert malformed.json()["error"]["code"] == "invalid_json"
    unknown = await client.post(
        "/v1/coaches", json={"coach_name": "A", "admin": True}, headers=auth()
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["code"] == "invalid_request"


async def _burst(http: AsyncClient, n: int) -> Counter[int]:
    coach_id = await new_coach(http)
    urls = [messages_url(coach_id, await new_conversation(http, coach_id)) for _ in range(n)]
    responses = await asyncio.gather(
        *(http.post(url, json={"content": "hello coach"}, headers=auth()) for url in urls)
    )
    for response in responses:
        if response.status_code == 429:
            assert int(response.headers["retry-after"]) >= 1
            assert response.json()["error"]["code"] == "rate_limited"
    return Counter(r.status_code for r in responses)


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        ({"rate_limit_per_minute": 5}, {200: 5, 429: 45}),
        ({"rate_limit_per_minute": 1000, "daily_quota": 7}, {200: 7, 429: 43}),
    ],
    ids=["per-minute", "per-day"],
)
async def test_limits_hold_under_50_parallel_requests(
    settings: Settings, limits: dict[str, int], expected: dict[int, int]
) -> None:
    async with started(settings.model_copy(update=limits)) as app:
        now = time.time() // 60 * 60 + 1
        app.state.chat.clock = lambda: now  # the whole burst falls in one minute window
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as http:
            assert await _burst(http, 50) == expected
