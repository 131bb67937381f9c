"""The HTTP side of the fake: routes each request, checks its auth and body, and writes
the scripted response (or breaks the connection the way the script says)."""

from __future__ import annotations

import json
import re
import socket
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from tests.fakes.bedrock.eventstream import EVENTSTREAM_CONTENT_TYPE, event, exception_event
from tests.fakes.bedrock.recording import Operation, RecordedRequest
from tests.fakes.bedrock.rendering import (
    RenderedTurn,
    converse_body,
    pieces,
    render,
    stream_events,
)
from tests.fakes.bedrock.responses import ERROR_MESSAGES, BrokenStream, ErrorReply
from tests.fakes.bedrock.validation import validation_error

if TYPE_CHECKING:
    from tests.fakes.bedrock.fake import FakeBedrock

_PATH_RE = re.compile(r"^/model/(?P<model>[^/]+)/(?P<op>converse|converse-stream)$")


class FakeServer(ThreadingHTTPServer):
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


class RequestHandler(BaseHTTPRequestHandler):
    """Serves one connection; HTTP/1.1 keep-alive like the real endpoint."""

    protocol_version = "HTTP/1.1"
    # Each event frame is its own small write: without TCP_NODELAY, Nagle holds the
    # second one until the client's delayed ACK (40 ms), which Bedrock does not do.
    disable_nagle_algorithm = True
    server_version = "FakeBedrock/1.0"
    sys_version = ""
    server: FakeServer

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
        if fake.validate_requests and (problem := validation_error(body)):
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
            else:
                turn = render(response, body, fake.chunk_chars)
                if operation == "converse":
                    self._send_json(200, converse_body(turn, started), {})
                else:
                    self._send_stream(turn, started, response.chunk_delay_s)

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
        message = error.message or ERROR_MESSAGES.get(error.code, error.code)
        # botocore's rest-json parser takes the code from this header (before any ':').
        error_type = f"{error.code}:http://internal.amazon.com/coral/com.amazon.bedrock/"
        self._send_json(error.status, {"message": message}, {"x-amzn-ErrorType": error_type})

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _send_stream(self, turn: RenderedTurn, started: float, chunk_delay_s: float) -> None:
        self._start_response(200, EVENTSTREAM_CONTENT_TYPE, None)
        self.end_headers()
        try:
            for i, frame in enumerate(stream_events(turn, started)):
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
        frames = [event("messageStart", {"role": "assistant"})]
        frames += [
            event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": piece}})
            for piece in pieces(broken.text_before_break, self.server.fake.chunk_chars)
        ]
        try:
            for i, frame in enumerate(frames):
                if i and broken.chunk_delay_s:
                    time.sleep(broken.chunk_delay_s)
                self._write_chunk(frame)
            if broken.mode == "truncate":
                frame = event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "…"}})
                # Announce the whole frame, deliver half, then drop the connection.
                self.wfile.write(f"{len(frame):X}\r\n".encode() + frame[: len(frame) // 2])
                self.wfile.flush()
                self._abort()
                return
            if broken.mode == "bad_crc":
                delta = {"contentBlockIndex": 0, "delta": {"text": "garbled"}}
                self._write_chunk(event("contentBlockDelta", delta, corrupt=True))
            elif broken.mode == "exception":
                self._write_chunk(exception_event(broken.exception_code, broken.message))
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
