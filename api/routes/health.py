"""Liveness and readiness probes (no authentication)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep

router = APIRouter(tags=["health"])


class HealthPublic(BaseModel):
    """Probe result."""

    status: str


@router.get("/healthz")
async def healthz() -> HealthPublic:
    """The process is up."""
    return HealthPublic(status="ok")


@router.get("/readyz")
async def readyz(store: StoreDep) -> HealthPublic:
    """The store answers (503 `storage_unavailable` otherwise)."""
    await store.ping()
    return HealthPublic(status="ready")
