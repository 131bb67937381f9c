"""HTTP API benchmark: sustained chat turns per second and latency over real loopback HTTP.

Starts `coach serve` as a subprocess (offline model, local store in a temp dir, per-user
limits raised so nothing is rate limited), then drives the JSON chat endpoint with 1, 10
and 100 concurrent clients over httpx (HTTP/1.1 keep-alive). Each client is its own user
with its own coach and conversation and sends a fixed rotation of realistic messages.

Prints figures; asserts nothing; exits 0. Targets:
- p50 latency under 15 ms at 1 client;
- no error at 100 clients.
Run: .venv/bin/python bench/bench_api.py [--duration 10] [--warmup 2] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.auth import SECRET_FILE, issue_token  # noqa: E402
from bench.api_server import (  # noqa: E402
    bench_env,
    coach_command,
    free_port,
    server_problems,
    stop,
    wait_healthy,
)
from bench.machine import print_machine_speed  # noqa: E402

LEVELS = (1, 10, 100)
MESSAGES = (
    "hey coach!",
    "Did Fran in 8:57 with 95 lb thrusters",
    "ran 5k in 24:10",
    "what should I focus on this week to get my deadlift up?",
    "remember that I have a bad knee",
    "good morning! feeling pretty good today",
    "squats 5x5 @ 225",
    "how long should I rest between heavy sets?",
)
TOTAL_BUDGET_S = 110.0  # everything, server start to stop, stays under 2 minutes
REQUEST_TIMEOUT_S = 30.0
TARGET_P50_MS = 15.0
ERROR_EXAMPLES = 5


@dataclass
class User:
    """One bench client: its user id, token, coach and conversation."""

    user_id: str
    token: str
    coach_id: str = ""
    conversation_id: str = ""


@dataclass
class LevelResult:
    """What one concurrency level measured."""

    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    elapsed_s: float = 0.0

    @property
    def requests(self) -> int:
        """Measured requests, successful or not."""
        return len(self.latencies_ms) + sum(self.errors.values())

    @property
    def error_count(self) -> int:
        """Non-200 answers and transport failures."""
        return sum(self.errors.values())


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of `values` (nan when empty)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


async def setup_user(client: httpx.AsyncClient, user: User) -> None:
    """Create the user's coach and conversation through the API."""
    headers = {"Authorization": f"Bearer {user.token}"}
    response = await client.post(
        "/v1/coaches", json={"coach_name": f"Coach for {user.user_id}"}, headers=headers
    )
    if response.status_code != 201:
        raise RuntimeError(f"create coach: {response.status_code} {response.text[:300]}")
    user.coach_id = response.json()["coach_id"]
    response = await client.post(
        f"/v1/coaches/{user.coach_id}/conversations", json={"title": "bench"}, headers=headers
    )
    if response.status_code != 201:
        raise RuntimeError(f"create conversation: {response.status_code} {response.text[:300]}")
    user.conversation_id = response.json()["conversation_id"]


async def run_client(
    client: httpx.AsyncClient,
    user: User,
    offset: int,
    measure_from: float,
    stop_at: float,
    result: LevelResult,
) -> None:
    """Send turns back to back until `stop_at`; record those started after `measure_from`."""
    url = f"/v1/coaches/{user.coach_id}/conversations/{user.conversation_id}/messages"
    headers = {"Authorization": f"Bearer {user.token}", "Accept": "application/json"}
    turn = offset
    while (start := time.perf_counter()) < stop_at:
        content = MESSAGES[turn % len(MESSAGES)]
        turn += 1
        error: str | None = None
        try:
            response = await client.post(url, json={"content": content}, headers=headers)
            if response.status_code != 200:
                error = f"{response.status_code} {response.text[:300]}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        elapsed_ms = (time.perf_counter() - start) * 1000
        if start < measure_from:
            continue
        if error is None:
            result.latencies_ms.append(elapsed_ms)
        else:
            result.errors[error] += 1


async def run_level(
    client: httpx.AsyncClient, users: list[User], warmup_s: float, duration_s: float
) -> LevelResult:
    """Run every user as a closed-loop client: a warm-up, then `duration_s` measured."""
    result = LevelResult(clients=len(users))
    measure_from = time.perf_counter() + warmup_s
    stop_at = measure_from + duration_s
    tasks = [
        run_client(client, user, i, measure_from, stop_at, result) for i, user in enumerate(users)
    ]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=warmup_s + duration_s + 45)
    result.elapsed_s = max(time.perf_counter() - measure_from, 1e-9)
    return result


async def baseline(client: httpx.AsyncClient, seconds: float = 1.0) -> None:
    """The HTTP floor: GET /healthz back to back from one client (no auth, no store)."""
    times: list[float] = []
    stop_at = time.perf_counter() + seconds
    while (start := time.perf_counter()) < stop_at:
        await client.get("/healthz")
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"baseline GET /healthz, 1 client: {len(times)} requests, "
        f"p50 {percentile(times, 50):.2f} ms, p99 {percentile(times, 99):.2f} ms"
    )


