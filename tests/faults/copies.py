"""What the fault tests check about derived copies: each transcript, metadata document and
workout file says what the table says."""

from __future__ import annotations

from storage import keys
from storage.repository import Repository


async def assert_copies_match_table(store: Repository, user_id: str) -> None:
    """Every conversation's transcript holds every stored message, in order, and its
    metadata; every workout has its file, equal to the item."""
    for coach in (await store.list_coaches(user_id)).items:
        for chat in (await store.list_conversations(user_id, coach.coach_id)).items:
            cid = chat.conversation_id
            stored = (await store.list_messages(user_id, cid, limit=100)).items
            transcript = await store.documents.get(keys.transcript_document(user_id, cid))
            assert transcript is not None, f"no transcript for {cid}"
            assert [m["messageId"] for m in transcript["messages"]] == [
                m.message_id for m in stored
            ]
            assert transcript["messages"] == [
                m.model_dump(by_alias=True, mode="json") for m in stored
            ]
            current = chat.model_dump(by_alias=True, mode="json")
            assert transcript["conversation"] == current
            assert await store.documents.get(keys.metadata_document(user_id, cid)) == current
    for workout in (await store.list_workouts(user_id, limit=100)).items:
        document = await store.documents.get(keys.workout_document(user_id, workout.workout_id))
        assert document == workout.model_dump(by_alias=True, mode="json", exclude={"version"})
