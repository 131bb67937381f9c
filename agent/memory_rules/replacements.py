"""The new fact that replaces a forgotten one: "…, it's Crunch now", "…, I like them now".

A forget often comes with words after it. They are a replacement only when they state a
new value of what was forgotten: a change marker ("now", "instead", "these days"), a flip
of liking, "it's X", or a correction "188 not 192". A reason for forgetting is not one:
an event ("I pulled out", "I cancelled"), a resolution ("it's all healed now"), a wish
about the record itself ("I want to start fresh"), or the old value denied ("it isn't 140
anymore", "not chasing that anymore").
"""

from __future__ import annotations

import re

from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.save_requests import build_save, standalone_instruction
from agent.memory_rules.sentences import lower
from agent.memory_rules.similarity import polarity
from agent.memory_rules.word_lists import ADVERBS

_CLAUSES = re.compile(
    r"\s*(?:[,;]|:(?!\d)|\s-\s|\.\s|!\s?)\s*|\s+(?:but|because|since|cause)\s+"
    r"|\s+and\s+(?=(?:i|i'm|i've|my|we|it|it's|its|they|now|so|then|put|add|make|use|swap"
    r"|change|replace)\b)",
    re.IGNORECASE,
)
"""Where a clause ends; "and" only before a new subject or request ("tue and thu" is one)."""
_NEW_FACT_LEAD = re.compile(
    r"^(?:(?:so|and|now|actually|but|these days|nowadays|because|since|in fact|remember(?: that)?"
    r"|note that|instead)[\s,]+)*(?:(?:for|with|in|on|at|after|during) [^,;]{1,40}?,?\s+)?"
    r"(?=(?:i|i'm|i've|i'd|my|we)\b|(?:got|bought|switched to|moved to|joined) )"
)
"""What may open a new first-person fact: links, and one adverbial ("for technique questions")."""
_NEW_VALUE = re.compile(
    r"^(?:(?:and|so|but|since|because)\s+)?(?:(?:it'?s|it is|that'?s|its) now"
    r"|(?:the )?new (?:[a-z\-]+ ){0,2}?(?:one|goal|target|value|number|time|max|pr|pb|trainer"
    r"|shoes?|gym|bike|job|weight|day|coach|club|race)(?:'s| is)"
    r"|(?:the )?new (?:ones|goals|values|numbers|times|maxes|prs) are"
    r"|now(?: it)?(?:'s|s| is)|replace (?:it|that) with|make (?:it|that)|change (?:it|that) to"
    r"|update (?:it|that) to)\s+(?P<value>.+)$"
    r"|^(?:put|pencil|swap|sub|slot) (?:in )?(?P<instead>.+?) instead$"
    r"|^(?:it'?s|it is|its)\s+(?P<was>.+?)(?P<now>\s+now)?$"
)
"""A new value: "it's now X", "make it X"; "it's X" counts in a correction or with "now"."""
_MOVED = re.compile(
    r"^(?:(?:and|so|but|now)\s+)?(?:it|they|that|this)(?:'s| is| was| got| has| have)"
    r"(?: been| got)? (?:now )?(?P<moved>(?:moved|changed|pushed|bumped|switched|rescheduled"
    r"|postponed)"
    r"(?: back| forward| out| up)? (?:to|till|until) .+)$"
)
"""A forgotten date or place moved: "…, it got moved to Nov 9" (the new value with its verb)."""
_HEAD = re.compile(r"\s+(?:being|is|was|are|were|on|in|at)\b.*$")
"""Where what was forgotten stops naming its thing: "race being in October" → "race"."""
_CORRECTION = re.compile(
    r"^(?!(?:i|we|he|she|they|it|you)\b)(?P<value>[\w.:/+\-]+(?: ?[a-z%]{1,4})?) (?:not|instead of)"
    r" \S+$"
)
"""A corrected value: "188 not 192" (a clause with a subject, "I was not chosen", is none)."""
_CHANGE = re.compile(
    r"\b(?:now|instead|these days|nowadays|actually|currently|switched|moved|changed"
    r"|no longer|added|bought|sold|upgraded|installed|come (?:a)?round to|grown to"
    r"|warmed (?:up )?to|changed my mind|got into|getting into|got (?:a |some )?new)\b"
)
"""A change said of the athlete ("I've come around to it" flips a liking too)."""
_DENIAL = re.compile(
    r"^(?:not|no longer)\b|\b(?:anymore|any more)$"
    r"|^i (?:never|didn't|did not) (?:said|say|told|tell|mentioned|mention|wrote|write)\b"
)
"""The old value denied ("not 140 anymore"), or having said it at all ("I never said that")."""
_RESOLVED = re.compile(
    r"\b(?:fine|healed|better|recovered|sorted|resolved|over|gone|done|finished|ok|okay|good|cleared"
    r"|normal|100%|history|past|relevant|needed|necessary|applicable|true|valid)\b"
)
_MISTAKE = re.compile(
    r"\b(?:(?:was|is) (?:a )?(?:mistake|wrong|not true|a typo|incorrect)|my bad|i misspoke"
    r"|(?:i was|was|i'm|i am) (?:just |only )?(?:joking|kidding)"
    r"|never (?:was|had|did))\b"
)
"""The forgotten fact was never true: what follows is the truth, however it is put."""
_ABOUT_THE_RECORD = re.compile(
    r"\b(?:start (?:fresh|over|again)|fresh start|clean slate|stored|saved|on file|kept"
    r"|remembered|tracked|private|privacy)\b"
)


