"""The `coach serve` process the API bench drives: its command, environment and lifecycle.

A real server on loopback (offline model, local store in a temp dir), waited for until
healthy, stopped however the bench ends, and its log read back for warnings.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 20.0


def free_port() -> int:
    """A currently free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def coach_command() -> str:
    """The `coach` console script of this interpreter's venv."""
    candidate = Path(sys.executable).parent / "coach"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("coach") or str(ROOT / ".venv" / "bin" / "coach")
    return found


def bench_env(data_dir: Path) -> dict[str, str]:
    """The server's environment: inherited, minus any COACH_* setting, plus the bench's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(
        COACH_STORAGE="local",
        COACH_DATA_DIR=str(data_dir),
        COACH_MODEL="offline",
        COACH_RATE_LIMIT_PER_MINUTE="10000000",
        COACH_DAILY_QUOTA="100000000",
    )
    return env


def tail(path: Path, lines: int = 20) -> str:
    """The last `lines` lines of a text file (empty when unreadable)."""
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


async def wait_healthy(base_url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll /healthz until 200, the server exits, or STARTUP_TIMEOUT_S passes."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    async with httpx.AsyncClient(base_url=base_url, timeout=1.0) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"server exited with {server.returncode}:\n{tail(log)}")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"server not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{tail(log)}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Terminate the server, killing it if it does not exit promptly."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


def server_problems(log: Path) -> list[str]:
    """WARNING and worse lines the server logged (JSON lines or plain tracebacks)."""
    problems: list[str] = []
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return problems
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            if "Traceback" in line or "Error" in line:
                problems.append(line)
            continue
        if isinstance(entry, dict) and entry.get("level") in ("WARNING", "ERROR", "CRITICAL"):
            problems.append(f"{entry.get('level')} {entry.get('logger')}: {entry.get('message')}")
    return problems
