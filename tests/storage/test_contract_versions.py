"""The store contract on every backend (`store` in conftest): conditional writes and
versions.
"""

from __future__ import annotations

import pytest

from storage import keys
from storage.errors import Conflict, NotFound
from storage.models import Profile, Summary
from storage.repository import Repository
from tests.storage.builders import COACH, USER, coach


async def test_create_is_conditional_and_leaves_the_stored_item(store: Repository) -> None:
    created = await store.create_coach(coach(name="First"))
    assert created.version == 1
    assert created.created_at is not None

    with pytest.raises(Conflict):
        await store.create_coach(coach(name="Second"))

    stored = await store.get_coach(USER, COACH)
    assert (stored.coach_name, stored.version) == ("First", 1)


async def test_replace_needs_the_current_version(store: Repository) -> None:
    created = await store.create_coach(coach(name="First"))
    renamed = await store.replace_coach(created.model_copy(update={"coach_name": "Second"}))
    assert renamed.version == 2
    assert renamed.created_at == created.created_at

    with pytest.raises(Conflict):
        await store.replace_coach(created.model_copy(update={"coach_name": "Stale"}))

    stored = await store.get_coach(USER, COACH)
    assert (stored.coach_name, stored.version) == ("Second", 2)
    with pytest.raises(NotFound):
        await store.replace_coach(coach(coach_id="nope").model_copy(update={"version": 1}))


async def test_profile_is_created_at_version_0_then_replaced(store: Repository) -> None:
    assert await store.get_profile(USER) is None
    first = await store.put_profile(Profile(user_id=USER, email="a@example.com", username="a"))
    assert first.version == 1
    with pytest.raises(Conflict):
        await store.put_profile(Profile(user_id=USER))

    second = await store.put_profile(first.model_copy(update={"username": None, "units": "kg"}))
    assert (second.version, second.units, second.username) == (2, "kg", None)
    stored = await store.get_profile(USER)
    assert stored == second
    item = await store.items.get(keys.profile(USER))
    assert item is not None and "gsi2pk" not in item and item["gsi1pk"] == "email#a@example.com"


async def test_summary_is_versioned(store: Repository) -> None:
    summary = Summary(
        summary_id="s1", user_id=USER, coach_id=COACH, conversation_id="v1", summary_text="one"
    )
    first = await store.put_summary(summary)
    second = await store.put_summary(first.model_copy(update={"summary_text": "two"}))
    with pytest.raises(Conflict):
        await store.put_summary(first.model_copy(update={"summary_text": "stale"}))
    assert await store.get_summary(USER, "v1") == second
    assert second.summary_text == "two"


async def test_delete_then_missing(store: Repository) -> None:
    await store.create_coach(coach())
    await store.delete_coach(USER, COACH)
    with pytest.raises(NotFound):
        await store.get_coach(USER, COACH)
    with pytest.raises(NotFound):
        await store.delete_coach(USER, COACH)


async def test_ids_that_could_reach_other_keys_are_not_found(store: Repository) -> None:
    await store.create_coach(coach())
    for bad in ("c1#x", "../c1", "", "a/b"):
        with pytest.raises(NotFound):
            await store.get_coach(USER, bad)
