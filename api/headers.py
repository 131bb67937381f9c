"""Headers on every API response: nothing cached, nothing content-sniffed."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

RESPONSE_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
"""Responses carry a user's own data: no proxy or browser cache keeps them, and a
browser takes them only as the type they declare."""


class ResponseHeadersMiddleware:
    """Set `RESPONSE_HEADERS` on every HTTP response.

    Pure ASGI (not `BaseHTTPMiddleware`): it touches only the response's start message,
    so a streamed (SSE) body passes through as it is sent.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to the response of one HTTP request."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in RESPONSE_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
