"""The agent's tools: what the model may look up or change in the athlete's record.

They take no user id: the user comes from the turn's runtime context, which the service
builds from the authenticated request. Results are compact JSON of numbers read from the
store, capped in length.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any, Literal

from langchain_core.tools import BaseTool, tool
from langgraph.runtime import get_runtime

from agent import history
from agent.goals import goal_progress as compare_goals
from agent.work import TurnWork
from agent.workouts import BestKey, extract_workouts, fingerprint
from extraction.describe import describe_workout

_CLAIMED_PR = re.compile(
    r"\b(new (pr|pb|personal (best|record))|(pr|pb)\b( by| today|!)|personal (best|record))", re.I
)


def _work() -> TurnWork:
    # The turn comes from the graph's runtime, not from an injected `ToolRuntime`
    # argument: LangChain validates and dumps a tool's arguments on every call, and with
    # the runtime among them it dumped the turn's whole state (about 5 ms a call).
    return get_runtime(TurnWork).context


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


async def _known_fingerprints(work: TurnWork, dates: set[str]) -> set[str]:
    pages = await asyncio.gather(
        *(
            work.store.list_workouts(work.context.user_id, date_from=d, date_to=d, limit=200)
            for d in sorted(dates)
        )
    )
    known = {w.fingerprint for page in pages for w in page.items if w.fingerprint}
    return known | {w.record.fingerprint for w in work.book.logged if w.record.fingerprint}


async def _read_bests(work: TurnWork, wanted: set[BestKey]) -> None:
    """Read the stored bests the new workouts compare with (one query each, at once)."""
    missing = sorted(wanted - set(work.book.bests))
    found = await asyncio.gather(
        *(work.store.best(work.context.user_id, ex, measure) for ex, measure in missing)
    )
    work.book.bests.update(zip(missing, found, strict=True))


MAX_SESSIONS_PER_TURN = 20
"""Sessions one message may log: a turn's writes must fit one transaction (100 writes)."""


@tool
async def log_workout() -> str:
    """Log the finished workout(s) the athlete reports in their latest message.

    Call once when the message describes a session already done (sets, weights, times,
    distances or a named workout). Not for plans, questions, goals, memory requests or
    corrections of a logged workout (change_workout does those).
    Every session the message reports is logged. Returns what was logged, duplicates
    that were skipped, missing details and PRs.
    """
    work = _work()
    if work.red_flag:
        return _json(
            {
                "logged": [],
                "refused": "red_flag",
                "note": "The message reports a red-flag symptom: nothing was logged. "
                "Reply with the safety advice only.",
            }
        )
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
    fresh = [w for w in outcome.workouts if fingerprint(w) not in known]
    drafts = [(w, work.book.draft(w, outcome.method)) for w in fresh[:MAX_SESSIONS_PER_TURN]]
    await _read_bests(
        work, {(e.exercise, b.measure) for _, r in drafts for e in r.exercises for b in e.bests}
    )
    claim = _CLAIMED_PR.search(work.message.content)
    result: dict[str, Any] = {
        "logged": [],
        "duplicates": [describe_workout(w) for w in outcome.workouts if fingerprint(w) in known],
    }
    for workout, record in drafts:
        if record.fingerprint in known:
            result["duplicates"].append(record.summary)
            continue
        logged = work.book.add(workout, record, claim.group(0) if claim else None)
        work.editor.note_logged(record)
        known.add(record.fingerprint or "")
        entry: dict[str, Any] = {
            "workout_id": record.workout_id,
            "date": record.date,
            "description": logged.description,
            "missing": logged.missing,
            "prs": [{"exercise": pr.exercise, "best": pr.context} for pr in logged.prs],
        }
        if claim:
            entry["claimed_pr"] = _check_claim(work, record.exercises, logged.prs)
        result["logged"].append(entry)
    if not outcome.workouts:
        result["note"] = "No finished workout found in the message; nothing was logged."
    elif len(fresh) > MAX_SESSIONS_PER_TURN:
        result["unlogged"] = {"logged": MAX_SESSIONS_PER_TURN, "reported": len(fresh)}
        result["note"] = (
            f"Only the first {MAX_SESSIONS_PER_TURN} of {len(fresh)} sessions were logged; "
            "ask the athlete to send the rest in another message."
        )
    return _json(result)


