"""What a test scripts the fake to answer: replies, AWS errors and broken responses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

BreakMode = Literal["truncate", "eof", "bad_crc", "exception", "garbage"]

DEFAULT_TEXT = "This is the FakeBedrock default reply."

# Default messages for the codes tests usually script, worded like the real service.
ERROR_MESSAGES = {
    "ThrottlingException": "Too many requests, please wait before trying again.",
    "InternalServerException": "The server encountered an internal error.",
    "ServiceUnavailableException": "Bedrock is unable to process your request.",
    "ValidationException": "The provided request is not valid.",
    "ModelTimeoutException": "Model has timed out in processing the request.",
    "AccessDeniedException": "You don't have access to the model with the specified model ID.",
}


@dataclass(frozen=True)
class ToolUse:
    """One tool call the fake model makes; `tool_use_id` is generated when omitted."""

    name: str
    input: dict[str, Any]
    tool_use_id: str | None = None


@dataclass(frozen=True)
class Reply:
    """A successful model turn: optional text followed by zero or more tool calls.

    `chunks` fixes the exact streamed text deltas (their concatenation should be `text`);
    otherwise text is cut into `FakeBedrock.chunk_chars`-sized deltas. Token counts default
    to a rough chars/4 estimate. `delay_s` is slept before the first byte (a slow model),
    `chunk_delay_s` between stream events (slow token generation).
    """

    text: str | None = None
    tool_uses: tuple[ToolUse, ...] = ()
    stop_reason: str | None = None  # default: "tool_use" if tool_uses else "end_turn"
    chunks: tuple[str, ...] | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0


@dataclass(frozen=True)
class ErrorReply:
    """An HTTP error in the AWS rest-json shape, so botocore raises a modeled ClientError."""

    status: int = 429
    code: str = "ThrottlingException"
    message: str | None = None
    delay_s: float = 0.0


@dataclass(frozen=True)
class BrokenStream:
    """A response that fails part-way, to exercise consumer-side error handling.

    On `converse-stream`: messageStart and text deltas of `text_before_break` are sent, then
    - "truncate": half an event frame is written and the TCP connection is dropped
      (no chunked-encoding terminator), as when a proxy or the service dies mid-response;
    - "eof": the body just ends cleanly, without messageStop/metadata events;
    - "bad_crc": a complete frame with a corrupt message CRC, then a clean end of body;
    - "exception": an AWS exception event (`:message-type: exception`, code
      `exception_code`, e.g. "modelStreamErrorException"), then a clean end -- what Bedrock
      really sends when a model fails after streaming has started.
    On `converse`: "truncate" sends the headers of a whole JSON reply and half its body,
    then drops the connection; "garbage" answers 200 with a body that is not JSON; any
    other mode drops the connection without any response.
    """

    text_before_break: str = ""
    mode: BreakMode = "truncate"
    exception_code: str = "modelStreamErrorException"
    message: str = "The model stream failed part-way."
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0


Response = Reply | ErrorReply | BrokenStream
Handler = Callable[[dict[str, Any]], Response | str | None]


def coerce(response: Response | str | None) -> Response | None:
    """A str scripts a text reply."""
    return Reply(text=response) if isinstance(response, str) else response
