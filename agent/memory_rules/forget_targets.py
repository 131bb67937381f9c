"""Forget targets: what a forget names ("the note about my knee", "that", "my old goal").

The words after a forget verb, or the clause a pronoun points back to, reduced to a short
query for `best_match`. A target names a memory by a memory noun ("the X note"), a kind
("my goal", "the bulk numbers"), a place ("… from your notes") or a pronoun whose clause
states a fact of the athlete's.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import before_clause
from agent.memory_rules.memory_refs import MEMORY_NOUNS, STALE, memory_reference
from agent.memory_rules.sentences import lower, strip_tail

PLACE = (
    r"(?:your |my |the )?(?:memory|memories|notes|records?|brain|head|file|profile|list|goals"
    r"|preferences|constraints|injuries|injury list|equipment list|system"
    r"|(?:whatever|what) you(?:'ve| have)? (?:got|have|know|saved|stored)(?: (?:on|about) me)?)"
)

KINDS = (
    r"goals?|preferences?|rules?|nickname|allerg(?:y|ies)|restrictions?|injur(?:y|ies)"
    r"|constraints?|limits?|limitations?|targets?|numbers|schedule|pbs?|prs?|instructions?"
    r"|caps?|max(?:es)?|rest days?|days? off|race (?:days?|dates?)|training days?"
    r"|(?:body ?)?weight|age|height|birthday|job|trip|holiday|vacation|wedding|travel plans?"
)
"""Kinds of memory: "delete my goal of a 500 deadlift" names a memory, "delete my workout" not."""

_MEMORY_NOUN = re.compile(
    r"^(?:the |that |this |my |your |any |those |these |all )?"
    r"(?:old |previous |earlier |first |last )?"
    r"(?:memory|memories|note|notes|entry|entries|record|fact|info|information|one|thing|bit"
    r"|part|stuff|line|detail|details)"
    r"(?: (?:about|of|on|regarding|re|(?:that|which) says|that|saying"
    r"|where (?:i|you) (?:said|mentioned|noted|wrote"
    r"|told you)(?: that)?|where|for|with))?\s+(?P<q>.+)$"
    r"|^(?:the |that |this |my )?(?:old |previous )?"
    r"(?P<q2>[a-z0-9\-/%:' ]{1,40}?)"
    rf" (?:one|{MEMORY_NOUNS})\b(?P<rest>.*)$"
    r"|^(?:the |my |that )?(?:old|previous|outdated) (?P<q3>[a-z0-9\- ]{1,40}?)"
    r"(?=\s*(?:[,;.?!]|$|\s-\s))"
    rf"|^(?:my|the|that|this) (?P<q4>(?:[a-z0-9\-']+ ){{0,4}}(?:{KINDS})\b[^,;.]*)"
)

_VALUE = re.compile(
    r"^(?:the|my|that) (?P<q>\d+(?:[:.]\d+)+(?: ?(?:kg|kgs|lbs?|km|k|mi|s|sec|min|mins|%))?"
    r"|\d+ ?(?:kg|kgs|lbs?|km|k|mi|s|sec|min|mins|%))"
    r"(?=\s*(?:[,;.!]|$|\s-\s))"
)
"""A stored value named by itself, a time or a measure ("delete the 2:03.4", "the 140kg"):
the memory holding it. A bare count ("delete the 5") may be anything."""
_QUOTED = re.compile(r"^[\"'](?P<q>[^\"']{1,60})[\"']")
"""A memory quoted as the athlete remembers it (remove "hates swimming")."""
_FROM_MEMORY = re.compile(r"^(?P<q>.+?)\s+(?:from|out of|off) " + PLACE + r"\b")

_WHAT_YOU_KNOW = re.compile(
    r"^(?:what|everything|anything|all|the stuff|the things?) (?:that )?(?:you(?:'ve| have)?"
    r" (?:know|remember|have(?: saved| stored| noted)?|got|saved|noted)(?: (?:on|about) me)?"
    r"|i (?:just |earlier |previously )?(?:told you|said|mentioned|wrote|shared|gave you))"
    r"(?: earlier| before| last time| (?:last|the other|earlier this) (?:week|month|day|session)"
    r"| yesterday| a while (?:ago|back)| ages ago)? (?:about|on|regarding|re) (?P<q>.+)$"
    r"|^(?:anything|everything|all) (?:about|regarding|re) (?P<q2>.+)$"
)

QUERY_LEAD = re.compile(
    r"^(?:\s|that\s|about\s|the fact that\s|(?:(?:what|everything|anything|all) )?i"
    r" (?:just |ever |once )?(?:said|told you|mentioned|wrote)"
    r"(?: about)?(?:\s|$)|everything (?:about|regarding)\s|all about\s"
    r"|(?:the |that |this |my |any )?(?:memory|memories|note|notes|thing|info|information|entry"
    r"|bit|part|stuff)(?: (?:about|(?:that|which) says|that|on"
    r"|regarding|re|of|saying))?\s)+"
)

_QUERY_TRAIL = (
    "anymore,any more,please,now,for me,entirely,completely,ok,okay,thanks,too,as well,pls"
    ",altogether,permanently,coach,for good,earlier,before,last time,lol,haha,lmao,from now on"
    ",going forward,off"
).split(",")

_QUERY_FILLER = frozenset("thing things stuff business one".split())

_DETERMINERS = frozenset("my me the a an this those these any all your".split())

BARE_PRONOUN = re.compile(
    r"(?:that|this|it|them)\b(?=\s*(?:[,;.!]|$|\s-\s)|\s+(?:now|because|since|cause|bc|cos|as)\b)"
    r"|(?:it|them)\b(?=\s+(?:i|i'm|i've|my|we)\b)"
)
"""A pronoun object ending its clause: "forget it, …", "forget that now I've moved…"."""

DEICTIC = re.compile(
    r"^(that|this|those|it)(?: (?P<noun>note|memory|info|one|bit|entry|stuff|thing|preference"
    r"|rule|goal|constraint|restriction)| off)?(?: (?:anymore|any more"
    r"|out|on file|stored|saved|down|now|please|pls|too|as well|from " + PLACE + r"|(?:in|on) there"
    r"|in " + PLACE + r"))*[\s.!]*$"
)
"""A target that points back ("you don't need to keep that note anymore", "take it off")."""

RETRACTED = re.compile(r"\b(?:anymore|any more|no longer)\b")

_FORGET_LABEL = re.compile(
    r"^(?:this|that|it|the following)?\s*(?:(?:from|out of|off) " + PLACE + r"\s*)?:\s*(?P<q>\S.*)$"
)
"""A forget label ("erase: I hate burpees", "remove this from memory: …")."""

_TRAILING_REQUEST = re.compile(
    r"\s+(?:so|and|but|then)(?:\s+(?:you|can|could|please|just|now|i|want|need|to))*\s*$",
    re.IGNORECASE,
)

_NEGATORS = re.compile(
    r"\b(?:don't|do not|doesn't|no longer|not|anymore|any more)\b\s*|(?<=i)'m not\b",
    re.IGNORECASE,
)

_STATE = re.compile(r"^(?P<subject>.+?) (?:is|are|'s|has been|have been|was|were|feels?) ")


def clean_query(raw: str) -> str:
    """Reduce a forget target to its identifying words ("my shoulder thing" → "shoulder")."""
    raw = raw.replace('"', " ")
    stale = STALE.search(lower(raw))  # "the 'no running' note is outdated": the note named
    if stale is not None and stale.start() > 0:
        raw = memory_reference(raw[: stale.start()]) or raw[: stale.start()]
    text = QUERY_LEAD.sub("", lower(raw).strip(" ,:;-"))
    words = strip_tail(text, _QUERY_TRAIL).split()
    clause = bool(words) and words[0] in {"i", "i'm", "i've", "i'd", "i'll"}
    kept = [w for w in words if w not in _QUERY_FILLER and (clause or w not in _DETERMINERS)]
    original = {w.lower(): w for w in raw.split()}
    return " ".join(
        "I" + w[1:] if w.startswith("i'") or w == "i" else original.get(w, w) for w in kept
    ).strip(" ,.;:")


def back_reference(sentence: str, start: int) -> str:
    """What "that" points back to: the clause before, or the subject of a state clause.

    "my shoulder is fine now, you don't need to keep that note" points at "my shoulder".
    """
    clause = _TRAILING_REQUEST.sub("", before_clause(sentence, start))
    if RETRACTED.search(lower(clause)):  # "I don't hate X anymore" forgets "I hate X"
        clause = _NEGATORS.sub("", clause).strip()
    state = _STATE.match(lower(clause))
    if memory_reference(clause) is not None:  # "that was a joke about X": the clause names it
        return clause
    if state is None or lower(clause).startswith(("i ", "i'm ", "i've ")):
        return clause
    return clause[: state.end("subject")]


_SUBJECT = re.compile(r"\s+(?:is|are|was|were|'s|has been|have been)\s+", re.IGNORECASE)
"""Where a statement's subject ends: "the shoulder stuff | is cleared"."""
_KIND_NAMED = re.compile(
    rf"(?:the|my|that|this) (?:[a-z0-9\-]+ ){{0,3}}(?:{KINDS})(?: (?:about|of|for) [^,;]{{1,30}})?"
    r"(?= (?:is|are|was|'s) |$)"
)
"""A clause naming a stored kind as its subject ("the marathon goal [is off]", "the goal about
the sub-3 is off")."""
_TOLD_BEFORE = re.compile(
    r"(?:i (?:told you|said|mentioned)|you have me down as)(?: (?:before|earlier))?(?: that)?"
    r" (?P<q>.+?)(?=,| but\b| - |[.!?]|$)"
)
"""A sentence recalling what was told ("I told you I'm gluten free but…"): what "that"
in the sentence after points at, when that sentence states no fact of the athlete's."""