def _check_claim(work: TurnWork, entries: list[Any], prs: list[Any]) -> dict[str, Any]:
    """The athlete called it a PR: what the store says."""
    if prs:
        return {"confirmed": True}
    standing = [
        history.best_out(record)
        for e in entries
        for b in e.bests
        if b.measure != "e1rm" and (record := work.book.bests.get((e.exercise, b.measure)))
    ]
    return {"confirmed": False, "best_on_record": standing[:3]}


@tool
async def workouts_in_period(
    period: str, discipline: str | None = None, exercise: str | None = None
) -> str:
    """The athlete's logged workouts in a period of their own calendar, newest first.

    `period`: "last week" (their previous Monday-Sunday week), "this week", "yesterday",
    "on Tuesday", "on the 3rd", "in October", "since the 3rd", "last 10 days", or
    "YYYY-MM-DD to YYYY-MM-DD". Optionally only one discipline (running, swimming,
    cycling, rowing, crossfit, powerlifting, ...; "strength" is every lifting discipline,
    "running" takes in trail runs) or one exercise. Returns the resolved dates
    and each workout's date and one-line summary with its key numbers (at most 25), and
    `totals` per discipline (sessions, and distance and time when every session has them):
    quote those sums rather than adding up the summaries.
    """
    work = _work()
    return _json(
        await history.workouts_in_period(
            work.store,
            work.context.user_id,
            work.context.today,
            period,
            discipline=discipline,
            exercise=exercise,
        )
    )


@tool
async def personal_bests(exercise: str | None = None, reps: int | None = None) -> str:
    """The athlete's bests, each with its date.

    Per lift the heaviest set and the estimated 1RM, per benchmark its score, per
    standard distance (5k, 10k, …) the time of a whole effort at that distance. Without
    `exercise`: all of them ("my PRs"). With `reps`: the heaviest set of exactly that
    many reps (a 5RM).
    """
    work = _work()
    return _json(await history.personal_bests(work.store, work.context.user_id, exercise, reps))


@tool
async def exercise_progress(exercise: str) -> str:
    """One exercise's latest sessions over time and its trend in one sentence.

    Each session shows its top set, volume, estimated 1RM, or time.
    """
    work = _work()
    return _json(await history.exercise_progress(work.store, work.context.user_id, exercise))


@tool
async def logged_exercises() -> str:
    """The exercise names the athlete has logged (`bench_press`, `run_5k`, `fran`).

    Use it to map their words onto what is stored.
    """
    work = _work()
    names = await work.store.exercise_names(work.context.user_id)
    return _json({"exercises": names[:100]})


@tool
async def change_workout(
    action: Literal["update", "delete", "undo"],
    which: str = "latest",
    field: Literal["time", "weight", "unit", "date", "distance", "reps"] | None = None,
    value: str | None = None,
    old_value: str | None = None,
) -> str:
    """Correct, delete or undo a logged workout when the athlete asks to.

    `which`: "latest" (the one just logged or changed), a workout_id, or the athlete's
    words ("the swim from Monday"). `update` sets one `field` to `value` ("8:47",
    "kg", "yesterday", "235 lb", "10 km", "8"); `old_value` picks the set to change
    when there are several. `undo` reverses the conversation's last change. When
    two workouts match, nothing changes and the candidates come back: ask which.
    """
    work = _work()
    editor = work.editor
    if action == "undo":
        return _json(await editor.undo())
    if action == "delete":
        return _json(await editor.delete(which))
    if field is None or value is None:
        return _json({"status": "error", "error": "update needs a field and a value"})
    return _json(await editor.update(which, field, value, old_value))


@tool
async def goal_progress() -> str:
    """The athlete's goals, each beside the best it is measured by and what is left."""
    work = _work()
    goals = [m for m in work.memories if m.memory_type == "goal"]
    return _json(await compare_goals(work.store, work.context.user_id, goals, work.context.today))


TOOLS: list[BaseTool] = [
    log_workout,
    workouts_in_period,
    personal_bests,
    exercise_progress,
    logged_exercises,
    change_workout,
    goal_progress,
]
