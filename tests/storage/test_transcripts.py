"""Transcript appends: the byte splice and the in-place file edit give exactly what a JSON
round trip would, skip messages already there and keep the document whole."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from storage.files import FileBucket
from storage.transcripts import WINDOW, TranscriptAppend, UnreadableTranscript

KEY = "athletes/u/conversations/c.json"
META = "athletes/u/conversations/c_metadata.json"


def _message(i: int, text: str = "hi") -> dict[str, Any]:
    return {"messageId": f"m{i:04d}", "role": "user", "content": f'{text} "{i}" ]}} ü'}


def _ids(document: bytes) -> list[str]:
    return [m["messageId"] for m in json.loads(document)["messages"]]


def _append(bucket: FileBucket, conversation: dict[str, Any], *messages: dict[str, Any]) -> bytes:
    bucket.rewrite(KEY, TranscriptAppend.of(conversation, list(messages)))
    return bucket.get(KEY) or b""


@pytest.fixture
def bucket(tmp_path: Path) -> FileBucket:
    files = FileBucket(tmp_path / "documents")
    files.create()
    return files


def test_appends_replaces_metadata_and_skips_messages_already_there() -> None:
    first = TranscriptAppend.of({"title": "a"}, [_message(1), _message(2)])(None)
    change = TranscriptAppend.of({"title": '], "conversation": '}, [_message(2), _message(3)])
    doc = json.loads(change(first))
    assert doc["conversation"] == {"title": '], "conversation": '}
    assert [m["messageId"] for m in doc["messages"]] == ["m0001", "m0002", "m0003"]
    assert doc["messages"][2] == _message(3)


def test_empty_and_other_layouts() -> None:
    empty = TranscriptAppend.of({}, [])(None)
    assert json.loads(empty) == {"messages": [], "conversation": {}}
    assert _ids(TranscriptAppend.of({}, [_message(1)])(empty)) == ["m0001"]
    # The layout before this one (metadata first) is re-encoded on its next append.
    older = json.dumps({"conversation": {}, "messages": [_message(1)]}).encode()
    doc = json.loads(TranscriptAppend.of({"v": 1}, [_message(1), _message(2)])(older))
    assert doc == {"messages": [_message(1), _message(2)], "conversation": {"v": 1}}


def test_file_appends_in_place_match_the_whole_rewrite(bucket: FileBucket) -> None:
    expected: bytes | None = None
    for turn in range(1, 40):
        meta = {"title": "t" * (turn % 7), "totalMessages": 2 * turn}
        pair = [_message(2 * turn, "x" * turn), _message(2 * turn + 1)]
        expected = TranscriptAppend.of(meta, pair)(expected)
        document = _append(bucket, meta, *pair)
        assert json.loads(document) == json.loads(expected)


def test_file_append_writes_only_the_end(bucket: FileBucket, tmp_path: Path) -> None:
    for i in range(0, 2000, 2):
        _append(bucket, {"n": i}, _message(i, "x" * 300), _message(i + 1))
    path = tmp_path / "documents" / KEY
    inode, size = path.stat().st_ino, path.stat().st_size
    assert size > 2 * WINDOW  # the window is a small part of the document
    _append(bucket, {"n": -1}, _message(5000))
    assert path.stat().st_ino == inode  # edited, not replaced by a new file
    assert _ids(path.read_bytes())[-2:] == ["m1999", "m5000"]


def test_file_append_retried_changes_nothing(bucket: FileBucket) -> None:
    _append(bucket, {"n": 1}, _message(1), _message(2))
    once = _append(bucket, {"n": 2}, _message(3), _message(4))
    assert _append(bucket, {"n": 2}, _message(3), _message(4)) == once


def test_shorter_metadata_pads_instead_of_leaving_old_bytes(bucket: FileBucket) -> None:
    _append(bucket, {"title": "a long title " * 20}, _message(1))
    document = _append(bucket, {"title": "short"})
    assert json.loads(document) == {"messages": [_message(1)], "conversation": {"title": "short"}}
    assert document.endswith(b"}")


def test_a_torn_end_is_not_edited_and_garbage_is_refused(bucket: FileBucket) -> None:
    whole = _append(bucket, {"n": 1}, _message(1), _message(2))
    torn = whole[:-9]  # a write cut short: the metadata is no longer whole
    assert TranscriptAppend.of({"n": 2}, [_message(3)]).edit_tail(torn) is None
    with pytest.raises(UnreadableTranscript):
        TranscriptAppend.of({"n": 2}, [_message(3)])(torn)


def test_file_in_another_layout_is_rewritten_whole(bucket: FileBucket) -> None:
    bucket.put(KEY, json.dumps({"conversation": {}, "messages": [_message(1)]}).encode())
    document = _append(bucket, {"v": 2}, _message(2))
    assert json.loads(document) == {
        "messages": [_message(1), _message(2)],
        "conversation": {"v": 2},
    }


def _append_turns(root: Path, tag: int, n: int) -> None:
    """Run in another process: `n` turns appended to one transcript, with its metadata."""
    bucket = FileBucket(root)
    for i in range(n):
        meta = {"by": tag, "version": tag * 1000 + i}
        bucket.rewrite(KEY, TranscriptAppend.of(meta, [_message(tag * 1000 + i)]))


def test_in_place_appends_from_several_processes_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "documents"
    FileBucket(root).create()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_append_turns, [root, root], [1, 2], [80, 80]))
    bucket = FileBucket(root)
    transcript = json.loads(bucket.get(KEY) or b"")
    ids = [m["messageId"] for m in transcript["messages"]]
    assert ids == sorted(f"m{t * 1000 + i:04d}" for t in (1, 2) for i in range(80))
    # The metadata is never set back to an older version, whichever append lands last.
    assert transcript["conversation"] == {"by": 2, "version": 2079}


def test_a_message_older_than_the_last_is_put_in_its_place(bucket: FileBucket) -> None:
    _append(bucket, {"version": 2}, _message(1), _message(3))
    document = _append(bucket, {"version": 3}, _message(2))  # a late copy of a failed turn
    assert _ids(document) == ["m0001", "m0002", "m0003"]
    assert json.loads(document)["conversation"] == {"version": 3}
    assert _ids(_append(bucket, {"version": 4}, _message(4))) == [f"m000{i}" for i in range(1, 5)]


def test_metadata_is_never_set_back_to_an_older_version(bucket: FileBucket) -> None:
    _append(bucket, {"version": 5}, _message(1))
    document = _append(bucket, {"version": 4}, _message(2))  # a writer that read earlier
    assert json.loads(document) == {
        "messages": [_message(1), _message(2)],
        "conversation": {"version": 5},
    }
