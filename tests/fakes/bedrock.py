"""A wire-level fake of the Amazon Bedrock Runtime Converse API, served on loopback.

Why wire-level: mocking `ChatBedrockConverse` (or stubbing botocore) skips the code that
actually breaks in production -- SigV4 signing, the Converse JSON shapes, AWS event-stream
framing, error-code mapping, connection handling. This fake speaks HTTP on 127.0.0.1 so the
real langchain-aws -> boto3 -> botocore -> urllib3 stack runs unmodified, pointed at it
through `endpoint_url`.

Stdlib only. Usage::

    with FakeBedrock() as fake:
        fake.add_text("Hello there")
        fake.add_tool_call("log_workout", {"kind": "run", "km": 5})
        fake.add_error(429, "ThrottlingException")
        model = ChatBedrockConverse(model=..., endpoint_url=fake.endpoint_url, ...)
        ...
        assert fake.system_text(0) == "You are a coach."

Scripted responses form one FIFO queue shared by `converse` and `converse-stream`: each
request takes the next one and renders it in that operation's wire format. When the queue
is empty, the `handler` hook (if any) is asked, then the `default` response is used.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import sys
import threading
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import unquote

__all__ = [
    "BreakMode",
    "BrokenStream",
    "ErrorReply",
    "FakeBedrock",
    "Handler",
    "Operation",
    "RecordedRequest",
    "Reply",
    "Response",
    "ToolUse",
    "encode_event_frame",
    "forced_tool_name",
]

Operation = Literal["converse", "converse-stream"]
BreakMode = Literal["truncate", "eof", "bad_crc", "exception", "garbage"]

DEFAULT_TEXT = "This is the FakeBedrock default reply."
EVENTSTREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream"

# Real Bedrock pads every stream event with a junk "p" field (against length side channels);
# sending it too proves botocore ignores unknown event members.
_PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_TOOL_JSON_PIECE = 16  # characters of tool-input JSON per toolUse delta
_PATH_RE = re.compile(r"^/model/(?P<model>[^/]+)/(?P<op>converse|converse-stream)$")

# Default messages for the codes tests usually script, worded like the real service.
_ERROR_MESSAGES = {
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


def _event(event_type: str, payload: dict[str, Any], *, corrupt: bool = False) -> bytes:
    headers = {
        ":event-type": event_type,
        ":content-type": "application/json",
        ":message-type": "event",
    }
    padded = {**payload, "p": _PADDING[: 1 + len(json.dumps(payload)) % len(_PADDING)]}
    return encode_event_frame(headers, json.dumps(padded).encode(), corrupt=corrupt)


def _exception_event(code: str, message: str) -> bytes:
    headers = {
        ":exception-type": code,
        ":content-type": "application/json",
        ":message-type": "exception",
    }
    return encode_event_frame(headers, json.dumps({"message": message}).encode())


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), max(1, size))]


def _estimate_tokens(value: Any) -> int:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return max(1, len(text) // 4)


class _Server(ThreadingHTTPServer):
    """Threaded so a slow (`delay_s`) response never blocks concurrent requests."""

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 resets connections when hundreds of turns
    # connect at once (the concurrency benchmark); Bedrock itself accepts them.
    request_queue_size = 1024
    fake: FakeBedrock

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hangs up (read timeouts, cancelled streams, stop())."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class FakeBedrock:
    """Loopback fake of `bedrock-runtime` Converse/ConverseStream with a scripted queue.

    Thread-safe: the queue, the request log and connection tracking sit behind one lock;
    recording a request and taking its response happen atomically, so request `i` in
    `requests` is the one that consumed the `i`-th response.
    """

    def __init__(
        self,
        *,
        default: Response | str | None = DEFAULT_TEXT,
        handler: Handler | None = None,
        chunk_chars: int = 4,
        validate_requests: bool = True,
        require_auth: bool = True,
    ) -> None:
        """Configure the fake; nothing listens until `start()` / `with`.

        `default` answers when the queue is empty and `handler` returns None (None makes
        that case a 500 error, for tests that must script every call). `validate_requests`
        applies a few of Bedrock's real ValidationException rules to `messages`, so message
        building bugs fail here as they would in production. `require_auth` rejects
        unsigned requests with 403, proving SigV4 (or bearer) auth actually ran.
        """
        self.default: Response | None = _coerce(default)
        self.handler: Handler | None = handler
        self._initial = (self.default, handler)
        self.chunk_chars = chunk_chars
        self.validate_requests = validate_requests
        self.require_auth = require_auth
        self._lock = threading.Lock()
        self._queue: deque[Response] = deque()
        self._requests: list[RecordedRequest] = []
        self._connections: set[socket.socket] = set()
        self._in_flight = 0
        self._max_in_flight = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve in a daemon thread."""
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _RequestHandler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and cut open keep-alive connections so no handler thread lingers."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def endpoint_url(self) -> str:
        """`http://127.0.0.1:<port>` -- pass as `endpoint_url` to boto3/ChatBedrockConverse."""
        if self._server is None:
            raise RuntimeError("FakeBedrock is not running; use start() or a with-block")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- scripting -------------------------------------------------------------------------

    def add(self, *responses: Response | str) -> Self:
        """Queue responses (a str means a text reply); each is used by exactly one request."""
        with self._lock:
            for response in responses:
                coerced = _coerce(response)
                assert coerced is not None
                self._queue.append(coerced)
        return self

    def add_text(
        self,
        text: str,
        *,
        chunks: Sequence[str] | None = None,
        stop_reason: str = "end_turn",
        input_tokens: int | None = None,
        output_tokens: int | None = None,
        delay_s: float = 0.0,
        chunk_delay_s: float = 0.0,
    ) -> Self:
        """Queue a plain text answer (streamed as several deltas)."""
        return self.add(
            Reply(
                text=text,
                chunks=tuple(chunks) if chunks is not None else None,
                stop_reason=stop_reason,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                delay_s=delay_s,
                chunk_delay_s=chunk_delay_s,
            )
        )

    def add_tool_call(
        self,
        name: str,
        input: dict[str, Any],
        text: str | None = None,
        tool_use_id: str | None = None,
        *,
        delay_s: float = 0.0,
        chunk_delay_s: float = 0.0,
    ) -> Self:
        """Queue one tool call (optionally preceded by text); stopReason is tool_use.

        For several tool calls in one turn use `add(Reply(tool_uses=(ToolUse(...), ...)))`.
        """
        return self.add(
            Reply(
                text=text,
                tool_uses=(ToolUse(name, input, tool_use_id),),
                delay_s=delay_s,
                chunk_delay_s=chunk_delay_s,
            )
        )

    def add_error(
        self,
        status: int = 429,
        code: str = "ThrottlingException",
        message: str | None = None,
        *,
        delay_s: float = 0.0,
    ) -> Self:
        """Queue an AWS error (429 Throttling, 500 InternalServer, 503 ServiceUnavailable...)."""
        return self.add(ErrorReply(status=status, code=code, message=message, delay_s=delay_s))

    def add_broken_stream(
        self,
        text_before_break: str = "",
        *,
        mode: BreakMode = "truncate",
        exception_code: str = "modelStreamErrorException",
        delay_s: float = 0.0,
    ) -> Self:
        """Queue a stream that delivers `text_before_break` then fails (see `BrokenStream`)."""
        return self.add(
            BrokenStream(
                text_before_break=text_before_break,
                mode=mode,
                exception_code=exception_code,
                delay_s=delay_s,
            )
        )

    @property
    def pending(self) -> int:
        """Scripted responses not consumed yet (assert 0 to prove every one was used)."""
        with self._lock:
            return len(self._queue)

    def clear(self) -> None:
        """Drop queued responses and recorded requests (keeps default/handler)."""
        with self._lock:
            self._queue.clear()
            self._requests.clear()
            self._max_in_flight = self._in_flight

    def reset(self) -> None:
        """`clear()` plus restore the constructor's default and handler.

        Lets one running server be shared by many tests (a module/session fixture) while
        each test starts from a clean script.
        """
        self.clear()
        self.default, self.handler = self._initial

    # -- recording -------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Snapshot of every request received, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request (IndexError if none)."""
        with self._lock:
            return self._requests[-1]

    @property
    def max_in_flight(self) -> int:
        """The most requests being answered at one time (since `clear`): with a `delay_s`,
        how many model calls the client really made in parallel."""
        with self._lock:
            return self._max_in_flight

    def system_text(self, i: int = -1) -> str:
        """Request `i`'s system prompt: its text blocks joined by newlines (cachePoints skipped)."""
        blocks = self.requests[i].system
        return "\n".join(b["text"] for b in blocks if isinstance(b.get("text"), str))

    def tool_names(self, i: int = -1) -> list[str]:
        """Names of the tools offered in request `i` (empty when no toolConfig)."""
        tools = (self.requests[i].tool_config or {}).get("tools") or []
        return [t["toolSpec"]["name"] for t in tools if "toolSpec" in t]

    # -- internals used by the request handler ---------------------------------------------

    def _take(self, request: RecordedRequest, *, consume: bool = True) -> Response | None:
        """Record `request` and (if `consume`) pop its scripted response, atomically."""
        with self._lock:
            self._requests.append(request)
            return self._queue.popleft() if consume and self._queue else None

    def _resolve(self, request: RecordedRequest) -> Response:
        scripted = self._take(request)
        if scripted is not None:
            return scripted
        if self.handler is not None:
            try:
                computed = _coerce(self.handler(request.body))
            except Exception as exc:  # surface handler bugs to the test as a clear error
                return ErrorReply(500, "InternalServerException", f"FakeBedrock handler: {exc!r}")
            if computed is not None:
                return computed
        if self.default is not None:
            return self.default
        return ErrorReply(500, "InternalServerException", "FakeBedrock: no scripted response left")

    @contextmanager
    def _answering(self) -> Iterator[None]:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            (self._connections.add if add else self._connections.discard)(conn)


