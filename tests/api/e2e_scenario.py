"""The end-to-end scenario: one whole conversation over HTTP with the offline model
(profile, coach, workouts over JSON and SSE, a memory saved, used and forgotten, a
background summary), and the HTTP helpers it talks through.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from httpx import AsyncClient

from tests.api.helpers import ALICE, auth, messages_url, new_coach, new_conversation

USER = ALICE
TZ = "America/Denver"
SUMMARY_EVERY = 4
SSE = {"Accept": "text/event-stream"}

FRAN = "Did Fran in 8:57 with 95 lb thrusters"
RUN_10K = "ran 10k this morning in 52:30"
REMEMBER = "remember that I have a bad left shoulder"
RECALL = "what do you remember about me?"
FORGET = "you can forget about my shoulder thing"
RECENT = "what did I do this week?"
TURNS = (FRAN, RUN_10K, REMEMBER, RECALL, FORGET, RECENT)
TOTAL_MESSAGES = 2 * len(TURNS)

Event = tuple[str, Any]


# -- HTTP helpers ----------------------------------------------------------------------


def parse_sse(lines: Iterable[str]) -> list[Event]:
    """(event, decoded data) pairs of an SSE body given line by line; comments skipped."""
    events: list[Event] = []
    name: str | None = None
    data: list[str] = []
    for line in [*lines, ""]:
        if not line:
            if name is not None:
                events.append((name, json.loads("\n".join(data))))
            name, data = None, []
        elif line.startswith(":"):
            continue
        else:
            key, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if key == "event":
                name = value
            elif key == "data":
                data.append(value)
    return events


async def json_turn(http: AsyncClient, url: str, headers: dict[str, str], text: str) -> Any:
    """One turn as `application/json`; returns the reply body."""
    response = await http.post(url, json={"content": text}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["reply"]["content"] and body["usage"]["model"] == "offline"
    return body


async def sse_turn(
    http: AsyncClient, url: str, headers: dict[str, str], text: str
) -> tuple[list[Event], Any]:
    """One turn as Server-Sent Events; checks the stream's shape, returns events and `done`."""
    body = {"content": text}
    async with http.stream("POST", url, json=body, headers={**headers, **SSE}) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse([line async for line in response.aiter_lines()])
    names = [name for name, _ in events]
    assert names and names[-1] == "done" and names.count("done") == 1, names
    assert set(names) <= {"token", "workout", "memory", "done"}, names
    first_other = next(i for i, name in enumerate(names) if name != "token")
    assert first_other >= 1 and "token" not in names[first_other:], names  # tokens first
    done = events[-1][1]
    text = "".join(data["text"] for name, data in events if name == "token")
    assert text == done["reply"]["content"]
    assert done["usage"]["model"] == "offline"
    return events, done


