"""The offline engine on requests and questions about training: a request for a session
is not taken for the athlete's own plan, and a question about an exercise with nothing
logged names the exercise, not the whole question."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.offline_intents import intent
from tests.agent.test_offline_memory_turns import _replies


@pytest.mark.parametrize(
    "request_text",
    [
        "give me a workout for tomorrow",
        "what should I do tomorrow?",
        "can you write me a session for tonight",
        "should I run tomorrow or rest?",
        "could you plan my long run for tomorrow",
    ],
)
async def test_a_request_for_a_session_is_not_answered_as_the_athletes_plan(
    tmp_path: Path, request_text: str
) -> None:
    _, reply = await _replies(tmp_path, "ran 5k in 25:10 today", request_text)
    assert "sounds like a plan" not in reply.lower(), reply
    assert "can't write you a session" in reply, reply
    assert "5 km run in 25:10" in reply, reply  # what the coach knows, offered instead


@pytest.mark.parametrize(
    "plan", ["I'm going to do intervals tomorrow", "I'll rest tomorrow, legs are toast"]
)
async def test_the_athletes_own_plan_is_acknowledged(tmp_path: Path, plan: str) -> None:
    (reply,) = await _replies(tmp_path, plan)
    assert "sounds like a plan" in reply.lower(), reply


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what's my best deadlift?", "deadlift"),
        ("how is my squat progressing?", "squat"),
        ("how's my bench press coming along?", "bench press"),
        ("what's my fastest 10k?", "10k"),
        ("what is my best 10 mile time", "10 mile"),
        ("how did my tempo runs go last time?", "tempo runs"),
    ],
)
async def test_a_question_about_an_exercise_never_logged_names_the_exercise(
    tmp_path: Path, question: str, named: str
) -> None:
    _, reply = await _replies(tmp_path, "ran 5k in 25:10 today", question)
    assert reply.startswith("I don't have any") and named in reply, reply
    assert question.rstrip("?") not in reply, reply


async def test_coming_along_asks_for_progress(tmp_path: Path) -> None:
    _, _, reply = await _replies(
        tmp_path, "bench 3x5 @ 80kg", "bench 3x5 @ 82.5kg", "how's my bench coming along?"
    )
    assert "Bench press" in reply and "82.5 kg" in reply, reply


async def test_how_many_times_an_exercise_was_done_lists_its_sessions(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path,
        "bench 5x5 @ 80kg yesterday",
        "ran 5k in 25:10 today",
        "bench 3x5 @ 82.5kg today",
        "how many times did I bench this week?",
    )
    assert "2 workouts" in reply and "82.5 kg" in reply and "80 kg" in reply, reply
    assert "25:10" not in reply, reply  # the run is not a bench session


async def test_compare_asks_for_progress(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path, "deadlift 3x5 @ 140kg yesterday", "deadlift 3x5 @ 145kg", "compare my deadlift"
    )
    assert "Deadlift" in reply and "145 kg" in reply, reply


@pytest.mark.parametrize(
    "question", ["what's my Fran time?", "whats my best fran", "my fran score?"]
)
async def test_a_named_workouts_time_is_its_best(tmp_path: Path, question: str) -> None:
    _, _, reply = await _replies(tmp_path, "Fran 9:40 rx", "Fran 8:57 rx", question)
    assert "8:57" in reply and "language model" not in reply, reply


@pytest.mark.parametrize(
    "message", ["It's 6am now not 5, update my training time", "my usual race time is 9am"]
)
def test_a_time_named_outside_a_question_is_no_best_asked(message: str) -> None:
    assert intent(message, None, red_flag=False, goal_saved=False) != (
        "personal_bests",
        {"exercise": message},
    )


async def test_did_i_do_a_named_workout_lists_it(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path, "Murph today 52:30", "ran 5k in 25:10", "did I do Murph in the last 7 days?"
    )
    assert "Murph (for time): 52:30" in reply and "25:10" not in reply, reply


async def test_a_named_workouts_best_keeps_its_capital(tmp_path: Path) -> None:
    _, reply = await _replies(tmp_path, "Murph today 52:30", "what's my Murph time?")
    assert "Your best Murph: 52:30" in reply, reply
