"""What the client put on the wire, recorded per request for assertions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Operation = Literal["converse", "converse-stream"]


@dataclass(frozen=True)
class RecordedRequest:
    """What the client actually put on the wire, for assertions."""

    operation: Operation
    model_id: str
    body: dict[str, Any]
    headers: dict[str, str]  # names lower-cased
    path: str

    @property
    def system(self) -> list[dict[str, Any]]:
        """The Converse `system` blocks (text, cachePoint, guardContent...)."""
        return list(self.body.get("system") or [])

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The Converse `messages` list."""
        return list(self.body.get("messages") or [])

    @property
    def tool_config(self) -> dict[str, Any] | None:
        """The Converse `toolConfig` (tools + toolChoice), if tools were bound."""
        return self.body.get("toolConfig")

    @property
    def inference_config(self) -> dict[str, Any]:
        """The Converse `inferenceConfig` (maxTokens, temperature, stopSequences...)."""
        return dict(self.body.get("inferenceConfig") or {})


def forced_tool_name(body: dict[str, Any]) -> str | None:
    """The tool a request forces via `toolChoice.tool` -- how structured output is encoded.

    Handy in a `handler` to answer `with_structured_output(...)` calls.
    """
    choice = (body.get("toolConfig") or {}).get("toolChoice") or {}
    tool = choice.get("tool")
    return tool.get("name") if isinstance(tool, dict) else None
