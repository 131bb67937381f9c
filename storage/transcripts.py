"""The transcript document, appended to without re-parsing it.

A transcript is rewritten after every turn and grows with the conversation; parsing and
re-serialising hundreds of messages each time was the largest cost of a chat turn. The
layout is fixed (`{"conversation": {...}, "messages": [...]}`, messages last), so new
messages are spliced in as bytes: linear memcpy instead of a JSON round trip.
"""

from __future__ import annotations

import json
from typing import Any

from storage.documents import dump_json

MESSAGES = b'"messages": ['
TAIL = b"]}"


def _seen(body: bytes, message: dict[str, Any]) -> bool:
    return b'"messageId": ' + dump_json(message["messageId"]) in body


def append_messages(
    current: bytes | None, conversation: dict[str, Any], messages: list[dict[str, Any]]
) -> bytes:
    """The transcript with `messages` appended (those already in it are skipped) and its
    conversation metadata replaced."""
    body = b""
    if current is not None:
        start = current.find(MESSAGES)
        if start < 0 or not current.endswith(TAIL):  # not this layout: take the slow path
            earlier = json.loads(current).get("messages", [])
            body = b", ".join(dump_json(m) for m in earlier)
        else:
            body = current[start + len(MESSAGES) : -len(TAIL)]
    added = [dump_json(m) for m in messages if not _seen(body, m)]
    joined = b", ".join([body, *added] if body.strip() else added)
    return b'{"conversation": ' + dump_json(conversation) + b", " + MESSAGES + joined + TAIL
