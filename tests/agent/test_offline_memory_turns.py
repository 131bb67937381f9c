"""The offline engine's answers around the log: a message that asks the coach to keep
something is answered as that, not as a question about the log, and a period with none of
the sport asked about says so of that sport, not of all training; one session is one; a
corrected load is reported on its exercise."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.offline import OfflineCoachModel
from tests.factories import runner, seed_athlete
from tests.storage.conftest import make_store

USER = "athlete-memory-turns"


async def _replies(tmp_path: Path, *messages: str) -> list[str]:
    store = make_store("local", tmp_path)
    await store.init()
    coach, conversation = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel(), summary_every=1000)
    replies = []
    for text in messages:
        result = await turns.run(USER, coach, conversation, text)
        replies.append(result.reply.content)
    await turns.aclose()
    return replies


@pytest.mark.parametrize(
    "request_text",
    [
        "I'd appreciate it if you always kept my long runs on Sundays.",
        "Please remember that my runs on Saturdays are always easy.",
        "note that my training this week is lighter because of exams, keep it in mind",
    ],
)
async def test_a_keep_request_naming_runs_or_a_week_is_not_read_as_a_history_question(
    tmp_path: Path, request_text: str
) -> None:
    _, reply = await _replies(tmp_path, "ran 5k in 25:10 today", request_text)
    assert "keep that in mind" in reply.lower() or "noted" in reply.lower(), reply
    assert "workout" not in reply and "25:10" not in reply, reply  # no history answer


async def test_a_keep_request_with_a_question_gets_both(tmp_path: Path) -> None:
    _, reply = await _replies(
        tmp_path, "ran 5k in 25:10 today", "Remember I hate burpees. What did I do this week?"
    )
    assert "burpees" in reply.lower() or "noted" in reply.lower(), reply
    assert "5k" in reply or "run" in reply.lower(), reply


async def test_a_period_with_none_of_the_sport_asked_says_so_of_that_sport(tmp_path: Path) -> None:
    _, reply = await _replies(tmp_path, "ran 5k in 25:10 today", "did I swim this week?")
    assert "no swimming sessions logged" in reply, reply


async def test_progress_after_one_session_says_it_in_the_singular(tmp_path: Path) -> None:
    _, reply = await _replies(tmp_path, "back squat 5x5 @ 100kg", "how is my back squat going?")
    assert "your last session:" in reply and "1 sessions" not in reply, reply


async def test_a_corrected_load_is_reported_on_its_exercise(tmp_path: Path) -> None:
    _, reply = await _replies(
        tmp_path, "back squat 5x5 @ 100kg, RDL 3x10 @ 80kg", "actually the squat was 105 not 100"
    )
    assert "back squat: 100 kg → 105 kg" in reply, reply


async def test_a_new_log_is_not_taken_for_the_answer_the_coach_asked_for(tmp_path: Path) -> None:
    asked, new = await _replies(tmp_path, "ran a half marathon on Sunday", "10k tempo run in 48:00")
    assert "What was your time?" in asked, asked
    assert "Logged: 10 km tempo run in 48:00" in new and "Updated" not in new, new


async def test_a_reply_pointing_back_answers_the_coach(tmp_path: Path) -> None:
    _, answer = await _replies(tmp_path, "ran a half marathon on Sunday", "it took me 1:52:30")
    assert "no time → 1:52:30" in answer, answer
