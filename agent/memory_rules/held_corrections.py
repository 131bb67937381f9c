"""Corrections that name what the coach holds, with no verb of forgetting.

"you have me down as vegetarian, I eat fish now", "you've got my bench max as 100, it's 105
now", "my gym changed, the note says Anytime but it's Gold's now": the athlete quotes the
coach's record (what it has them down as, what a note says) and then says what holds now.
The record quoted is the query; the new fact is the replacement. Quoting the record with
no change after it ("you have me down as vegetarian, right?") corrects nothing.
"""

from __future__ import annotations

import re

from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.sentences import is_question, lower

_HELD = re.compile(
    r"(?:^|[,;:]\s+|\s-\s)(?:(?:but|so|btw|also|hey|coach|oh|actually|and),? )*"
    r"(?:you(?:'ve| have)(?: got)? (?:me (?:down |listed |noted |saved |on file )?as"
    r" (?P<as>[^,;.!?]+?)"
    r"|(?:my |the )(?P<attr>[a-z0-9\-' ]{1,30}?) (?:down |listed |saved |noted )?(?:as|at) "
    r"(?P<old>[^,;.!?]+?))"
    r"|(?:the|your|my) (?:note|notes|record|records|file|profile|memory)"
    r" (?:says|say|said|has|have|lists|list)"
    r" (?:that )?(?P<says>[^,;.!?]+?))"
    r"(?:[,;.!]\s*|\s-\s|\s+but\s+|\s+and\s+)(?P<rest>\S.*)?$"
)
_NOW = re.compile(
    r"\b(?:now|anymore|any more|these days|nowadays|actually|instead|changed|not (?:true|right"
    r"|correct|accurate)|wrong|out of date|outdated)\b|\bbut (?:it's|i'm|its)\b"
)
"""What says the record no longer holds."""
_OWNER = re.compile(r"\bmy ([a-z\-]+(?: [a-z\-]+)?) (?:changed|moved|is different|switched)\b")
"""What a quoted note's value is of ("my gym changed, the note says Anytime")."""


def held_correction(sentence: str, following: str, message: str) -> ForgetRequest | None:
    """A correction quoting the coach's record, then what holds now (here or next sentence)."""
    low = lower(sentence)
    if "you" not in low and "note" not in low and "record" not in low and "file" not in low:
        return None  # cheap gate: every form names the coach or its note
    found = _HELD.search(low)
    if found is None:
        return None
    group = next(g for g in ("as", "attr", "says") if found.group(g))
    query = sentence[found.start(group) : found.end(group)].strip()
    rest = sentence[found.start("rest") :] if found.group("rest") else following
    if not rest or is_question(rest) or _NOW.search(lower(rest)) is None:
        return None
    # a note quoted by its value ("the note says Anytime") belongs to what changed before it
    owner = _OWNER.search(low[: found.start()]) if group == "says" else None
    subject = sentence[owner.start(1) : owner.end(1)] if owner else query
    return ForgetRequest(query, replacement(rest, subject, message, correcting=True))
