"""Forget requests: "forget that I…", "delete the note about my knee", "that's no longer true".

A forget yields a short query for `best_match`, plus any new fact stated alongside it
("forget that I hate burpees, I like them now"), so a correction is one request.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import before_clause, lead_kind
from agent.memory_rules.requests import ForgetRequest, MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import lower, strip_tail
from agent.memory_rules.word_lists import ADVERBS, ONE_OFF, PRONOUN_ONLY

_FORGET_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<forget>forget)"
    r"|(?P<delete>delete|remove|erase|clear|wipe|drop|scrap|discard|purge|scratch|get rid of|ditch"
    r"|bin|toss|nuke)"
    r"|(?P<stop>stop remembering|unremember|no need to remember|(?:you )?(?:don't|do not)"
    r" (?:need|have) to remember)"
    r"|(?P<nolonger>(?:that's|that is|it's|it is|this is|its) (?:no longer|not) (?:true|the case"
    r"|accurate|relevant|valid|right)(?: anymore)?|(?:is|are) no longer (?:true|the case|accurate"
    r"|relevant|valid))"
    r")\b"
)
_MEMORY_NOUN = re.compile(
    r"^(?:the |that |this |my |your |any |those |these |all )?(?:old |previous |earlier |first )?"
    r"(?:memory|memories|note|notes|entry|entries|record|fact|info|information|one|thing|bit"
    r"|part|stuff|line|detail|details)"
    r"(?: (?:about|of|on|regarding|re|that|saying|where (?:i|you) (?:said|mentioned|noted|wrote"
    r"|told you)(?: that)?|where|for|with))?\s+(?P<q>.+)$"
    r"|^(?:the |that |this |my )?(?:old |previous )?"
    r"(?P<q2>[a-z0-9\- ]{1,40}?)"
    r" (?:one|memory|note)\b(?P<rest>.*)$"
    r"|^(?:the |my |that )?(?:old|previous|outdated) (?P<q3>[a-z0-9\- ]{1,40}?)"
    r"(?=\s*(?:[,;.]|$|\s-\s))"
)
_FROM_MEMORY = re.compile(
    r"^(?P<q>.+?)\s+(?:from|out of) (?:your |my |the )?(?:memory|memories|notes|records|brain"
    r"|head|file)\b"
)
_WHAT_YOU_KNOW = re.compile(
    r"^(?:what|everything|anything) you (?:know|remember|have(?: saved| stored| noted)?|saved"
    r"|noted) (?:about|on|regarding) (?P<q>.+)$"
)
_FORGET_OBJECT = re.compile(
    r"^(?:that\b|about\b|what i\b|the fact\b|everything about\b|all about\b|my\b|i\b|i'm\b|i've\b"
    r"|the (?:memory|note|thing|bit|part|stuff)\b|that (?:memory|note|thing)\b|the [a-z\- ]{1,40}"
    r" (?:thing|stuff|business|situation|issue|one|memory|note)\b)"
)
_QUERY_LEAD = re.compile(
    r"^(?:\s|that\s|about\s|the fact that\s|what i (?:said|told you|mentioned|wrote)(?: about)?"
    r"(?:\s|$)|everything (?:about|regarding)\s|all about\s|(?:the |that |this |my |any )?(?:memory"
    r"|memories|note|notes|thing|info|information|entry|bit|part|stuff)(?: (?:about|that|on"
    r"|regarding|re|of|saying))?\s)+"
)
_QUERY_TRAIL = (
    "anymore,any more,please,now,for me,entirely,completely,ok,okay,thanks,too,as well,pls"
    ",altogether,permanently,coach,for good"
).split(",")
_SESSION_NOUNS = frozenset(
    "run ride swim lift workout workouts session wod metcon class warm-up warmup cooldown"
    " stretching training plan program programme sets reps set rest".split()
)
_QUERY_FILLER = frozenset("thing things stuff business one".split())
_DETERMINERS = frozenset("my me the a an this those these any all your".split())
_SPLIT = re.compile(r"\s*(?:[,;]|\s-\s|\.\s)\s*|\s+(?:but|because|since|cause|as)\s+")
_NEW_FACT_LEAD = re.compile(
    r"^(?:(?:so|and|now|actually|but|these days|nowadays|because|since|in fact|remember that"
    r"|note that|instead)[\s,]+)*(?=(?:i|i'm|i've|i'd|my|we)\b)"
)
# "drop the old 5k goal, it's now sub-20": the new value of what was forgotten.
_NEW_VALUE = re.compile(
    r"^(?:(?:and|so|but|since|because)\s+)?(?:(?:it'?s|it is|that'?s) now|the new one is|now it'?s"
    r"|replace (?:it|that) with|make (?:it|that)|change (?:it|that) to|update (?:it|that) to)"
    r"\s+(?P<value>.+)$"
)


def _clean_query(raw: str) -> str:
    """Reduce a forget target to its identifying words ("my shoulder thing" → "shoulder")."""
    text = _QUERY_LEAD.sub("", lower(raw).strip(" ,:;-"))
    words = strip_tail(text, _QUERY_TRAIL).split()
    clause = bool(words) and words[0] in {"i", "i'm", "i've", "i'd", "i'll"}
    kept = [w for w in words if w not in _QUERY_FILLER and (clause or w not in _DETERMINERS)]
    original = {w.lower(): w for w in raw.split()}
    return " ".join(
        "I" + w[1:] if w.startswith("i'") or w == "i" else original.get(w, w) for w in kept
    ).strip(" ,.;:")


def _object_of(query: str) -> str:
    """What a pronoun in the replacement refers to: "I hate burpees" → "burpees"."""
    tokens = query.split()
    if tokens and tokens[0].lower() in {"i", "i'm", "i've"}:
        idx = 1
        while idx < len(tokens) and tokens[idx].lower() in ADVERBS | {"not", "don't"}:
            idx += 1
        return " ".join(tokens[idx + 1 :])
    return query


def _replacement(rest: str, query: str, message: str) -> MemoryRequest | None:
    """A new fact stated after the forget ("…, I like them now"), pronouns resolved."""
    low = lower(rest)
    value = _NEW_VALUE.match(low.strip(" ,;:-"))
    if value is not None and query:
        said = rest.strip(" ,;:-")[value.start("value") :]
        subject = re.sub(r"^(?:old|previous|earlier)\s+", "", query, flags=re.IGNORECASE)
        return build_save(f"my {subject} is {said}", explicit=True, message=message)
    lead = _NEW_FACT_LEAD.match(low)
    if lead is None:
        return None
    text = rest[lead.end() :]
    obj = _object_of(query)
    if obj and len(obj.split()) <= 5:
        words = text.split()
        for idx in range(1, len(words)):
            core = words[idx].lower().strip(".,!?")
            if core in {"them", "it", "those", "these", "'em"}:
                words[idx] = obj + words[idx][len(core) :]
        text = " ".join(words)
    return build_save(text, explicit=False, message=message)


def _forget_parts(kind: str, sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The raw target and the trailing text of one forget trigger, or None if not a forget."""
    after = sentence[end:].strip()
    low_after = lower(after)
    if kind == "nolonger":
        if re.search(r"[a-z]", low_after):
            return after.lstrip(" :,-"), ""
        return before_clause(sentence, start), ""
    lead = lead_kind(sentence[:start])
    if lead is None or (sentence.rstrip().endswith("?") and lead != "polite"):
        return None
    if kind == "forget":
        if low_after.rstrip(" .!?") in {"that", "this"}:
            return before_clause(sentence, start), ""
        if low_after.startswith("to ") or not _FORGET_OBJECT.match(low_after):
            return None
        return after, ""
    if kind == "delete":
        for pattern in (_FROM_MEMORY, _MEMORY_NOUN, _WHAT_YOU_KNOW):
            match = pattern.match(low_after)
            if match:
                group = next(g for g in ("q", "q2", "q3") if match.groupdict().get(g))
                return after[match.start(group) : match.end(group)], after[match.end(group) :]
        return None
    return after, ""


