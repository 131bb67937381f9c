"""Shared builders for tests: a store, a coach, a conversation, a runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatResult

from agent.coaches import demo_coach
from agent.turn import TurnOptions, TurnRunner
from storage.factory import open_store
from storage.ids import new_id
from storage.models import Conversation, Profile
from storage.protocols import Store
from storage.quotas import StoredLimits
from storage.repository import Repository

PAGE_SECRET = b"test-page-secret"


async def local_store(tmp_path: Path, limits: StoredLimits | None = None) -> Repository:
    """A fresh local (SQLite + files) store under `tmp_path`."""
    store = open_store(
        "local", data_dir=tmp_path, table="t", bucket="b", page_secret=PAGE_SECRET, limits=limits
    )
    await store.init()
    return store


async def seed_athlete(
    store: Store, user_id: str = "athlete-1", *, timezone: str = "UTC", units: str = "lb"
) -> tuple[str, str]:
    """A profile, the demo coach and one conversation; returns (coach_id, conversation_id)."""
    await store.put_profile(
        Profile(user_id=user_id, display_name="Sam", timezone=timezone, units=units)  # type: ignore[arg-type]
    )
    coach = await store.create_coach(demo_coach(user_id))
    conversation = await store.create_conversation(
        Conversation(user_id=user_id, coach_id=coach.coach_id, conversation_id=new_id())
    )
    return coach.coach_id, conversation.conversation_id


def runner(
    store: Store, model: BaseChatModel, name: str = "offline", **options: object
) -> TurnRunner:
    """A TurnRunner with fast retries for tests."""
    defaults: dict[str, object] = {"max_attempts": 3, "timeout_s": 10.0, "retry_delay_s": 0.001}
    return TurnRunner(
        store=store,
        chat_model=model,
        model_name=name,
        options=TurnOptions(**{**defaults, **options}),  # type: ignore[arg-type]
    )


class BrokenModel(BaseChatModel):
    """A model that always fails with a transient error."""

    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "broken"

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.calls += 1
        raise TimeoutError("model timed out")
