"""Forget requests: "forget that I…", "delete the note about my knee", "that's no longer true".

A forget yields a short query for `best_match`, plus any new fact stated alongside it
("forget that I hate burpees, I like them now"), so a correction is one request.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import before_clause, lead_kind
from agent.memory_rules.memory_refs import MEMORY_NOUNS, STALE, memory_reference
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.sentences import lower, strip_tail
from agent.memory_rules.word_lists import ONE_OFF, PRONOUN_ONLY

_FORGET_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<forget>forget)"
    r"|(?P<delete>delete|remove|erase|clear|wipe|drop|scrap|discard|purge|scratch|get rid of|ditch"
    r"|bin|toss|nuke|unsave|unpin|unstore)"
    r"|(?P<stop>stop (?:remembering|keeping track of|tracking|storing)|unremember"
    r"|(?:no need|(?:you )?(?:don't|do not) (?:need|have)) to (?:remember|keep track of|track"
    r"|keep|store|save)|(?:don't|do not) remember(?! to\b))"
    r"|(?P<update>update|change|correct|fix|edit|amend)"
    r"|(?P<nolonger>(?:that's|that is|it's|it is|this is|its) (?:no longer|not) (?:true|the case"
    r"|accurate|relevant|valid|right)(?: anymore)?|(?:is|are) no longer (?:true|the case|accurate"
    r"|relevant|valid))"
    r"|(?P<stale>" + STALE.pattern + ")"
    r")\b"
)
_KINDS = r"goals?|preferences?|rules?|nickname|allerg(?:y|ies)|restrictions?"
"""Kinds of memory: "delete my goal of a 500 deadlift" names a memory, "delete my workout" not."""
_MEMORY_NOUN = re.compile(
    r"^(?:the |that |this |my |your |any |those |these |all )?(?:old |previous |earlier |first )?"
    r"(?:memory|memories|note|notes|entry|entries|record|fact|info|information|one|thing|bit"
    r"|part|stuff|line|detail|details)"
    r"(?: (?:about|of|on|regarding|re|that|saying|where (?:i|you) (?:said|mentioned|noted|wrote"
    r"|told you)(?: that)?|where|for|with))?\s+(?P<q>.+)$"
    r"|^(?:the |that |this |my )?(?:old |previous )?"
    r"(?P<q2>[a-z0-9\- ]{1,40}?)"
    rf" (?:one|{MEMORY_NOUNS})\b(?P<rest>.*)$"
    r"|^(?:the |my |that )?(?:old|previous|outdated) (?P<q3>[a-z0-9\- ]{1,40}?)"
    r"(?=\s*(?:[,;.]|$|\s-\s))"
    rf"|^(?:my|the|that) (?P<q4>(?:{_KINDS})\b[^,;.]*)"
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
    rf" (?:thing|stuff|business|situation|issue|one|memory|note|{_KINDS})\b)"
)
_QUERY_LEAD = re.compile(
    r"^(?:\s|that\s|about\s|the fact that\s|(?:what )?i (?:said|told you|mentioned|wrote)"
    r"(?: about)?(?:\s|$)|everything (?:about|regarding)\s|all about\s"
    r"|(?:the |that |this |my |any )?(?:memory|memories|note|notes|thing|info|information|entry"
    r"|bit|part|stuff)(?: (?:about|that|on"
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
_DEICTIC = re.compile(
    r"^(?:that|this|those)(?: (?:note|memory|info|one|bit|entry|stuff))?(?: (?:anymore|any more"
    r"|on file|stored|saved|down))*[\s.!]*$"
)
"""A target that points back ("you don't need to keep that note anymore")."""
_STATE = re.compile(r"^(?P<subject>.+?) (?:is|are|'s|has been|have been|was|were|feels?) ")
_TALK = frozenset(
    "i asked ask said say mentioned mention told tell you it that anything this".split()
)
"""Words of "forget I asked" / "forget I said anything": the conversation, not a memory."""


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


def _back_reference(sentence: str, start: int) -> str:
    """What "that" points back to: the clause before, or the subject of a state clause.

    "my shoulder is fine now, you don't need to keep that note" points at "my shoulder".
    """
    clause = before_clause(sentence, start)
    state = _STATE.match(lower(clause))
    if state is None or lower(clause).startswith(("i ", "i'm ", "i've ")):
        return clause
    return clause[: state.end("subject")]


def _forget_parts(kind: str, sentence: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """The raw target and trailing text of one forget trigger, or None if not a forget.

    The flag is set when the forget corrects a note (it is wrong, or asked to be updated).
    """
    after = sentence[end:].strip()
    low_after = lower(after)
    question = sentence.rstrip().endswith("?")
    if kind == "nolonger":
        if re.search(r"[a-z]", low_after):
            return after.lstrip(" :,-"), "", False
        return before_clause(sentence, start), "", False
    if kind == "stale":
        subject = re.split(r"[,;:!]|\s-\s", sentence[:start])[-1]
        query = memory_reference(subject)
        return None if query is None or question else (query, after, True)
    lead = lead_kind(sentence[:start])
    if lead is None or (question and lead != "polite"):
        return None
    if kind == "update":
        first, _, rest = after.partition(",")
        query = memory_reference(first, loose=True)
        return None if query is None else (query, rest, True)
    if kind == "forget":
        if low_after.rstrip(" .!?") in {"that", "this"}:
            return before_clause(sentence, start), "", False
        if low_after.startswith("to ") or not _FORGET_OBJECT.match(low_after):
            return None
        return after, "", False
    if kind == "delete":
        for pattern in (_FROM_MEMORY, _MEMORY_NOUN, _WHAT_YOU_KNOW):
            match = pattern.match(low_after)
            if match:
                group = next(g for g in ("q", "q2", "q3", "q4") if match.groupdict().get(g))
                return (
                    after[match.start(group) : match.end(group)],
                    after[match.end(group) :],
                    False,
                )
        return None
    if _DEICTIC.match(low_after):
        return _back_reference(sentence, start), "", False
    if lower(sentence[start:end]).endswith(("keep", "store", "save")):
        return None  # "you don't need to keep it short": keeping what is not a memory
    return after, "", False


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
        target, tail, correcting = parts
        pieces = _SPLIT.split(target, maxsplit=1)
        if len(pieces) == 1 and re.match(r"\s*(?:that\s+)?(?:i|i'm|i've)\b", lower(target)):
            pieces = _split_at_new_subject(target)
        query = _clean_query(pieces[0])
        rest = " ".join(p for p in (pieces[1] if len(pieces) > 1 else "", tail) if p).strip()
        words = set(lower(query).split())
        if words <= PRONOUN_ONLY | _SESSION_NOUNS | _TALK or ONE_OFF.search(lower(query)):
            continue
        found = replacement(rest, query, message, correcting=correcting)
        return ForgetRequest(query=query, replacement=found)
    return None
