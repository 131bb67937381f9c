"""Pen-test attacks of issue #16 on tokens and response headers, each with the answer it
must get.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import jwt
import pytest

from api.cli import main
from api.settings import Settings
from tests.api.helpers import SECRET, auth, messages_url, new_coach, new_conversation, serve, token

# -- 1. tokens ---------------------------------------------------------------------------

NOW = int(time.time())


def _signed(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, SECRET, "HS256")


@pytest.mark.parametrize(
    ("configured", "bearer", "status"),
    [
        ({}, token(), 200),
        ({}, token("alice\n"), 401),
        ({}, _signed({"sub": "alice", "iat": NOW, "exp": str(NOW + 600)}), 401),
        ({}, _signed({"sub": "alice", "exp": NOW + 600}), 401),
        ({}, _signed({"sub": "alice", "iat": str(NOW), "exp": NOW + 600}), 401),
        ({}, _signed({"sub": "alice", "iat": NOW + 3600, "exp": NOW + 7200}), 401),
        ({}, token(ttl=2 * 86400), 401),
        ({"jwt_max_lifetime_s": 600}, token(ttl=601), 401),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app", token_use="access"), 200),
        (
            {"jwt_audience": "coach-app"},
            token(aud="other", client_id="coach-app", token_use="access"),
            401,
        ),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app", token_use="id"), 401),
        ({"jwt_audience": "coach-app"}, token(client_id="coach-app"), 401),
        ({"jwt_token_use": "access"}, token(token_use="access"), 200),
        ({"jwt_token_use": "access"}, token(token_use="id"), 401),
        ({"jwt_token_use": "access"}, token(), 401),
        # The HS256 secret is never consulted for a JWKS deployment unless asked for:
        # the JWKS file is never read for these (a fetch would answer 503).
        ({"jwks_url": "/nonexistent/jwks.json"}, token(), 401),
        ({"jwks_url": "/nonexistent/jwks.json", "allow_local_tokens": True}, token(), 200),
    ],
    ids=[
        "valid",
        "subject-with-newline",
        "exp-as-string",
        "no-iat",
        "iat-as-string",
        "iat-in-the-future",
        "lifetime-over-default-maximum",
        "lifetime-over-configured-maximum",
        "cognito-access-token-client-id",
        "mismatched-aud-with-matching-client-id",
        "client-id-on-an-id-token",
        "client-id-without-token-use",
        "token-use-access",
        "token-use-id-when-access-required",
        "token-use-missing-when-required",
        "local-token-refused-with-jwks",
        "local-token-allowed-with-jwks",
    ],
)
async def test_token_attacks(
    settings: Settings, configured: dict[str, Any], bearer: str, status: int
) -> None:
    async with serve(settings.model_copy(update=configured)) as http:
        response = await http.get("/v1/profile", headers={"Authorization": f"Bearer {bearer}"})
    assert response.status_code == status, response.text


def test_coach_token_mints_only_what_the_server_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_JWT_MAX_LIFETIME_S", "3600")
    assert main(["token", "--user", "dana", "--ttl", "3600"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 3600
    assert main(["token", "--user", "dana", "--ttl", "3601"]) == 1
    assert "COACH_JWT_MAX_LIFETIME_S" in capsys.readouterr().err
    monkeypatch.setenv("COACH_JWKS_URL", str(tmp_path / "jwks.json"))
    assert main(["token", "--user", "dana"]) == 1
    assert "COACH_ALLOW_LOCAL_TOKENS" in capsys.readouterr().err


# -- 2. headers --------------------------------------------------------------------------


async def test_responses_are_not_cached_or_sniffed_and_docs_can_be_off(
    settings: Settings,
) -> None:
    async with serve(settings) as http:
        coach_id = await new_coach(http)
        conversation_id = await new_conversation(http, coach_id)
        streamed = await http.post(
            messages_url(coach_id, conversation_id),
            json={"content": "Did Fran in 8:57 with 95 lb thrusters"},
            headers={**auth(), "Accept": "text/event-stream"},
        )
        assert "event: done" in streamed.text  # the stream still runs to its end
        responses = [
            streamed,
            await http.get("/healthz"),
            await http.get("/v1/profile", headers=auth()),
            await http.get("/v1/profile"),  # 401
            await http.get("/v1/coaches/nope", headers=auth()),  # 404
            await http.get("/openapi.json"),
        ]
        for response in responses:
            assert response.headers["cache-control"] == "no-store", response.request.url
            assert response.headers["x-content-type-options"] == "nosniff"
        assert (await http.get("/docs")).status_code == 200
    async with serve(settings.model_copy(update={"docs": False})) as http:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert (await http.get(path)).status_code == 404, path
        assert (await http.get("/healthz")).status_code == 200
