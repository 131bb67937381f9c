"""The caller's profile."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CoachStoreDep, UserDep
from api.schemas.common import updated
from api.schemas.profile import ProfilePublic, ProfileUpdate
from storage.models import Profile

router = APIRouter(prefix="/v1/profile", tags=["profile"])


@router.get("")
async def get_profile(user: UserDep, store: CoachStoreDep) -> ProfilePublic:
    """The caller's profile (defaults until the first PUT)."""
    profile = await store.get_profile(user) or Profile(user_id=user)
    return ProfilePublic.of(profile)


@router.put("")
async def put_profile(body: ProfileUpdate, user: UserDep, store: CoachStoreDep) -> ProfilePublic:
    """Replace the caller's profile; a stale `version` is 409 `conflict`."""
    current = await store.get_profile(user) or Profile(user_id=user)
    profile = updated(current, body.model_dump(exclude={"version"}), body.version)
    return ProfilePublic.of(await store.put_profile(profile))
