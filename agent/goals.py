"""Goals the athlete states, kept as goal memories and compared with their bests.

"My goal is a sub-20 5k by June" or "I want to squat 315" becomes a goal memory; when
the athlete asks how they are doing, each goal is set beside its best. The target is
read back from the memory's text, so a goal edited or added over REST is compared the
same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from agent.context import TurnContext
from agent.events import SavedMemory
from agent.history import display, resolve_exercise
from agent.memory import MemoryPlan
from agent.periods import MONTHS, resolve_period
from extraction.numbers import find_weights, parse_duration
from storage.ids import new_id
from storage.models import Memory, MemoryMetadata
from storage.protocols import WorkoutStore

_STATED = re.compile(
    r"\b(?:my (?:main )?goal is(?: to)?|goal:|i want to|i'?d (?:really )?like to|i'?m training for|"
    r"training for|i'?m aiming (?:to|for)|aiming (?:to|for)|i hope to)\s+(.+)",
    re.I,
)
_NOT_GOAL = re.compile(r"\b(remember|forget|log|delete|know|ask|talk|check|see)\b", re.I)
_SUB = re.compile(
    r"\b(?:sub|under|below)[- ]?(\d{1,2}(?::\d{2})?)(?:\s?(?:min(?:utes?)?|m))?", re.I
)
_BY = re.compile(
    r"\b(?:by|before|in|for) ((?:the end of )?(?:"
    + "|".join(MONTHS)
    + r"|\d{4}-\d{2}-\d{2})(?: \d{4})?)\b",
    re.I,
)
DISTANCES_KM = {
    "5k": 5.0,
    "10k": 10.0,
    "half_marathon": 21.0975,
    "marathon": 42.195,
    "1mi": 1.609344,
}


@dataclass(frozen=True)
class Goal:
    """A goal read from the athlete's words."""

    text: str
    target_s: float | None = None
    target_weight: float | None = None
    target_unit: str | None = None
    by: date | None = None


def stated_goal(message: str, today: date) -> Goal | None:
    """The goal a message states, if it states one."""
    found = _STATED.search(message)
    if found is None or _NOT_GOAL.search(found.group(1).split(",")[0][:20]):
        return None
    text = found.group(1).strip().rstrip(".!")
    return parse_goal(text, today) if len(text) >= 4 else None


def parse_goal(text: str, today: date) -> Goal:
    """Targets and date in a goal's text."""
    target_s = None
    if sub := _SUB.search(text):
        value = sub.group(1)
        target_s = parse_duration(value) if ":" in value else float(value) * 60
    weights = find_weights(text.lower())
    bare = re.search(
        r"\b(squat|bench|deadlift|press|clean|snatch|jerk)\w*\s+(\d{2,3})\b", text, re.I
    )
    weight, unit = (weights[0].value, weights[0].unit) if weights else (None, None)
    if weight is None and bare:
        weight, unit = float(bare.group(2)), None
    by = None
    if when := _BY.search(text):
        period = resolve_period(when.group(1), today)
        if period is not None:
            by = period.end if period.end >= today else _next_year(period.end)
    return Goal(text=text, target_s=target_s, target_weight=weight, target_unit=unit, by=by)


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def goal_memory(goal: Goal, user_id: str) -> Memory:
    """The goal as a memory every coach sees."""
    content = goal.text[0].upper() + goal.text[1:]
    if goal.by and goal.by.isoformat() not in content:
        content += f" (by {goal.by.isoformat()})"
    return Memory(
        memory_id=new_id(),
        user_id=user_id,
        content=content + ".",
        memory_type="goal",
        metadata=MemoryMetadata(source="goal_statement", importance="high", tags=["goal"]),
    )


async def goal_progress(
    store: WorkoutStore, user_id: str, goals: list[Memory], today: date
) -> dict[str, Any]:
    """Each goal beside the best it is measured by, and what is left to gain."""
    names = await store.exercise_names(user_id) if goals else []
    out = []
    for memory in goals[:5]:
        goal = parse_goal(memory.content, today)
        item: dict[str, Any] = {"goal": memory.content}
        if goal.by:
            item["weeks_left"] = max(0, (goal.by - today).days // 7)
        matched = resolve_exercise(goal.text, names)
        if matched:
            records = await store.list_records(user_id, exercise=matched[0])
            best = next((r for r in records if r.measure in ("time", "weight")), None)
            if best is not None:
                item["best"] = {
                    "exercise": best.exercise,
                    "display": display(best),
                    "date": best.date,
                }
                item.update(_gap(goal, best.exercise, best.value, best.unit))
        out.append(item)
    return {"goals": out}


def _gap(goal: Goal, exercise: str, value: float, unit: str | None) -> dict[str, Any]:
    if goal.target_s:
        km = next((k for name, k in DISTANCES_KM.items() if exercise.endswith(name)), None)
        gap: dict[str, Any] = {"seconds_to_cut": round(max(0.0, value - goal.target_s))}
        if km:
            minutes, seconds = divmod(round(goal.target_s / km), 60)
            gap["target_pace"] = f"{minutes}:{seconds:02d}/km"
        return gap
    if goal.target_weight:
        target_unit = goal.target_unit or unit
        if target_unit == unit:
            return {"to_add": f"{max(0.0, goal.target_weight - value):g} {unit}"}
    return {}


def plan_goal(plan: MemoryPlan, text: str, context: TurnContext) -> None:
    """Keep a stated goal as a goal memory, unless this turn or an earlier one already did."""
    goal = stated_goal(text, context.today)
    if goal is None or any(m.memory_type == "goal" for m in plan.puts):
        return
    memory = goal_memory(goal, context.user_id)
    known = {m.content.lower() for m in context.memories}
    if memory.content.lower() in known:
        return
    plan.puts.append(memory)
    plan.changes.saved.append(
        SavedMemory(memory_id=memory.memory_id, content=memory.content, memory_type="goal")
    )
