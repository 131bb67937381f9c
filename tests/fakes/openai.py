"""A wire-level fake of an OpenAI-compatible chat-completions server (Ollama, vLLM, LM
Studio speak the same), served on loopback.

Like `tests.fakes.bedrock`, it lets the real client stack run: langchain-openai → the
`openai` SDK → HTTP, pointed at it by `base_url`. JSON for plain calls, Server-Sent
Events (`data: {...}` lines, then `data: [DONE]`) for streamed ones, tool calls arriving
as argument fragments. Stdlib only.

Scripted replies form one FIFO queue; when it is empty, `default` answers.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


@dataclass(frozen=True)
class Completion:
    """One assistant answer: text, or a call of `tool` with `arguments`."""

    text: str = ""
    tool: str | None = None
    arguments: dict[str, Any] | None = None
    status: int = 200
    """Anything but 200 answers an OpenAI-style error with this status instead."""


class FakeOpenAI:
    """`base_url` goes to `ChatOpenAI(base_url=...)`; `requests` holds each request body."""

    def __init__(self, default: Completion | None = None, chunk_chars: int = 6) -> None:
        self.default = default or Completion(text="OK.")
        self.chunk_chars = chunk_chars
        self.requests: list[dict[str, Any]] = []
        self._queue: deque[Completion] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> Self:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._server = server
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeOpenAI is not running; use it in a with-block")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def add(self, *completions: Completion) -> None:
        with self._lock:
            self._queue.extend(completions)

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()

    def take(self, body: dict[str, Any]) -> Completion:
        with self._lock:
            self.requests.append(body)
            return self._queue.popleft() if self._queue else self.default


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read `requests`, not logs."""

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            if not self.path.endswith("/chat/completions"):
                self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                return
            answer = fake.take(body)
            if answer.status != 200:
                error = {"message": "scripted failure", "type": "server_error", "code": None}
                self._send_json(answer.status, {"error": error})
            elif body.get("stream"):
                self._send_stream(answer, body)
            else:
                self._send_json(200, _completion(answer, body))

        def _send_json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send_stream(self, answer: Completion, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            events = [json.dumps(c) for c in _chunks(answer, body, fake.chunk_chars)]
            for event in [*events, "[DONE]"]:
                data = f"data: {event}\n\n".encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.write(b"0\r\n\r\n")

    return Handler


def _usage(body: dict[str, Any], answer: Completion) -> dict[str, int]:
    prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", [])) // 4
    completion = max(1, len(answer.text) // 4)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _tool_call(answer: Completion, arguments: str) -> dict[str, Any]:
    return {
        "index": 0,
        "id": "call_fake_1",
        "type": "function",
        "function": {"name": answer.tool, "arguments": arguments},
    }


def _base(body: dict[str, Any], kind: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": kind,
        "created": int(time.time()),
        "model": body["model"],
    }


def _completion(answer: Completion, body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": answer.text or None}
    if answer.tool:
        message["tool_calls"] = [_tool_call(answer, json.dumps(answer.arguments or {}))]
    finish = "tool_calls" if answer.tool else "stop"
    choice = {"index": 0, "message": message, "finish_reason": finish}
    return {**_base(body, "chat.completion"), "choices": [choice], "usage": _usage(body, answer)}


def _chunks(answer: Completion, body: dict[str, Any], size: int) -> Iterator[dict[str, Any]]:
    """The streamed deltas: role, text or tool-call fragments, finish, then usage."""

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {**_base(body, "chat.completion.chunk"), "choices": [choice]}

    yield chunk({"role": "assistant", "content": ""})
    if answer.tool:
        arguments = json.dumps(answer.arguments or {})
        yield chunk({"tool_calls": [_tool_call(answer, "")]})
        for start in range(0, len(arguments), size):
            fragment = {"index": 0, "function": {"arguments": arguments[start : start + size]}}
            yield chunk({"tool_calls": [fragment]})
    for start in range(0, len(answer.text), size):
        yield chunk({"content": answer.text[start : start + size]})
    yield chunk({}, "tool_calls" if answer.tool else "stop")
    if (body.get("stream_options") or {}).get("include_usage"):
        yield {**_base(body, "chat.completion.chunk"), "choices": [], "usage": _usage(body, answer)}
