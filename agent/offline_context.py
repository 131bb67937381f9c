"""What the offline engine reads about the turn, attached only when it is in use.

The offline model has no language understanding: it composes replies from the turn's
data (athlete name, memory changes, recent workouts, bests). This middleware puts that
data on the system message for it; other models never see it.
"""

from __future__ import annotations

from typing import cast

from langchain.agents.middleware import AgentMiddleware, ModelRequest, ModelResponse
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import SystemMessage

from agent.offline import OFFLINE_KEY, OfflineCoachModel
from agent.offline_intents import Pending
from agent.offline_replies import MemoryOutcome, OfflineContext
from agent.resilience import Handler
from agent.work import TurnWork


def uses_offline(*models: BaseChatModel | None) -> bool:
    """Whether any of the turn's models (main or fallback) is the offline engine."""
    return any(isinstance(m, OfflineCoachModel) for m in models)


def offline_context(work: TurnWork) -> OfflineContext:
    """The slice of the turn the offline engine composes its reply from."""
    context, changes = work.context, work.memory.changes
    state = context.conversation.state
    profile = context.profile
    return OfflineContext(
        athlete_name=profile.nickname or profile.display_name or profile.first_name or "there",
        personality=context.coach.selected_personality.primary_template,
        memory=MemoryOutcome(
            saved=[m.content for m in changes.saved],
            updated=[m.content for m in changes.updated],
            forgotten=[m.content for m in changes.forgotten],
            duplicate=work.memory.duplicate_of,
            unmatched_forget=work.memory.unmatched_forget,
            refused=work.memory.refused,
            left_out=work.memory.left_out,
        ),
        memories=[m.content for m in work.memories],
        recent_workouts=[f"{w.date} {w.summary}" for w in context.recent_workouts],
        pending=Pending.model_validate(state.pending.model_dump()) if state.pending else None,
        red_flag=work.red_flag is not None,
        goal_saved=any(m.memory_type == "goal" for m in changes.saved),
    )


class OfflineContextMiddleware(AgentMiddleware):
    """Attach `offline_context` to the system message of every model call."""

    async def awrap_model_call(self, request: ModelRequest, handler: Handler) -> ModelResponse:
        """Add the context (a few µs to build; no model but the offline one reads it)."""
        work = cast(TurnWork, request.runtime.context)
        system = request.system_message or work.system
        attached = SystemMessage(
            content=system.content,
            additional_kwargs={
                **system.additional_kwargs,
                OFFLINE_KEY: offline_context(work).model_dump(),
            },
        )
        return await handler(request.override(system_message=attached))
