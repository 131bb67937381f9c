"""Forgetting reaches the summaries, so a deleted memory never returns through the prompt.

A memory the athlete deleted leaves every conversation summary that states it. A summary
is rebuilt from the stored memories only when its conversation is next summarised, which
may be never for a conversation the athlete has left; a forget made in the API or in
another conversation would otherwise linger there.
"""

from __future__ import annotations

import logging

from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from agent.summary_rules import without_forgotten
from storage.errors import Conflict
from storage.protocols import ConversationStore

log = logging.getLogger(__name__)

ATTEMPTS = 3
"""Tries per summary when a summariser replaces it meanwhile (its copy is re-read)."""


async def forget_in_summaries(store: ConversationStore, user_id: str, forgotten: list[str]) -> int:
    """Take the forgotten facts out of every summary of the user; how many changed."""
    if not forgotten:
        return 0
    changed = 0
    for listed in await store.list_summaries(user_id):
        async for attempt in AsyncRetrying(
            retry=retry_if_exception_type(Conflict), stop=stop_after_attempt(ATTEMPTS), reraise=True
        ):
            with attempt:
                summary = (
                    listed
                    if attempt.retry_state.attempt_number == 1
                    else await store.get_summary(user_id, listed.conversation_id)
                )
                scrubbed = None if summary is None else without_forgotten(summary, forgotten)
                if scrubbed is not None:
                    await store.put_summary(scrubbed)
                    changed += 1
    log.info("forgotten facts taken out of %d summaries", changed)
    return changed
