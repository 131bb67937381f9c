"""Coach configurations."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CoachId, CoachStoreDep, Limit, Next, UserDep
from api.schemas.coaches import CoachCreate, CoachPublic, CoachUpdate
from api.schemas.common import updated
from storage.ids import new_id
from storage.models import CoachConfig, Page

router = APIRouter(prefix="/v1/coaches", tags=["coaches"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_coach(body: CoachCreate, user: UserDep, store: CoachStoreDep) -> CoachPublic:
    """Create a coach."""
    coach = CoachConfig(user_id=user, coach_id=new_id(), **body.model_dump())
    return CoachPublic.of(await store.create_coach(coach))


@router.get("")
async def list_coaches(
    user: UserDep, store: CoachStoreDep, limit: Limit = 50, next: Next = None
) -> Page[CoachPublic]:
    """The caller's coaches."""
    page = await store.list_coaches(user, limit=limit, next=next)
    return Page(items=[CoachPublic.of(c) for c in page.items], next=page.next)


@router.get("/{coach_id}")
async def get_coach(coach_id: CoachId, user: UserDep, store: CoachStoreDep) -> CoachPublic:
    """One coach."""
    return CoachPublic.of(await store.get_coach(user, coach_id))


@router.put("/{coach_id}")
async def replace_coach(
    coach_id: CoachId, body: CoachUpdate, user: UserDep, store: CoachStoreDep
) -> CoachPublic:
    """Replace a coach's configuration; a stale `version` is 409 `conflict`."""
    current = await store.get_coach(user, coach_id)
    coach = updated(current, body.model_dump(exclude={"version"}), body.version)
    return CoachPublic.of(await store.replace_coach(coach))


@router.delete("/{coach_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_coach(coach_id: CoachId, user: UserDep, store: CoachStoreDep) -> None:
    """Delete a coach, its conversations and the memories only it uses.

    Logged workouts and personal records stay with the athlete.
    """
    await store.delete_coach(user, coach_id)
