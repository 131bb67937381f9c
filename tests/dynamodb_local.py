"""DynamoDB Local for the tests: one in-memory server per session on a free loopback port.

Amazon's own emulator (a Java server on SQLite) is closer to DynamoDB than moto: it
keeps `ClientRequestToken` idempotency (moto applies a retried transaction again and never
answers IdempotentParameterMismatch) and refuses what the service refuses (moto accepts
table names under 3 characters). Neither produces TransactionConflict or throttling
(tests/faults/dynamodb_faults.py injects them). `make
dynamodb-local` (part of `make test`) installs it under `.cache/dynamodb-local`; without
Java or the jar, the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / ".cache" / "dynamodb-local" / "emulator" / "DynamoDBLocal.jar"
START_TIMEOUT_S = 60


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def fresh_table_name() -> str:
    """A table name no other test uses (one DynamoDB Local serves the whole session)."""
    return f"coach-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def dynamodb_local() -> Iterator[str]:
    """The endpoint of a DynamoDB Local started for this session, stopped after it.

    `-sharedDb` gives every credential and region one database; `-disableTelemetry`
    keeps it off the network; the quick JIT tier alone warms a short-lived JVM up sooner
    (the DynamoDB Local part of the suite ran in 20-24 s instead of 26-27 s).
    """
    java = shutil.which("java")
    if java is None:
        pytest.skip("DynamoDB Local needs Java 17+ (apt-get install openjdk-17-jre-headless)")
    if not JAR.is_file():
        pytest.skip(f"DynamoDB Local is not installed at {JAR}: run `make dynamodb-local`")
    port = free_port()
    command = [
        java,
        "-XX:TieredStopAtLevel=1",
        f"-Djava.library.path={JAR.parent / 'DynamoDBLocal_lib'}",
        "-jar",
        str(JAR),
        "-inMemory",
        "-sharedDb",
        "-disableTelemetry",
        "-port",
        str(port),
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=JAR.parent, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _listening(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"DynamoDB Local did not start: {log.read().decode()}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