_LIKING = frozenset("hate hates like likes love loves enjoy enjoys dislike dislikes prefer".split())


def _object_of(query: str) -> str:
    """What a pronoun in the replacement refers to: "I hate burpees" → "burpees"."""
    tokens = query.split()
    if tokens and (tokens[0].lower().endswith("ing") or tokens[0].lower() in _LIKING):
        return " ".join(tokens[1:])  # "hating burpees", "hate yoga"
    if tokens and tokens[0].lower() in {"i", "i'm", "i've"}:
        idx = 1
        while idx < len(tokens) and tokens[idx].lower() in ADVERBS | {"not", "don't"}:
            idx += 1
        return " ".join(tokens[idx + 1 :])
    return query


def _resolve_pronouns(text: str, query: str) -> str:
    """Pronouns as the forgotten thing: "I like them now" after "I hate burpees"."""
    obj = _object_of(query)
    if not obj or len(obj.split()) > 5:
        return text
    words = text.split()
    for idx in range(1, len(words)):
        core = words[idx].lower().strip(".,!?")
        following = words[idx + 1].lower() if idx + 1 < len(words) else ""
        pronoun = core in {"them", "it", "'em"}
        # "those" and "these" stand alone as pronouns, not in "these days"
        if pronoun or (core in {"those", "these"} and following in ADVERBS | {"", "too"}):
            words[idx] = obj + words[idx][len(core) :]
    return " ".join(words)


def _first_person(
    clause: str, query: str, message: str, *, correcting: bool
) -> MemoryRequest | None:
    """A first-person clause stating the new fact ("I'm on days now").

    After "that was a mistake" any such clause is the truth ("I'm fine with dairy").
    """
    lead = _NEW_FACT_LEAD.match(lower(clause))
    if lead is None:
        return None
    text = clause[lead.end() :]
    if not re.match(r"(?:i|i'm|i've|i'd|my|we)\b", lower(text)):
        text = f"I {text}"  # "…, got new Hokas": the subject dropped
    flipped = polarity(text) * polarity(query) < 0
    if not correcting and (
        not (_CHANGE.search(lower(clause)) or flipped) or _RESOLVED.search(lower(text))
    ):
        return None
    return build_save(_resolve_pronouns(text, query), explicit=False, message=message)


def _value_span(low: str, *, correcting: bool) -> tuple[int, int, bool] | None:
    """Where the new value is in a lowercase clause, if it states one, and if it is a swap."""
    found = _NEW_VALUE.match(low)
    if found is not None and found.group("instead"):  # "put in Vasaloppet instead"
        return (*found.span("instead"), True)
    if found is not None and found.group("value"):
        return (*found.span("value"), False)
    if found is not None and (correcting or found.group("now")):
        return (*found.span("was"), False)
    found = _CORRECTION.match(low)
    return (*found.span("value"), False) if found else None


_NEW_LABEL = re.compile(
    r"\b(?P<new>new (?:goal|target|one|max|pr|pb|time|number|value|rest day|gym|weight))\s*:\s*",
    re.IGNORECASE,
)
"""A new value under its label ("new goal: sub 1:40"): read as "new goal is sub 1:40"."""
_NUMBER = re.compile(r"\d+(?:[:.,]\d+)*")
_ONE_OFF_WORDS = re.compile(r"\s*\b(?:today|tonight|yesterday|this (?:morning|evening|week))\b")


