"""Every error the API returns, mapped once to a status and `{"error": {"code", "message"}}`."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from agent.errors import AgentError, MessageRejected, ModelUnavailable, TurnInProgress
from agent.events import ErrorEvent
from storage.base import (
    Conflict,
    InvalidPageToken,
    NotFound,
    PayloadTooLarge,
    RateLimited,
    StorageError,
    StorageUnavailable,
)

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error raised by the API layer itself, carrying its status and code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.headers = dict(headers or {})


class Unauthorized(ApiError):
    """Missing, malformed, expired or otherwise unacceptable bearer token."""

    status = 401
    code = "unauthorized"

    def __init__(self, message: str, *, token_given: bool = True) -> None:
        challenge = 'Bearer error="invalid_token"' if token_given else "Bearer"
        super().__init__(message, {"WWW-Authenticate": challenge})


class AuthUnavailable(ApiError):
    """The signing keys (JWKS) could not be fetched, so no token can be checked."""

    status = 503
    code = "auth_unavailable"


class MessageTooLong(ApiError):
    """A chat message over `COACH_MAX_MESSAGE_CHARS`."""

    status = 422
    code = "message_too_long"


class WorkoutDateChanged(ApiError):
    """A correction that moves a workout to another date (its id starts with the date)."""

    status = 422
    code = "workout_date_changed"


class DateRangeInvalid(ApiError):
    """A `from` after `to`, or a span longer than the progress endpoint reads."""

    status = 422
    code = "invalid_date_range"


class TurnFailed(ApiError):
    """A chat turn that ended with an error event; status and code are the event's."""

    def __init__(self, event: ErrorEvent) -> None:
        super().__init__(event.message)
        self.status = event.status
        self.code = event.code


class BodyTooLarge(HTTPException):
    """The request body is over `COACH_MAX_BODY_BYTES` (an HTTPException so FastAPI re-raises
    it unchanged from inside body parsing)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than {limit} bytes")


_DOMAIN_STATUS: dict[type[Exception], int] = {
    NotFound: 404,
    Conflict: 409,
    PayloadTooLarge: 413,
    InvalidPageToken: 400,
    RateLimited: 429,
    StorageUnavailable: 503,
    ModelUnavailable: 503,
    TurnInProgress: 409,
    MessageRejected: 422,
}
_FIXED_MESSAGES: dict[type[Exception], str] = {
    StorageUnavailable: "storage is unavailable; retry shortly",
    ModelUnavailable: "the coach model is unavailable; your message was saved, retry shortly",
}
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The one error body shape."""
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _status_of(exc: Exception) -> int:
    for cls in type(exc).__mro__:
        if cls in _DOMAIN_STATUS:
            return _DOMAIN_STATUS[cls]
    return 500


async def _domain_error(request: Request, exc: StorageError | AgentError) -> JSONResponse:
    status = _status_of(exc)
    code = str(getattr(exc, "code", "internal_error"))
    message = next((m for c, m in _FIXED_MESSAGES.items() if isinstance(exc, c)), str(exc))
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    if status >= 500:
        log.warning("request failed upstream", extra={"code": code, "detail": str(exc)})
    return error_response(status, code, message or code, headers)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, str(exc), exc.headers)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(422, "invalid_json", "the request body is not valid JSON")
    parts = [
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
        for e in errors[:5]
    ]
    return error_response(422, "invalid_request", "; ".join(parts) or "invalid request")


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, exc.headers)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "an unexpected error occurred")


_HANDLERS: tuple[tuple[type[Exception], Callable[[Request, Any], Awaitable[JSONResponse]]], ...] = (
    (StorageError, _domain_error),
    (AgentError, _domain_error),
    (ApiError, _api_error),
    (RequestValidationError, _validation_error),
    (HTTPException, _http_error),
    (Exception, _unexpected_error),
)


def register_error_handlers(app: FastAPI) -> None:
    """Install the handlers; routes never catch these errors themselves."""
    for exc_type, handler in _HANDLERS:
        app.add_exception_handler(exc_type, handler)