def _split_at_new_subject(text: str) -> list[str]:
    """Split "I hate burpees I like them now" before the second "I" (no punctuation)."""
    words = text.split(" ")
    for idx in range(2, len(words)):
        if lower(words[idx]) in {"i", "i'm", "i've"}:
            return [" ".join(words[:idx]), " ".join(words[idx:])]
    return [text]


def forget_from_sentence(sentence: str, message: str) -> ForgetRequest | None:
    """Find a forget request in one sentence."""
    low = lower(sentence)
    for match in _FORGET_TRIGGER.finditer(low):
        parts = _forget_parts(match.lastgroup or "", sentence, match.start(), match.end())
        if parts is None:
            continue
        target, tail = parts
        pieces = _SPLIT.split(target, maxsplit=1)
        if len(pieces) == 1 and re.match(r"\s*(?:that\s+)?(?:i|i'm|i've)\b", lower(target)):
            pieces = _split_at_new_subject(target)
        query = _clean_query(pieces[0])
        rest = " ".join(p for p in (pieces[1] if len(pieces) > 1 else "", tail) if p).strip()
        if lower(query) in PRONOUN_ONLY | _SESSION_NOUNS or ONE_OFF.search(lower(query)):
            continue
        return ForgetRequest(query=query, replacement=_replacement(rest, query, message))
    return None
