"""The transcript document, appended to without re-parsing or rewriting it.

Layout: `{"messages": [...], "conversation": {...}}`, the conversation metadata (replaced
every turn) last. A turn's change then touches only the end of the document: the file
engine writes that end in place, a few KB however long the conversation, and S3 gets
the new object spliced as bytes, without a JSON round trip. Rewriting the whole file
every turn cost 2.2 ms at 200 turns and 6 ms at 1,000, and grew without bound.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.documents import dump_json

OPEN = b'{"messages": ['
MARKER = b'], "conversation": '
"""Between the messages and the metadata. It cannot occur inside a JSON string (its
quotes would be escaped there), and neither messages nor metadata have such a key."""
CLOSE = b"}"
WINDOW = 64 * 1024
"""How much of the document's end an in-place edit reads: the metadata and, for a
retried append, the messages it may have written already."""


class UnreadableTranscript(ValueError):
    """The stored transcript is not JSON: an in-place write torn by a kill or a power cut.
    The table holds every message, so the transcript can be written again from it."""


def _whole_end(document: bytes, cut: int) -> bool:
    """Whether the bytes from the marker at `cut` on are this layout's intact end: the
    metadata object, padding, the closing brace."""
    if not document.endswith(CLOSE):
        return False
    try:
        return isinstance(json.loads(document[cut + len(MARKER) : -len(CLOSE)]), dict)
    except ValueError:
        return False


@dataclass(frozen=True)
class TranscriptAppend:
    """One turn's change to a transcript: `messages` appended (those already there are
    skipped, so a retried write changes nothing) and the metadata replaced.

    A `storage.documents.TailChange`: `edit_tail` for engines that write in place,
    calling it for the whole new document.
    """

    conversation: bytes
    messages: tuple[tuple[str, bytes], ...]

    @classmethod
    def of(
        cls, conversation: dict[str, Any], messages: Sequence[dict[str, Any]]
    ) -> TranscriptAppend:
        """From the JSON-ready conversation metadata and messages (camelCase)."""
        encoded = tuple((str(m["messageId"]), dump_json(m)) for m in messages)
        return cls(dump_json(conversation), encoded)

    @property
    def window(self) -> int:
        return WINDOW + sum(len(data) for _, data in self.messages)

    def __call__(self, current: bytes | None) -> bytes:
        """The whole new document (one in another layout is re-encoded first)."""
        if current is None:
            current = OPEN + MARKER
        else:
            cut = current.rfind(MARKER)
            if not (current.startswith(OPEN) and cut >= len(OPEN) and _whole_end(current, cut)):
                try:
                    earlier = json.loads(current).get("messages", [])
                except ValueError as exc:
                    raise UnreadableTranscript(str(exc)) from exc
                current = OPEN + b", ".join(dump_json(m) for m in earlier) + MARKER
        cut = current.rfind(MARKER)
        return b"".join([memoryview(current)[:cut], self._end(current, len(OPEN), cut)])

    def edit_tail(self, tail: bytes) -> tuple[int, bytes] | None:
        """Where, in the document's last bytes, the new end starts, and the new end;
        None when `tail` is not this layout's end (then the whole document is rewritten).

        The new end is never shorter than the bytes it replaces (spaces pad it), so the
        document never has to be truncated.
        """
        cut = tail.rfind(MARKER)
        if cut < 1 or not _whole_end(tail, cut):
            return None
        end = self._end(tail, 0, cut)
        replaced = len(tail) - cut
        if len(end) < replaced:
            end = end[: -len(CLOSE)] + b" " * (replaced - len(end)) + CLOSE
        return cut, end

    def _end(self, document: bytes, start: int, cut: int) -> bytes:
        """The bytes from `cut` on: new messages, then the metadata. Messages between
        `start` and `cut` are the ones already in the document."""
        prefix = b'"messageId": '
        added = [
            data
            for message_id, data in self.messages
            if document.find(prefix + dump_json(message_id), start, cut) < 0
        ]
        first = document[cut - 1 : cut] == OPEN[-1:]  # the array is still empty
        joined = b", ".join(added)
        separator = b", " if added and not first else b""
        return separator + joined + MARKER + self.conversation + CLOSE
