"""A workout turn through the real ChatBedrockConverse (against the fake Converse server):
logged from the draft, and numbers the model invents are refused.
"""

from __future__ import annotations

import json
from typing import Any

from tests.agent.turn_bedrock.conftest import USER
from tests.fakes.bedrock import FakeBedrock


async def test_workout_turn_logs_with_two_calls_when_draft_is_complete(
    fake: FakeBedrock, setup: Any
) -> None:
    store, turns, coach_id, conversation_id = setup
    fake.add_tool_call("log_workout", {})
    fake.add_text("Logged Fran in 8:57 at 95 lb. Strong work!")
    result = await turns.run(
        USER, coach_id, conversation_id, "Did Fran in 8:57 with 95 lb thrusters"
    )
    assert result.usage.model_calls == 2
    assert result.workouts[0].workout_name == "Fran"
    tool_result = fake.requests[1].messages[-1]["content"][0]["toolResult"]
    logged = json.loads(tool_result["content"][0]["text"])
    assert logged["logged"][0]["description"]


async def test_incomplete_draft_asks_model_and_rejects_invented_numbers(
    fake: FakeBedrock, setup: Any
) -> None:
    store, turns, coach_id, conversation_id = setup
    fake.add_tool_call("log_workout", {})
    invented = {
        "workouts": [
            {
                "date": "2026-01-01",
                "discipline": "powerlifting",
                "workout_type": "strength",
                "discipline_specific": {
                    "powerlifting": {
                        "exercises": [
                            {
                                "exercise_name": "back_squat",
                                "sets": [
                                    {
                                        "set_number": 1,
                                        "reps": 5,
                                        "weight": {"value": 999, "unit": "lb"},
                                    }
                                ],
                            }
                        ]
                    }
                },
            }
        ]
    }
    fake.add_tool_call("record_workouts", invented)
    fake.add_text("Logged your squats.")
    result = await turns.run(USER, coach_id, conversation_id, "did some squats 5x5 today")
    assert result.usage.model_calls == 3
    data = json.dumps([w.model_dump(mode="json") for w in result.workouts])
    assert "999" not in data  # the grounding check threw the invention away
