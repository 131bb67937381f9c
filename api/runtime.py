"""Build the long-lived pieces (store, models, turn runner) from Settings, for the app and CLI."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel

from agent.chat_models import build_chat_model, close_chat_model
from agent.tuning import size_default_executor, tune_gc
from agent.turn import TurnOptions, TurnRunner
from api.auth import local_secret
from api.settings import Settings
from storage.aws import Endpoints
from storage.errors import StorageError
from storage.factory import open_store
from storage.protocols import DocumentStore, Store
from storage.quotas import StoredLimits

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    """What a running service holds: the store and the turn runner built on it."""

    store: Store
    runner: TurnRunner


def signing_secret(settings: Settings) -> str | None:
    """The HS256 secret: `COACH_JWT_SECRET`, else (local mode) `{data_dir}/jwt_secret`."""
    if settings.jwt_secret:
        return settings.jwt_secret
    return local_secret(settings.data_dir) if settings.storage == "local" else None


def local_token_secret(settings: Settings) -> str | None:
    """The HS256 secret the server accepts tokens signed with, if any.

    None where an identity provider (JWKS) issues the tokens, unless
    `COACH_ALLOW_LOCAL_TOKENS` asks for both.
    """
    if settings.jwks_url and not settings.allow_local_tokens:
        return None
    return signing_secret(settings)


def page_secret(settings: Settings) -> bytes:
    """The key that signs page tokens, derived so it never equals the JWT secret."""
    base = settings.page_secret or signing_secret(settings)
    if base is None:  # Settings refuses this combination at startup
        raise ValueError("set COACH_PAGE_SECRET")
    return hashlib.sha256(b"coach-page-tokens\0" + base.encode()).digest()


def _model(settings: Settings, model_id: str) -> BaseChatModel:
    return build_chat_model(
        model_id,
        timeout_s=settings.model_timeout_s,
        max_workers=settings.max_concurrency,
        openai_base_url=settings.openai_base_url,
        region=settings.aws_region,
        endpoint_url=settings.bedrock_endpoint_url,
    )


def open_configured_store(settings: Settings) -> Store:
    """Open (not create) the store that `COACH_STORAGE` names."""
    return open_store(
        settings.storage,
        data_dir=settings.data_dir,
        table=settings.table,
        bucket=settings.bucket,
        page_secret=page_secret(settings),
        max_workers=settings.max_concurrency,
        endpoints=Endpoints(
            dynamodb=settings.aws_endpoint_url_dynamodb or settings.aws_endpoint_url,
            s3=settings.aws_endpoint_url_s3 or settings.aws_endpoint_url,
        ),
        region=settings.aws_region,
        limits=StoredLimits(
            coaches=settings.max_coaches,
            conversations=settings.max_conversations,
            memories=settings.max_memories,
            workouts_per_day=settings.max_workouts_per_day,
        ),
    )


@asynccontextmanager
async def open_runtime(
    settings: Settings, *, store: Store | None = None, chat_model: BaseChatModel | None = None
) -> AsyncIterator[Runtime]:
    """Open the store (unless given) and build the runner; close both on exit."""
    size_default_executor(settings.max_concurrency)
    owned = store is None
    active = store if store is not None else open_configured_store(settings)
    try:
        if owned and settings.storage == "local":
            await active.init()  # idempotent; the AWS table and bucket come from `coach init`
        main = chat_model or _model(settings, settings.model)
        extraction = _optional(settings, settings.extraction_model)
        fallback = _optional(settings, settings.fallback_model)
        built = [None if chat_model else main, extraction, fallback]  # ours to close
        runner = TurnRunner(
            store=active,
            chat_model=main,
            model_name=settings.model,
            extraction_model=extraction,
            fallback_model=fallback,
            options=TurnOptions(
                history_window=settings.history_window,
                summary_every=settings.summary_every,
                memory_max_count=settings.memory_max_count,
                memory_max_chars=settings.memory_max_chars,
                max_message_chars=settings.max_message_chars,
                max_attempts=settings.model_max_attempts,
                timeout_s=settings.model_timeout_s,
            ),
        )
        tune_gc()
        drainer = asyncio.create_task(keep_copies(active, settings.outbox_poll_s))
        try:
            yield Runtime(store=active, runner=runner)
        finally:
            drainer.cancel()
            await asyncio.gather(drainer, return_exceptions=True)
            await runner.aclose()
            for model in built:
                await close_chat_model(model)
    finally:
        if owned:
            await active.close()


async def keep_copies(store: DocumentStore, every_s: float) -> None:
    """The outbox poller: drain every user's outbox at start-up, then every `every_s` s.

    At start-up it picks up what a stopped or failed instance left behind. Turns drain their
    own user's outbox right after the reply; this catches what their drains could not write.
    """
    while True:
        try:
            drained = await store.drain_outbox()
            if drained:
                log.info("outbox: wrote the copies of %d entries", drained)
        except StorageError:
            log.warning("outbox: some copies are still pending", exc_info=True)
        await asyncio.sleep(every_s)


def _optional(settings: Settings, model_id: str | None) -> BaseChatModel | None:
    return _model(settings, model_id) if model_id else None
