"""Pen-test attack of issue #16 on a real server: stalled connections are closed and others
served.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from httpx import AsyncClient

from tests.api.served import coach_serve, serve_env, wait_healthy

# -- 3. server limits --------------------------------------------------------------------

HEADER_TIMEOUT_S = 2.0


async def _closed_after(reader: asyncio.StreamReader, limit_s: float) -> float:
    """Seconds until the server closes the connection (reads nothing but EOF)."""
    started = time.monotonic()
    assert await asyncio.wait_for(reader.read(), timeout=limit_s) == b""
    return time.monotonic() - started


async def _get_status(port: int, path: str) -> int:
    """One GET on a fresh connection that the server closes after answering."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
    status_line = await asyncio.wait_for(reader.readline(), timeout=10)
    writer.close()
    return int(status_line.split()[1])


@pytest.mark.slow
async def test_stalled_connections_are_closed_and_others_served(tmp_path: Path) -> None:
    """Slowloris: connections that never finish their headers (or never send a byte)
    are closed after COACH_HEADER_TIMEOUT_S; meanwhile others are served, and the
    concurrency limit answers 503 instead of queueing without bound."""
    env = {
        **serve_env(tmp_path / "data"),
        "COACH_HEADER_TIMEOUT_S": str(HEADER_TIMEOUT_S),
        "COACH_LIMIT_CONCURRENCY": "4",
    }
    with coach_serve(env, tmp_path) as served:
        port = int(served.base_url.rsplit(":", 1)[1])
        async with AsyncClient(base_url=served.base_url, timeout=10, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
        partial_reader, partial = await asyncio.open_connection("127.0.0.1", port)
        partial.write(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        silent_reader, silent = await asyncio.open_connection("127.0.0.1", port)
        assert await _get_status(port, "/healthz") == 200  # 3 connections of 4
        _, third = await asyncio.open_connection("127.0.0.1", port)
        assert await _get_status(port, "/healthz") == 503  # 4 of 4
        third.close()
        closed = await asyncio.gather(
            _closed_after(partial_reader, HEADER_TIMEOUT_S + 3),
            _closed_after(silent_reader, HEADER_TIMEOUT_S + 3),
        )
        assert all(seconds <= HEADER_TIMEOUT_S + 1.5 for seconds in closed), closed
        assert await _get_status(port, "/healthz") == 200
        partial.close()
        silent.close()
