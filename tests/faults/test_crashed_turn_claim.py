"""Issue 13, item 1: a turn whose process died (kill -9) left its claim `pending`; a
retry with the same `client_message_id` must take the turn over once its lease has run
out and complete it exactly once, and a duplicate of a running turn must not wait 60 s."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from agent.errors import TurnInProgress
from agent.events import ErrorEvent
from agent.offline import OfflineCoachModel
from storage.errors import RateLimited
from storage.ids import new_id
from storage.models import Message, MessageMetadata
from storage.turn_writes import Quota
from tests.factories import BrokenModel, local_store, runner, seed_athlete

USER = "athlete-1"


async def test_a_crashed_turn_is_taken_over_after_its_lease_and_answered_once(
    tmp_path: Path,
) -> None:
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    crashed = Message(
        message_id=new_id(),
        conversation_id=conversation_id,
        coach_id=coach_id,
        role="user",
        content="rowed 2000m in 7:41",
        metadata=MessageMetadata(client_message_id="k-1"),
    )
    await store.begin_turn(USER, crashed)  # stored and claimed; then the process died
    turns = runner(store, OfflineCoachModel(), lease_s=0.2)
    result = await turns.run(USER, coach_id, conversation_id, "rowed 2000m in 7:41", "k-1")
    await turns.drain()
    assert result.message_id == crashed.message_id and len(result.workouts) == 1
    stored = await store.latest_messages(USER, conversation_id, 10)
    assert [m.role for m in stored] == ["user", "assistant"]
    again = await turns.run(USER, coach_id, conversation_id, "rowed 2000m in 7:41", "k-1")
    assert again == result


class _Slow(BaseChatModel):
    """Answers after `delay_s`, like a model under load."""

    delay_s: float = 1.0

    @property
    def _llm_type(self) -> str:
        return "slow"

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        raise NotImplementedError

    async def _agenerate(
        self, messages: list[BaseMessage], *args: Any, **kwargs: Any
    ) -> ChatResult:
        await asyncio.sleep(self.delay_s)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="Done."))])


async def test_a_duplicate_of_a_running_turn_gets_a_prompt_409_with_retry_after(
    tmp_path: Path,
) -> None:
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(store, _Slow(delay_s=3.0), "slow")
    first = asyncio.create_task(turns.run(USER, coach_id, conversation_id, "hello", "k-2"))
    await asyncio.sleep(0.3)
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(TurnInProgress) as raised:
        await turns.run(USER, coach_id, conversation_id, "hello", "k-2")
    assert loop.time() - started < 2.5, "a duplicate must not wait for the whole turn"
    assert raised.value.retry_after >= 1
    result = await first
    assert await turns.run(USER, coach_id, conversation_id, "hello", "k-2") == result
    await turns.drain()


async def test_a_retry_that_runs_the_model_again_counts_against_the_rate_limit(
    tmp_path: Path,
) -> None:
    """Issue 16: retrying a failed turn with the same key ran the model again uncounted."""
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(store, BrokenModel(), "down", max_attempts=1)
    quota = Quota(per_minute=2, per_day=100, now_epoch=int(time.time()))

    async def attempt() -> list[Any]:
        stream = turns.stream(USER, coach_id, conversation_id, "hello", "k-3", quota)
        return [event async for event in stream]

    assert isinstance((await attempt())[-1], ErrorEvent)  # counted: 1
    assert isinstance((await attempt())[-1], ErrorEvent)  # the retry runs the model: 2
    with pytest.raises(RateLimited):
        await attempt()
    await turns.drain()
