"""A turn's claim on its `client_message_id`: a lease its runner renews while it runs.

A message sent again with the same id finds the claim. A done turn is replayed from its
stored result. A failed turn, or one whose lease lapsed (its process died), is taken over
and run again for the message already stored, exactly once: the outcome is written only
while the claim is still the runner's own. A turn still running is waited for briefly,
then TurnInProgress says when to retry.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncIterator

from agent.errors import TurnInProgress
from storage.bookkeeping import TurnState
from storage.ids import new_id
from storage.protocols import TurnStore
from storage.turn_writes import Lease, Quota, TurnBegin

log = logging.getLogger(__name__)

POLL_S = 0.05
MAX_RETRY_AFTER_S = 5


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class Leases:
    """Claims turns for this process and keeps them while they run."""

    def __init__(self, store: TurnStore, *, lease_s: float, wait_s: float) -> None:
        self._store = store
        self._lease_ms = int(lease_s * 1000)
        self._wait_s = wait_s

    def new(self, owner: str | None = None) -> Lease:
        """A lease from now, for a new owner unless one is given."""
        return Lease(owner=owner or new_id(), until_ms=_now_ms() + self._lease_ms)

    async def settle(
        self, user_id: str, begin: TurnBegin, lease: Lease, quota: Quota | None = None
    ) -> TurnState:
        """The earlier attempt's state once it is done, or the claim taken over.

        A claim taken over is held for `lease.owner`: this attempt then runs the turn.
        Raises TurnInProgress while another attempt holds a live lease past the short
        wait.
        """
        state = begin.state
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._wait_s
        while state.status != "done":
            now = _now_ms()
            if state.status == "failed" or (state.lease_until or 0) < now:
                taken = await self._store.take_over_turn(
                    user_id,
                    state.conversation_id,
                    state.client_message_id,
                    self.new(lease.owner),
                    now_ms=now,
                    quota=quota,
                )
                if taken is not None:
                    return taken
            elif loop.time() >= deadline:
                remaining = math.ceil(((state.lease_until or now) - now) / 1000)
                raise TurnInProgress(
                    "the same message is still being answered; retry shortly",
                    retry_after=max(1, min(remaining, MAX_RETRY_AFTER_S)),
                )
            else:
                await asyncio.sleep(POLL_S)
            found = await self._store.get_turn(
                user_id, state.conversation_id, state.client_message_id
            )
            state = found or state
        return state

    @contextlib.asynccontextmanager
    async def held(self, user_id: str, state: TurnState, owner: str) -> AsyncIterator[None]:
        """Renew the lease every third of its length while the turn runs."""

        async def heartbeat() -> None:
            while True:
                await asyncio.sleep(self._lease_ms / 3000)
                kept = await self._store.renew_turn(
                    user_id, state.conversation_id, state.client_message_id, self.new(owner)
                )
                if not kept:
                    log.warning("turn %s was taken over by another attempt", state.user_message_id)
                    return

        task = asyncio.get_running_loop().create_task(heartbeat())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
