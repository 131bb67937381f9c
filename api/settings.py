"""Service configuration: one pydantic-settings class, read once at startup."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the service reads from the environment (`COACH_` prefix)."""

    model_config = SettingsConfigDict(env_prefix="COACH_", extra="ignore")

    storage: Literal["local", "aws"] = "local"
    data_dir: Path = Path(".coach")
    table: str = "coach-agent"
    bucket: str = "coach-agent-athletes"

    model: str = "offline"
    extraction_model: str | None = None
    fallback_model: str | None = None
    openai_base_url: str | None = None
    model_timeout_s: float = Field(default=60.0, gt=0)
    model_max_attempts: int = Field(default=3, ge=1, le=10)
    max_concurrency: int = Field(default=64, ge=1, le=1024)

    jwt_secret: str | None = None
    jwks_url: str | None = None
    jwt_issuer: str | None = None
    jwt_audience: str | None = None

    max_message_chars: int = Field(default=4000, ge=1)
    max_body_bytes: int = Field(default=64_000, ge=1024)
    rate_limit_per_minute: int = Field(default=30, ge=1)
    daily_quota: int = Field(default=500, ge=1)

    history_window: int = Field(default=12, ge=2, le=200)
    summary_every: int = Field(default=20, ge=2)
    memory_max_count: int = Field(default=12, ge=1)
    memory_max_chars: int = Field(default=2000, ge=100)

    log_level: str = "INFO"

    @model_validator(mode="after")
    def _check_model(self) -> Settings:
        """Fail at startup on a model id the factory cannot build."""
        for value in (self.model, self.extraction_model, self.fallback_model):
            if value is None:
                continue
            kind = value.split(":", 1)[0]
            if value != "offline" and kind not in ("bedrock", "openai"):
                raise ValueError(f"unknown model {value!r}: use offline, bedrock:<id> or openai:<model>")
            if kind == "openai" and not self.openai_base_url:
                raise ValueError("openai:<model> needs COACH_OPENAI_BASE_URL")
        return self
