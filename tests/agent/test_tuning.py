"""Each speed-up in agent/tuning.py still does what it relies on the libraries for.

These fail when a LangChain, LangSmith or langchain-aws upgrade changes the behaviour a
speed-up leans on, so it is re-measured or dropped rather than silently doing nothing.
"""

from __future__ import annotations

import threading
from typing import Any

from langchain.agents import create_agent
from langchain.agents.middleware import AgentState, before_model
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, SystemMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langgraph.runtime import Runtime

from agent.chat_models import build_chat_model
from agent.offline import OfflineCoachModel
from agent.tuning import (
    CACHE_POINT,
    bedrock_system_blocks,
    keep_untraced_hooks_inline,
    size_default_executor,
)
from tests.fakes.bedrock import FakeBedrock

MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0"


async def test_middleware_hooks_stay_on_the_event_loop_thread() -> None:
    keep_untraced_hooks_inline()
    seen: list[int] = []

    @before_model
    def record(state: AgentState, runtime: Runtime[None]) -> None:
        seen.append(threading.get_ident())

    agent = create_agent(OfflineCoachModel(), tools=[], middleware=[record])
    await agent.ainvoke({"messages": [{"role": "user", "content": "hi"}]})
    assert seen == [threading.get_ident()]


class _SyncOnly(BaseChatModel):
    """A model with no async path, like ChatBedrockConverse's boto3 client."""

    thread: str = ""

    @property
    def _llm_type(self) -> str:
        return "sync-only"

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.thread = threading.current_thread().name
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="ok"))])


async def test_sync_model_calls_run_in_the_sized_default_executor() -> None:
    size_default_executor(4)
    model = _SyncOnly()
    await model.ainvoke("hi")
    assert model.thread.startswith("coach")


async def test_bedrock_system_blocks_reach_converse_unchanged() -> None:
    with FakeBedrock() as fake:
        fake.add_text("fine")
        model = build_chat_model(
            f"bedrock:{MODEL_ID}", region="us-east-1", endpoint_url=fake.endpoint_url
        )
        blocks = bedrock_system_blocks("You are a coach.", "Today is Monday.")
        await model.ainvoke([SystemMessage(content=blocks), ("user", "hi")])
        sent = fake.last_request.body["system"]
    assert sent == [{"text": "You are a coach."}, CACHE_POINT, {"text": "Today is Monday."}]
