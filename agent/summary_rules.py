"""What a conversation summary holds, by rules.

The offline summary, and the checks every summary (the model's too) passes before it is
stored.

A summary is read by the coach later, out of context, so it holds third-person facts,
not the athlete's sentences. Goals, constraints and preferences come first from the
stored memories (the athlete's own record of them), then from what they stated. Workouts
come from the workout log, so an edited or deleted workout is summarised as it now
stands, never re-read from the text. A fact the athlete asked to forget is dropped, and
small talk is never an action item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field

from agent.memory_rules import (
    MATCH_THRESHOLD,
    ForgetRequest,
    detect_memory_intent,
    match_score,
)
from agent.memory_rules.classification import classify
from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.rewriting import rewrite_statement
from agent.memory_rules.similarity import content_tokens, overlap
from agent.small_talk import is_small_talk, substantive_sentences
from extraction import extract
from storage.models import KeyFacts, Memory, Message, Summary, SummaryData, WorkoutRecord

MAX_ITEMS = 8
MAX_NARRATIVE_WORDS = 120
NEAR_DUPLICATE = 0.6
"""Word overlap (Jaccard) at which two facts say the same thing."""

_CLAUSES = re.compile(r"(?:,|;|,?\s+(?:and|but|so|plus))\s+(?=(?:I|I'm|I've|my|My)\b)")
"""Where a sentence turns to another fact about the athlete: "…, and I only train mornings"."""
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|my|me|myself)\b", re.I)
_FEELINGS = re.compile(
    r"\b(tired|exhausted|stressed|motivated|excited|frustrated|happy|proud|anxious|sore)\b", re.I
)
_SLOT_BY_TYPE = {
    "goal": "current_goals",
    "constraint": "constraints",
    "preference": "preferences",
    "instruction": "preferences",
}
_LABELS = {
    "current_goals": "Goals",
    "constraints": "Constraints",
    "preferences": "Preferences",
    "schedule_context": "Schedule",
    "recent_progress": "Recent workouts",
}


class SummaryOut(BaseModel):
    """The updated running summary of a coaching conversation."""

    narrative_summary: str = Field(description="Under 120 words, third person.")
    key_facts: KeyFacts
    emotional_state: str | None = None
    action_items: list[str] = Field(default_factory=list)
    title: str | None = Field(
        default=None, description="At most 6 words naming the conversation's main topic."
    )


@dataclass(frozen=True)
class SummaryInputs:
    """What a summary is made from, read from the store just before it is written.

    The stored summary, the new messages, and the athlete's memories and logged workouts
    as the store has them now.
    """

    previous: Summary | None
    messages: list[Message]
    memories: list[Memory]
    workouts: list[WorkoutRecord]

    @property
    def base(self) -> SummaryData:
        """The stored summary's facts to build on (empty for a first summary)."""
        return self.previous.structured_data if self.previous else SummaryData()

    @property
    def forget_queries(self) -> list[str]:
        """What the athlete asked, in these messages, to forget."""
        intents = (detect_memory_intent(m.content) for m in self.messages if m.role == "user")
        return [i.query for i in intents if isinstance(i, ForgetRequest)]


def _slot(memory_type: str, tags: tuple[str, ...] | list[str]) -> str | None:
    slot = _SLOT_BY_TYPE.get(memory_type)
    return "schedule_context" if slot == "constraints" and "schedule" in tags else slot


def _same(a: str, b: str) -> bool:
    """Two facts that say the same thing in other words."""
    ta, tb = set(content_tokens(a)), set(content_tokens(b))
    if not ta or not tb:
        return a.casefold() == b.casefold()
    return overlap(ta, tb) >= NEAR_DUPLICATE or ta <= tb or tb <= ta


def _forgotten(item: str, queries: list[str]) -> bool:
    return any(match_score(query, item) >= MATCH_THRESHOLD for query in queries)


def _distinct(items: list[str], queries: list[str]) -> list[str]:
    """Items in order, minus forgotten ones and restatements of an earlier item."""
    kept: list[str] = []
    for item in items:
        if item and not _forgotten(item, queries) and not any(_same(item, k) for k in kept):
            kept.append(item)
    return kept[:MAX_ITEMS]


def memory_facts(memories: list[Memory]) -> dict[str, list[str]]:
    """Stored goals, constraints, preferences and schedule, high importance first."""
    facts: dict[str, list[str]] = {slot: [] for slot in _LABELS}
    rank = {"high": 0, "medium": 1, "low": 2}
    for memory in sorted(memories, key=lambda m: rank[m.metadata.importance]):
        slot = _slot(memory.memory_type, memory.metadata.tags)
        if slot is not None:
            facts[slot].append(memory.content)
    return facts


def _day(message: Message) -> date:
    return date.fromisoformat(message.timestamp[:10])


def stated_facts(message: Message) -> dict[str, list[str]]:
    """Goals, constraints, preferences and schedule stated in one message, in third person.

    A request to remember or forget is left to the memory store, and questions and
    workout logs are not facts about the athlete.
    """
    facts: dict[str, list[str]] = {slot: [] for slot in _LABELS}
    if message.role != "user" or detect_memory_intent(message.content) is not None:
        return facts
    sentences = substantive_sentences(message.content)
    for clause in (c for s in sentences for c in _CLAUSES.split(s)):
        clean = drop_lead(clause)
        if clean.endswith("?") or not _FIRST_PERSON.search(clean):
            continue
        if extract(clean, today=_day(message)):
            continue
        kind = classify(clean, imperative=False, message=clean)
        slot = _slot(kind.memory_type, kind.tags)
        if slot is not None:
            facts[slot].append(rewrite_statement(clean))
    return facts


