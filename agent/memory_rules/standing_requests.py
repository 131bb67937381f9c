"""Standing requests said around the directive: remarks, modal questions, liked conduct.

- A remark that makes the directive before it stand: "make that a standing thing",
  "make it permanent / automatic / the default", "keep doing that", "keep being strict".
- A modal question that asks for a standing habit: "can you always check in on Sundays?",
  "could you make it a rule to …?" is a request, not a question about a plan, when it
  recurs ("always", "every…") or a remark in the message says it stands.
- Conduct the athlete likes in the coach, with a request to keep it up: "I love that you
  check in on my joints first … keep doing that" is a preference about how they are coached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.lead_in import drop_lead, polite_request
from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower

STANDING_REMARK = re.compile(
    r"\b(?:make|consider|treat) (?:that|this|it) (?:as )?(?:a |an |the )?(?:standing|permanent"
    r"|regular|recurring|default|fixed|set|automatic|standard|weekly)(?: (?:thing|rule|request"
    r"|feature|fixture|habit|practice|part of \w+(?: \w+)?))?\b"
    r"|\bmake (?:that|this|it) (?:a (?:rule|habit|given|standard)|the (?:default|norm|rule))\b"
    r"|\bkeep (?:on )?doing (?:that|this|it)\b|\bkeep being \w+|\bkeep it up with me\b"
)
"""A remark that a directive stands ("make that a standing thing", "keep doing that")."""
_CLAUSES = re.compile(r"[,;:]|\s-\s")
_LIKED = re.compile(
    r"^(?:(?:lowkey|highkey|honestly|tbh|ngl|genuinely|really|so),? )*"
    r"(?:i|we)(?: really| honestly| just| also| lowkey| genuinely| actually| so| do)*"
    r" (?:love|like|appreciate|enjoy|value) (?:it )?(?:that|how|when) you\b"
)
"""Conduct of the coach's the athlete likes: "I love that you check in first"."""
_KEEP_ON = re.compile(
    r"\bkeep (?:on )?(?:doing|being) \w+|\bkeep (?:it|that) up\b|\b(?:don't|never) stop\b"
)
"""A request that the coach keeps on as it is."""


def asks_politely(sentence: str) -> bool:
    """Whether any clause of `sentence` opens with a modal request ("…: can you always…?")."""
    return any(polite_request(clause) for clause in _CLAUSES.split(sentence))


_ALWAYS = re.compile(
    r"\b(?:can|could|would|will) (?:you|u)(?: please| just| maybe)* (?:always|never|make it a rule"
    r" to|make a point of)\b"
)
"""A modal frame asking for a habit ("can you always…", "could you make it a rule to…")."""


def asks_always(sentence: str) -> bool:
    """Whether a modal question asks for a habit, not a plan: "can you always warm me up…?".

    "can you give me a workout with no jumping always?" asks for one workout.
    """
    return _ALWAYS.search(lower(sentence)) is not None


def stands(sentences: Sequence[str]) -> bool:
    """Whether a remark in the message says a directive in it stands."""
    return any(STANDING_REMARK.search(lower(sentence)) for sentence in sentences)


def liked_conduct(sentence: str, sentences: Sequence[str], message: str) -> MemoryRequest | None:
    """Conduct the athlete likes in the coach, kept by a request to keep it up."""
    body = drop_lead(sentence.strip())
    if is_question(sentence) or not _LIKED.match(lower(body)):
        return None
    if not any(_KEEP_ON.search(lower(other)) for other in sentences):
        return None  # "I love that you remembered" alone is thanks, not a standing wish
    clause = re.split(r"\s-\s|;", body)[0]
    return build_save(clause, explicit=False, message=message)
