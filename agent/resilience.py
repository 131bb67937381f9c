"""Agent middleware: tenacity-owned retries with a per-call timeout, counting model calls.

botocore's own retries are off (`total_max_attempts=1`), so this is the one retry policy
for model calls: throttling, 5xx and timeouts, bounded exponential backoff with jitter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, cast

from langchain.agents.middleware import AgentMiddleware, ModelRequest, ModelResponse
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

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
    }
)


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


class _CountsModelCalls(Protocol):
    """The agent's runtime context, as far as this middleware uses it."""

    model_calls: int


class ModelRetry(AgentMiddleware):
    """Retry transient model failures; each attempt bounded by `timeout_s` and counted
    on the turn (`model_calls`), fallback attempts included as this sits inside it."""

    def __init__(
        self,
        *,
        max_attempts: int,
        timeout_s: float,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
    ) -> None:
        super().__init__()
        self.max_attempts = max_attempts
        self.timeout_s = timeout_s
        self.initial_delay = initial_delay
        self.max_delay = max_delay

    async def awrap_model_call(self, request: ModelRequest, handler: Handler) -> ModelResponse:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=wait_exponential_jitter(multiplier=self.initial_delay, max=self.max_delay),
            retry=retry_if_exception(is_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                cast(_CountsModelCalls, request.runtime.context).model_calls += 1
                async with asyncio.timeout(self.timeout_s):
                    return await handler(request)
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover
