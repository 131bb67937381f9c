"""Speed-ups that lean on library behaviour, gathered so each can be checked at upgrades.

Each entry says what it buys and which test in `tests/agent/test_tuning.py` fails when
the library changes under it. Dropped after re-measuring (2026-12-06): an override of
ChatBedrockConverse's private `_astream` that read a stream in one worker thread; 200
concurrent streamed calls took the same wall and CPU time with and without it (medians
1.67 s and 1.76 s over six runs each), so langchain-core's own path is used.

1. `keep_untraced_hooks_inline`: LangChain's agent wraps every middleware hook in
   `langsmith.traceable`, whose async wrapper hops to a worker thread twice per call
   even with tracing off. LangSmith's public `set_runtime_overrides(aio_to_thread=…)`
   keeps them on the event loop unless tracing is on (a dozen thread hops per turn).
2. `size_default_executor`: ChatBedrockConverse's client is synchronous and LangChain
   runs it in the event loop's default executor; that pool must be as large as the
   number of concurrent turns, or turns queue for a thread (40 concurrent chats reach
   the model at once only with it: tests/api/test_concurrency.py).
3. `tune_gc`: a server process holds about 220,000 long-lived objects after startup;
   full collections walked them all, 250–480 ms of a burst of 200 turns. Frozen once,
   and young objects collected every 10,000 allocations: 13–75 ms per burst.
4. `bedrock_system_blocks`: the system prompt as Bedrock's own blocks (no `type` key),
   which langchain-aws passes through; `type: text` blocks go through langchain-core's
   data-block check, which re-derives type hints on every call (a third of a Converse
   call's CPU when measured). Also where the prompt-cache point goes.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import gc
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import langsmith
from langsmith.utils import tracing_is_enabled

CACHE_POINT: dict[str, Any] = {"cachePoint": {"type": "default"}}


async def _inline_unless_tracing(
    default: Callable[..., Awaitable[Any]],
    ctx: contextvars.Context,
    func: Callable[..., Any],
    /,
    *args: Any,
    **kwargs: Any,
) -> Any:
    if tracing_is_enabled():
        return await default(ctx, func, *args, **kwargs)
    return ctx.run(func, *args, **kwargs)


def keep_untraced_hooks_inline() -> None:
    """Install the LangSmith override (idempotent, process-wide)."""
    langsmith.set_runtime_overrides(aio_to_thread=_inline_unless_tracing)


def size_default_executor(max_workers: int) -> None:
    """Give the running loop a default executor with `max_workers` threads (started lazily)."""
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="coach")
    )


@functools.cache  # once per process: what exists at the first startup is what lasts
def tune_gc() -> None:
    """Move the startup objects to the permanent generation; collect young ones less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def bedrock_system_blocks(static: str, dynamic: str) -> list[str | dict[str, Any]]:
    """The system prompt with a cache point after its static part, in Bedrock's shape."""
    return [{"text": static}, CACHE_POINT, {"text": dynamic}]
