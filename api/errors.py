"""Where errors become HTTP responses: one table from stable error codes to statuses.

Every error the API returns has the body `{"error": {"code", "message"}}`. Storage and
agent errors (and a failed turn's error event) carry only a code; `STATUS_BY_CODE` is
the one place that gives each code its HTTP status.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from agent.errors import AgentError
from api.headers import RESPONSE_HEADERS
from storage.errors import StorageError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error raised by the API layer itself, carrying its code (and headers)."""

    code = "bad_request"

    def __init__(self, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.headers = dict(headers or {})


class Unauthorized(ApiError):
    """Missing, malformed, expired or otherwise unacceptable bearer token."""

    code = "unauthorized"

    def __init__(self, message: str, *, token_given: bool = True) -> None:
        challenge = 'Bearer error="invalid_token"' if token_given else "Bearer"
        super().__init__(message, {"WWW-Authenticate": challenge})


class AuthUnavailable(ApiError):
    """The signing keys (JWKS) could not be fetched, so no token can be checked."""

    code = "auth_unavailable"


class WorkoutDateChanged(ApiError):
    """A correction that moves a workout to another date (its id starts with the date)."""

    code = "workout_date_changed"


class DateRangeInvalid(ApiError):
    """A `from` after `to`, or a span longer than the progress endpoint reads."""

    code = "invalid_date_range"


class MemoryRefused(ApiError):
    """A memory the screen refuses: an instruction to the model or safety-negating text."""

    code = "memory_refused"


class BodyTooLarge(HTTPException):
    """The request body is over `COACH_MAX_BODY_BYTES`.

    An HTTPException so FastAPI re-raises it unchanged from inside body parsing.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than {limit} bytes")


STATUS_BY_CODE: dict[str, int] = {
    # storage
    "not_found": 404,
    "conflict": 409,
    "payload_too_large": 413,
    "invalid_page_token": 400,
    "rate_limited": 429,
    "quota_exceeded": 409,
    "coach_quota_exceeded": 409,
    "conversation_quota_exceeded": 409,
    "memory_quota_exceeded": 409,
    "workout_quota_exceeded": 409,
    "idempotency_mismatch": 422,
    "storage_unavailable": 503,
    "storage_error": 503,
    # agent: a turn that cannot start, or its error event
    "invalid_message": 422,
    "message_too_long": 422,
    "turn_in_progress": 409,
    "model_unavailable": 503,
    "turn_timeout": 503,
    # the API itself
    "bad_request": 400,
    "unauthorized": 401,
    "auth_unavailable": 503,
    "workout_date_changed": 422,
    "invalid_date_range": 422,
    "memory_refused": 422,
    "agent_error": 500,
}
"""Unknown codes are 500s."""
_FIXED_MESSAGES: dict[str, str] = {
    "storage_unavailable": "storage is unavailable; retry shortly",
    "model_unavailable": "the coach model is unavailable; your message was saved, retry shortly",
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
    """The one error body shape, with the usual response headers.

    The headers are added here because a 500 is answered outside the middleware that adds
    them.
    """
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers={**RESPONSE_HEADERS, **(headers or {})})


def status_of(code: str) -> int:
    """The HTTP status of an error code."""
    return STATUS_BY_CODE.get(code, 500)


async def _domain_error(request: Request, exc: StorageError | AgentError) -> JSONResponse:
    code = str(getattr(exc, "code", "internal_error"))
    status = status_of(code)
    message = _FIXED_MESSAGES.get(code) or str(exc) or code
    retry_after = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    if status >= 500:
        log.warning("request failed upstream", extra={"code": code, "detail": str(exc)})
    return error_response(status, code, message, headers)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(status_of(exc.code), exc.code, str(exc), exc.headers)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(422, "invalid_json", "the request body is not valid JSON")
    parts = [_error_text(e.get("loc", ()), e.get("msg", "invalid")) for e in errors[:5]]
    return error_response(422, "invalid_request", "; ".join(parts) or "invalid request")


def _error_text(loc: tuple[int | str, ...], msg: str) -> str:
    # A model-level error (loc ("body",)) says where in its own message.
    where = ".".join(str(p) for p in loc)
    return f"{where}: {msg}" if where and where != "body" else msg


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
