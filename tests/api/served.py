"""A real `coach serve` process on a free loopback port, for the tests that need a socket."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx
from httpx import AsyncClient

from tests.api.helpers import COACH


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


STARTUP_S = 120
"""How long a server may take to answer /healthz: a wait, not a timing claim (two workers
on a loaded 2-core machine have taken over 100 s to import and start)."""


async def wait_healthy(http: AsyncClient, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll /healthz until it answers 200, for at most STARTUP_S."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STARTUP_S
    while True:
        assert server.poll() is None, f"coach serve exited: {log.read_text()}"
        try:
            if (await http.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert loop.time() < deadline, f"coach serve not healthy in time: {log.read_text()}"
        await asyncio.sleep(0.1)


def serve_env(data: Path) -> dict[str, str]:
    """The environment of a `coach serve` on the local store under `data`."""
    env = {**os.environ, "COACH_DATA_DIR": str(data), "COACH_LOG_LEVEL": "WARNING"}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


@contextmanager
def coach_serve(env: dict[str, str], cwd: Path, *args: str) -> Iterator[Served]:
    """`coach serve ARGS` on a free loopback port; on a clean exit of the block, SIGTERM
    must shut it down gracefully (uvicorn re-raises the SIGTERM it caught)."""
    port = free_port()
    log = cwd / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(COACH), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: workers die with it (below)
        )
    try:
        yield Served(process, f"http://127.0.0.1:{port}", log)
        process.terminate()
        assert process.wait(timeout=20) in (0, -signal.SIGTERM), log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        with suppress(ProcessLookupError):  # workers and helpers a failed test left behind
            os.killpg(process.pid, signal.SIGKILL)


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path
