"""News of a change told before the request that acts on it.

"lap swim is now Mon/Wed, not Tue/Thu. Saturday stays the same. Update that please.":
the request points back past an aside saying what did NOT change, to the news itself.
"labs moved to Monday now, so the rest day thing is out of date": the clause before the
stale memory states its replacement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.labels import lasting
from agent.memory_rules.lead_in import drop_lead, polite_request
from agent.memory_rules.memory_refs import memory_reference
from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower, split_words

_ASIDE = re.compile(
    r"^(?:(?:but|and|though|otherwise|everything else|the rest|oh)\W+)*"
    r"(?:(?:the )?same\b|(?:[a-z0-9'/\- ]{1,30}? )?(?:stays?|remains?|is|are|will be)"
    r" (?:exactly |just |all )?(?:the )?same\b|(?:[a-z0-9'/\- ]{1,30}? )?(?:hasn't|haven't"
    r"|didn't|doesn't|don't) change\b|nothing else (?:has )?changed?\b)"
)
"""What did not change ("Saturday stays the same", "same target though"): no news."""
CHANGED = re.compile(
    r"\b(?:now|changed|moved|moving|switched|switching|new|anymore|no longer|instead|these days"
    r"|nowadays|sold|bought|is off|cancelled|canceled|transferred|lifted|relaxed|eased"
    r"|got (?:moved|changed|pushed|cancelled)|started|stopped|quit|gave up|took up|again"
    r"|i (?:said|meant))\b"
)
"""A statement that something changed: what a correction's new fact says."""


def is_aside(sentence: str) -> bool:
    """Whether a sentence only says what stays as it was."""
    return _ASIDE.match(lower(drop_lead(sentence.strip()))) is not None


def news_before(earlier: Sequence[str]) -> list[str]:
    """The sentences before a request, minus trailing asides about what did not change."""
    kept = list(earlier)
    while kept and is_aside(kept[-1]) and len(kept) > 1:
        kept.pop()
    return kept


_RETRACTED = re.compile(
    r"\b(?:no longer|anymore|any more|not|don't|doesn't|stopped|quit|off|over|healed|better"
    r"|fine|sorted|recovered|cleared|gone)\b"
)
"""A change that only ends the old fact ("I'm off the meds now"): it has no new fact."""


def change_told_first(clauses: Sequence[str], message: str) -> MemoryRequest | None:
    """The new fact in the clauses before a stale memory's subject, if they state a change."""
    told = drop_lead(", ".join(c.strip() for c in clauses if c.strip(" .!?")))
    low = lower(told)
    if not told or is_question(told) or not CHANGED.search(low) or _RETRACTED.search(low):
        return None
    if not lasting(told):
        return None
    return build_save(told, explicit=True, message=message, min_words=1)


def asks_for_it(sentence: str, start: int) -> bool:
    """Whether a question ending in "?" is a request to act at `start`.

    A modal ("can you update that bit?") or an imperative said with a rising tone
    ("swap it over for me?") asks the coach to do it.
    """
    return polite_request(sentence) or not split_words(drop_lead(sentence[:start]))


_TOPIC = re.compile(r"^(?:quick |small |big )?(?:update|news|change) (?:on|about|re|regarding) ")
"""A topic label before the news ("update on the vegan thing - …") names the memory."""
_FROM_TO = re.compile(r"\b(?:switched|changed|moved|gone|went|swapped) from (?P<old>.+?) to\b")
"""The old value of a change said with both ends ("switched from the Libre to a Dexcom")."""
_NOW_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\s-\s)(?:(?:so|and|but)\s+)?(?:the |my )?(?P<subject>[a-z0-9'/\-]+"
    r"(?: [a-z0-9'/\-]+){0,3}?) (?:is|are|'s) now\b"
)
"""The subject of "X is now Y" at a clause's start: what the news replaces."""


def changed_subject(news: str) -> str | None:
    """What a piece of news changes, or None when it names nothing.

    Its topic label, the old end of "from A to B", or the subject of "X is now Y".
    """
    low = lower(news)
    for clause in re.split(r"\s-\s|:", news):
        named = memory_reference(clause) if _TOPIC.match(lower(clause.strip())) else None
        if named is not None:
            return named
    for pattern, group in ((_FROM_TO, "old"), (_NOW_SUBJECT, "subject")):
        found = pattern.search(low)
        if found is not None:
            return news[found.start(group) : found.end(group)]
    return None
