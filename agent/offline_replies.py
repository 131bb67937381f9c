"""Compose the offline engine's replies from templates in the coach's voice.

The engine answers only what it can answer honestly from the turn's data (what was
logged or remembered, recent workouts, bests, memories) and says plainly when a
question needs a language model.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from agent.addressing import addressed
from agent.offline_intents import Pending
from agent.safety import RED_FLAG, body_parts
from extraction.named_workouts import BENCHMARKS
from extraction.vocabulary import find_mentions
from prompts import load


class MemoryOutcome(BaseModel):
    """What the memory step did this turn, as the offline engine needs it."""

    saved: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    forgotten: list[str] = Field(default_factory=list)
    duplicate: str | None = None
    unmatched_forget: str | None = None
    refused: str | None = None
    left_out: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the turn kept, changed or dropped a memory (or found it already kept)."""
        return bool(self.saved or self.updated or self.forgotten or self.duplicate)


class OfflineContext(BaseModel):
    """The slice of turn context the offline engine reads (from the system message)."""

    athlete_name: str = "there"
    personality: str = "encouraging"
    memory: MemoryOutcome = Field(default_factory=MemoryOutcome)
    memories: list[str] = Field(default_factory=list)
    recent_workouts: list[str] = Field(default_factory=list)
    pending: Pending | None = None
    """The coach's open question about a logged workout."""
    red_flag: bool = False
    goal_saved: bool = False


_RED_FLAG = RED_FLAG
_INJURY = re.compile(
    r"\b(hurts?|pain(ful)?|injur(ed|y)|sprain(ed)?|strain(ed)?|tweak(ed)?|pulled)\b", re.I
)
_GREETING = re.compile(r"^\W*(hi|hey|hello|yo|good (morning|afternoon|evening)|sup)\b", re.I)
_THANKS = re.compile(r"\b(thanks?|thank you|thx|ty|cheers|appreciate it)\b", re.I)
_RECENT = re.compile(
    r"\b(what (did|have) i (do|done|train)|my (recent|last) (workouts?|sessions?)|"
    r"(workouts?|sessions?|training) (this|last) week)\b",
    re.I,
)
_MEMORIES = re.compile(r"\bwhat (do|did) you (remember|know) about me\b", re.I)
_PLAN = re.compile(
    r"\b(tomorrow|tonight|later today|i'?m (going|gonna|planning)|i will|i'?ll)\b", re.I
)
_ASKS = re.compile(
    r"\?|^\W*(?:please\s+)?(?:give|write|make|build|plan|program|suggest|recommend|send)\b"
    r"|\b(?:can|could|would|will) you\b|\bshould i\b|\bwhat should\b",
    re.I,
)
"""A question or a request: what makes "tomorrow" a request for a session, not a plan."""
_SESSION = re.compile(r"\b(workouts?|sessions?|wods?|program|routine|training plan)\b", re.I)


@cache
def _templates() -> dict[str, Any]:
    return tomllib.loads(load("offline_replies.toml"))


def template(key: str, personality: str) -> str:
    """The personality's template for `key`, else the default one."""
    data = _templates()
    chosen = data.get("voice", {}).get(personality, {}).get(key) or data["default"][key]
    return str(chosen)


def _say(key: str, ctx: OfflineContext, **values: Any) -> str:
    return template(key, ctx.personality).format(name=ctx.athlete_name, **values)


def _join(items: list[str]) -> str:
    """Items joined for a sentence the template closes with its own full stop."""
    return "; ".join(item.rstrip(" .") for item in items)


def _workout_reply(result: dict[str, Any], ctx: OfflineContext) -> list[str]:
    logged = result.get("logged", [])
    parts: list[str] = []
    if logged:
        names = [w["description"] for w in logged]
        key = "logged_one" if len(names) == 1 else "logged_many"
        parts.append(_say(key, ctx, workouts=_join(names), count=len(names)))
        for workout in logged:
            parts.extend(
                _say("pr", ctx, exercise=pr["exercise"].replace("_", " "), best=pr["best"])
                for pr in workout.get("prs", [])
            )
            claim = workout.get("claimed_pr")
            if claim and claim.get("confirmed"):
                parts.append(_say("claim_confirmed", ctx))
            elif claim and claim.get("best_on_record"):
                standing = _bests(claim["best_on_record"], True)
                parts.append(_say("claim_not_confirmed", ctx, bests=standing))
        missing = sorted({m for w in logged for m in w.get("missing", [])})
        if missing:
            parts.append(_say("missing", ctx, fields=" and ".join(missing)))
    if result.get("duplicates"):
        parts.append(_say("duplicate_workout", ctx, workouts=_join(result["duplicates"])))
    if unlogged := result.get("unlogged"):
        parts.append(_say("too_many_sessions", ctx, **unlogged))
    if not parts:
        parts.append(_say("not_a_log", ctx))
    return parts


