"""Contract: a user's conversation summaries, listed to take forgotten facts out of them."""

from __future__ import annotations

from storage.models import Summary
from storage.repository import Repository
from tests.storage.builders import COACH, OTHER, USER


def _summary(user: str, conversation_id: str, text: str) -> Summary:
    return Summary(
        summary_id=f"s-{conversation_id}",
        user_id=user,
        coach_id=COACH,
        conversation_id=conversation_id,
        summary_text=text,
    )


async def test_list_summaries_reads_every_summary_of_the_user_and_no_other(
    store: Repository,
) -> None:
    for n in range(3):
        await store.put_summary(_summary(USER, f"c{n}", f"summary {n}"))
    await store.put_summary(_summary(OTHER, "c9", "someone else's"))

    listed = await store.list_summaries(USER)

    assert sorted(s.summary_text for s in listed) == ["summary 0", "summary 1", "summary 2"]
    assert all(s.version == 1 for s in listed)
    assert await store.list_summaries("nobody") == []
