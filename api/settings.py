"""Service configuration: one pydantic-settings class, read once at startup."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the service reads from the environment (`COACH_` prefix)."""

    # Inputs are hidden from validation errors: they may hold secrets.
    model_config = SettingsConfigDict(
        env_prefix="COACH_", extra="ignore", hide_input_in_errors=True, populate_by_name=True
    )

    storage: Literal["local", "aws"] = "local"
    data_dir: Path = Path(".coach")
    table: str = "coach-agent"
    bucket: str = "coach-agent-athletes"
    aws_endpoint_url: str | None = None
    """The store's endpoint for both services; AWS_ENDPOINT_URL* are left to botocore, so
    its precedence holds (a service's own variable before the general one)."""
    aws_endpoint_url_dynamodb: str | None = None
    aws_endpoint_url_s3: str | None = None
    aws_region: str | None = Field(
        default=None,
        validation_alias=AliasChoices("COACH_AWS_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
    )

    model: str = "offline"
    extraction_model: str | None = None
    fallback_model: str | None = None
    openai_base_url: str | None = None
    model_timeout_s: float = Field(default=60.0, gt=0)
    model_max_attempts: int = Field(default=3, ge=1, le=10)
    max_concurrency: int = Field(default=256, ge=1, le=1024)
    workers: int = Field(default=1, ge=1, le=64)
    header_timeout_s: float = Field(default=10.0, gt=0, le=300)
    keepalive_timeout_s: int = Field(default=5, ge=1, le=7200)
    """Idle seconds before the server closes a connection; behind a load balancer, longer
    than its idle timeout, or it reuses a connection the server is closing (a 502)."""
    limit_concurrency: int = Field(default=1000, ge=1)

    bedrock_endpoint_url: str | None = None

    jwt_secret: str | None = Field(default=None, min_length=32)
    jwks_url: str | None = None
    jwks_ttl_s: float = Field(default=600.0, gt=0)
    jwt_issuer: str | None = None
    jwt_audience: str | None = None
    jwt_token_use: Literal["access", "id"] | None = None
    jwt_max_lifetime_s: int = Field(default=86_400, ge=60)
    allow_local_tokens: bool = False
    page_secret: str | None = Field(default=None, min_length=32)

    max_message_chars: int = Field(default=4000, ge=1)
    max_body_bytes: int = Field(default=64_000, ge=1024)
    rate_limit_per_minute: int = Field(default=30, ge=1)
    daily_quota: int = Field(default=500, ge=1)
    max_coaches: int = Field(default=50, ge=1)
    max_conversations: int = Field(default=2000, ge=1)
    max_memories: int = Field(default=500, ge=1)
    max_workouts_per_day: int = Field(default=30, ge=1)

    history_window: int = Field(default=12, ge=2, le=200)
    summary_every: int = Field(default=10, ge=2)
    memory_max_count: int = Field(default=12, ge=1)
    memory_max_chars: int = Field(default=2000, ge=100)
    outbox_poll_s: float = Field(default=30.0, gt=0)
    """How often each process drains every user's outbox (copies a failure left behind)."""

    docs: bool = True
    log_level: str = "INFO"
    log_content: bool = False

    @model_validator(mode="after")
    def _check_model(self) -> Settings:
        """Fail at startup on a model id the factory cannot build."""
        for value in (self.model, self.extraction_model, self.fallback_model):
            if value is None:
                continue
            kind = value.split(":", 1)[0]
            if value != "offline" and kind not in ("bedrock", "openai"):
                raise ValueError(
                    f"unknown model {value!r}: use offline, bedrock:<id> or openai:<model>"
                )
            if kind == "openai" and not self.openai_base_url:
                raise ValueError("openai:<model> needs COACH_OPENAI_BASE_URL")
        return self

    @model_validator(mode="after")
    def _check_auth(self) -> Settings:
        """Fail at startup when tokens could not be verified or page tokens not signed."""
        if self.jwks_url and self.jwks_url.startswith("http://"):
            raise ValueError("COACH_JWKS_URL must be an https:// URL or a file path")
        if self.storage == "aws" and not (self.jwt_secret or self.jwks_url):
            raise ValueError("COACH_STORAGE=aws needs COACH_JWT_SECRET or COACH_JWKS_URL")
        if self.storage == "aws" and not (self.page_secret or self.jwt_secret):
            raise ValueError("COACH_STORAGE=aws with JWKS only needs COACH_PAGE_SECRET (32+ chars)")
        return self