async def get_ok(http: AsyncClient, url: str, headers: dict[str, str], **params: Any) -> Any:
    """GET that must answer 200; returns the JSON body."""
    response = await http.get(url, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def poll_summary(http: AsyncClient, url: str, headers: dict[str, str]) -> Any:
    """The summary, made in the background after a reply: polled for at most 10 s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while True:
        response = await http.get(url, headers=headers)
        if response.status_code == 200:
            return response.json()
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == "not_found"
        assert loop.time() < deadline, "no summary within 10 s"
        await asyncio.sleep(0.05)


def local_today() -> str:
    """The athlete's date now, in the profile's time zone."""
    return datetime.now(ZoneInfo(TZ)).date().isoformat()


# -- the scenario ------------------------------------------------------------------------


@dataclass
class Conversation:
    """What the scenario did, for the checks on the store."""

    coach_id: str
    conversation_id: str
    workouts: dict[str, Any] = field(default_factory=dict)
    """Logged workouts by id (UWS fields as the API returned them)."""
    contents: list[str] = field(default_factory=list)
    """Every message's content in order: user, coach, user, coach, ..."""
    recall_reply: str = ""


async def converse(http: AsyncClient) -> Conversation:
    """Run the whole conversation over HTTP as USER and check every answer on the way."""
    headers = auth(USER)
    profile = {"display_name": "Sam", "timezone": TZ, "units": "lb"}
    response = await http.put("/v1/profile", json=profile, headers=headers)
    assert response.status_code == 200, response.text
    coach_id = await new_coach(http, USER)
    conversation_id = await new_conversation(http, coach_id, USER)
    talk = Conversation(coach_id, conversation_id)
    url = messages_url(coach_id, conversation_id)
    conversation_url = url.removesuffix("/messages")
    summary_url = f"{conversation_url}/summary"
    days = {local_today()}

    def said(text: str, body: Any) -> None:
        talk.contents += [text, body["reply"]["content"]]
        assert body["conversation_id"] == conversation_id
        assert body["message_id"] != body["reply"]["message_id"]

    # 1. a workout, as JSON
    fran = await json_turn(http, url, headers, FRAN)
    said(FRAN, fran)
    [workout] = fran["workouts"]
    assert workout["workout_name"] == "Fran" and workout["discipline"] == "crossfit"
    assert "Fran" in fran["reply"]["content"] and "Sam" in fran["reply"]["content"]
    talk.workouts[workout["workout_id"]] = workout
    # two messages: no summary is due yet
    response = await http.get(summary_url, headers=headers)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"

    # 2. a workout, streamed
    events, run = await sse_turn(http, url, headers, RUN_10K)
    said(RUN_10K, run)
    [workout] = run["workouts"]
    [change] = run["workout_changes"]
    assert [data for name, data in events if name == "workout"] == [
        {**workout, "action": "logged", "change": change["summary"]}
    ]
    assert workout["discipline"] == "running"
    running = workout["discipline_specific"]["running"]
    assert (running["total_distance"], running["distance_unit"]) == (10, "km")
    assert running["total_time"] == 52 * 60 + 30
    talk.workouts[workout["workout_id"]] = workout
    days.add(local_today())

    # four messages: the first summary follows in the background
    summary = await poll_summary(http, summary_url, headers)
    assert summary["conversation_id"] == conversation_id and summary["coach_id"] == coach_id
    assert summary["messages_covered"] == SUMMARY_EVERY
    assert summary["trigger_reason"] == "message_count"
    assert summary["summary_text"] and "Fran" in summary["summary_text"]
    progress = " | ".join(summary["structured_data"]["key_facts"]["recent_progress"])
    assert "Fran" in progress and "10 km" in progress, progress

    # 3. a memory, streamed
    events, remember = await sse_turn(http, url, headers, REMEMBER)
    said(REMEMBER, remember)
    [saved] = remember["memories"]["saved"]
    assert "shoulder" in saved["content"].lower()
    assert [data for name, data in events if name == "memory"] == [
        {"action": "saved", "memory": saved}
    ]
    assert remember["workouts"] == []
    [memory] = (await get_ok(http, "/v1/memories", headers))["items"]
    assert (memory["memory_id"], memory["content"], memory["memory_type"]) == (
        saved["memory_id"],
        saved["content"],
        saved["memory_type"],
    )

    # 4. the next turn uses it
    recall = await json_turn(http, url, headers, RECALL)
    said(RECALL, recall)
    assert "shoulder" in recall["reply"]["content"].lower()
    talk.recall_reply = recall["reply"]["content"]

    # 5. and forgets it
    forget = await json_turn(http, url, headers, FORGET)
    said(FORGET, forget)
    assert forget["memories"]["forgotten"] == [
        {"memory_id": saved["memory_id"], "content": saved["content"]}
    ]
    assert forget["memories"]["saved"] == [] and forget["memories"]["updated"] == []
    assert (await get_ok(http, "/v1/memories", headers))["items"] == []

    # 6. the recent workouts are in the coach's context
    recent = await json_turn(http, url, headers, RECENT)
    said(RECENT, recent)
    assert "Fran" in recent["reply"]["content"] and "10 km" in recent["reply"]["content"]
    assert "shoulder" not in recent["reply"]["content"].lower()

    # the workouts, newest first, with their Universal Workout Schema fields
    fran_id, run_id = talk.workouts
    listed = (await get_ok(http, "/v1/workouts", headers))["items"]
    assert [w["workout_id"] for w in listed] == [run_id, fran_id]
    for item in listed:
        assert item == talk.workouts[item["workout_id"]]
        assert item["date"] in days
        assert (item["user_id"], item["coach_id"], item["conversation_id"]) == (
            USER,
            coach_id,
            conversation_id,
        )
        assert item["workout_type"] and item["metadata"]["schema_version"]
        assert item["discipline"] in item["discipline_specific"]
        assert await get_ok(http, f"/v1/workouts/{item['workout_id']}", headers) == item
    running_only = await get_ok(http, "/v1/workouts", headers, discipline="running")
    assert [w["workout_id"] for w in running_only["items"]] == [run_id]
    fran_data = talk.workouts[fran_id]["discipline_specific"]["crossfit"]
    assert fran_data["performance_data"]["total_time"] == 8 * 60 + 57
    thruster = fran_data["rounds"][0]["exercises"][0]
    assert thruster["exercise_name"] == "thruster"
    assert thruster["weight"]["value"] == 95 and thruster["weight"]["unit"] == "lb"

    # the conversation holds every message, in order
    detail = await get_ok(http, conversation_url, headers)
    assert detail["total_messages"] == TOTAL_MESSAGES
    messages = detail["messages"]["items"]
    assert [m["content"] for m in messages] == talk.contents
    assert [m["role"] for m in messages] == ["user", "assistant"] * len(TURNS)

    # the latest summary still carries the workouts
    latest = await poll_summary(http, summary_url, headers)
    assert SUMMARY_EVERY <= latest["messages_covered"] <= TOTAL_MESSAGES
    assert latest["version"] >= summary["version"]
    assert "Fran" in " | ".join(latest["structured_data"]["key_facts"]["recent_progress"])
    return talk
