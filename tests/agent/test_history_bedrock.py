"""The same abilities with a real model (ChatBedrockConverse against the fake Converse
server): the tools are offered, each call returns this user's data only, and a history
question costs two model calls."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from agent.chat_models import build_chat_model
from agent.offline import OfflineCoachModel
from agent.periods import week_of
from agent.tools import TOOLS
from tests.factories import local_store, runner, seed_athlete
from tests.fakes.bedrock import FakeBedrock

MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
USER = "athlete-1"
OTHER = "athlete-2"


@pytest.fixture
async def setup(tmp_path: Path, server: FakeBedrock) -> AsyncIterator[Any]:
    server.reset()
    store = await local_store(tmp_path)
    coach, conversation = await seed_athlete(store, USER)
    other_coach, other_conversation = await seed_athlete(store, OTHER)
    offline = runner(store, OfflineCoachModel())
    monday = week_of(date.today() - timedelta(days=7))[0]
    await offline.run(USER, coach, conversation, f"ran 5k in 24:30 on {monday.isoformat()}")
    await offline.run(USER, coach, conversation, "Fran 8:57 rx")
    await offline.run(OTHER, other_coach, other_conversation, "ran 5k in 19:00")
    await offline.drain()
    model = build_chat_model(
        f"bedrock:{MODEL}", region="us-east-1", endpoint_url=server.endpoint_url, timeout_s=5
    )
    turns = runner(store, model, f"bedrock:{MODEL}", summary_every=1000)
    yield store, turns, coach, conversation, monday
    await turns.drain()


def tool_result(fake: FakeBedrock, request: int = 1) -> dict[str, Any]:
    block = fake.requests[request].messages[-1]["content"][0]["toolResult"]
    return dict(json.loads(block["content"][0]["text"]))


async def test_the_history_tools_are_offered_without_a_user_id(
    server: FakeBedrock, setup: Any
) -> None:
    store, turns, coach, conversation, _ = setup
    server.add_text("Hi Sam.")
    await turns.run(USER, coach, conversation, "hi")
    assert server.tool_names(0) == [t.name for t in TOOLS]
    for spec in server.requests[0].tool_config["tools"]:  # type: ignore[index]
        assert "user" not in json.dumps(spec["toolSpec"]["inputSchema"]).lower()


async def test_a_best_question_is_two_calls_with_this_users_numbers(
    server: FakeBedrock, setup: Any
) -> None:
    store, turns, coach, conversation, monday = setup
    server.add_tool_call("personal_bests", {"exercise": "5k"})
    server.add_text("Your best 5k is 24:30.")
    result = await turns.run(USER, coach, conversation, "what's my best 5k?")
    assert result.usage.model_calls == 2
    found = tool_result(server)
    assert [(b["exercise"], b["display"], b["date"]) for b in found["bests"]] == [
        ("run_5k", "24:30", monday.isoformat())
    ]
    assert "19:00" not in json.dumps(found)  # the other athlete's 5k


async def test_last_week_resolves_to_the_calendar_week(server: FakeBedrock, setup: Any) -> None:
    store, turns, coach, conversation, monday = setup
    server.add_tool_call("workouts_in_period", {"period": "last week"})
    server.add_text("Last week you ran a 5k.")
    result = await turns.run(USER, coach, conversation, "what did I do last week?")
    assert result.usage.model_calls == 2
    found = tool_result(server)
    assert found["period"]["from"] == monday.isoformat()
    assert found["period"]["to"] == (monday + timedelta(days=6)).isoformat()
    assert [w["date"] for w in found["workouts"]] == [monday.isoformat()]


async def test_a_correction_by_tool_call_moves_the_best(server: FakeBedrock, setup: Any) -> None:
    store, turns, coach, conversation, _ = setup
    server.add_tool_call(
        "change_workout",
        {"action": "update", "which": "latest", "field": "time", "value": "8:47"},
    )
    server.add_text("Fixed: Fran 8:57 → 8:47.")
    result = await turns.run(USER, coach, conversation, "my Fran was 8:47, not 8:57")
    assert tool_result(server)["change"] == "Fran: 8:57 → 8:47"
    assert [c.action for c in result.workout_changes] == ["updated"]
    best = await store.best(USER, "fran", "time")
    assert best is not None and best.value == 527


async def test_a_red_flag_is_never_logged_even_if_the_model_tries(
    server: FakeBedrock, setup: Any
) -> None:
    store, turns, coach, conversation, _ = setup
    server.add_tool_call("log_workout", {})
    server.add_text("Please stop and get checked.")
    result = await turns.run(USER, coach, conversation, "ran 3k then chest pain, had to stop")
    assert tool_result(server)["refused"] == "red_flag"
    assert result.workouts == []
    assert "red-flag" in server.system_text(0)
