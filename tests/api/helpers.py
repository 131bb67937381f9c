"""Builders shared by the API tests: tokens, a running app, a coach and a conversation."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jwt
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from api.main import create_app
from api.settings import Settings

SECRET = "test-secret-0123456789-abcdefghijklmnop"
ALICE = "alice"
BOB = "bob"


def token(user: str = ALICE, *, secret: str = SECRET, ttl: int = 600, **claims: Any) -> str:
    """A HS256 token for `user`; extra claims override the defaults."""
    now = int(time.time())
    return jwt.encode({"sub": user, "iat": now, "exp": now + ttl, **claims}, secret, "HS256")


def auth(user: str = ALICE, **claims: Any) -> dict[str, str]:
    """The Authorization header for `user`."""
    return {"Authorization": f"Bearer {token(user, **claims)}"}


@asynccontextmanager
async def started(settings: Settings, **kwargs: Any) -> AsyncIterator[FastAPI]:
    """An app with its lifespan running."""
    app = create_app(settings, **kwargs)
    async with app.router.lifespan_context(app):
        yield app


@asynccontextmanager
async def serve(settings: Settings, **kwargs: Any) -> AsyncIterator[AsyncClient]:
    """An HTTP client for a started app."""
    async with started(settings, **kwargs) as app:
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def new_coach(http: AsyncClient, user: str = ALICE, name: str = "Coach Kim") -> str:
    """Create a coach over HTTP; returns its id."""
    response = await http.post("/v1/coaches", json={"coach_name": name}, headers=auth(user))
    assert response.status_code == 201, response.text
    return str(response.json()["coach_id"])


async def new_conversation(http: AsyncClient, coach_id: str, user: str = ALICE) -> str:
    """Start a conversation over HTTP; returns its id."""
    response = await http.post(f"/v1/coaches/{coach_id}/conversations", headers=auth(user))
    assert response.status_code == 201, response.text
    return str(response.json()["conversation_id"])


def messages_url(coach_id: str, conversation_id: str) -> str:
    """The chat endpoint of one conversation."""
    return f"/v1/coaches/{coach_id}/conversations/{conversation_id}/messages"


COACH = Path(sys.executable).parent / "coach"
"""The installed `coach` console script of this venv."""


def coach_cli(env: dict[str, str], cwd: Path, *args: str) -> str:
    """Run `coach ARGS` as a process to completion; asserts exit 0, returns stdout."""
    done = subprocess.run(
        [str(COACH), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
