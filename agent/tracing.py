"""Keep LangSmith's tracing hooks on the event loop when tracing is off.

LangChain's agent wraps every middleware hook in `langsmith.traceable`, whose async
wrapper hops to a worker thread twice per call to set up and close a run, even when
no tracing is configured: a dozen thread hops per turn for nothing. LangSmith offers
`set_runtime_overrides(aio_to_thread=...)` for exactly this; with tracing enabled the
default behaviour is kept.
"""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable, Callable
from typing import Any

import langsmith
from langsmith.utils import tracing_is_enabled


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
    """Install the override (idempotent, process-wide)."""
    langsmith.set_runtime_overrides(aio_to_thread=_inline_unless_tracing)
