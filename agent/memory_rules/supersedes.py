"""A new fact announced as superseding the stored one: "new schedule replaces the old one: X".

The athlete names the kind of fact ("schedule", "split", "max") with "new" and says it
takes the old one's place; the value follows after a colon or dash, or in the next
sentence. What is forgotten is the old fact of that kind, and the value replaces it.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower

_SUPERSEDES = re.compile(
    r"^(?:(?:my|the|this|a) )?(?:new|updated|revised|current) (?P<x>[a-z0-9\-' ]{1,30}?)"
    r" (?:replaces|supersedes|overrides|takes the place of|is replacing|should replace)"
    r" (?:the|my|your|what you have as (?:the|my)) (?:old|previous|existing|earlier|last)"
    r"(?: [a-z0-9\-']+){0,3}?(?:\s*(?::|\s-\s)\s*|\s*$)(?P<y>.*)$"
)

_GATE = re.compile(r"replac|supersed|overrid|place of")


def superseding(sentence: str, following: str, message: str) -> ForgetRequest | None:
    """Forget the X of "new X replaces the old one: Y" and keep "my X is Y"."""
    if _GATE.search(lower(sentence)) is None:  # the cheap test first: most messages lack it
        return None
    text = drop_lead(sentence.strip()).rstrip(" .!")
    found = _SUPERSEDES.match(lower(text))
    if found is None or is_question(sentence):
        return None
    subject = text[found.start("x") : found.end("x")]
    value = text[found.start("y") :].strip() or following.strip().rstrip(" .!")
    if not value:
        return None
    new = build_save(f"my {subject} is {value}", explicit=True, message=message, min_words=1)
    return ForgetRequest(query=subject, replacement=new)