def _coerce(response: Response | str | None) -> Response | None:
    return Reply(text=response) if isinstance(response, str) else response


def _validation_error(body: dict[str, Any]) -> str | None:
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


@dataclass
class _Turn:
    """A reply rendered once, shared by the JSON and event-stream encoders."""

    text: str
    text_chunks: list[str]
    tool_uses: list[ToolUse] = field(default_factory=list)
    stop_reason: str = "end_turn"
    usage: dict[str, int] = field(default_factory=dict)


class _RequestHandler(BaseHTTPRequestHandler):
    """Serves one connection; HTTP/1.1 keep-alive like the real endpoint."""

    protocol_version = "HTTP/1.1"
    # Each event frame is its own small write: without TCP_NODELAY, Nagle holds the
    # second one until the client's delayed ACK (40 ms), which Bedrock does not do.
    disable_nagle_algorithm = True
    server_version = "FakeBedrock/1.0"
    sys_version = ""
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    # -- routing ---------------------------------------------------------------------------

    def do_POST(self) -> None:
        started = time.monotonic()
        fake = self.server.fake
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        match = _PATH_RE.match(self.path.split("?", 1)[0])
        if match is None:
            self._send_error(ErrorReply(404, "UnknownOperationException", "Unknown operation"))
            return
        if fake.require_auth and not self.headers.get("Authorization", "").startswith(
            ("AWS4-HMAC-SHA256 ", "Bearer ")
        ):
            self._send_error(
                ErrorReply(
                    403, "MissingAuthenticationTokenException", "Missing Authentication Token"
                )
            )
            return
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send_error(ErrorReply(400, "SerializationException", "Malformed JSON body"))
            return
        operation: Operation = "converse" if match["op"] == "converse" else "converse-stream"
        request = RecordedRequest(
            operation=operation,
            model_id=unquote(match["model"]),
            body=body,
            headers={k.lower(): v for k, v in self.headers.items()},
            path=self.path,
        )
        if fake.validate_requests and (problem := _validation_error(body)):
            fake._take(request, consume=False)  # an invalid request eats no scripted response
            self._send_error(ErrorReply(400, "ValidationException", problem))
            return
        with fake._answering():
            response = fake._resolve(request)
            time.sleep(response.delay_s)
            if isinstance(response, ErrorReply):
                self._send_error(response)
            elif isinstance(response, BrokenStream):
                self._send_broken(response, operation)
            elif operation == "converse":
                self._send_converse(self._render(response, body), started)
            else:
                self._send_stream(self._render(response, body), started, response.chunk_delay_s)

    def _render(self, reply: Reply, body: dict[str, Any]) -> _Turn:
        fake = self.server.fake
        text = reply.text or ""
        chunks = list(reply.chunks) if reply.chunks is not None else _pieces(text, fake.chunk_chars)
        tool_uses = [
            ToolUse(t.name, t.input, t.tool_use_id or f"tooluse_{uuid.uuid4().hex[:22]}")
            for t in reply.tool_uses
        ]
        input_tokens = reply.input_tokens or _estimate_tokens(
            [body.get("system"), body.get("messages"), body.get("toolConfig")]
        )
        output_tokens = reply.output_tokens or _estimate_tokens(
            text + "".join(json.dumps(t.input) for t in tool_uses)
        )
        return _Turn(
            text=text,
            text_chunks=chunks,
            tool_uses=tool_uses,
            stop_reason=reply.stop_reason or ("tool_use" if tool_uses else "end_turn"),
            usage={
                "inputTokens": input_tokens,
                "outputTokens": output_tokens,
                "totalTokens": input_tokens + output_tokens,
            },
        )

    # -- writers ---------------------------------------------------------------------------

    def _start_response(self, status: int, content_type: str, length: int | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))

    def _send_json(self, status: int, payload: dict[str, Any], extra: dict[str, str]) -> None:
        data = json.dumps(payload).encode()
        self._start_response(status, "application/json", len(data))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, error: ErrorReply) -> None:
        message = error.message or _ERROR_MESSAGES.get(error.code, error.code)
        # botocore's rest-json parser takes the code from this header (before any ':').
        error_type = f"{error.code}:http://internal.amazon.com/coral/com.amazon.bedrock/"
        self._send_json(error.status, {"message": message}, {"x-amzn-ErrorType": error_type})

    def _send_converse(self, turn: _Turn, started: float) -> None:
        content: list[dict[str, Any]] = []
        if turn.text or not turn.tool_uses:
            content.append({"text": turn.text})
        content += [
            {"toolUse": {"toolUseId": t.tool_use_id, "name": t.name, "input": t.input}}
            for t in turn.tool_uses
        ]
        payload = {
            "output": {"message": {"role": "assistant", "content": content}},
            "stopReason": turn.stop_reason,
            "usage": turn.usage,
            "metrics": {"latencyMs": _elapsed_ms(started)},
        }
        self._send_json(200, payload, {})

    def _stream_events(self, turn: _Turn, started: float) -> Iterator[bytes]:
        yield _event("messageStart", {"role": "assistant"})
        index = 0
        if turn.text_chunks:
            for piece in turn.text_chunks:
                yield _event(
                    "contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": piece}}
                )
            yield _event("contentBlockStop", {"contentBlockIndex": 0})
            index = 1
        for tool in turn.tool_uses:
            start = {"toolUse": {"toolUseId": tool.tool_use_id, "name": tool.name}}
            yield _event("contentBlockStart", {"contentBlockIndex": index, "start": start})
            for piece in _pieces(json.dumps(tool.input), _TOOL_JSON_PIECE):
                delta = {"toolUse": {"input": piece}}
                yield _event("contentBlockDelta", {"contentBlockIndex": index, "delta": delta})
            yield _event("contentBlockStop", {"contentBlockIndex": index})
            index += 1
        yield _event("messageStop", {"stopReason": turn.stop_reason})
        metrics = {"latencyMs": _elapsed_ms(started)}
        yield _event("metadata", {"usage": turn.usage, "metrics": metrics})

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _send_stream(self, turn: _Turn, started: float, chunk_delay_s: float) -> None:
        self._start_response(200, EVENTSTREAM_CONTENT_TYPE, None)
        self.end_headers()
        try:
            for i, frame in enumerate(self._stream_events(turn, started)):
                if i and chunk_delay_s:
                    time.sleep(chunk_delay_s)
                self._write_chunk(frame)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away mid-stream

    def _send_broken(self, broken: BrokenStream, operation: Operation) -> None:
        if operation == "converse":
            self._send_broken_json(broken)
            return
        self._start_response(200, EVENTSTREAM_CONTENT_TYPE, None)
        self.end_headers()
        frames = [_event("messageStart", {"role": "assistant"})]
        frames += [
            _event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": piece}})
            for piece in _pieces(broken.text_before_break, self.server.fake.chunk_chars)
        ]
        try:
            for i, frame in enumerate(frames):
                if i and broken.chunk_delay_s:
                    time.sleep(broken.chunk_delay_s)
                self._write_chunk(frame)
            if broken.mode == "truncate":
                frame = _event(
                    "contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "…"}}
                )
                # Announce the whole frame, deliver half, then drop the connection.
                self.wfile.write(f"{len(frame):X}\r\n".encode() + frame[: len(frame) // 2])
                self.wfile.flush()
                self._abort()
                return
            if broken.mode == "bad_crc":
                delta = {"contentBlockIndex": 0, "delta": {"text": "garbled"}}
                self._write_chunk(_event("contentBlockDelta", delta, corrupt=True))
            elif broken.mode == "exception":
                self._write_chunk(_exception_event(broken.exception_code, broken.message))
            self.wfile.write(b"0\r\n\r\n")  # "eof": nothing more, a clean end of body
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_broken_json(self, broken: BrokenStream) -> None:
        whole = json.dumps({"output": {"message": {"role": "assistant", "content": [
            {"text": broken.text_before_break or "A reply that never arrives whole."}
        ]}}, "stopReason": "end_turn"}).encode()  # fmt: skip
        body = {"truncate": whole[: len(whole) // 2], "garbage": b"<html>502 Bad Gateway"}
        if broken.mode not in body:
            self._abort()
            return
        announced = len(whole) if broken.mode == "truncate" else len(body[broken.mode])
        self._start_response(200, "application/json", announced)
        self.end_headers()
        self.wfile.write(body[broken.mode])
        self._abort()

    def _abort(self) -> None:
        """Drop the TCP connection without finishing the HTTP response."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _elapsed_ms(started: float) -> int:
    return max(1, int((time.monotonic() - started) * 1000))
