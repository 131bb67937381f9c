"""Pagination: key-range pages and opaque `next` tokens that only continue their list.

A token is base64url(last sort key) "." base64url(HMAC-SHA256(page_secret, pk, scope,
last sort key)), so one issued to user A, or for another list, fails verification for
user B instead of reading anything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from pydantic import BaseModel

from storage.codec import decode
from storage.errors import InvalidPageToken
from storage.items import Item, Items, Query
from storage.models import Page

R = TypeVar("R", bound=BaseModel)

MAX_LIMIT = 200
MAX_TOKEN = 1024


def clamp(limit: int) -> int:
    """A page size in 1..MAX_LIMIT."""
    return max(1, min(MAX_LIMIT, limit))


class PageTokens:
    """Issues and opens signed page tokens."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("page_secret must be at least 16 random bytes")
        self._secret = secret

    def issue(self, pk: str, scope: str, last: str) -> str:
        """A token to continue after sort key `last`, valid only for (pk, scope)."""
        return f"{_encode(last.encode())}.{_encode(self._sign(pk, scope, last))}"

    def open(self, token: str, pk: str, scope: str) -> str:
        """The sort key to continue after; InvalidPageToken unless issued for (pk, scope)."""
        refused = InvalidPageToken("this `next` token is not for this list; start without it")
        body, _, signature = token.partition(".")
        if len(token) > MAX_TOKEN:
            raise refused
        try:
            last = _decode(body).decode()
            signed = _decode(signature)
        except ValueError as exc:  # binascii.Error and UnicodeDecodeError are ValueErrors
            raise refused from exc
        if not hmac.compare_digest(signed, self._sign(pk, scope, last)):
            raise refused
        return last

    def _sign(self, pk: str, scope: str, last: str) -> bytes:
        message = "\x00".join((pk, scope, last)).encode()
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:16]


class Pager:
    """Reads one partition's key range page by page."""

    def __init__(self, items: Items, secret: bytes) -> None:
        self._items = items
        self._tokens = PageTokens(secret)

    async def page(
        self,
        model: type[R],
        query: Query,
        scope: str,
        limit: int,
        token: str | None,
        keep: Callable[[Item], bool] | None = None,
    ) -> Page[R]:
        """Up to `limit` records after `token`; one extra item is read to know if more exist.

        `scope` names the list (and its filters) so a token cannot continue another.
        With `keep`, items are filtered here, within the caller's own key range.
        """
        limit = clamp(limit)
        start = self._tokens.open(token, query.pk, scope) if token else None
        found: list[Item] = []
        while True:
            batch = MAX_LIMIT if keep else limit + 1 - len(found)
            result = await self._items.query(replace(query, limit=batch, start=start))
            for item in result.items:
                if keep is None or keep(item):
                    found.append(item)
                if len(found) > limit:
                    last = self._tokens.issue(query.pk, scope, found[limit - 1]["sk"])
                    return Page(items=[decode(model, i) for i in found[:limit]], next=last)
            if result.last is None:
                return Page(items=[decode(model, i) for i in found], next=None)
            start = result.last

    async def all(self, query: Query) -> list[Item]:
        """Every item of the range, following the backend's own pages."""
        items: list[Item] = []
        start = None
        while True:
            result = await self._items.query(replace(query, start=start))
            items += result.items
            if result.last is None:
                return items
            start = result.last


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _decode(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
