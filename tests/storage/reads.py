"""How the contract tests read a store: every page of a list, and the item-layer calls
that a read made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import TypeVar

from storage.models import Page
from storage.repository import Repository

T = TypeVar("T")


async def collect(
    fetch: Callable[[str | None], Awaitable[Page[T]]], *, pages: int | None = None
) -> list[T]:
    """Every item of a paginated list, following `next`; optionally assert the page count."""
    items: list[T] = []
    token: str | None = None
    seen = 0
    while True:
        page = await fetch(token)
        items += page.items
        seen += 1
        if page.next is None:
            break
        token = page.next
    if pages is not None:
        assert seen == pages
    return items


def calls(store: Repository) -> Counter[str]:
    """The item-layer calls made so far, by name: subtract two snapshots to count a read's."""
    return store.items.calls.counts.copy()
