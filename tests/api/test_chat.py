"""The chat endpoint: JSON and SSE, idempotent retries (also racing), disconnects, failures."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from httpx import ASGITransport, AsyncClient
from starlette.types import Message as ASGIMessage

from agent.offline import OfflineCoachModel
from api.settings import Settings
from tests.api.helpers import (
    auth,
    messages_url,
    new_coach,
    new_conversation,
    serve,
    started,
    token,
)

FRAN = "Did Fran in 8:57 with 95 lb thrusters"
SSE = {"Accept": "text/event-stream"}


class SlowModel(OfflineCoachModel):
    """The offline engine, streaming slowly enough for a client to leave mid-reply."""

    async def _astream(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async for chunk in super()._astream(*args, **kwargs):
            await asyncio.sleep(0.02)
            yield chunk


class BrokenModel(OfflineCoachModel):
    """An upstream model that fails every call (streamed or not)."""

    def _decide(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("upstream is down")


def parse_sse(text: str) -> list[tuple[str, Any]]:
    """(event, decoded data) pairs of an SSE body; comments (pings) skipped."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields = dict(
            line.split(": ", 1)
            for line in block.splitlines()
            if ": " in line and not line.startswith(":")
        )
        if "event" in fields:
            events.append((fields["event"], json.loads(fields["data"])))
    return events


async def _conversation(http: AsyncClient) -> str:
    coach_id = await new_coach(http)
    return messages_url(coach_id, await new_conversation(http, coach_id))


async def _total_messages(http: AsyncClient, url: str) -> int:
    response = await http.get(url.removesuffix("/messages"), headers=auth())
    return int(response.json()["total_messages"])


async def test_json_turn(client: AsyncClient) -> None:
    url = await _conversation(client)
    response = await client.post(url, json={"content": FRAN}, headers=auth())
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["reply"]["content"] and result["message_id"] != result["reply"]["message_id"]
    assert result["usage"]["model"] == "offline"
    [workout] = result["workouts"]
    assert workout["workout_name"] == "Fran" and workout["discipline"] == "crossfit"
    assert (
        await client.get(f"/v1/workouts/{workout['workout_id']}", headers=auth())
    ).status_code == 200


async def test_sse_streams_tokens_then_done(client: AsyncClient) -> None:
    url = await _conversation(client)
    response = await client.post(url, json={"content": FRAN}, headers={**auth(), **SSE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[0] == "token" and names[-1] == "done"
    assert "workout" in names and set(names) <= {"token", "workout", "memory", "done"}
    done = events[-1][1]
    assert (
        "".join(data["text"] for name, data in events if name == "token")
        == done["reply"]["content"]
    )
    event = next(data for name, data in events if name == "workout")
    assert (event.pop("action"), event.pop("change")) == (
        "logged",
        done["reply"]["content"].split("Logged: ")[1].rstrip("."),
    )
    assert done["workouts"][0] == event
    assert done["workout_changes"][0]["workout"] == event


async def test_sse_unknown_conversation_is_a_plain_404(client: AsyncClient) -> None:
    coach_id = await new_coach(client)
    response = await client.post(
        messages_url(coach_id, "nosuchconversation"),
        json={"content": "hi"},
        headers={**auth(), **SSE},
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_retry_with_same_client_message_id(client: AsyncClient) -> None:
    url = await _conversation(client)
    body = {"content": FRAN, "client_message_id": "m-1"}
    first = await client.post(url, json=body, headers=auth())
    again = await client.post(url, json=body, headers=auth())
    streamed = await client.post(url, json=body, headers={**auth(), **SSE})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert parse_sse(streamed.text)[-1] == ("done", first.json())
    assert await _total_messages(client, url) == 2
    assert len((await client.get("/v1/workouts", headers=auth())).json()["items"]) == 1


async def test_racing_retries_run_the_turn_once(client: AsyncClient) -> None:
    url = await _conversation(client)
    body = {"content": FRAN, "client_message_id": "m-race"}
    responses = await asyncio.gather(
        *(client.post(url, json=body, headers=auth()) for _ in range(2))
    )
    assert [r.status_code for r in responses] == [200, 200]
    assert responses[0].json() == responses[1].json()
    assert await _total_messages(client, url) == 2
    assert len((await client.get("/v1/workouts", headers=auth())).json()["items"]) == 1


async def test_disconnected_sse_client_still_gets_its_turn_persisted(settings: Settings) -> None:
    async with started(settings, chat_model=SlowModel()) as app:
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as http:
            url = await _conversation(http)
            body = json.dumps({"content": FRAN}).encode()
            gone = asyncio.Event()
            requested = False

            async def receive() -> dict[str, Any]:
                nonlocal requested
                if not requested:
                    requested = True
                    return {"type": "http.request", "body": body, "more_body": False}
                await gone.wait()
                return {"type": "http.disconnect"}

            async def send(message: ASGIMessage) -> None:
                if b"event: token" in message.get("body", b""):
                    gone.set()  # the client leaves after the first token

            headers = [
                (b"authorization", f"Bearer {token()}".encode()),
                (b"accept", b"text/event-stream"),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ]
            scope = {
                "type": "http",
                "asgi": {"version": "3.0"},
                "http_version": "1.1",
                "method": "POST",
                "scheme": "http",
                "path": url,
                "raw_path": url.encode(),
                "query_string": b"",
                "root_path": "",
                "headers": headers,
                "client": ("127.0.0.1", 1),
                "server": ("test", 80),
            }
            await app(scope, receive, send)
            assert gone.is_set()
            assert await _total_messages(http, url) == 1  # only the user's message so far
            await app.state.chat.runner.drain()
            assert await _total_messages(http, url) == 2
            assert len((await http.get("/v1/workouts", headers=auth())).json()["items"]) == 1


async def test_model_failure_is_503_and_the_message_is_kept(settings: Settings) -> None:
    async with serve(settings, chat_model=BrokenModel()) as http:
        url = await _conversation(http)
        response = await http.post(
            url, json={"content": "hello", "client_message_id": "m-9"}, headers=auth()
        )
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "model_unavailable"
        streamed = await http.post(url, json={"content": "hello again"}, headers={**auth(), **SSE})
        assert parse_sse(streamed.text)[-1][0] == "error"
        assert parse_sse(streamed.text)[-1][1]["code"] == "model_unavailable"
        detail = (await http.get(url.removesuffix("/messages"), headers=auth())).json()
        assert [m["content"] for m in detail["messages"]["items"]] == ["hello", "hello again"]
