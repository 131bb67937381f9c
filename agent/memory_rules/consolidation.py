"""Decide how a new memory relates to the stored ones: duplicate, refinement or contradiction.

Deciding before writing keeps one memory per fact, so the prompt never carries both
"hates burpees" and "likes burpees now".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from agent.memory_rules.requests import MemoryDecision, MemoryRequest
from agent.memory_rules.sentences import MAX_INPUT_CHARS, lower
from agent.memory_rules.similarity import (
    NEGATIVE,
    POSITIVE,
    content_tokens,
    contrast,
    negated,
    numbers,
    overlap,
    polarity,
    stem,
)
from agent.memory_rules.word_lists import UNITS, WEEKLY
from storage.models import Memory

_RETRACTION = re.compile(r"\b(?:no longer|not anymore|any more|anymore)\b")
_CHANGE = re.compile(r"\b(?:now|anymore|no longer|these days|switched|changed|instead)\b")
_KIT = r"dumbbells?|kettlebells?|barbells?|gym|rack|equipment|weights|bands"
_SLOTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("schedule", re.compile(WEEKLY)),
    (
        "home-equipment",
        re.compile(
            rf"\b(?:home gym|garage gym|at home|home)\b.{{0,60}}\b(?:{_KIT})\b"
            rf"|\b(?:{_KIT})\b.{{0,60}}\b(?:at home|home)\b"
        ),
    ),
    ("name", re.compile(r"\b(?:called|nickname)\b")),
    ("units", re.compile(rf"\b(?:{UNITS}|metric|imperial)\b")),
    ("reply-length", re.compile(r"\b(?:replies|answers|responses|messages)\b")),
)


def _slot(text: str) -> str | None:
    """The exclusive topic a memory fills (one schedule, one nickname…), if any."""
    low = lower(text[:MAX_INPUT_CHARS])
    return next((name for name, rule in _SLOTS if rule.search(low)), None)


_DEGREE = frozenset(stem(w) for w in "best most least much more really lot generally".split())


def _subject(tokens: Iterable[str]) -> set[str]:
    """Tokens naming what a memory is about: no sentiment, no numbers."""
    sentiment = {stem(w) for w in POSITIVE | NEGATIVE}
    return {t for t in tokens if t not in sentiment and t not in numbers([t])}


def _restates(new: str, old: str) -> bool:
    """The same fact in other words: same stance and values, no subject word the old lacks.

    "Likes training in the mornings." restates "Prefers morning workouts.".
    """
    if negated(new) != negated(old) or polarity(new) != polarity(old):
        return False
    new_t, old_t = content_tokens(new), content_tokens(old)
    if numbers(new_t) != numbers(old_t):
        return False
    new_s, old_s = _subject(new_t) - _DEGREE, _subject(old_t) - _DEGREE
    return bool(new_s) and new_s <= old_s


def _contradicts(new: str, old: str) -> bool:
    """Same subject, opposite stance: sentiment or negation flipped, values or slot changed."""
    new_t, old_t = content_tokens(new), content_tokens(old)
    new_s, old_s = _subject(new_t), _subject(old_t)
    same_subject = overlap(new_s, old_s) >= 0.5 or bool(new_s and old_s and new_s <= old_s)
    if polarity(new) * polarity(old) < 0 and (new_s & old_s):
        return True
    if negated(new) != negated(old) and same_subject:
        return True
    new_n, old_n = numbers(new_t), numbers(old_t)
    if new_n and old_n and new_n != old_n and overlap(new_s, old_s) >= 0.6:
        return True
    if _CHANGE.search(lower(new)) and overlap(new_s, old_s) >= 0.4:
        return True
    slot = _slot(new)
    return slot is not None and slot == _slot(old)


def _merge(old: str, new: str) -> str:
    """Append a refinement's new clause to the existing content."""
    addition = new.rstrip(".")
    if not addition.startswith(("I ", "I'")):
        addition = addition[:1].lower() + addition[1:]
    return f"{old.rstrip('. ')}; {addition}."


def consolidate(candidate: MemoryRequest, existing: Sequence[Memory]) -> MemoryDecision:
    """Decide ADD / UPDATE / DELETE / NONE for a candidate memory against existing ones.

    Duplicates → NONE; refinements → UPDATE with merged content; contradictions → UPDATE with
    the candidate's content replacing the old (reason starts "replaced"); a pure retraction
    ("No longer has a bad knee.") → DELETE; anything else → ADD.
    """
    new = candidate.content
    new_t = set(content_tokens(new))
    norm = " ".join(content_tokens(new))
    for memory in existing:
        same_words = " ".join(content_tokens(memory.content)) == norm
        same_stance = negated(memory.content) == negated(new) and polarity(
            memory.content
        ) == polarity(new)
        if (same_words and same_stance) or memory.content.strip().lower() == new.strip().lower():
            return MemoryDecision("NONE", memory, None, "duplicate of an existing memory")
    for memory in existing:
        if _restates(new, memory.content):
            return MemoryDecision("NONE", memory, None, "duplicate: the same fact in other words")
    scored = sorted(
        ((overlap(new_t, set(content_tokens(m.content))), i, m) for i, m in enumerate(existing)),
        key=lambda item: (-item[0], item[1]),
    )
    for _, _, memory in scored:
        if _contradicts(new, memory.content):
            if _RETRACTION.search(lower(new)) and _subject(new_t) <= set(
                content_tokens(memory.content)
            ):
                return MemoryDecision("DELETE", memory, None, "retracted: no longer true")
            return MemoryDecision("UPDATE", memory, new, "replaced: contradicts existing memory")
    for _, _, memory in scored:
        old_t = set(content_tokens(memory.content))
        if not old_t or not new_t:
            continue
        if new_t <= old_t and negated(new) == negated(memory.content):
            return MemoryDecision("NONE", memory, None, "no new information")
        kind = contrast(old_t, new_t)
        if kind == "time" and polarity(new) != 0 and polarity(new) == polarity(memory.content):
            return MemoryDecision("UPDATE", memory, new, "replaced: the preferred time changed")
        if kind is not None:  # the other knee, another sport: a fact of its own
            continue
        covered = len(old_t & new_t) / len(old_t)
        if covered >= 0.6 and new_t - old_t:
            content = new if old_t <= new_t else _merge(memory.content, new)
            return MemoryDecision("UPDATE", memory, content, "refined: same subject, more detail")
    return MemoryDecision("ADD", None, new, "new memory")
