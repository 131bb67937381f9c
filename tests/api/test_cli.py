"""The `coach` command: extract, token, init, chat, --help and exit codes."""

from __future__ import annotations

import asyncio
import io
import json
import os
import socket
import sys
from pathlib import Path

import pytest

from api.cli import listening_socket, main
from api.settings import Settings
from tests.api.helpers import COACH, coach_cli, serve

FRAN = "Did Fran in 8:57 with 95 lb thrusters"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI's local store and secret at a fresh directory."""
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _assert_fran(output: str) -> None:
    [workout] = json.loads(output)["workouts"]
    assert workout["date"] == "2026-01-10"
    assert workout["workout_name"] == "Fran" and workout["discipline"] == "crossfit"
    assert "null" not in output


def test_extract_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--today", "2026-01-10", "--tz", "Europe/Berlin", FRAN]) == 0
    _assert_fran(capsys.readouterr().out)


def test_extract_as_installed_console_script(tmp_path: Path) -> None:
    assert COACH.exists(), "the console script is missing: run `make install`"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    _assert_fran(coach_cli(env, tmp_path, "extract", "--today", "2026-01-10", FRAN))


@pytest.mark.parametrize("command", ["serve", "init", "repair", "token", "chat", "extract"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert f"usage: coach {command}" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["token"],
        ["token", "--user", "a/b"],
        ["extract", "--tz", "Nowhere/City", "x"],
        ["extract", "--today", "soon", "x"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2


async def test_token_is_accepted_by_the_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["token", "--user", "dana", "--ttl", "60"]) == 0
    printed = capsys.readouterr().out.strip()
    async with serve(Settings(data_dir=data_dir, log_level="WARNING")) as http:
        response = await http.get("/v1/profile", headers={"Authorization": f"Bearer {printed}"})
        assert response.status_code == 200 and response.json()["user_id"] == "dana"


def test_init_twice_then_demo(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    assert main(["init"]) == 0
    assert main(["init", "--demo"]) == 0
    assert main(["init", "--demo"]) == 0
    out = capsys.readouterr().out
    assert "coach chat --coach demo-coach" in out
    assert "curl" in out and "Authorization: Bearer ey" in out
    assert "http://127.0.0.1:8000/#token=ey" in out
    assert (data_dir / "jwt_secret").exists()


def test_chat_reads_piped_stdin(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{FRAN}\n\nRemember that I train at 6am\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert out.count("coach> ") == 2
    assert "logged: Fran on" in out
    assert "remembered: " in out


def test_chat_stops_at_quit(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("hello\n/quit\nnever sent\n"))
    assert main(["chat", "--user", "erin"]) == 0
    assert capsys.readouterr().out.count("coach> ") == 1


def test_runtime_errors_exit_1(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chat", "--coach", "nosuchcoach"]) == 1
    assert capsys.readouterr().err.startswith("coach: error:")


async def test_worker_socket_gives_accepted_connections_tcp_nodelay() -> None:
    """With Nagle on, every response of `coach serve --workers N` waited for the client's
    delayed ACK; asyncio turns it off only for sockets created as IPPROTO_TCP."""
    sock = listening_socket("127.0.0.1", 0)
    sock.listen()
    seen: list[int] = []

    async def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = writer.get_extra_info("socket")
        seen.append(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(accepted, sock=sock)
    async with server:
        _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
        while not seen:
            await asyncio.sleep(0.01)
        writer.close()
    assert seen == [1]
