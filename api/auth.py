"""Bearer-token authentication: HS256 with a shared secret, or RS256 via a JWKS (Cognito)."""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import anyio
import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import AuthUnavailable, Unauthorized
from storage.files import private_dirs

USER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@+-]{0,127}")
"""What a `sub` may look like (matched whole, `fullmatch`): it becomes part of storage
keys and S3 paths. With `match` and `$`, a trailing newline passed."""

LEEWAY_S = 30
"""Clock skew allowed on `exp`, `iat` and `nbf`."""
TIME_CLAIMS = ("exp", "iat", "nbf")
SECRET_FILE = "jwt_secret"


def local_secret(data_dir: Path) -> str:
    """The local signing secret at `{data_dir}/jwt_secret`, created on first use.

    The file is 0600 in a 0700 directory. Published with a hard link, which fails if the
    name exists: several server processes starting at once agree on one secret and never
    read a half-written file.
    """
    private_dirs(data_dir)
    path = data_dir / SECRET_FILE
    if not path.exists():
        fd, draft = tempfile.mkstemp(dir=data_dir, prefix=f".{SECRET_FILE}.")  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(secrets.token_urlsafe(48))
            os.link(draft, path)
        except FileExistsError:
            pass  # another process published first; its secret stands
        finally:
            os.unlink(draft)
    secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < 32:
        raise RuntimeError(f"{path} is damaged: delete it to create a new secret")
    return secret


def issue_token(
    secret: str,
    user_id: str,
    *,
    ttl_s: int,
    issuer: str | None = None,
    audience: str | None = None,
    token_use: str | None = None,
) -> str:
    """A HS256 bearer token for `user_id`, accepted by an app configured with `secret`."""
    if not USER_ID.fullmatch(user_id):
        raise ValueError("user id: 1-128 letters, digits or _.@+- (starting with a letter/digit)")
    now = int(time.time())
    claims: dict[str, Any] = {"sub": user_id, "iat": now, "exp": now + ttl_s}
    if issuer:
        claims["iss"] = issuer
    if audience:
        claims["aud"] = audience
    if token_use:
        claims["token_use"] = token_use
    return jwt.encode(claims, secret, algorithm="HS256")


class JwksKeys:
    """RS256 public keys from an https URL or a file, cached for `ttl_s`.

    Refetched on an unknown `kid`, at most once per `min_refresh_s`, so forged kids cannot
    hammer the IdP.
    """

    def __init__(
        self,
        source: str,
        *,
        ttl_s: float,
        min_refresh_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        self.ttl_s = ttl_s
        self.min_refresh_s = min_refresh_s
        self.clock = clock
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()

    async def get(self, kid: str | None) -> jwt.PyJWK:
        """The key for `kid` (or the only key when the token names none)."""
        if self._stale(self.ttl_s):
            await self._refresh(self.ttl_s)
        if self._find(kid) is None and self._stale(self.min_refresh_s):
            await self._refresh(self.min_refresh_s)
        key = self._find(kid)
        if key is None:
            raise Unauthorized("token signed with an unknown key")
        return key

    def _stale(self, age_s: float) -> bool:
        return self._fetched_at is None or self.clock() - self._fetched_at >= age_s

    def _find(self, kid: str | None) -> jwt.PyJWK | None:
        if kid is None:
            return next(iter(self._keys.values())) if len(self._keys) == 1 else None
        return self._keys.get(kid)

    async def _refresh(self, age_s: float) -> None:
        async with self._lock:
            if not self._stale(age_s):  # another request refreshed while we waited
                return
            try:
                keyset = jwt.PyJWKSet.from_dict(await self._fetch())
            except (OSError, httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
                if not self._keys:
                    raise AuthUnavailable("signing keys are unavailable; retry shortly") from exc
                keyset = None  # keep serving the cached keys until the IdP answers again
            if keyset is not None:
                self._keys = {k.key_id or str(i): k for i, k in enumerate(keyset.keys)}
            self._fetched_at = self.clock()

    async def _fetch(self) -> dict[str, Any]:
        if self.source.startswith("https://"):
            async with httpx.AsyncClient(timeout=5.0) as client:
                response = await client.get(self.source)
                response.raise_for_status()
                data = response.json()
        else:
            path = self.source.removeprefix("file://")
            data = json.loads(await anyio.Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("a JWKS document is a JSON object with `keys`")
        return data


class TokenVerifier:
    """Verifies a bearer token and returns its `sub`, the caller's user id.

    Checks signature, times and lifetime, and (when configured) issuer, audience and
    `token_use`.
    """

    def __init__(
        self,
        *,
        secret: str | None,
        jwks: JwksKeys | None,
        issuer: str | None,
        audience: str | None,
        token_use: str | None = None,
        max_lifetime_s: int,
    ) -> None:
        self.secret = secret
        self.jwks = jwks
        self.issuer = issuer
        self.audience = audience
        self.token_use = token_use
        self.max_lifetime_s = max_lifetime_s

    async def verify(self, token: str) -> str:
        """The user id of a valid token; Unauthorized otherwise."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized("malformed bearer token") from None
        algorithm = header.get("alg")
        key: Any
        if algorithm == "HS256" and self.secret:
            key = self.secret
        elif algorithm == "RS256" and self.jwks:
            key = (await self.jwks.get(header.get("kid"))).key
        else:
            raise Unauthorized("unsupported token algorithm")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                issuer=self.issuer,
                leeway=LEEWAY_S,
                options={"require": ["exp", "iat", "sub"], "verify_aud": False},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("token expired") from None
        except jwt.PyJWTError:
            raise Unauthorized("invalid token") from None
        self._check_claims(claims)
        subject = claims["sub"]
        if not isinstance(subject, str) or not USER_ID.fullmatch(subject):
            raise Unauthorized("token subject is not a valid user id")
        return subject

    def _check_claims(self, claims: dict[str, Any]) -> None:
        """Check what PyJWT leaves to us.

        Numeric times (it accepts "123" strings), the lifetime, a strict audience and the
        token's use.
        """
        if any(not _is_number(claims[name]) for name in TIME_CLAIMS if name in claims):
            raise Unauthorized("token times must be numbers")
        if claims["exp"] - claims["iat"] > self.max_lifetime_s:
            raise Unauthorized(f"token lifetime is over {self.max_lifetime_s} seconds")
        if self.audience and not self._audience_ok(claims):
            raise Unauthorized("token is for another audience")
        if self.token_use and claims.get("token_use") != self.token_use:
            raise Unauthorized(f"an {self.token_use} token is required")

    def _audience_ok(self, claims: dict[str, Any]) -> bool:
        if "aud" in claims:
            aud = claims["aud"]
            return self.audience in (aud if isinstance(aud, list) else [aud])
        # Cognito access tokens have no `aud`: they name the app client in `client_id`.
        return claims.get("token_use") == "access" and claims.get("client_id") == self.audience


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


bearer = HTTPBearer(auto_error=False, description="A JWT whose `sub` is the user id.")


async def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The verified token's `sub` (never a path or body field)."""
    if credentials is None:
        raise Unauthorized("missing bearer token", token_given=False)
    verifier: TokenVerifier = request.app.state.verifier
    user_id = await verifier.verify(credentials.credentials)
    request.state.user_id = user_id
    return user_id
