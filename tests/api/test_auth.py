"""Bearer tokens: HS256, RS256 through a JWKS file, Cognito-style audience, the local secret."""

from __future__ import annotations

import json
import stat
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from httpx import AsyncClient

from api.auth import JwksKeys, local_secret
from api.errors import Unauthorized
from api.settings import Settings
from tests.api.helpers import SECRET, auth, serve, token


def _assert_401(response: Any) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "unauthorized"


async def test_missing_token(client: AsyncClient) -> None:
    _assert_401(await client.get("/v1/profile"))
    _assert_401(await client.get("/v1/profile", headers={"Authorization": "Basic abc"}))


@pytest.mark.parametrize(
    "bad",
    [
        token(secret="another-secret-0123456789-abcdefghijkl"),
        token(ttl=-120),
        token(user="../etc"),
        "not-a-jwt",
        # An unsigned token ("alg": "none"): the type hints of PyJWT expect a key.
        jwt.encode({"sub": "alice", "exp": int(time.time()) + 60}, None, "none"),  # type: ignore[arg-type]
        jwt.encode({"sub": "alice"}, SECRET, "HS256"),  # no exp
    ],
    ids=["bad-signature", "expired", "bad-subject", "garbage", "alg-none", "no-expiry"],
)
async def test_invalid_tokens(client: AsyncClient, bad: str) -> None:
    _assert_401(await client.get("/v1/profile", headers={"Authorization": f"Bearer {bad}"}))


async def test_valid_token_reaches_the_handler(client: AsyncClient) -> None:
    response = await client.get("/v1/profile", headers=auth("alice"))
    assert response.status_code == 200
    assert response.json()["user_id"] == "alice"


async def test_audience_and_issuer(settings: Settings) -> None:
    checked = settings.model_copy(update={"jwt_audience": "coach-app", "jwt_issuer": "https://idp"})
    async with serve(checked) as http:
        for claims in (
            {"aud": "other"},
            {"aud": "coach-app", "iss": "https://evil"},
            {"aud": "coach-app"},
        ):
            _assert_401(await http.get("/v1/profile", headers=auth(**claims)))
        ok = await http.get("/v1/profile", headers=auth(aud="coach-app", iss="https://idp"))
        assert ok.status_code == 200
        # Cognito access tokens name the app client in `client_id`, not `aud`.
        cognito = auth(client_id="coach-app", iss="https://idp", token_use="access")
        assert (await http.get("/v1/profile", headers=cognito)).status_code == 200


def _rsa_jwks(path: Path, kid: str) -> rsa.RSAPrivateKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    path.write_text(json.dumps({"keys": [{**public, "kid": kid, "alg": "RS256", "use": "sig"}]}))
    return key


def _rs256(key: rsa.RSAPrivateKey, kid: str, **claims: Any) -> dict[str, str]:
    now = int(time.time())
    body = {"sub": "carol", "iat": now, "exp": now + 600, **claims}
    return {"Authorization": "Bearer " + jwt.encode(body, key, "RS256", headers={"kid": kid})}


async def test_rs256_via_jwks_file(settings: Settings, tmp_path: Path) -> None:
    jwks = tmp_path / "jwks.json"
    key = _rsa_jwks(jwks, "k1")
    configured = settings.model_copy(update={"jwks_url": str(jwks), "jwt_audience": "app"})
    async with serve(configured) as http:
        ok = await http.get("/v1/profile", headers=_rs256(key, "k1", aud="app"))
        assert ok.status_code == 200 and ok.json()["user_id"] == "carol"
        _assert_401(await http.get("/v1/profile", headers=_rs256(key, "k2", aud="app")))
        _assert_401(await http.get("/v1/profile", headers=_rs256(key, "k1", aud="other")))


async def test_jwks_refetched_on_unknown_kid(tmp_path: Path) -> None:
    jwks = tmp_path / "jwks.json"
    _rsa_jwks(jwks, "old")
    now = [0.0]
    keys = JwksKeys(str(jwks), ttl_s=600, min_refresh_s=10, clock=lambda: now[0])
    assert (await keys.get("old")).key_id == "old"
    _rsa_jwks(jwks, "new")  # the IdP rotated its key
    with pytest.raises(Unauthorized):
        await keys.get("new")  # too soon after the last fetch: no refetch
    now[0] = 11.0
    assert (await keys.get("new")).key_id == "new"


async def test_local_secret_file_is_created_private(tmp_path: Path) -> None:
    local = Settings(data_dir=tmp_path / "d", log_level="WARNING")
    async with serve(local) as http:
        secret_file = tmp_path / "d" / "jwt_secret"
        assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
        signed = token(secret=secret_file.read_text())
        response = await http.get("/v1/profile", headers={"Authorization": f"Bearer {signed}"})
        assert response.status_code == 200
        _assert_401(await http.get("/v1/profile", headers=auth()))


def test_server_processes_starting_together_share_one_local_secret(tmp_path: Path) -> None:
    with ProcessPoolExecutor(max_workers=4) as pool:
        secrets_seen = set(pool.map(local_secret, [tmp_path / "d"] * 16))
    assert len(secrets_seen) == 1
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["jwt_secret"]  # no drafts left
