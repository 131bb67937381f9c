"""End to end through a real `coach serve` process over a socket."""

from __future__ import annotations

import asyncio
import http.client
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.e2e_scenario import FRAN, RUN_10K, get_ok, json_turn, sse_turn
from tests.api.e2e_store import LocalInspector
from tests.api.helpers import coach_cli, messages_url
from tests.api.served import coach_serve, serve_env, wait_healthy


@pytest.mark.slow
async def test_coach_serve_over_a_socket(tmp_path: Path) -> None:
    """`coach init --demo`, `coach serve` and `coach token`, then JSON and SSE turns
    through uvicorn on loopback; SIGTERM shuts down cleanly with the transcript written."""
    data = tmp_path / "data"
    env = serve_env(data)
    assert "'demo-coach'" in coach_cli(env, tmp_path, "init", "--demo")
    with coach_serve(env, tmp_path) as served:
        token = coach_cli(env, tmp_path, "token", "--user", "demo").strip()
        headers = {"Authorization": f"Bearer {token}"}
        async with AsyncClient(base_url=served.base_url, timeout=15, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
            assert (await http.get("/readyz")).status_code == 200
            response = await http.post("/v1/coaches/demo-coach/conversations", headers=headers)
            assert response.status_code == 201, response.text
            conversation_id = response.json()["conversation_id"]
            url = messages_url("demo-coach", conversation_id)

            fran = await json_turn(http, url, headers, FRAN)
            [workout] = fran["workouts"]
            assert workout["workout_name"] == "Fran" and workout["user_id"] == "demo"
            events, run = await sse_turn(http, url, headers, RUN_10K)
            assert [data for name, data in events if name == "workout"] == [
                {**w, "action": c["action"], "change": c["summary"]}
                for w, c in zip(run["workouts"], run["workout_changes"], strict=True)
            ]
            assert run["workouts"][0]["discipline"] == "running"

            listed = (await get_ok(http, "/v1/workouts", headers))["items"]
            assert {w["workout_id"] for w in listed} == {
                workout["workout_id"],
                run["workouts"][0]["workout_id"],
            }
            unauthorized = await http.get("/v1/workouts")
            assert unauthorized.status_code == 401

    transcript = LocalInspector(data).document(
        f"athletes/demo/conversations/{conversation_id}.json"
    )
    assert transcript is not None
    contents = [m["content"] for m in transcript["messages"]]
    assert contents == [FRAN, fran["reply"]["content"], RUN_10K, run["reply"]["content"]]


@pytest.mark.slow
async def test_coach_serve_with_two_workers_shares_one_store(tmp_path: Path) -> None:
    """`coach serve --workers 2` on a data directory nobody initialised: the processes
    agree on one signing secret and one store, and turns sent over separate connections
    at once all land in the one transcript."""
    data = tmp_path / "data"
    env = serve_env(data)
    texts = [f"easy {k} km run this morning" for k in range(3, 11)]
    with coach_serve(env, tmp_path, "--workers", "2") as served:
        async with AsyncClient(base_url=served.base_url, timeout=30, trust_env=False) as http:
            await wait_healthy(http, served.process, served.log)
            token = coach_cli(env, tmp_path, "token", "--user", "ann").strip()
            headers = {"Authorization": f"Bearer {token}"}
            coach = await http.post("/v1/coaches", json={"coach_name": "Jo"}, headers=headers)
            coach_id = coach.json()["coach_id"]
            created = await http.post(f"/v1/coaches/{coach_id}/conversations", headers=headers)
            conversation_id = created.json()["conversation_id"]
            url = messages_url(coach_id, conversation_id)

        async def one_turn(text: str) -> Any:
            async with AsyncClient(base_url=served.base_url, timeout=30, trust_env=False) as own:
                return await json_turn(own, url, headers, text)

        replies = await asyncio.gather(*(one_turn(text) for text in texts))
        assert all(len(reply["workouts"]) == 1 for reply in replies)

    transcript = LocalInspector(data).document(f"athletes/ann/conversations/{conversation_id}.json")
    assert transcript is not None
    contents = [m["content"] for m in transcript["messages"]]
    assert sorted(c for c in contents if c in texts) == sorted(texts)
    assert len(contents) == 2 * len(texts)


@pytest.mark.slow
async def test_coach_serve_closes_idle_connections_after_keepalive_timeout(
    tmp_path: Path,
) -> None:
    """COACH_KEEPALIVE_TIMEOUT_S reaches uvicorn: a 1 s keep-alive closes an idle connection
    well before the default 5 s would (behind a load balancer it is set longer than the
    balancer's idle timeout)."""
    env = {**serve_env(tmp_path / "data"), "COACH_KEEPALIVE_TIMEOUT_S": "1"}
    with coach_serve(env, tmp_path) as served:
        async with AsyncClient(base_url=served.base_url, timeout=15, trust_env=False) as client:
            await wait_healthy(client, served.process, served.log)
        connection = http.client.HTTPConnection(served.base_url.removeprefix("http://"), timeout=4)
        with closing(connection):
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            assert response.status == 200 and response.read() == b'{"status":"ok"}'
            assert connection.sock is not None, "HTTP/1.1 keeps the connection open"
            # A closed connection reads as b"" at once; an open one times out after 4 s.
            assert connection.sock.recv(1) == b"", "the server closes the idle connection"
