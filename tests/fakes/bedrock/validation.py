"""A subset of Bedrock's real Converse request checks, so message-building bugs fail here
as they would in production."""

from __future__ import annotations

from typing import Any


def validation_error(body: dict[str, Any]) -> str | None:
    """A subset of Bedrock's real Converse checks, with its wording; None if valid."""
    try:
        return _check_messages(body)
    except (AttributeError, KeyError, TypeError) as exc:  # hand-made bodies, not botocore's
        return f"Malformed request body: {exc!r}"


def _check_messages(body: dict[str, Any]) -> str | None:
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages or messages[0].get("role") != "user":
        return (
            "A conversation must start with a user message. Try again with a conversation "
            "that starts with a user message."
        )
    uses_tools = False
    previous_tool_ids: set[str] = set()
    for i, message in enumerate(messages):
        if i and message.get("role") == messages[i - 1].get("role"):
            return (
                "A conversation must alternate between user and assistant roles. Make sure "
                "the conversation alternates between user and assistant roles and try again."
            )
        content = message.get("content") or []
        if not content:
            return f"The content field in the Message object at messages.{i} is empty."
        tool_ids: set[str] = set()
        result_ids: set[str] = set()
        for j, block in enumerate(content):
            text = block.get("text")
            if isinstance(text, str) and not text.strip():
                return (
                    f"The text field in the ContentBlock object at messages.{i}.content.{j} "
                    "is blank. Add text to the text field, and try again."
                )
            if "toolUse" in block:
                tool_ids.add(block["toolUse"]["toolUseId"])
            if "toolResult" in block:
                result_ids.add(block["toolResult"]["toolUseId"])
        uses_tools = uses_tools or bool(tool_ids or result_ids)
        if message.get("role") == "user":
            if result_ids - previous_tool_ids:
                return (
                    f"The number of toolResult blocks at messages.{i}.content exceeds the "
                    "number of toolUse blocks of previous turn."
                )
            if previous_tool_ids - result_ids:
                missing = ", ".join(sorted(previous_tool_ids - result_ids))
                return (
                    f"Expected toolResult blocks at messages.{i}.content for the following "
                    f"Ids: {missing}"
                )
        previous_tool_ids = tool_ids
    if uses_tools and not body.get("toolConfig"):
        return (
            "The toolConfig field must be defined when using toolUse and toolResult content blocks."
        )
    return None
