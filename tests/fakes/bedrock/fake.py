"""`FakeBedrock`: the fake's lifecycle, its script of responses and its request log."""

from __future__ import annotations

import socket
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self

from tests.fakes.bedrock.recording import RecordedRequest
from tests.fakes.bedrock.responses import (
    DEFAULT_TEXT,
    BreakMode,
    BrokenStream,
    ErrorReply,
    Handler,
    Reply,
    Response,
    ToolUse,
    coerce,
)
from tests.fakes.bedrock.server import FakeServer, RequestHandler


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
        self.default: Response | None = coerce(default)
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
        self._server: FakeServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve in a daemon thread."""
        if self._server is not None:
            return self
        server = FakeServer(("127.0.0.1", 0), RequestHandler)
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
                coerced = coerce(response)
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
                computed = coerce(self.handler(request.body))
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
