"""A user's data rights (`AccountStore`): export everything as one archive, erase everything.

Every item of a user lives in their own partition (`user#{userId}`) and every document
under `athletes/{userId}/`, so one partition query and one prefix cover it all; index
entries are projections of those items and go with them.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio.to_thread
from typing_extensions import override

from storage import keys
from storage.ids import new_id
from storage.items import Item, Query
from storage.models import utc_now
from storage.protocols import AccountStore, ExportLink
from storage.repo_base import RepositoryBase

EXPORT_URL_TTL = timedelta(hours=1)
ARCHIVE_TYPE = "application/zip"
SECTIONS = {
    "user": "profile",
    "coachConfig": "coaches",
    "workout": "workouts",
    "personalBest": "records",
    "exerciseEntry": "exercise_history",
    "userMemory": "memories",
}
"""Entity type → the archive file that lists its records (conversations apart)."""


class AccountRepository(RepositoryBase, AccountStore):
    """Export and erase one user's items and documents."""

    @override
    async def export_user(self, user_id: str) -> bytes:
        """Everything the user has, as a zip of JSON files.

        `profile.json`, `coaches.json`, `workouts.json`, `records.json` (bests),
        `exercise_history.json`, `memories.json`, and one `conversations/{conversationId}.json`
        per conversation with its summary and messages (oldest first).
        """
        items = await self._pages.all(Query(keys.user(user_id), limit=1000))
        return await anyio.to_thread.run_sync(_archive, user_id, items)

    @override
    async def publish_export(self, user_id: str, archive: bytes) -> ExportLink | None:
        """Keep the archive at `athletes/{userId}/exports/{id}.zip` with a pre-signed URL.

        None where the caller streams it: the local store keeps no copy.
        """
        key = keys.export_document(user_id, new_id())
        expires = int(EXPORT_URL_TTL.total_seconds())
        url = await self.documents.publish(key, archive, ARCHIVE_TYPE, expires)
        if url is None:
            return None
        expires_at = (datetime.now(UTC) + EXPORT_URL_TTL).isoformat(timespec="seconds")
        return ExportLink(url=url, key=key, expires_at=expires_at)

    @override
    async def erase_user(self, user_id: str) -> None:
        """Delete every document (all versions) and every item of the user.

        Idempotent, so an interrupted erase can simply be run again.
        """
        await self.documents.delete_under(keys.user_documents(user_id))
        query = Query(keys.user(user_id), limit=1000, keys_only=True)
        doomed = [(item["pk"], item["sk"]) for item in await self._pages.all(query)]
        await self.items.delete_many(doomed)
        await self.items.purge()


def _record(item: Item) -> dict[str, Any]:
    """An item as the user reads it: its attributes and when it was written."""
    return {
        **item.get("attributes", {}),
        "createdAt": item.get("createdAt"),
        "updatedAt": item.get("updatedAt"),
        "version": item.get("version"),
    }


def _archive(user_id: str, items: list[Item]) -> bytes:
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS.values()}
    conversations: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"conversation": None, "summary": None, "messages": []}
    )
    for item in items:  # in sort-key order: messages oldest first
        entity = item.get("entityType")
        if entity in SECTIONS:
            sections[SECTIONS[entity]].append(_record(item))
        elif entity in ("coachConversation", "conversationSummary", "message"):
            conversation = conversations[item["attributes"]["conversationId"]]
            if entity == "message":
                conversation["messages"].append(_record(item))
            else:
                slot = "conversation" if entity == "coachConversation" else "summary"
                conversation[slot] = _record(item)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        manifest = {
            "userId": user_id,
            "exportedAt": utc_now(),
            "counts": {name: len(records) for name, records in sections.items()}
            | {"conversations": len(conversations)},
        }
        archive.writestr("manifest.json", _json(manifest))
        profile = sections.pop("profile")
        archive.writestr("profile.json", _json(profile[0] if profile else None))
        for name, records in sections.items():
            archive.writestr(f"{name}.json", _json(records))
        for conversation_id, conversation in sorted(conversations.items()):
            archive.writestr(f"conversations/{conversation_id}.json", _json(conversation))
    return buffer.getvalue()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
