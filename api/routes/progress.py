"""Progress: personal bests, and lift, weekly and run series derived from logged workouts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query

from api.deps import CoachStoreDep, UserDep, WorkoutStoreDep
from api.errors import DateRangeInvalid
from api.progress import ProgressPublic, RecordPublic, read_progress
from storage.models import Page, Profile

DEFAULT_DAYS = 364
"""Without `from`: the 52 weeks up to `to`."""
MAX_DAYS = 3 * 366

router = APIRouter(tags=["progress"])


@router.get("/v1/records")
async def list_records(user: UserDep, store: WorkoutStoreDep) -> Page[RecordPublic]:
    """The caller's personal bests, one per exercise and measure, all in one page."""
    records = sorted(await store.list_records(user), key=lambda r: (r.exercise, r.measure))
    return Page(items=[RecordPublic.of(r) for r in records])


@router.get("/v1/progress")
async def get_progress(
    user: UserDep,
    store: WorkoutStoreDep,
    profiles: CoachStoreDep,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
) -> ProgressPublic:
    """Progress between `from` and `to`: per-lift top sets and 1RMs, weekly totals, run paces.

    Per lift the top set and estimated 1RM per session; weekly totals per discipline; run
    paces. The range is inclusive, by default the last 52 weeks, at most 3 years; weights
    are in the profile's units.
    """
    profile = await profiles.get_profile(user) or Profile(user_id=user)
    end = date_to or dt.datetime.now(ZoneInfo(profile.timezone)).date()
    # at the calendar's start the default range is shorter, not an overflow
    start = date_from or end - dt.timedelta(days=min(DEFAULT_DAYS, end.toordinal() - 1))
    if start > end:
        raise DateRangeInvalid("`from` is after `to`")
    if (end - start).days > MAX_DAYS:
        raise DateRangeInvalid(f"ask for at most {MAX_DAYS} days at a time")
    return await read_progress(store, user, start, end, profile.units)
