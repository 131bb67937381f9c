"""The FastAPI application: `create_app` is the only place that reads the environment.

Run with `coach serve`, or `uvicorn --factory api.main:create_app`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from langchain_core.language_models import BaseChatModel

from api.auth import JwksKeys, TokenVerifier
from api.chat import ChatService
from api.errors import register_error_handlers
from api.headers import ResponseHeadersMiddleware
from api.limits import BodyLimitMiddleware
from api.logging import RequestLogMiddleware, configure_logging
from api.routes import (
    account,
    coaches,
    conversations,
    health,
    memories,
    messages,
    profile,
    progress,
    summary,
    workouts,
)
from api.runtime import local_token_secret, open_runtime
from api.schemas.common import ErrorPublic
from api.settings import Settings
from api.webapp import mount_web
from storage.protocols import Store

RESOURCES = (
    profile,
    coaches,
    conversations,
    messages,
    summary,
    memories,
    workouts,
    progress,
    account,
)
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorPublic, "description": description}
    for status, description in {
        400: "Bad input, e.g. a `next` token that is not yours",
        401: "Missing, invalid or expired bearer token",
        404: "No such item for this user",
        409: "Conflict: stale `version`, a turn still running, or a stored-data quota full",
        413: "Request body too large",
        422: "Invalid request (`invalid_request`, `invalid_json`, `message_too_long`, …)",
        429: "Rate limit or daily quota used up; see `Retry-After`",
        503: "Storage or the coach model is unavailable; retry",
    }.items()
}


def create_app(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    chat_model: BaseChatModel | None = None,
) -> FastAPI:
    """Build the app; the lifespan opens the store and models once and closes them on exit.

    Args:
        settings: defaults to `Settings()` read from the `COACH_*` environment.
        store: an already-open store to use instead of opening the configured one.
        chat_model: a chat model to use instead of building `settings.model`.
    """
    settings = settings or Settings()
    configure_logging(settings.log_level, content=settings.log_content)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_runtime(settings, store=store, chat_model=chat_model) as runtime:
            chat = ChatService(
                runner=runtime.runner,
                per_minute=settings.rate_limit_per_minute,
                per_day=settings.daily_quota,
                log_content=settings.log_content,
            )
            app.state.store = runtime.store
            app.state.chat = chat
            app.state.verifier = _verifier(settings)
            yield

    app = FastAPI(
        title="Coach Agent API",
        version="0.1.0",
        summary="Chat with an AI coach, log workouts by talking, keep lasting memories.",
        lifespan=lifespan,
        docs_url=None,  # served from local files by mount_web, so /docs works offline
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
    )
    app.state.settings = settings
    register_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLogMiddleware)
    app.add_middleware(ResponseHeadersMiddleware)
    app.include_router(health.router)
    for module in RESOURCES:
        app.include_router(module.router, responses=ERRORS)
    mount_web(app, docs=settings.docs)
    return app


def _verifier(settings: Settings) -> TokenVerifier:
    jwks = JwksKeys(settings.jwks_url, ttl_s=settings.jwks_ttl_s) if settings.jwks_url else None
    return TokenVerifier(
        secret=local_token_secret(settings),
        jwks=jwks,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        token_use=settings.jwt_token_use,
        max_lifetime_s=settings.jwt_max_lifetime_s,
    )
