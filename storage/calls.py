"""Every blocking backend call goes through `Calls`.

There it runs off the event loop, bounded, retried, translated and counted.

boto3 and sqlite3 are synchronous, so each call runs in a worker thread
(`anyio.to_thread.run_sync`) under one `CapacityLimiter`; tenacity owns the only retry
policy (botocore's own retries are switched off in `storage.aws.client_config`).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Coroutine
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from anyio import CapacityLimiter
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_random_exponential

from storage.errors import StorageUnavailable

T = TypeVar("T")

FIRST_RETRY_JITTER_S = 0.05
CONTENDED_ATTEMPTS = 10
"""Tries of a write that keeps meeting another writer's transaction (up to about 9 s of
jittered waits): the other writer is making progress, not failing, so waiting it out is
a queue across server processes, where a process's own writes queue in `ItemQueue`."""

Translate = Callable[[], AbstractContextManager[None]]
"""A context manager that turns a backend's exceptions into `storage.errors` errors."""


class Transient(StorageUnavailable):
    """A failure worth retrying: throttling, a 5xx, a lost connection, a busy database."""


class Contended(Transient):
    """An item is held by another writer's transaction in flight; it lets go within ms."""


class Calls:
    """Runs backend calls in threads with one retry policy and counts every request sent.

    `counts` (operation name → requests, retries included) is the hook the tests and
    `bench/bench_storage.py` read to see what a domain operation costs.
    """

    def __init__(
        self,
        limiter: CapacityLimiter,
        *,
        attempts: int = 5,
        contended_attempts: int = CONTENDED_ATTEMPTS,
        max_wait_s: float = 2.0,
    ) -> None:
        self._limiter = limiter
        # The first attempt runs outside tenacity (see `run`), so each allows one fewer.
        transient = stop_after_attempt(max(1, attempts - 1))
        contended = stop_after_attempt(max(1, contended_attempts - 1))

        def stop(state: RetryCallState) -> bool:
            failure = state.outcome.exception() if state.outcome else None
            return (contended if isinstance(failure, Contended) else transient)(state)

        self._policy = AsyncRetrying(
            retry=retry_if_exception_type(Transient),
            stop=stop,
            wait=wait_random_exponential(multiplier=0.05, max=max_wait_s),
            reraise=True,
        )
        self.counts: Counter[str] = Counter()

    async def run(self, op: str, fn: Callable[[], T], translate: Translate) -> T:
        """Call `fn` in a worker thread, retrying `Transient` failures with jittered backoff."""

        def call() -> T:
            with translate():
                return fn()

        async def attempt() -> T:
            self.counts[op] += 1
            return await anyio.to_thread.run_sync(call, limiter=self._limiter)

        try:
            return await attempt()
        except Transient:
            # Only failures pay for tenacity's setup (measurable on the chat hot path).
            # A copy per call: tenacity keeps per-call state on the object.
            await anyio.sleep(random.uniform(0, FIRST_RETRY_JITTER_S))
            result: T = await self._policy.copy()(attempt)
            return result


async def concurrently(*calls: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Await `calls` at once; re-raise the first failure itself, not an ExceptionGroup.

    anyio wraps task failures in groups; callers catch our `StorageError` types.
    """
    try:
        async with anyio.create_task_group() as group:
            for call in calls:
                group.start_soon(call)
    except BaseExceptionGroup as failures:
        first: BaseException = failures
        while isinstance(first, BaseExceptionGroup):
            first = first.exceptions[0]
        raise first from first.__cause__  # keep the vendor error it was translated from