def pointed_at(
    sentence: str, start: int, pronoun: str, *, explicit: bool = False, previous: str = ""
) -> str | None:
    """What a pronoun object ("delete that", "forget it") names, if it names a memory.

    The clause before (or, when the request opens its sentence, the `previous` one) must
    name one ("the thing about my shoulder - delete that") or, for "that"/"this", state a
    fact of the athlete's ("I no longer have a home gym, remove that from your notes");
    "never mind, forget it" names nothing. An `explicit` object names a memory itself
    ("scrap that note", "drop it from my goals"), so any clause before is its topic.
    """
    clause = back_reference(sentence, start)
    told = back_reference(previous, len(previous)) if previous else ""
    whole = clause
    if not clause.strip(" .!?"):
        clause, whole, told = told, previous, ""
    # "update on the knee thing, it's healed - remove it": a clause of its own names it;
    # "the shoulder stuff is cleared! physio signed me off, no need to keep that": a subject
    parts = (clause, *re.split(r",\s*", whole)[:-1], _SUBJECT.split(clause)[0])
    parts += (told, _SUBJECT.split(told)[0]) if told.strip(" .!?") else ()
    named = next((found for part in parts if (found := memory_reference(part))), None)
    if named is not None:
        return named
    kind = next((hit for part in parts if (hit := _KIND_NAMED.match(lower(part)))), None)
    if kind is not None:  # "the marathon goal is off. Please remove it."
        return kind.string[: kind.end()]
    if explicit and clause.strip(" .!?"):
        return clause
    if pronoun != "it" and re.match(r"(?:i|i'm|i've|my|we|our)\b", lower(clause)):
        return clause
    recalled = _TOLD_BEFORE.match(lower(previous))  # "I told you X but… ! Y, you can drop that"
    if recalled is not None and not re.match(r"(?:i|i'm|i've|my|we|our)\b", lower(clause)):
        return previous[recalled.start("q") : recalled.end("q")]
    return None


def delete_target(after: str) -> tuple[str, str] | None:
    """The target and trailing text after "delete"/"remove"…, if it names a memory."""
    low_after = lower(after)
    for pattern in (_QUOTED, _FORGET_LABEL, _FROM_MEMORY, _MEMORY_NOUN, _WHAT_YOU_KNOW, _VALUE):
        match = pattern.match(low_after)
        if match:
            group = next(g for g in ("q", "q2", "q3", "q4") if match.groupdict().get(g))
            return after[match.start(group) : match.end(group)], after[match.end(group) :]
    return None
