"""A message sent again with the same `client_message_id`: wait for its first attempt."""

from __future__ import annotations

import asyncio

from agent.errors import TurnInProgress
from storage.models import TurnState
from storage.protocols import Store, TurnBegin

POLL_S = 0.05


async def settled(store: Store, user_id: str, begin: TurnBegin, wait_s: float) -> TurnState:
    """The earlier attempt's state once it is no longer pending (TurnInProgress after
    `wait_s`)."""
    state = begin.state
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while state.status == "pending":
        if loop.time() > deadline:
            raise TurnInProgress("the same message is still being answered; retry shortly")
        await asyncio.sleep(POLL_S)
        found = await store.get_turn(user_id, state.conversation_id, state.client_message_id)
        state = found or state
    return state