def print_results(results: list[LevelResult]) -> None:
    """The table, the targets, and what any errors were."""
    print()
    print(
        f"{'clients':>7} {'requests':>9} {'errors':>7} {'turns/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
    )
    for r in results:
        print(
            f"{r.clients:>7} {r.requests:>9} {r.error_count:>7} "
            f"{len(r.latencies_ms) / r.elapsed_s:>9.1f} "
            f"{percentile(r.latencies_ms, 50):>8.2f} {percentile(r.latencies_ms, 99):>8.2f}"
        )
    print("(turns/s counts successful turns; p50/p99 are over successful turns)")
    print()
    by_clients = {r.clients: r for r in results}
    one, hundred = by_clients.get(1), by_clients.get(100)
    if one is not None:
        p50 = percentile(one.latencies_ms, 50)
        verdict = "met" if p50 < TARGET_P50_MS else "MISSED"
        print(f"target p50 < {TARGET_P50_MS:.0f} ms at 1 client: {verdict} ({p50:.2f} ms)")
    if hundred is not None:
        verdict = "met" if hundred.error_count == 0 else "MISSED"
        print(f"target no error at 100 clients: {verdict} ({hundred.error_count} errors)")
    for r in results:
        if r.errors:
            print(f"\nerrors at {r.clients} clients (status and body, most common first):")
            for text, count in r.errors.most_common(ERROR_EXAMPLES):
                print(f"  {count:>6} x {text}")


async def bench(base_url: str, data_dir: Path, args: argparse.Namespace, t0: float) -> None:
    """Create the users, then measure each concurrency level within the time budget."""
    secret = (data_dir / SECRET_FILE).read_text(encoding="utf-8").strip()
    groups: list[list[User]] = []
    next_user = 0
    for clients in LEVELS:  # fresh users per level, so every level starts a new conversation
        group = [
            User(f"bench-{n}", issue_token(secret, f"bench-{n}", ttl_s=3600))
            for n in range(next_user, next_user + clients)
        ]
        next_user += clients
        groups.append(group)
    limits = httpx.Limits(max_connections=max(LEVELS), max_keepalive_connections=max(LEVELS))
    timeout = httpx.Timeout(REQUEST_TIMEOUT_S, pool=REQUEST_TIMEOUT_S)
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=timeout, http1=True, http2=False
    ) as client:
        started = time.perf_counter()
        gate = asyncio.Semaphore(16)

        async def setup(user: User) -> None:
            async with gate:
                await setup_user(client, user)

        await asyncio.gather(*(setup(u) for group in groups for u in group))
        print(
            f"created {next_user} users (coach + conversation each) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        await baseline(client)
        results: list[LevelResult] = []
        for group in groups:
            needed = args.warmup + args.duration + 5
            if time.monotonic() - t0 + needed > TOTAL_BUDGET_S:
                print(f"skipping {len(group)} clients: not enough of the time budget left")
                continue
            result = await run_level(client, group, args.warmup, args.duration)
            print(
                f"  {len(group):>3} clients: {result.requests} requests, "
                f"{result.error_count} errors in {result.elapsed_s:.1f} s"
            )
            results.append(result)
    print_results(results)


def parse_args() -> argparse.Namespace:
    """Command-line options: measured seconds and warm-up seconds per level."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="measured s per level")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up s per level")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (coach serve --workers)"
    )
    args = parser.parse_args()
    args.workers = min(max(args.workers, 1), 8)
    args.duration = min(max(args.duration, 1.0), 25.0)
    args.warmup = min(max(args.warmup, 0.0), 5.0)
    return args


def main() -> int:
    """Start the server, run the bench, always stop the server; exit 0."""
    args = parse_args()
    print_machine_speed()
    t0 = time.monotonic()
    coach = coach_command()
    with tempfile.TemporaryDirectory(prefix="coach-bench-api-") as tmp:
        data_dir = Path(tmp) / "data"
        log = Path(tmp) / "server.log"
        env = bench_env(data_dir)
        init = subprocess.run(
            [coach, "init", "--demo"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=30
        )
        if init.returncode != 0:
            print(f"coach init --demo failed ({init.returncode}):\n{init.stderr}")
            return 0
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        print(
            f"API bench: {base_url}, offline model, local store, {args.warmup:g} s warm-up "
            f"+ {args.duration:g} s measured per level, levels {LEVELS}, "
            f"{args.workers} server process{'es' if args.workers > 1 else ''}"
        )
        log_file: IO[bytes] = log.open("wb")
        server = subprocess.Popen(
            [coach, "serve", "--host", "127.0.0.1", "--port", str(port)]
            + ["--workers", str(args.workers)],
            env=env,
            cwd=ROOT,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:

            async def run() -> None:
                await wait_healthy(base_url, server, log)
                print(f"server healthy after {time.monotonic() - t0:.1f} s")
                await bench(base_url, data_dir, args, t0)

            remaining = TOTAL_BUDGET_S - (time.monotonic() - t0)
            asyncio.run(asyncio.wait_for(run(), timeout=remaining))
        except (RuntimeError, TimeoutError, OSError, httpx.HTTPError) as exc:
            print(f"bench aborted: {type(exc).__name__}: {exc}")
        finally:
            stop(server)
            log_file.close()
        problems = server_problems(log)
        print(f"\nserver log: {len(problems)} warning/error lines")
        for line in Counter(problems).most_common(ERROR_EXAMPLES):
            print(f"  {line[1]:>6} x {line[0][:300]}")
        print(f"total runtime {time.monotonic() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