def _memory_reply(ctx: OfflineContext) -> list[str]:
    memory = ctx.memory
    parts = [_say("memory_forgotten", ctx, content=addressed(c)) for c in memory.forgotten]
    if memory.unmatched_forget:
        parts.append(_say("forget_not_found", ctx, query=memory.unmatched_forget))
    if memory.saved:
        parts.append(_say("memory_saved", ctx))
    if memory.updated:
        parts.append(_say("memory_updated", ctx))
    if memory.duplicate:
        parts.append(_say("memory_duplicate", ctx))
    if memory.refused:
        parts.append(_say("memory_refused", ctx, reason=memory.refused))
    if memory.left_out:
        parts.append(memory.left_out)
    return parts


def _conversation_reply(text: str, ctx: OfflineContext) -> str:
    if match := _RED_FLAG.search(text):
        return _say("red_flag", ctx, symptom=match.group(0).capitalize())
    if _INJURY.search(text):
        parts = body_parts(text)
        known = [m.rstrip(" .") for m in ctx.memories if parts & body_parts(m)]
        if known:
            said = "; ".join(f'"{addressed(m)}"' for m in known)
            return _say("injury_known", ctx, memories=said)
        return _say("injury", ctx)
    if _MEMORIES.search(text):
        if not ctx.memories:
            return _say("memories_none", ctx)
        return _say("memories", ctx, memories=_join([addressed(m) for m in ctx.memories]))
    if _RECENT.search(text):
        if not ctx.recent_workouts:
            return _say("recent_none", ctx)
        return _say("recent", ctx, workouts=_join(ctx.recent_workouts))
    if _ASKS.search(text) and (_PLAN.search(text) or _SESSION.search(text)):
        if not ctx.recent_workouts:
            return _say("session_request_none", ctx)
        return _say("session_request", ctx, workouts=_join(ctx.recent_workouts))
    if _PLAN.search(text):
        return _say("plan", ctx)
    if _THANKS.search(text):
        return _say("thanks", ctx)
    if _GREETING.search(text) and "?" not in text:
        return _say("greeting", ctx)
    return _say("offline", ctx)


def compose_reply(
    text: str, ctx: OfflineContext, tool_results: list[tuple[str, dict[str, Any]]]
) -> str:
    """The whole offline reply.

    The safety advice alone after a red flag; else memory confirmations, then what each
    tool found, else a conversational answer.
    """
    if ctx.red_flag:  # the safety advice first; only a refused memory is also said
        refusal = [_say("memory_refused", ctx, reason=ctx.memory.refused)]
        return " ".join([_conversation_reply(text, ctx), *(refusal if ctx.memory.refused else [])])
    parts = _memory_reply(ctx)
    for name, result in tool_results:
        parts.extend(_tool_reply(name, result, ctx))
    if not parts:
        parts.append(_conversation_reply(text, ctx))
    return " ".join(parts)


def _tool_reply(name: str, result: dict[str, Any], ctx: OfflineContext) -> list[str]:
    if name == "log_workout":
        return _workout_reply(result, ctx)
    if name == "change_workout":
        return [_change_reply(result, ctx)]
    if name == "goal_progress":
        return _goal_reply(result, ctx)
    return [_history_reply(name, result, ctx)]


def _history_reply(name: str, result: dict[str, Any], ctx: OfflineContext) -> str:
    if name == "workouts_in_period":
        period, workouts = result["period"], result["workouts"]
        dates = {
            "label": period["label"].capitalize(),
            "start": period["from"],
            "end": period["to"],
        }
        if not workouts:
            narrowed = result.get("discipline") or result.get("exercise")
            if narrowed:
                return _say(
                    "period_none_of",
                    ctx,
                    what=_words(narrowed),
                    **{**dates, "label": period["label"]},
                )
            return _say("period_none", ctx, **{**dates, "label": period["label"]})
        lines = [f"{w['weekday']} {w['date']}: {w['summary']}" for w in workouts]
        count = f"{len(workouts)} workout{'s' if len(workouts) > 1 else ''}"
        reply = _say("period", ctx, count=count, workouts=_join(lines), **dates)
        summed = [
            t
            for t in result.get("totals", [])
            if t["sessions"] > 1 and ("distance" in t or "time" in t)  # one is its own total
        ]
        if summed:
            reply += " " + _say("period_totals", ctx, totals=_join([_total(t) for t in summed]))
        return reply + (" " + _say("period_more", ctx) if result.get("more") else "")
    if name == "personal_bests":
        bests = result.get("bests", [])
        if result.get("known") is False:
            return _say("best_unknown", ctx, exercise=_asked(result.get("exercise", "")))
        if not bests:
            return _say("best_none", ctx)
        if "exercise" in result and len({b["exercise"] for b in bests}) == 1:
            return _say(
                "best_one", ctx, exercise=_words(bests[0]["exercise"]), bests=_bests(bests, False)
            )
        return _say("bests", ctx, bests=_bests(bests, True))
    if name == "exercise_progress":
        if result.get("known") is False or not result.get("sessions"):
            return _say("best_unknown", ctx, exercise=_asked(result.get("exercise", "")))
        sessions = [_session(s) for s in result["sessions"]]
        return _say(
            "progress",
            ctx,
            exercise=_words(result["exercise"]).capitalize(),
            sessions_said="your last session"
            if len(sessions) == 1
            else f"your last {len(sessions)} sessions",
            sessions=_join(sessions),
            trend=result["trend"],
        )
    names = result.get("exercises", [])
    if not names:
        return _say("exercises_none", ctx)
    return _say("exercises", ctx, names=", ".join(_words(n) for n in names))


