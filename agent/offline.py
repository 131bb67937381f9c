"""The offline engine: a deterministic LangChain chat model for running without an LLM.

It sits in the same agent graph as Bedrock: it decides tool calls with the rule-based
workout extractor and composes replies from templates in the coach's voice, reading
the turn context the prompt builder attaches to the system message.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForLLMRun,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.messages.tool import tool_call_chunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool

from agent.offline_intents import intent
from agent.offline_replies import OfflineContext, compose_reply

OFFLINE_KEY = "offline_context"
"""`SystemMessage.additional_kwargs` key holding the OfflineContext (other models ignore it)."""

SENTENCE_END = re.compile(r"(?<=[.!?:])(?= )")
"""Split before the space after a sentence, so the pieces join back exactly."""


def _text(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    return " ".join(b.get("text", "") for b in content if isinstance(b, dict))


class OfflineCoachModel(BaseChatModel):
    """Deterministic coach: same input, same output, no network."""

    model_name: str = "offline"

    @property
    def _llm_type(self) -> str:
        return "coach-offline"

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Any],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Remember which tools exist; the engine only calls those it was given."""
        names = [convert_to_openai_tool(t)["function"]["name"] for t in tools]
        return self.bind(tool_names=names, **kwargs)

    def _decide(self, messages: list[BaseMessage], tool_names: list[str]) -> AIMessage:
        system = next((m for m in messages if isinstance(m, SystemMessage)), None)
        raw = system.additional_kwargs.get(OFFLINE_KEY, {}) if system else {}
        context = OfflineContext.model_validate(raw)
        last_human = max(
            (i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=-1
        )
        text = _text(messages[last_human]) if last_human >= 0 else ""
        tool_messages = [m for m in messages[last_human + 1 :] if isinstance(m, ToolMessage)]
        call = None
        if not tool_messages:
            call = intent(
                text, context.pending, context.red_flag, context.goal_saved, context.memory.changed
            )
        if call is not None and call[0] in tool_names:
            name, args = call
            call_id = "call_" + hashlib.sha1(f"{name}{text}".encode()).hexdigest()[:12]
            return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])
        results = [(str(m.name), json.loads(_text(m))) for m in tool_messages]
        return AIMessage(content=compose_reply(text, context, results))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        message = self._decide(messages, kwargs.get("tool_names", []))
        message.response_metadata = {"model_name": self.model_name}
        return ChatResult(generations=[ChatGeneration(message=message)])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        """Native async: the engine is pure CPU, so no hop to a worker thread."""
        return self._generate(messages, stop, **kwargs)

    def _chunks(
        self, messages: list[BaseMessage], kwargs: dict[str, Any]
    ) -> Iterator[AIMessageChunk]:
        """Sentence by sentence, like a model streaming, so the streaming path is exercised.

        Not word by word: each chunk is one pass through the callbacks and the agent's
        stream (about 0.15 ms here), and the offline reply is ready at once anyway.
        """
        message = self._decide(messages, kwargs.get("tool_names", []))
        if message.tool_calls:
            calls = [
                tool_call_chunk(name=c["name"], args=json.dumps(c["args"]), id=c["id"], index=i)
                for i, c in enumerate(message.tool_calls)
            ]
            yield AIMessageChunk(content="", tool_call_chunks=calls)
            return
        for piece in SENTENCE_END.split(str(message.content)):
            yield AIMessageChunk(content=piece)

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for piece in self._chunks(messages, kwargs):
            chunk = ChatGenerationChunk(message=piece)
            if run_manager and piece.text:
                run_manager.on_llm_new_token(piece.text, chunk=chunk)
            yield chunk

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        for piece in self._chunks(messages, kwargs):
            chunk = ChatGenerationChunk(message=piece)
            if run_manager and piece.text:
                await run_manager.on_llm_new_token(piece.text, chunk=chunk)
            yield chunk
