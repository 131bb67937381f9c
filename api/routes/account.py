"""The caller's data rights: export everything they have, or erase their account."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response, status
from pydantic import BaseModel

from api.deps import AccountStoreDep, UserDep

router = APIRouter(prefix="/v1/account", tags=["account"])


class ExportPublic(BaseModel):
    """Where the export archive can be downloaded (on AWS), until `expires_at`."""

    url: str
    key: str
    expires_at: str


_EXPORT_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "On AWS, a pre-signed URL of the archive kept under "
        "`athletes/{userId}/exports/` (JSON); on the local store, the archive itself "
        "(`application/zip`).",
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post("/export", response_model=ExportPublic, responses=_EXPORT_DOC)
async def export_account(user: UserDep, store: AccountStoreDep) -> Response:
    """Everything the caller has, as one zip of JSON files.

    Profile, coaches, conversations with summaries and messages, workouts, records and
    memories.
    """
    archive = await store.export_user(user)
    link = await store.publish_export(user, archive)
    if link is None:
        disposition = f'attachment; filename="coach-export-{user}.zip"'
        return Response(
            archive, media_type="application/zip", headers={"Content-Disposition": disposition}
        )
    body = ExportPublic(url=link.url, key=link.key, expires_at=link.expires_at)
    return Response(body.model_dump_json(), media_type="application/json")


@router.delete("", status_code=status.HTTP_204_NO_CONTENT)
async def erase_account(user: UserDep, store: AccountStoreDep) -> None:
    """Erase the caller's account: every item, index entry and document, exports included.

    Idempotent: erasing again finds nothing and answers 204 too.
    """
    await store.erase_user(user)