_SESSION_NOUNS = {
    "running": "run",
    "trail_running": "trail run",
    "swimming": "swim",
    "cycling": "ride",
    "rowing": "row",
    "walking": "walk",
    "hiking": "hike",
}


def _total(total: dict[str, Any]) -> str:
    """One discipline's total: "2 runs, 13 km, 1:07:20"."""
    n = total["sessions"]
    noun = _SESSION_NOUNS.get(total["discipline"]) or f"{_words(total['discipline'])} session"
    said = [f"{n} {noun}{'s' if n > 1 else ''}"]
    return ", ".join(said + [total[k] for k in ("distance", "time") if k in total])


def _words(name: str) -> str:
    """A stored name or an athlete's phrase as words ("back_squat" → "back squat")."""
    words = name.replace("_", " ").strip(" ?!.")
    return words.title() if words in BENCHMARKS else words


def _asked(query: str) -> str:
    """What a question with no match asked about, never the whole question.

    The movement it names ("how is my squat progressing?" → back squat), else what is left
    of it without the words of asking ("what's my fastest 5k?" → 5k), else "of that".
    """
    lifts = [m for m in find_mentions(query.lower()) if m.movement.movement_type != "cardio"]
    if lifts:  # a run, swim or ride is kept per distance ("run_5k"): say the words asked
        return _words(lifts[0].movement.name)
    left = [w for w in re.findall(r"[\w'-]+", query.lower()) if w not in _ASKING]
    return " ".join(left) if 0 < len(left) <= 3 else "of that"


_ASKING = frozenset(
    "what what's whats which how how's is are was my the a an me i did do have ever so far"
    " best bests fastest heaviest longest quickest pr prs pb pbs max personal record records"
    " time score result going progressing progress show tell remind all-time current go went"
    " last latest recent on in at for of".split()
)
"""The words of a question about a best or progress, around what it asks about."""


def _bests(bests: list[dict[str, Any]], named: bool) -> str:
    measure = {"e1rm": "estimated 1RM "}
    return "; ".join(
        (f"{_words(b['exercise'])} " if named else "")
        + f"{measure.get(b['measure'], '')}{b['display']} ({b['date']})"
        for b in bests
    )


def _session(s: dict[str, Any]) -> str:
    if "top_set" in s:
        e1rm = f", e1RM {s['e1rm']:g}" if s.get("e1rm") else ""
        return f"{s['date']} {s['top_set']}{e1rm}"
    if "time" in s:
        return f"{s['date']} {s['time']}"
    if "rounds" in s:
        return f"{s['date']} {s['rounds']:g} rounds"
    return f"{s['date']} {s.get('reps', '')} reps".rstrip()


def _change_reply(result: dict[str, Any], ctx: OfflineContext) -> str:
    status = result.get("status")
    if status == "updated":
        return _say("changed", ctx, change=result["change"])
    if status == "deleted":
        return _say("deleted", ctx, summary=result["summary"])
    if status == "restored":
        return _say("restored", ctx, summary=result["summary"])
    if status == "ambiguous":
        options = [
            f"{n}) {c['date']} {c['summary']}" for n, c in enumerate(result["candidates"], 1)
        ]
        return _say("ambiguous", ctx, candidates="; ".join(options))
    if status == "nothing_to_undo":
        return _say("nothing_to_undo", ctx)
    if status == "not_found":
        return _say("change_not_found", ctx)
    return _say("change_failed", ctx, error=result.get("error", "unknown"))


def _goal_reply(result: dict[str, Any], ctx: OfflineContext) -> list[str]:
    goals = result.get("goals", [])
    if not goals:
        return [_say("goals_none", ctx)]
    parts = []
    for g in goals:
        details = []
        if best := g.get("best"):
            gap = (
                f"; the goal needs {g['target_pace']}"
                if "target_pace" in g
                else f"; {g['to_add']} to go"
                if "to_add" in g
                else ""
            )
            details.append(
                f"Your best {_words(best['exercise'])} is {best['display']} ({best['date']}){gap}."
            )
        if "weeks_left" in g:
            details.append(f"{g['weeks_left']} weeks left.")
        goal = g["goal"].rstrip(" .")
        parts.append(_say("goal", ctx, goal=goal, details=" ".join(details)).strip())
    return parts
