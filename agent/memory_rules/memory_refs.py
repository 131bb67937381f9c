"""Phrases that name a stored memory: "that note about my gym", "the max HR you saved".

A correction ("…is wrong", "update …") concerns a memory only when its object names one:
by a memory noun ("the note about X", "the X one"), by what the coach did with it
("the X you saved", "the X you have on file") or by the athlete's telling it ("the max HR
I gave you"). "the plan you sent is wrong" names none.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.sentences import lower

MEMORY_NOUNS = (
    r"note|notes|memory|memories|entry|entries|record|info|information|thing|bit|stuff|line"
)
"""Nouns that name a memory ("the note about…", "the knee thing"), as a regex alternation."""
_REF = re.compile(
    r"^(?:(?:quick |small |big )?(?:update|news) (?:on|about|re|regarding) )?"
    r"(?:(?:lol|lmao|haha|ha|rofl),? )*(?:(?:that|it|this)(?: was|'s| is) (?:just |only |all )?"
    r"(?=(?:a |my )?(?:joke|sarcasm|typo|mistake|wind-?up|exaggeration|lie)))?"
    r"(?:the |that |this |my |your |those |these |a )?(?:old |previous |earlier |current |saved )?"
    rf"(?:(?:{MEMORY_NOUNS}|fact|part|detail|statement|comment|remark|joke|sarcasm|typo|mistake"
    r"|wind-?up|exaggeration|lie) (?:about|on|re|regarding|for|of|saying|that says"
    r"|(?:that |where )?i (?:told you|said|mentioned|wrote) (?:about|regarding|re|on))"
    r" (?P<about>.+)"
    rf"|(?P<named>[a-z0-9\-'/%: ]{{1,40}}?) (?:{MEMORY_NOUNS}|one)"
    r"(?: (?:that |which )?you(?:'ve| have)? (?:got|have|saved|stored|noted)(?: on file| down)?)?"
    r"|(?P<kept>[a-z0-9\-' ]{1,40}?) (?:that |which )?you(?:'ve|'d| have| had)?"
    r" (?P<verb>saved|stored|noted|recorded|wrote down|written down|kept|listed|logged|remember"
    r"|remembered|put down|have|got)"
    r"(?: for me| about me| on file| down| saved| stored| on record| in (?:your |my |the )?"
    r"(?:notes|memory|file|records|system))*"
    r"|(?:the |my |that )?(?P<gave>[a-z0-9\-' ]{1,40}?) (?:that |which )?i (?:gave|told|sent)"
    r" you(?: (?:before|earlier|last (?:week|time|month)))?"
    r"|you(?:'ve| have)? (?:got )?me (?:down|listed|noted|saved|on file) as (?:a |an )?(?P<as>.+)"
    r"|(?:saved|stored|recorded) (?P<saved>[a-z0-9\-' ]{1,40})"
    r"|(?P<noted>[a-z0-9\-' ]{1,40}?) (?:in|on) (?:(?:your|my|the) )?(?:notes|file|records|profile"
    r"|memory))$"
)
STALE = re.compile(
    r"(?:\b(?:is|are|'s|was)|\s*=) (?:now |totally |completely |all |way |just |a bit )?(?:wrong"
    r"|outdated|out of date|out-of-date|incorrect|stale|obsolete|old news|not right|not correct"
    r"|not accurate|not true|inaccurate|old|dead|history|ancient history|void"
    r"|no longer (?:true|right|accurate|valid|correct"
    r"|relevant))"
    r"\b|\b(?:doesn't|does not|don't|do not) (?:apply|matter|hold)(?: anymore| any more)?\b"
    r"|\bno longer (?:applies|matters|holds)\b"
    r"|\b(?:can|could|should|may) (?:go|come (?:off|out)|be (?:taken off|deleted|removed|dropped"
    r"|erased|forgotten|cleared|binned|scrapped))\b"
)
"""A predicate saying a memory no longer holds ("…is out of date") or may go ("…can go")."""


def memory_reference(phrase: str, *, loose: bool = False) -> str | None:
    """The identifying words of a phrase naming a stored memory, or None.

    `loose` also accepts "the squat max you have": after "update", having is enough.
    """
    text = drop_lead(phrase.strip(" ,;:-"))
    found = _REF.match(lower(text))
    if found is None:
        return None
    if found.group("verb") in {"have", "got"} and not loose:
        return None
    groups = ("about", "named", "kept", "gave", "as", "saved", "noted")
    group = next(g for g in groups if found.group(g))
    return text[found.start(group) : found.end(group)]
