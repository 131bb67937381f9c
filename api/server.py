"""The HTTP server's limits: uvicorn's settings plus a deadline on request headers."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from api.settings import Settings


class ServerConfig(uvicorn.Config):
    """uvicorn's Config with the header deadline that `HeaderDeadlineProtocol` applies."""

    def __init__(self, app: Any, *, header_timeout_s: float, **options: Any) -> None:
        self.header_timeout_s = header_timeout_s
        super().__init__(app, http=HeaderDeadlineProtocol, **options)


def server_config(app: Any, settings: Settings, **options: Any) -> ServerConfig:
    """A uvicorn config for `app` (an app, or an import string) with the service's limits."""
    return ServerConfig(
        app,
        header_timeout_s=settings.header_timeout_s,
        timeout_keep_alive=settings.keepalive_timeout_s,
        limit_concurrency=settings.limit_concurrency,
        access_log=False,
        log_config=None,
        **options,
    )


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing a connection whose request headers are late.

    uvicorn 0.54 times out only idle keep-alive connections: a client that sends its
    headers a byte at a time, or nothing at all, holds the connection and a slot of
    `limit_concurrency` for as long as it likes (slowloris). The deadline runs from the
    connection's start, and from the first byte of each later request, to the end of
    that request's headers, like nginx's `client_header_timeout`.
    """

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        if not isinstance(config, ServerConfig):
            raise TypeError("HeaderDeadlineProtocol needs a ServerConfig")
        self.header_timeout_s = config.header_timeout_s
        self._header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the first request's deadline with the connection."""
        super().connection_made(transport)
        self._start_header_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the deadline with the connection."""
        self._stop_header_deadline()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        """A later request on a kept-alive connection starts its own deadline."""
        super().on_message_begin()
        self._start_header_deadline()

    def on_headers_complete(self) -> None:
        """The headers are in: the request is the app's from here."""
        self._stop_header_deadline()
        super().on_headers_complete()

    def _start_header_deadline(self) -> None:
        if self._header_deadline is None:
            self._header_deadline = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def _stop_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_late(self) -> None:
        self._header_deadline = None
        self.transport.close()
