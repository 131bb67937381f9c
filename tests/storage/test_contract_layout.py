"""The store contract on every backend (`store` in conftest): a store's lifecycle and the
items it writes (docs/data-layout.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storage.models import Profile
from storage.repository import Repository
from storage.turn_writes import Quota
from tests.storage.builders import COACH, CONVERSATION, USER, memory, message, seed_conversation
from tests.storage.conftest import make_store

# lifecycle


async def test_init_is_idempotent_and_ping_answers(store: Repository) -> None:
    conversation = await seed_conversation(store)
    await store.init()  # a second init keeps what is stored
    await store.ping()
    kept = await store.get_conversation(USER, conversation.coach_id, conversation.conversation_id)
    assert kept.conversation_id == conversation.conversation_id


async def test_local_data_survives_a_restart(tmp_path: Path) -> None:
    first = make_store("local", tmp_path)
    await first.init()
    await seed_conversation(first)
    await first.begin_turn(USER, message(1))
    await first.documents.put("athletes/a/conversations/v1.json", {"kept": True})
    await first.close()

    again = make_store("local", tmp_path)
    await again.init()
    assert (await again.get_coach(USER, COACH)).coach_name == "Coach"
    assert [m.content for m in await again.latest_messages(USER, CONVERSATION, 5)] == ["message 1"]
    assert await again.documents.get("athletes/a/conversations/v1.json") == {"kept": True}
    await again.close()


# the data layout (docs/data-layout.md)


async def test_items_follow_the_data_layout(store: Repository) -> None:
    await store.put_profile(Profile(user_id=USER, email="a@example.com"))
    await seed_conversation(store)
    limits = Quota(per_minute=5, per_day=50, now_epoch=1_736_078_400)
    await store.begin_turn(USER, message(1, client_id="k1"), limits)
    await store.add_memory(memory(1, coach_id=COACH))

    async def raw(sk: str) -> dict[str, Any]:
        item = await store.items.get((f"user#{USER}", sk))
        assert item is not None, sk
        return item

    profile = await raw("profile")
    assert (profile["gsi1pk"], profile["gsi1sk"], profile["entityType"]) == (
        "email#a@example.com",
        "profile",
        "user",
    )
    assert "gsi2pk" not in profile
    coach_item = await raw(f"coach#{COACH}")
    assert set(coach_item) == {
        "pk",
        "sk",
        "entityType",
        "createdAt",
        "updatedAt",
        "version",
        "attributes",
    }
    assert coach_item["attributes"]["coach_name"] == "Coach"  # snake_case, see docs/data-layout.md
    chat = await raw(f"coachConversation#{COACH}#{CONVERSATION}")
    assert chat["attributes"]["metadata"]["totalMessages"] == 1
    assert (await raw(f"message#{CONVERSATION}#m000001"))["attributes"]["role"] == "user"
    turn = await raw(f"turn#{CONVERSATION}#k1")
    assert turn["ttl"] > 1_736_078_400 and turn["attributes"]["userMessageId"] == "m000001"
    assert (await raw("userMemory#mem0001"))["attributes"]["coachId"] == COACH
    minute = await raw(f"rate#m#{1_736_078_400 // 60}")
    day = await raw("rate#d#2025-01-05")
    assert (minute["count"], day["count"], day["entityType"]) == (1, 1, "rateCounter")
    assert minute["ttl"] > 1_736_078_400