def _new_value(rest: str, query: str, message: str) -> MemoryRequest | None:
    """After a value is deleted ("delete the 2:03.4"), a clause with one value of its shape."""
    old = _NUMBER.fullmatch(query.split()[0]) if query.split() else None
    if old is None:
        return None
    shape = re.sub(r"\d+", "9", old.group(0))
    clause = _CLAUSES.split(rest.strip(" ,;:-"))[0]
    found = _NUMBER.findall(clause)
    if len(found) != 1 or re.sub(r"\d+", "9", found[0]) != shape:
        return None
    return build_save(_ONE_OFF_WORDS.sub("", clause), explicit=True, message=message, min_words=1)


_CAME_AROUND = re.compile(
    r"\b(?:i've|i have|i) (?:come around|came around|changed my mind|warmed (?:up )?to (?:it|them))"
    r"|\b(?:they're|they are|it's|it is|that's) (?:fine|ok|okay|alright|good) (?:now|these days)\b"
)
_AGAINST = re.compile(
    r"^(?:(?:the|my|that) )?(?:no[- ]|anti[- ])(?P<x>[a-z\- ]+?)(?: thing| rule)?$"
)
"""A dislike or ban forgotten ("scratch the no-burpees thing"), whose object comes back."""


def _came_around(rest: str, query: str, message: str) -> MemoryRequest | None:
    """After a dislike forgotten, "I've come around, they're fine now": fine with it now."""
    if _CAME_AROUND.search(lower(rest)) is None:
        return None
    banned = _AGAINST.match(lower(query.strip()))
    if banned is not None:
        thing = query.strip()[banned.start("x") : banned.end("x")].replace("-", " ")
    elif polarity(query) < 0:
        thing = _object_of(query)
    else:
        return None
    return build_save(f"I'm fine with {thing} now", explicit=True, message=message, min_words=1)


def replacement(
    rest: str, query: str, message: str, *, correcting: bool = False
) -> MemoryRequest | None:
    """The new fact in the words after a forget, or None when they only give a reason.

    `correcting` is set when the forget itself says the note is wrong or asks to update
    it: then a bare "it's X" is the new value, not a remark.
    """
    if _ABOUT_THE_RECORD.search(lower(rest)):
        return None
    value = _new_value(rest, query, message) or _came_around(rest, query, message)
    if value is not None:  # "delete the 2:03.4, went 2:01.9 today"
        return value
    rest = _NEW_LABEL.sub(r"\g<new> is ", rest)
    mistaken = _MISTAKE.search(lower(rest)) is not None
    subject = re.sub(r"^(?:old|previous|earlier)\b\s*", "", query, flags=re.IGNORECASE)
    for clause in _CLAUSES.split(rest.strip(" ,;:-")):
        low = lower(clause).strip(" .!?")
        if not low or _DENIAL.search(low) or _MISTAKE.search(low):
            continue  # "…, I was joking. I eat everything": the truth comes after
        moved = _MOVED.match(low)
        if moved is not None and subject:  # "…the race in May, it got moved to June"
            head = _HEAD.sub("", subject)
            said = clause.strip(" .!?")[moved.start("moved") :]
            return build_save(f"my {head} got {said}", explicit=True, message=message)
        held = re.match(rf"(?:my |the )?{re.escape(lower(subject))} (?:is|are|'s)\b", low)
        if correcting and subject and held:  # "that rest day note is wrong, rest day is Friday"
            return build_save(clause.strip(" .!?"), explicit=True, message=message, min_words=1)
        span = _value_span(low, correcting=correcting)
        if span is not None:
            said = clause.strip(" .!?")[span[0] : span[1]]
            if _RESOLVED.search(lower(said)):
                return None
            # "drop the old one, it's now X": no subject left to name, so the value alone
            plural = subject.endswith("s") and not subject.endswith("ss")
            fact = f"my {subject} {'are' if plural else 'is'} {said}" if subject else said
            if span[2]:
                fact = f"{said} instead of {subject}" if subject else said
            return build_save(fact, explicit=True, message=message, min_words=1)
        found = _first_person(
            clause.strip(), query, message, correcting=mistaken or correcting
        ) or standalone_instruction(clause.strip(), message)
        if found is not None:
            return found
    return None
