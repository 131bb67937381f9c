"""AWS event-stream framing: how `converse-stream` delivers each event on the wire."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

EVENTSTREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream"

# Real Bedrock pads every stream event with a junk "p" field (against length side channels);
# sending it too proves botocore ignores unknown event members.
_PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def encode_event_frame(headers: dict[str, str], payload: bytes, *, corrupt: bool = False) -> bytes:
    """Encode one AWS event-stream message (string headers only).

    Layout: prelude (total length, headers length, prelude CRC32), headers, payload, then a
    CRC32 of everything before it. `corrupt` flips the message CRC to simulate line damage.
    """
    header_bytes = b""
    for name, value in headers.items():
        raw_name, raw_value = name.encode(), value.encode()
        header_bytes += struct.pack("!B", len(raw_name)) + raw_name
        header_bytes += b"\x07" + struct.pack("!H", len(raw_value)) + raw_value  # 7 = string
    total = 12 + len(header_bytes) + len(payload) + 4
    prelude = struct.pack("!II", total, len(header_bytes))
    message = prelude + struct.pack("!I", zlib.crc32(prelude)) + header_bytes + payload
    crc = zlib.crc32(message) ^ (0xFFFFFFFF if corrupt else 0)
    return message + struct.pack("!I", crc)


def event(event_type: str, payload: dict[str, Any], *, corrupt: bool = False) -> bytes:
    """One stream event frame, padded like the real service's."""
    headers = {
        ":event-type": event_type,
        ":content-type": "application/json",
        ":message-type": "event",
    }
    padded = {**payload, "p": _PADDING[: 1 + len(json.dumps(payload)) % len(_PADDING)]}
    return encode_event_frame(headers, json.dumps(padded).encode(), corrupt=corrupt)


def exception_event(code: str, message: str) -> bytes:
    """An AWS exception frame: how Bedrock reports a model failing mid-stream."""
    headers = {
        ":exception-type": code,
        ":content-type": "application/json",
        ":message-type": "exception",
    }
    return encode_event_frame(headers, json.dumps({"message": message}).encode())
