"""Resolve a forget request to the stored memory it most likely means."""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.similarity import content_tokens, numbers, overlap, polarity
from storage.models import Memory

MATCH_THRESHOLD = 0.6
"""Minimum `best_match` score: weighted share of the query's words found in the memory."""
_GENERIC = frozenset({"injury", "pain", "issu", "problem", "bad", "left", "right", "condition"})
_KIND_WORDS = {
    "goal": "goal", "target": "goal", "preferenc": "preference", "rul": "instruction",
    "instruct": "instruction", "limit": "constraint", "restrict": "constraint",
    "constraint": "constraint",
}  # fmt: skip
"""Stems that name a kind of memory: "my deadlift goal" means the goal about the deadlift,
whose text need not say "goal"."""


_TIME_WORDS = frozenset(content_tokens("time hour clock"))
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
"""A time of day in a memory: "my training time" names it, though the text says "5am"."""


def match_score(query: str, memory: str, kind: str | None = None) -> float:
    """Weighted share of the query's words present in the memory text.

    Penalised on conflicts. Also used to drop a forgotten fact from a summary. With the
    memory's `kind`, the query's words naming that kind count as found.
    """
    q_tokens, m_tokens = set(content_tokens(query)), set(content_tokens(memory))
    named = {t for t in q_tokens if kind is not None and _KIND_WORDS.get(t) == kind}
    if q_tokens & _TIME_WORDS and _CLOCK.search(memory):
        named |= q_tokens & _TIME_WORDS
    q_tokens = (q_tokens - named) or q_tokens
    if not q_tokens or not m_tokens:
        return 0.0
    weight = {t: 0.5 if t in _GENERIC else 1.0 for t in q_tokens}
    score = sum(weight[t] for t in q_tokens & m_tokens) / sum(weight.values())
    q_num, m_num = numbers(q_tokens), numbers(m_tokens)
    if q_num and m_num and not q_num & m_num:
        score *= 0.5
    if polarity(query) * polarity(memory) < 0:
        score *= 0.5
    return score


def best_match(
    query: str, memories: Sequence[Memory], *, threshold: float = MATCH_THRESHOLD
) -> tuple[Memory, float] | None:
    """The memory best matching a forget query and its score, or None below `threshold`.

    Ties on score go to the memory with the higher word overlap (Jaccard), so the shorter,
    more specific memory wins.
    """
    best: tuple[Memory, float, float] | None = None
    q_tokens = set(content_tokens(query))
    for memory in memories:
        score = match_score(query, memory.content, memory.memory_type)
        jaccard = overlap(q_tokens, set(content_tokens(memory.content)))
        if best is None or (score, jaccard) > (best[1], best[2]):
            best = (memory, score, jaccard)
    if best is None or best[1] < threshold:
        return None
    return best[0], round(best[1], 3)
