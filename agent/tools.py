"""The agent's tools. They take no user id: the user comes from the turn's runtime context,
which the service builds from the authenticated request."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from langchain_core.tools import tool
from langgraph.runtime import get_runtime

from agent.work import TurnWork
from agent.workouts import extract_workouts, fingerprint
from extraction.describe import describe_workout


async def _known_fingerprints(work: TurnWork, dates: set[str]) -> set[str]:
    pages = await asyncio.gather(
        *(
            work.store.list_workouts(work.context.user_id, date_from=d, date_to=d, limit=200)
            for d in sorted(dates)
        )
    )
    known = {w.fingerprint for page in pages for w in page.items if w.fingerprint}
    return known | {w.record.fingerprint for w in work.book.logged if w.record.fingerprint}


@tool
async def log_workout() -> str:
    """Log the finished workout(s) the athlete reports in their latest message.

    Call once when the message describes a session already done (sets, weights, times,
    distances or a named workout). Not for plans, questions, goals or memory requests.
    Every session the message reports is logged. Returns what was logged, duplicates
    that were skipped, missing details and PRs.
    """
    # The turn comes from the graph's runtime, not from an injected `ToolRuntime`
    # argument: LangChain validates and dumps a tool's arguments on every call, and with
    # the runtime among them it dumped the turn's whole state (about 5 ms a call).
    work = get_runtime(TurnWork).context
    ctx = work.context
    outcome = await extract_workouts(
        work.message.content,
        today=ctx.today,
        tz=str(ctx.local_now.tzinfo),
        units=ctx.profile.units,
        extractor=work.extractor,
        model_name=work.model_name,
        spend=work.spend,
    )
    known = await _known_fingerprints(
        work, {w.date.isoformat() for w in outcome.workouts if w.date}
    )
    result: dict[str, Any] = {"logged": [], "duplicates": []}
    for workout in outcome.workouts:
        if fingerprint(workout) in known:
            result["duplicates"].append(describe_workout(workout))
            continue
        logged = work.book.add(workout, outcome.method)
        known.add(logged.record.fingerprint or "")
        result["logged"].append(
            {
                "workout_id": logged.record.workout_id,
                "date": logged.record.date,
                "description": logged.description,
                "missing": logged.missing,
                "prs": [{"exercise": pr.exercise, "best": pr.context} for pr in logged.prs],
            }
        )
    if not outcome.workouts:
        result["note"] = "No finished workout found in the message; nothing was logged."
    return json.dumps(result)
