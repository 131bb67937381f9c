"""Model-call resilience: LangChain's retry middleware with our notion of transient.

It adds a per-attempt timeout that counts each call on the turn. botocore's own retries
are off (`total_max_attempts=1`), so this is the one retry policy for model calls:
throttling, 5xx, timeouts and broken streams, bounded exponential backoff with jitter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, cast

from langchain.agents.middleware import (
    AgentMiddleware,
    ModelRequest,
    ModelResponse,
    ModelRetryMiddleware,
)

from agent.usage import Spend

# Which failures are transient, as botocore/urllib3/langchain-aws raise them (checked
# against the fake Converse server's broken-stream modes, 2026-11).
_TRANSIENT_CODES = frozenset(
    {
        "ThrottlingException",
        "TooManyRequestsException",
        "ServiceUnavailableException",
        "InternalServerException",
        "ModelNotReadyException",
        "ModelTimeoutException",
        "ModelStreamErrorException",
        "RequestTimeout",
    }
)
_TRANSIENT_CODES_LOWER = frozenset(c.lower() for c in _TRANSIENT_CODES)
_TRANSIENT_TYPES = frozenset(
    {
        "ReadTimeoutError",
        "ConnectTimeoutError",
        "EndpointConnectionError",
        "ConnectionClosedError",
        "ResponseStreamingError",
        "IncompleteReadError",
        "ProtocolError",
        "APIConnectionError",
        "APITimeoutError",
        "RateLimitError",
        "InternalServerError",
        "TimeoutError",
        "ConnectionError",
        "ChecksumMismatch",
        "IncompleteModelResponse",
    }
)


class IncompleteModelResponse(Exception):
    """A model reply that arrived cut off or unreadable; retried like throttling.

    A dropped connection or a proxy's error page, for example.
    """


def is_transient(exc: BaseException) -> bool:
    """Whether a model error is worth retrying (throttling, 5xx, timeouts, dropped streams)."""
    if any(t.__name__ in _TRANSIENT_TYPES for t in type(exc).__mro__):
        return True
    response: Any = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code", "")
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        # Stream errors arrive with lowerCamel codes (`modelStreamErrorException`).
        return code.lower() in _TRANSIENT_CODES_LOWER or status == 429 or status >= 500
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and (status == 429 or status >= 500)


Handler = Callable[[ModelRequest], Awaitable[ModelResponse]]


class _Spends(Protocol):
    """The agent's runtime context, as far as this module uses it."""

    spend: Spend


def model_retry(
    *, max_attempts: int, initial_delay: float = 0.5, max_delay: float = 8.0
) -> ModelRetryMiddleware:
    """Retry transient failures (`is_transient`) and re-raise the last one when spent."""
    return ModelRetryMiddleware(
        max_retries=max_attempts - 1,
        retry_on=is_transient,
        on_failure="error",
        initial_delay=initial_delay,
        max_delay=max_delay,
    )


class TimedCall(AgentMiddleware):
    """Bound each model attempt by `timeout_s` and count it on the turn's spend.

    Sits inside the retry (and the fallback), so every attempt is timed and counted.
    """

    def __init__(self, *, timeout_s: float) -> None:
        super().__init__()
        self.timeout_s = timeout_s

    async def awrap_model_call(self, request: ModelRequest, handler: Handler) -> ModelResponse:
        """Time and count one attempt."""
        cast(_Spends, request.runtime.context).spend.model_calls += 1
        async with asyncio.timeout(self.timeout_s):
            return await handler(request)
