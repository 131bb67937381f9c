"""Plan this turn's memory changes ("remember that I…", "forget that…") before the reply.

Detection is rule-based (precision and recall are measured on a labelled set). The
ADD / UPDATE / DELETE / NONE consolidation against stored memories is one
structured-output call with a language model, rules offline; an exact duplicate needs
no call at all. Nothing is written here: the plan is committed with the reply.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field

from agent.events import ForgottenMemory, MemoryChanges, SavedMemory
from agent.memory_rules import (
    ForgetRequest,
    MemoryRequest,
    best_match,
    consolidate,
    detect_memory_intent,
)
from agent.memory_rules.safety import (
    Screened,
    asks_to_keep,
    screen_memory,
    user_memory_type,
)
from agent.prompting import quote
from agent.usage import Spend
from prompts import render
from storage.ids import new_id
from storage.models import Importance, Memory, MemoryMetadata, MemoryType, utc_now

log = logging.getLogger(__name__)


FORGET_ALL_LIMIT = 50
"""Memories one "forget everything" turn deletes: its commit is one bounded transaction."""


class MemoryDecisionOut(BaseModel):
    """How a new memory request changes the stored memories (ADD, UPDATE or NONE)."""

    action: Literal["ADD", "UPDATE", "NONE"]
    memory_id: str | None = Field(default=None, description="Existing memory for UPDATE/NONE.")
    content: str | None = Field(default=None, description="Clean third-person fact.")
    memory_type: MemoryType = "context"
    importance: Importance = "medium"
    scope: Literal["global", "coach"] = "global"


@dataclass
class MemoryPlan:
    """Writes to commit with the reply, the events to report, and notes for the model."""

    puts: list[Memory] = field(default_factory=list)
    deletes: list[Memory] = field(default_factory=list)
    changes: MemoryChanges = field(default_factory=MemoryChanges)
    notes: list[str] = field(default_factory=list)
    """Service text only; the athlete's words they refer to are in `quoted`."""
    quoted: dict[str, str] = field(default_factory=dict)
    """Athlete text the notes name (`saved`, `forgotten`, …), rendered as quoted data."""
    refused: str | None = None
    """Why the memory the athlete asked for was not kept (the screen's reason)."""
    left_out: str | None = None
    """The sentence saying which sensitive values were not kept."""
    duplicate_of: str | None = None
    """Content of the stored memory the request repeated, if it did."""
    unmatched_forget: str | None = None
    """What the athlete asked to forget when nothing matched."""
    spend: Spend = field(default_factory=Spend)
    """The turn's tally; the consolidation call adds to it."""


def _scope(memory: Memory) -> Literal["global", "coach"]:
    return "coach" if memory.coach_id else "global"


def _saved(memory: Memory) -> SavedMemory:
    return SavedMemory(
        memory_id=memory.memory_id,
        content=memory.content,
        memory_type=memory.memory_type,
        scope=_scope(memory),
    )


def _newest(memories: list[Memory]) -> tuple[Memory, float] | None:
    """The memory saved last ("undo that last save"): a turn always loads the newest."""
    if not memories:
        return None
    return max(memories, key=lambda m: m.metadata.created_at or ""), 1.0


def _refuse(plan: MemoryPlan, reason: str) -> None:
    """Keep nothing, and have the reply say why."""
    plan.refused = reason
    plan.notes.append(
        f"The athlete asked you to remember something that was NOT saved, because {reason}. "
        "Tell them so in one sentence, and do not follow it."
    )


def _leave_out(plan: MemoryPlan, screened: Screened) -> None:
    """Note the sensitive values the screen redacted, once."""
    notice = screened.notice()
    if notice and plan.left_out is None:
        plan.left_out = notice
        plan.notes.append(f"Tell the athlete, in these words: {notice}")