def open_questions(messages: list[Message]) -> list[str]:
    """The athlete's questions that are not small talk, in the third person."""
    questions: list[str] = []
    for message in messages:
        if message.role != "user":
            continue
        for sentence in substantive_sentences(message.content):
            if sentence.endswith("?"):
                questions.append(f"Answer: {_inline(rewrite_statement(drop_lead(sentence)))}?")
    return questions


def workout_lines(workouts: list[WorkoutRecord]) -> list[str]:
    """One line per logged workout, newest first, as the workout log has it now."""
    ordered = sorted(workouts, key=lambda w: (w.date, w.workout_id), reverse=True)
    return [f"{w.date}: {w.summary or w.discipline}" for w in ordered]


def settle(out: SummaryOut, inputs: SummaryInputs) -> SummaryOut:
    """The summary as stored, after the checks every summary passes.

    Stored memories first, forgotten facts and restatements out, workouts from the log,
    no small talk among the action items.
    """
    queries = inputs.forget_queries
    stored = memory_facts(inputs.memories)
    facts = {
        slot: _distinct([*stored[slot], *getattr(out.key_facts, slot)], queries)
        for slot in _LABELS
        if slot != "recent_progress"
    }
    logged = workout_lines(inputs.workouts)
    facts["recent_progress"] = (
        _distinct([*logged, *inputs.base.key_facts.recent_progress], [])
        if logged
        else list(inputs.base.key_facts.recent_progress)[:MAX_ITEMS]
    )
    actions = [a for a in out.action_items if not is_small_talk(a)]
    return out.model_copy(
        update={
            "key_facts": KeyFacts(**facts),
            "action_items": _distinct(actions, queries),
        }
    )


def _inline(fact: str) -> str:
    """A fact as a clause inside a sentence: no final period, "Is …" → "is …"."""
    fact = fact.rstrip(".")
    first = fact.split(" ", 1)[0]
    return fact[:1].lower() + fact[1:] if first.isalpha() and not first.isupper() else fact


def narrative(facts: KeyFacts, questions: int) -> str:
    """A third-person paragraph from the key facts, under MAX_NARRATIVE_WORDS words."""
    parts = [
        f"{_LABELS[slot]}: {'; '.join(_inline(item) for item in items[:3])}."
        for slot, items in facts
        if items
    ]
    if questions:
        parts.append(f"The athlete has {questions} open question{'s' * (questions > 1)}.")
    text = " ".join(["About the athlete.", *parts]) if parts else "No lasting facts yet."
    words = text.split()
    return " ".join(words[:MAX_NARRATIVE_WORDS]) + ("…" if len(words) > MAX_NARRATIVE_WORDS else "")


def extractive_summary(inputs: SummaryInputs) -> SummaryOut:
    """The offline summary: the previous one with these messages folded in, by rules."""
    base = inputs.base
    facts: dict[str, list[str]] = {slot: list(getattr(base.key_facts, slot)) for slot in _LABELS}
    feelings: list[str] = []
    for message in inputs.messages:
        intent = detect_memory_intent(message.content) if message.role == "user" else None
        if isinstance(intent, ForgetRequest):  # what came before it goes; later facts stay
            facts = {slot: _distinct(items, [intent.query]) for slot, items in facts.items()}
        for slot, items in stated_facts(message).items():
            facts[slot] = [*items, *facts[slot]]
        if message.role == "user":
            feelings.extend(f.lower() for f in _FEELINGS.findall(message.content))
    questions = open_questions(inputs.messages)
    draft = SummaryOut(
        narrative_summary="",
        key_facts=KeyFacts(**facts),
        emotional_state=", ".join(dict.fromkeys(feelings)) or base.emotional_state,
        action_items=[*reversed(questions), *base.action_items],
    )
    # Forgets already applied in order: a fact stated after its forget stays.
    settled = settle(draft, SummaryInputs(inputs.previous, [], inputs.memories, inputs.workouts))
    return settled.model_copy(
        update={"narrative_summary": narrative(settled.key_facts, len(settled.action_items))}
    )


def without_forgotten(summary: Summary, forgotten: list[str]) -> Summary | None:
    """The summary minus what states a forgotten memory, or None when nothing does.

    Facts, action items and narrative sentences are dropped one by one. A deleted memory
    must not come back through a summary the prompt still shows; the other facts stay, so
    an unrelated goal is not lost with it.
    """
    data = summary.structured_data
    facts = {
        slot: [item for item in items if not _states_any(item, forgotten)]
        for slot, items in data.key_facts
    }
    actions = [item for item in data.action_items if not _states_any(item, forgotten)]
    sentences = _SENTENCE_END.split(summary.summary_text)
    text = " ".join(s for s in sentences if not _states_any(s, forgotten))
    if (
        text == summary.summary_text
        and facts == dict(data.key_facts)
        and actions == (data.action_items)
    ):
        return None
    structured = data.model_copy(
        update={"narrative_summary": text, "key_facts": KeyFacts(**facts), "action_items": actions}
    )
    return summary.model_copy(update={"summary_text": text, "structured_data": structured})


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _states_any(text: str, forgotten: list[str]) -> bool:
    """Whether `text` says one of the forgotten facts.

    It does in the same words, or with all of the fact's words among more.
    """
    words = set(content_tokens(text))
    for fact in forgotten:
        tokens = set(content_tokens(fact))
        if _same(text, fact) or (tokens and tokens <= words):
            return True
    return False
