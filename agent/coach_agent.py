"""The coach's agent graph: the model, its tools and middleware, and its streamed reply."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any, cast

from langchain.agents import create_agent
from langchain.agents.middleware import (
    AgentMiddleware,
    InputAgentState,
    ModelFallbackMiddleware,
    ModelRequest,
    dynamic_prompt,
)
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    AnyMessage,
    HumanMessage,
    SystemMessage,
)
from langgraph.types import StreamMode

from agent.errors import ModelUnavailable
from agent.offline_context import OfflineContextMiddleware, uses_offline
from agent.reply_stream import ReplyStream
from agent.resilience import TimedCall, model_retry
from agent.tools import TOOLS
from agent.work import TurnWork
from storage.models import Message

log = logging.getLogger(__name__)

STREAM_MODES: list[StreamMode] = ["messages", "updates"]
UPDATES: list[StreamMode] = ["updates"]
"""Without token streaming: only each step's new messages."""
FALLBACK_REPLY = "Sorry, I couldn't put a reply together just now. Please try again."


@dynamic_prompt
def _system_prompt(request: ModelRequest) -> SystemMessage:
    """The system message the runner rendered for this turn."""
    work = cast(TurnWork, request.runtime.context)
    return work.system


UNANSWERED = "(No reply was given to this message.)"
"""Stands between two user messages in a row: a message whose turn failed and was not
retried stays its own turn instead of merging into the next one (Bedrock joins messages
of one role), and the conversation keeps alternating."""


def conversation(history: list[Message], message: Message) -> list[HumanMessage | AIMessage]:
    """The history and the new message as the model's messages, alternating roles."""
    out: list[HumanMessage | AIMessage] = []
    for stored in [*history, message]:
        if stored.role == "user" and out and isinstance(out[-1], HumanMessage):
            out.append(AIMessage(content=UNANSWERED))
        out.append(_to_lc(stored))
    return out


def _to_lc(message: Message) -> HumanMessage | AIMessage:
    """The stored message as LangChain's, under its own id.

    Without an id the graph mints a uuid for every history message at every step.
    """
    if message.role == "user":
        return HumanMessage(content=message.content, id=message.message_id)
    return AIMessage(content=message.content, id=message.message_id)


class CoachAgent:
    """One agent graph per process, shared by every turn (each brings its `TurnWork`)."""

    def __init__(
        self,
        chat_model: BaseChatModel,
        *,
        fallback_model: BaseChatModel | None = None,
        max_attempts: int,
        retry_delay_s: float,
        timeout_s: float,
    ) -> None:
        # Outermost first: the prompt, the offline context, fallback, retry, a timed call.
        middleware: list[AgentMiddleware[Any, Any, Any]] = [_system_prompt]
        if uses_offline(chat_model, fallback_model):
            middleware.append(OfflineContextMiddleware())
        if fallback_model is not None:
            middleware.append(ModelFallbackMiddleware(fallback_model))
        middleware.append(model_retry(max_attempts=max_attempts, initial_delay=retry_delay_s))
        middleware.append(TimedCall(timeout_s=timeout_s))
        self._graph = create_agent(
            chat_model, tools=TOOLS, middleware=middleware, context_schema=TurnWork
        )

    async def reply(self, work: TurnWork, *, tokens: bool) -> AsyncIterator[str]:
        """Stream the reply's tokens (if `tokens`).

        The final message is kept on `work` for the commit.
        """
        messages: list[AnyMessage | dict[str, Any]] = [
            *conversation(work.context.history, work.message)
        ]
        inputs = InputAgentState(messages=messages)
        produced: list[AIMessage] = []
        replies = ReplyStream()
        try:
            # "updates" rather than "values": only this turn's new messages, not the whole
            # state copied at every step.
            # With several modes, each part is a (mode, payload) pair.
            modes = STREAM_MODES if tokens else UPDATES
            async for part in self._graph.astream(inputs, context=work, stream_mode=modes):
                mode, payload = cast(tuple[StreamMode, Any], part)
                if mode == "updates":
                    for update in payload.values():
                        new = update.get("messages", []) if isinstance(update, dict) else []
                        produced.extend(m for m in new if isinstance(m, AIMessage))
                    continue
                chunk, meta = payload
                if (
                    isinstance(chunk, AIMessageChunk)
                    and meta.get("langgraph_node") == "model"
                    and chunk.text
                    and (text := replies.feed(meta.get("langgraph_step"), chunk.id, chunk.text))
                ):
                    yield text
        except Exception as exc:  # noqa: BLE001 - any model failure after retries
            log.warning("model failed for turn %s: %r", work.message.message_id, exc)
            raise ModelUnavailable(
                "the coach's language model is unavailable right now; your message was kept, "
                "please retry"
            ) from exc
        for m in produced:
            work.spend.add_usage(m)
        work.reply_text = (produced[-1].text if produced else "").strip() or FALLBACK_REPLY
