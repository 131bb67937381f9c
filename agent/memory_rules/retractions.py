"""Retractions: the athlete takes back what they said, or the save just made.

- "I take back what I said about needing Fridays off", "I retract my comment about my
  weight", "let me walk back the bit about squats": the topic after "about" is forgotten.
  The subject is the athlete, so these open with "I", unlike the imperative forgets.
- "cancel that last save", "undo the memory you just made", "scrap the latest note": the
  newest stored memory is forgotten, whatever it says (`ForgetRequest.latest`).
"""

from __future__ import annotations

import re

from agent.memory_rules.forget_targets import clean_query
from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.sentences import is_question, lower

_TAKE_BACK = re.compile(
    r"^(?:(?:i(?:'d like to| would like to| want to| wanna|'m going to| have to| need to)?"
    r"|let me|please|pls) )?(?:take back|retract|withdraw|walk back|unsay|take(?= .{1,60}? back\b))"
    r" (?:everything |all |it |that |the (?:bit|part|thing|stuff|statement|comment) "
    r"|what i (?:said|told you|wrote|mentioned|typed) "
    r"|my (?:statement|comment|remark|point|words|note) )"
    r"(?:(?:earlier|before|just now|back) )?(?:about|on|regarding|re) (?P<q>[^,;.!?(]+)"
)
"""Taking back what was said about a topic: the topic is the query."""
_LATEST = re.compile(
    r"^(?:(?:please|pls|just|can you|could you|you can) )*(?:undo|cancel|reverse|revert|delete"
    r"|remove|scrap|drop|forget|unsave|bin|erase)"
    r" (?:that |the |this |my )?(?:(?:last|latest|most recent|newest) (?:save|memory|note|entry"
    r"|thing you (?:saved|noted|stored))|(?:save|memory|note|entry|thing|one) you just"
    r" (?:saved|made|stored|added|noted|wrote down))\b"
)
"""The save just made, named by when it was made rather than by what it says."""


_CUES = re.compile(r"\b(?:back|retract|withdraw|unsay|last|latest|recent|newest|just)\b")
"""Words every retraction has: a cheap test before the grammar."""


def retraction(sentence: str) -> ForgetRequest | None:
    """A retraction of a topic or of the latest save, or None."""
    if _CUES.search(lower(sentence)) is None or is_question(sentence):
        return None
    body = lower(drop_lead(sentence.strip()))
    latest = _LATEST.match(body)
    if latest is not None:
        return ForgetRequest(query=latest.group(0).split(" ", 1)[1], latest=True)
    taken = _TAKE_BACK.match(body)
    if taken is None:
        return None
    query = clean_query(drop_lead(sentence.strip())[taken.start("q") : taken.end("q")])
    return ForgetRequest(query=query) if query else None
