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


class OfflineContext(BaseModel):
    """The slice of turn context the offline engine reads (from the system message)."""

    athlete_name: str = "there"
    personality: str = "encouraging"
    memory: MemoryOutcome = Field(default_factory=MemoryOutcome)
    memories: list[str] = Field(default_factory=list)
    recent_workouts: list[str] = Field(default_factory=list)
    records: dict[str, str] = Field(default_factory=dict)


_RED_FLAG = re.compile(
    r"\b(chest (pain|pressure|tightness)|faint(ed|ing)?|passed out|black(ed)? out|"
    r"short(ness)? of breath|can'?t breathe|palpitations|heart (was )?racing|numb(ness)?)\b",
    re.I,
)
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
_BEST = re.compile(r"\b(my (best|pr|prs|personal (best|record)s?)|best \w+ (is|was))\b", re.I)
_MEMORIES = re.compile(r"\bwhat (do|did) you (remember|know) about me\b", re.I)
_PLAN = re.compile(
    r"\b(tomorrow|tonight|later today|i'?m (going|gonna|planning)|i will|i'?ll)\b", re.I
)
_GOAL = re.compile(r"\b(i want to|my goal|goal is|i'?d like to|aiming (to|for))\b", re.I)


@cache
def _templates() -> dict[str, Any]:
    return tomllib.loads(load("offline_replies.toml"))


def template(key: str, personality: str) -> str:
    """The personality's template for `key`, else the default one."""
    data = _templates()
    return data.get("voice", {}).get(personality, {}).get(key) or data["default"][key]


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
        missing = sorted({m for w in logged for m in w.get("missing", [])})
        if missing:
            parts.append(_say("missing", ctx, fields=" and ".join(missing)))
    if result.get("duplicates"):
        parts.append(_say("duplicate_workout", ctx, workouts=_join(result["duplicates"])))
    if not parts:
        parts.append(_say("not_a_log", ctx))
    return parts


def _memory_reply(ctx: OfflineContext) -> list[str]:
    memory = ctx.memory
    parts = [_say("memory_forgotten", ctx, content=c) for c in memory.forgotten]
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
        return _say("injury", ctx)
    if _MEMORIES.search(text):
        if not ctx.memories:
            return _say("memories_none", ctx)
        return _say("memories", ctx, memories=_join(ctx.memories))
    if _RECENT.search(text):
        if not ctx.recent_workouts:
            return _say("recent_none", ctx)
        return _say("recent", ctx, workouts=_join(ctx.recent_workouts))
    if _BEST.search(text):
        return _best_reply(text, ctx)
    if _PLAN.search(text):
        return _say("plan", ctx)
    if _GOAL.search(text):
        return _say("goal", ctx)
    if _THANKS.search(text):
        return _say("thanks", ctx)
    if _GREETING.search(text) and "?" not in text:
        return _say("greeting", ctx)
    return _say("offline", ctx)


def _best_reply(text: str, ctx: OfflineContext) -> str:
    words = set(re.findall(r"[a-z]+", text.lower()))
    for exercise, line in ctx.records.items():
        if set(exercise.split("_")) <= words:
            value, _, day = line.partition(" on ")
            return _say("best", ctx, exercise=exercise.replace("_", " "), value=value, date=day)
    return _say("best_none", ctx)


def compose_reply(text: str, ctx: OfflineContext, tool_results: list[dict[str, Any]]) -> str:
    """The whole reply: memory confirmations, then workouts, else a conversational answer."""
    parts = _memory_reply(ctx)
    for result in tool_results:
        parts.extend(_workout_reply(result, ctx))
    if not parts:
        parts.append(_conversation_reply(text, ctx))
    elif _RED_FLAG.search(text):
        parts.insert(0, _conversation_reply(text, ctx))
    return " ".join(parts)
