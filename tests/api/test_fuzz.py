"""Schemathesis fuzz of /openapi.json against the ASGI app, on the local store and on
DynamoDB + S3 (in-process moto).

No generated input (valid or not) gets a 5xx, and every response matches what the
OpenAPI document declares (status codes, content types, headers, body schemas). The
accepted/rejected checks are left out: the fuzzer cannot know that the test injects a
valid token and real ids, or that names are stripped of surrounding whitespace.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks
from schemathesis.core.result import Ok
from schemathesis.python import asgi

from api.main import create_app
from api.runtime import open_configured_store
from api.settings import Settings
from tests.api.helpers import SECRET, auth
from tests.storage.conftest import serial_mock_aws

EXAMPLES_PER_OPERATION = 12
UNDECIDABLE = [checks.positive_data_acceptance, checks.negative_data_rejection]


@pytest.fixture(params=["local", "aws"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FastAPI]:
    """The app on each store; schemathesis runs its lifespan on its own loop, stopped
    here afterwards."""
    configured = Settings(data_dir=tmp_path, jwt_secret=SECRET, log_level="ERROR")
    if request.param == "local":
        yield create_app(configured)
        asgi.shutdown_lifespans()
        return
    with serial_mock_aws():
        configured = configured.model_copy(
            update={"storage": "aws", "table": "coach-fuzz", "bucket": "coach-fuzz-athletes"}
        )
        asyncio.run(_create_store(configured))  # what `coach init` does
        yield create_app(configured)
        asgi.shutdown_lifespans()


async def _create_store(settings: Settings) -> None:
    store = open_configured_store(settings)
    await store.init()
    await store.close()


def test_generated_requests_get_documented_non_5xx_answers(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    # schemathesis types the ASGI app with dicts where Starlette says MutableMapping.
    client = asgi.get_client(app)  # type: ignore[arg-type]
    with client:
        coach = client.post("/v1/coaches", json={"coach_name": "Fuzz"}, headers=auth()).json()
        real_ids = {
            "coach_id": coach["coach_id"],
            "conversation_id": client.post(
                f"/v1/coaches/{coach['coach_id']}/conversations", headers=auth()
            ).json()["conversation_id"],
        }
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the schema itself must be valid
        operation = result.ok()
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @given(case=cases, use_real_ids=st.booleans())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case[Any], use_real_ids: bool) -> None:
            if use_real_ids and case.path_parameters:
                case.path_parameters.update(
                    {k: v for k, v in real_ids.items() if k in case.path_parameters}
                )
            case.call_and_validate(headers=auth(), excluded_checks=UNDECIDABLE)

        check()