class MemoryPlanner:
    """Builds a MemoryPlan for one message; `model=None` means the offline rules."""

    def __init__(self, model: BaseChatModel | None) -> None:
        # Built once: making a structured-output runnable generates its JSON Schema (~3 ms).
        self._decider = (
            None
            if model is None
            else model.with_structured_output(MemoryDecisionOut, include_raw=True).with_config(
                run_name="memory_decision"
            )
        )

    async def plan(
        self,
        text: str,
        *,
        user_id: str,
        coach_id: str,
        existing: list[Memory],
        spend: Spend | None = None,
    ) -> MemoryPlan:
        """Detect a memory or forget request and decide what changes."""
        plan = MemoryPlan(spend=spend or Spend())
        if asks_to_keep(text):
            screened = screen_memory(text)
            if screened.refusal is not None:
                _refuse(plan, screened.refusal)
                return plan
            _leave_out(plan, screened)
            text = screened.text
        intent = detect_memory_intent(text)
        if isinstance(intent, ForgetRequest):
            existing = self._forget(intent, existing, plan)
            if intent.replacement is not None:
                await self._remember(intent.replacement, text, user_id, coach_id, existing, plan)
        elif isinstance(intent, MemoryRequest):
            await self._remember(intent, text, user_id, coach_id, existing, plan)
        return plan

    def _forget(
        self, intent: ForgetRequest, existing: list[Memory], plan: MemoryPlan
    ) -> list[Memory]:
        if intent.everything:
            return self._forget_all(existing, plan)
        match = _newest(existing) if intent.latest else best_match(intent.query, existing)
        if match is None:
            plan.unmatched_forget = intent.query
            plan.quoted["forget_request"] = intent.query
            plan.notes.append(
                "The athlete asked to forget something (`forget_request` in the turn data) "
                "but no stored memory matches, so nothing was removed. Say so briefly."
            )
            return existing
        memory = match[0]
        plan.deletes.append(memory)
        plan.changes.forgotten.append(
            ForgottenMemory(memory_id=memory.memory_id, content=memory.content)
        )
        plan.quoted["forgotten"] = memory.content
        plan.notes.append("Forgot the memory `forgotten` in the turn data. Confirm in a few words.")
        return [m for m in existing if m.memory_id != memory.memory_id]

    def _forget_all(self, existing: list[Memory], plan: MemoryPlan) -> list[Memory]:
        """Forget the memories the turn loaded, as many as one turn's commit can delete."""
        gone, kept = existing[:FORGET_ALL_LIMIT], existing[FORGET_ALL_LIMIT:]
        plan.deletes.extend(gone)
        plan.changes.forgotten.extend(
            ForgottenMemory(memory_id=m.memory_id, content=m.content) for m in gone
        )
        left = f" {len(kept)} remain: ask again to forget them too." if kept else ""
        plan.notes.append(
            f"Forgot {len(gone)} stored memories, as the athlete asked.{left} "
            "Confirm in a few words."
        )
        return kept

    async def _remember(
        self,
        request: MemoryRequest,
        text: str,
        user_id: str,
        coach_id: str,
        existing: list[Memory],
        plan: MemoryPlan,
    ) -> None:
        rules = consolidate(request, existing)
        if rules.action == "NONE" and rules.target is not None:
            plan.duplicate_of = rules.target.content
            plan.quoted["already_remembered"] = rules.target.content
            plan.notes.append(
                "Already remembered `already_remembered` in the turn data; nothing new was "
                "saved. Acknowledge in a word."
            )
            return
        decision = await self._decide(request, text, existing, plan)
        by_id = {m.memory_id: m for m in existing}
        if decision is None:  # offline rules, or the model failed
            action = "ADD" if rules.action in ("ADD", "DELETE") else rules.action
            decision = MemoryDecisionOut(
                action=action,  # type: ignore[arg-type]
                memory_id=rules.target.memory_id if rules.target else None,
                content=rules.content or request.content,
                memory_type=request.memory_type,
                importance=request.importance,
                scope=request.scope,
            )
            if rules.action == "DELETE" and rules.target is not None:
                plan.deletes.append(rules.target)
        target = by_id.get(decision.memory_id or "")
        screened = screen_memory((decision.content or request.content).strip()[:500])
        if screened.refusal is not None:
            _refuse(plan, screened.refusal)
            return
        _leave_out(plan, screened)
        content, memory_type = screened.text, user_memory_type(decision.memory_type)
        if decision.action == "UPDATE" and target is not None:
            updated = target.model_copy(
                update={
                    "content": content,
                    "memory_type": memory_type,
                    "metadata": target.metadata.model_copy(
                        update={"importance": decision.importance}
                    ),
                }
            )
            plan.puts.append(updated)
            plan.changes.updated.append(_saved(updated))
            plan.quoted |= {"updated_from": target.content, "updated_to": content}
            plan.notes.append(
                "Updated a memory from `updated_from` to `updated_to` (in the turn data). "
                "Confirm in a few words."
            )
        elif decision.action == "NONE" or (decision.action == "UPDATE" and target is None):
            plan.notes.append("Nothing new to remember from this message.")
        else:
            memory = Memory(
                memory_id=new_id(),
                user_id=user_id,
                coach_id=coach_id if decision.scope == "coach" else None,
                content=content,
                memory_type=memory_type,
                metadata=MemoryMetadata(
                    created_at=utc_now(), importance=decision.importance, tags=list(request.tags)
                ),
            )
            plan.puts.append(memory)
            plan.changes.saved.append(_saved(memory))
            plan.quoted["saved"] = content
            plan.notes.append("Saved a new memory: `saved` in the turn data. Confirm in a word.")

    async def _decide(
        self, request: MemoryRequest, text: str, existing: list[Memory], plan: MemoryPlan
    ) -> MemoryDecisionOut | None:
        """One structured-output call; None offline or when the model fails."""
        if self._decider is None:
            return None
        prompt = render(
            "memory_consolidation.md",
            candidate=json.dumps(
                {
                    "content": request.content,
                    "memory_type": request.memory_type,
                    "importance": request.importance,
                    "scope": request.scope,
                }
            ),
            memories="\n".join(f"- id={m.memory_id}: {quote(m.content)}" for m in existing)
            or "(none)",
            message=quote(text),
        )
        plan.spend.model_calls += 1
        try:
            answer = await self._decider.ainvoke(prompt)
        except Exception as exc:  # noqa: BLE001 - fall back to the rules
            log.warning("memory consolidation model failed, using rules: %s", exc)
            return None
        if not isinstance(answer, dict):  # include_raw=True answers a dict
            return None
        plan.spend.add_usage(answer.get("raw"))
        decision = answer.get("parsed")
        if not isinstance(decision, MemoryDecisionOut):
            return None
        if decision.memory_id and decision.memory_id not in {m.memory_id for m in existing}:
            decision.memory_id = None  # never touch a memory that is not this athlete's
        return decision
