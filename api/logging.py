"""Structured JSON logs: one formatter, one setup function, one request-log middleware."""

from __future__ import annotations

import json
import logging
import re
import time
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from types import TracebackType

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storage.ids import new_id

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The current request's id, stamped on every log line written while serving it."""

_RECORD_FIELDS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "color_message",  # uvicorn's ANSI-coloured duplicate of the message
}
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_HANDLER_MARK = "_coach_json"
log = logging.getLogger("api.request")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and `extra` fields.

    Exception messages are left out unless `content` is on: they are where the data
    being handled ends up (`ValueError(f"... {item!r}")`, pydantic's input values).
    Types and frames stay, which is what finds the bug.
    """

    def __init__(self, *, content: bool = False) -> None:
        super().__init__()
        self.content = content

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a single JSON line."""
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        entry.update({k: v for k, v in vars(record).items() if k not in _RECORD_FIELDS})
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        """The traceback, with the exceptions' messages only when content is logged."""
        if self.content or ei[1] is None:
            return super().formatException(ei)
        return _traceback_without_messages(ei[1])


def _traceback_without_messages(exc: BaseException) -> str:
    """Each exception of the chain (causes first) as its frames and its type."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\n\nThe above exception led to the following one:\n\n".join(
        "Traceback (most recent call last):\n"
        + "".join(traceback.format_tb(error.__traceback__))
        + f"{type(error).__module__}.{type(error).__qualname__}: (message withheld)"
        for error in reversed(chain)
    )


def configure_logging(level: str, *, content: bool = False) -> None:
    """Send all logs through one JSON handler on stderr (idempotent; other handlers stay).

    Args:
        level: the root logger's level.
        content: log exception messages (and, where the app logs it, chat text) in full.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter(content=content))
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    root.setLevel(level.upper())


class RequestLogMiddleware:
    """Assign/propagate `X-Request-ID` and log one line per request (never headers or bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap one HTTP request with its id and its access-log line."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else new_id()
        token = request_id_var.set(request_id)
        state = scope.setdefault("state", {})
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append("X-Request-ID", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": state.get("user_id"),
                },
            )
            request_id_var.reset(token)
