"""The transcript splice gives exactly what a JSON round trip would."""

from __future__ import annotations

import json
from typing import Any

from storage.transcripts import append_messages


def _message(i: int, text: str = "hi") -> dict[str, Any]:
    return {"messageId": f"m{i:03d}", "role": "user", "content": f'{text} "{i}" ]}} ü'}


def test_appends_replaces_metadata_and_skips_messages_already_there() -> None:
    first = append_messages(None, {"title": "a"}, [_message(1), _message(2)])
    second = append_messages(first, {"title": '"messages": ['}, [_message(2), _message(3)])
    doc = json.loads(second)
    assert doc["conversation"] == {"title": '"messages": ['}
    assert [m["messageId"] for m in doc["messages"]] == ["m001", "m002", "m003"]
    assert doc["messages"][2] == _message(3)


def test_empty_and_foreign_layouts() -> None:
    empty = append_messages(None, {}, [])
    assert json.loads(append_messages(empty, {}, [_message(1)]))["messages"] == [_message(1)]
    foreign = json.dumps({"messages": [_message(1)], "conversation": {}}).encode()
    doc = json.loads(append_messages(foreign, {"v": 1}, [_message(1), _message(2)]))
    assert [m["messageId"] for m in doc["messages"]] == ["m001", "m002"]
