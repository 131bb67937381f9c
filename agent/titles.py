"""A conversation's title from its first substantive exchange, by rules (no model call).

The title names what the athlete came to talk about: the workout they logged, the fact
they asked the coach to keep, or else their first sentence that is not small talk,
clipped to a few words. With a model, the first summary may name it better
(`agent/summaries.py`), as long as nobody renamed it in the meantime.
"""

from __future__ import annotations

import re
from datetime import date

from agent.memory_rules import MemoryRequest, detect_memory_intent
from agent.memory_rules.lead_in import drop_lead
from agent.small_talk import substantive_sentences
from extraction import extract
from extraction.describe import describe_workout

MAX_WORDS = 7
MAX_CHARS = 60
_DETAIL = re.compile(r"\s*(?:[(:;—]|\s-\s|\bin \d).*$")
"""Where a workout description turns from what was done to how it went."""
_STATE = re.compile(r"^(?:is|are|was|has been) (?=\w+ing\b)", re.I)
"""A third-person fact's leading "is", dropped before an -ing verb: "Training for…"."""
_LABEL = re.compile(r"^(?:[A-Za-z']+ ){0,2}[A-Za-z']+:\s+")
"""A short label in front of the point: "quick question: …", "update: …"."""


def clip(text: str) -> str:
    """At most MAX_WORDS words and MAX_CHARS characters, capitalised, no end punctuation."""
    text = " ".join(text.split()).strip(" .,;:!-")
    words = text.split()
    clipped = " ".join(words[:MAX_WORDS])
    if len(clipped) > MAX_CHARS:
        clipped = clipped[:MAX_CHARS].rsplit(" ", 1)[0]
    if clipped != text:
        clipped = clipped.rstrip(" ,;:-") + "…"
    return clipped[:1].upper() + clipped[1:]


def rule_title(text: str, today: date) -> str | None:
    """The title a message gives its conversation, or None for small talk."""
    sentences = substantive_sentences(text)
    if not sentences:
        return None
    workouts = extract(text, today=today)
    if workouts:
        return clip(_DETAIL.sub("", describe_workout(workouts[0])))
    intent = detect_memory_intent(text)
    if isinstance(intent, MemoryRequest):
        return clip(_STATE.sub("", intent.content))
    return clip(_LABEL.sub("", drop_lead(sentences[0])) or sentences[0])
