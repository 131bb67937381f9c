"""Forget requests: "forget that I…", "delete the note about my knee", "that's no longer true".

A forget yields a short query for `best_match`, plus any new fact stated alongside it
("forget that I hate burpees, I like them now"), so a correction is one request.
"""

from __future__ import annotations

import re

from agent.memory_rules.forget_frames import change_stated_first, fronted_topic
from agent.memory_rules.lead_in import before_clause, drop_lead, lead_kind
from agent.memory_rules.memory_refs import MEMORY_NOUNS, STALE, memory_reference
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.sentences import lower, strip_tail
from agent.memory_rules.word_lists import ONE_OFF, PRONOUN_ONLY

_PLACE = (
    r"(?:your |my |the )?(?:memory|memories|notes|records?|brain|head|file|profile|list|goals"
    r"|preferences|constraints|injuries|injury list|equipment list|system)"
)
_FORGET_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<forget>forget|disregard|ignore|instead of (?:remembering|saving|noting|storing"
    r"|keeping(?: track of)?))"
    r"|(?P<delete>delete|remove|erase|clear|wipe|drop|scrap|discard|purge|scratch|get rid of|ditch"
    r"|bin|toss|nuke|unsave|unpin|unstore|let go of|undo|lift(?= (?:the|my|that) )"
    r"|take(?= (?:it|that|this|them) out\b)|take(?= .{1,60}? (?:off|out of) " + _PLACE + r"))"
    r"|(?P<stop>stop (?:remembering|keeping track of|tracking|storing|reminding me (?:of|about))"
    r"|unremember|(?:no need|(?:you )?(?:don't|do not) (?:need|have)|(?:i )?(?:don't|do not"
    r"|no longer) (?:need|want) you) to (?:remember|keep track of|track|keep|store|save|hold on to)"
    r"|(?:don't|do not) remember(?! to\b))"
    r"|(?P<update>update|change|correct|fix|edit|amend|replace|swap(?: out)?|overwrite|set)"
    r"|(?P<unkeep>(?:doesn't|does not|don't|do not) need to be (?:stored|saved|kept|remembered"
    r"|on file)|(?:shouldn't|should not) be (?:stored|saved|kept|on file))"
    r"|(?P<nolonger>no longer (?:true|relevant|accurate|valid|needed|applicable)(?=\s*:)"
    r"|(?:that's|that is|it's|it is|this is|its) (?:no longer|not) (?:true|the case"
    r"|accurate|relevant|valid|right)(?: anymore)?|(?:is|are) no longer (?:true|the case|accurate"
    r"|relevant|valid))"
    r"|(?P<stale>" + STALE.pattern + ")"
    r")\b"
)
_KINDS = r"goals?|preferences?|rules?|nickname|allerg(?:y|ies)|restrictions?|injur(?:y|ies)"
"""Kinds of memory: "delete my goal of a 500 deadlift" names a memory, "delete my workout" not."""
_MEMORY_NOUN = re.compile(
    r"^(?:the |that |this |my |your |any |those |these |all )?"
    r"(?:old |previous |earlier |first |last )?"
    r"(?:memory|memories|note|notes|entry|entries|record|fact|info|information|one|thing|bit"
    r"|part|stuff|line|detail|details)"
    r"(?: (?:about|of|on|regarding|re|that|saying|where (?:i|you) (?:said|mentioned|noted|wrote"
    r"|told you)(?: that)?|where|for|with))?\s+(?P<q>.+)$"
    r"|^(?:the |that |this |my )?(?:old |previous )?"
    r"(?P<q2>[a-z0-9\- ]{1,40}?)"
    rf" (?:one|{MEMORY_NOUNS})\b(?P<rest>.*)$"
    r"|^(?:the |my |that )?(?:old|previous|outdated) (?P<q3>[a-z0-9\- ]{1,40}?)"
    r"(?=\s*(?:[,;.?!]|$|\s-\s))"
    rf"|^(?:my|the|that) (?P<q4>(?:[a-z0-9\-]+ ){{0,3}}(?:{_KINDS})\b[^,;.]*)"
)
_FROM_MEMORY = re.compile(r"^(?P<q>.+?)\s+(?:from|out of|off) " + _PLACE + r"\b")
_WHAT_YOU_KNOW = re.compile(
    r"^(?:what|everything|anything|all|the stuff|the things?) (?:that )?(?:you (?:know|remember"
    r"|have(?: saved| stored| noted)?|saved|noted)|i (?:told you|said|mentioned|wrote|shared"
    r"|gave you)) (?:about|on|regarding|re) (?P<q>.+)$"
)
_FORGET_OBJECT = re.compile(
    r"^(?:that\b|about\b|(?:what|everything|anything|all) i\b|the fact\b|everything about\b"
    r"|all about\b|my\b|i\b|i'm\b|i've\b"
    r"|the (?:memory|note|thing|bit|part|stuff)\b|that (?:memory|note|thing)\b|the [a-z\- ]{1,40}"
    rf" (?:thing|stuff|business|situation|issue|one|memory|note|{_KINDS})\b)"
)
_QUERY_LEAD = re.compile(
    r"^(?:\s|that\s|about\s|the fact that\s|(?:(?:what|everything|anything|all) )?i (?:said"
    r"|told you|mentioned|wrote)"
    r"(?: about)?(?:\s|$)|everything (?:about|regarding)\s|all about\s"
    r"|(?:the |that |this |my |any )?(?:memory|memories|note|notes|thing|info|information|entry"
    r"|bit|part|stuff)(?: (?:about|that|on"
    r"|regarding|re|of|saying))?\s)+"
)
_QUERY_TRAIL = (
    "anymore,any more,please,now,for me,entirely,completely,ok,okay,thanks,too,as well,pls"
    ",altogether,permanently,coach,for good,earlier,before,last time,lol,haha,lmao,from now on"
    ",going forward"
).split(",")
_SESSION_NOUNS = frozenset(
    "run ride swim lift workout workouts session wod metcon class warm-up warmup cooldown"
    " stretching training plan program programme sets reps set rest".split()
)
_QUERY_FILLER = frozenset("thing things stuff business one".split())
_DETERMINERS = frozenset("my me the a an this those these any all your".split())
_SPLIT = re.compile(
    r"\s*(?:[,;]|\s-\s|\.\s)\s*|\s+(?:but|because|since|cause|as)\s+|\s+and\s+(?=(?:please |then"
    r" |also |just |instead )*(?:save|remember|note|store|keep|add|put|use|call|always|never"
    r"|don't|make|log|write|record|replace|update|give|program|schedule|from now on)\b)"
)
"""Where a forget's target ends: a boundary, a reason, or "and" before the next request."""
_WAS = re.compile(r"\b(?:not|instead of) (?P<old>[^,.;]+?)[.!]?$")
"""The old value in "I train at Gold's now, not Planet Fitness"."""
_BARE_PRONOUN = re.compile(r"(?:that|this|it|them)\b(?=\s*(?:[,;.!]|$|\s-\s))")
_DEICTIC = re.compile(
    r"^(that|this|those|it)(?: (?:note|memory|info|one|bit|entry|stuff))?(?: (?:anymore|any more"
    r"|out|on file|stored|saved|down|now|please|pls|too|as well|from " + _PLACE + r"))*[\s.!]*$"
)
"""A target that points back ("you don't need to keep that note anymore")."""
_SETTING = re.compile(
    r"^(?P<x>.{1,60}?)(?P<sep>\s+(?:to|with|for)(?:\s*:\s*|\s+)|\s*[,:=]\s*)(?P<y>\S.*)$"
)
"""What is updated and to what: "my goal to a sub-3", "the note about my gym, it's X"."""
_FROM_TO = re.compile(r"^(?P<x>my (?:[a-z0-9\-]+ ){0,3}?[a-z0-9\-]+) from (?P<a>.+)$")
_OLD_HELD = re.compile(
    r"\b(?:the |my )?(?:old|previous) (?:one|value|number|entry)\b|\bwhat you have\b"
    r"|\byou have (?:is|was)\b|\b(?:is|was) (?:wrong|outdated|out of date|stale|old)\b"
)
"""The sentence says the stored value is old: "update my weight to 79, the old one is wrong"."""
_REPLACING = frozenset({"replace", "swap", "swap out", "overwrite"})
"""Verbs that put a new value in place of a named memory ("replace my goal with …")."""
_PLACE_ONLY = re.compile(r"^" + _PLACE + r"[\s.!]*$")
_RETRACTED = re.compile(r"\b(?:anymore|any more|no longer)\b")
_KEPT = re.compile(r"\b(?:anymore|any more|on file|stored|saved)[\s.!]*$")
"""How "no need to keep my old 5k time anymore" says the thing kept is a memory."""
_FORGET_LABEL = re.compile(
    r"^(?:this|that|it|the following)?\s*(?:(?:from|out of|off) "
    + _PLACE
    + r"\s*)?:\s*(?P<q>\S.*)$"
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
_ONE_OFF = re.compile(rf"{ONE_OFF.pattern}|\b(?:this|next) (?:week|weekend)\b")
"""A one-off ("forget about them for this week"): the plan changes, no memory does."""
_TALK = frozenset(
    "i asked ask said say mentioned mention told tell you it that anything this".split()
)
"""Words of "forget I asked" / "forget I said anything": the conversation, not a memory."""


_EVERYTHING = re.compile(
    r"^(?:(?:absolutely |literally )?(?:everything|all|anything)(?: (?:that )?you (?:know"
    r"|have|remember|saved|stored|noted|kept)(?: saved| stored| on file)?)?(?: (?:about|on) me)?"
    r"|(?:my|your) (?:memories|saved (?:stuff|info|information)|notes on me)"
    r"|(?:all|every|each) (?:of )?(?:my |your |the )?(?:memories|memory|notes|saved (?:stuff|info"
    r"|information)|data|info|information|stored (?:stuff|info|information))(?: (?:about|on) me)?"
    rf"|everything (?:from|in|out of) {_PLACE})"
    r"(?: (?:please|pls|now|thanks|too|for me|permanently|for good))*[\s.!]*$"
)
"""The whole memory as the object: "delete everything you know about me", "clear all memories"."""
_CONVERSATION_TARGET = re.compile(
    r"\b(?:(?:last|previous|earlier|that|my|the) (?:message|msg|text|question|reply|answer)s?"
    r"|what i just (?:said|wrote|asked)|(?:that|the|my) typo)\b"
)
"""What was said in the chat ("ignore my last message"): not a stored memory."""


def _clean_query(raw: str) -> str:
    """Reduce a forget target to its identifying words ("my shoulder thing" → "shoulder")."""
    raw = raw.replace('"', " ")
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
    clause = _TRAILING_REQUEST.sub("", before_clause(sentence, start))
    if _RETRACTED.search(lower(clause)):  # "I don't hate X anymore" forgets "I hate X"
        clause = _NEGATORS.sub("", clause).strip()
    state = _STATE.match(lower(clause))
    if state is None or lower(clause).startswith(("i ", "i'm ", "i've ")):
        return clause
    return clause[: state.end("subject")]


def _pointed_at(sentence: str, start: int, pronoun: str) -> str | None:
    """What a pronoun object ("delete that", "forget it") names, if it names a memory.

    The clause before must name one ("the thing about my shoulder - delete that") or,
    for "that"/"this", state a fact of the athlete's ("I no longer have a home gym, remove
    that from your notes"); "never mind, forget it" names nothing.
    """
    clause = _back_reference(sentence, start)
    named = memory_reference(clause)
    if named is not None:
        return named
    if pronoun != "it" and re.match(r"(?:i|i'm|i've|my|we|our)\b", lower(clause)):
        return clause
    return None


def _delete_target(after: str) -> tuple[str, str] | None:
    """The target and trailing text after "delete"/"remove"…, if it names a memory."""
    low_after = lower(after)
    for pattern in (_FORGET_LABEL, _FROM_MEMORY, _MEMORY_NOUN, _WHAT_YOU_KNOW):
        match = pattern.match(low_after)
        if match:
            group = next(g for g in ("q", "q2", "q3", "q4") if match.groupdict().get(g))
            return after[match.start(group) : match.end(group)], after[match.end(group) :]
    return None


def _update_parts(sentence: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """Update and replace frames: "change the X you have, it's Y", "replace my goal with Y".

    Also "…, update your notes" after a retraction ("I don't have a bad knee anymore").
    """
    after = sentence[end:].strip()
    low_after = lower(after)
    if _PLACE_ONLY.match(low_after):
        clause = before_clause(sentence, start)
        retracted = _RETRACTED.search(lower(clause)) is not None
        return (_back_reference(sentence, start), "", False) if retracted else None
    parts = _SETTING.match(low_after)
    if parts is None:
        return None
    subject, value = after[: parts.end("x")], after[parts.start("y") :]
    if re.fullmatch(_PLACE, lower(subject)):
        return None  # "update my profile: …" is a save label
    query = memory_reference(subject, loose=True)
    # "replace my old goal with …" names a memory; "change my units to kg" states a setting
    # (a save, which consolidation turns into an update of the stored one)
    named = re.search(rf"^my (?:old |previous )?(?:\S+ ){{0,3}}?(?:{_KINDS})\b", lower(subject))
    replacing = lower(sentence[start:end]) in _REPLACING and named is not None
    changed = _FROM_TO.match(lower(subject))
    if changed is not None:  # "change my goal from the half to the full": both values given
        held = subject[: changed.end("x")]
        return f"{held} {subject[changed.start('a') :]}", f"{held} is {value}", True
    if query is None and not (replacing or _OLD_HELD.search(lower(sentence))):
        return None
    # a value given by "to", "with" or a colon is the new value outright
    new = value if parts.group("sep").strip() == "," else f"it's {value}"
    return query or subject, new, True


def _forget_parts(kind: str, sentence: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """The raw target and trailing text of one forget trigger, or None if not a forget.

    The flag is set when the forget corrects a note (it is wrong, or asked to be updated).
    """
    after = sentence[end:].strip()
    low_after = lower(after)
    question = sentence.rstrip().endswith("?")
    clauses = re.split(r"[,;:!]|\s-\s", sentence[:start])
    if kind == "nolonger":
        was = _WAS.search(low_after)
        if after.startswith((",", ";", "-")) and was is not None:  # "…, X now, not Y"
            return after[was.start("old") : was.end("old")], after.lstrip(" ,;-"), True
        if re.search(r"[a-z]", low_after):
            return after.lstrip(" :,-"), "", False
        return before_clause(sentence, start), "", False
    if kind in {"stale", "unkeep"}:
        subject = clauses[-1]
        if lower(subject).strip() in PRONOUN_ONLY and len(clauses) > 1:  # "X; that's old"
            subject = clauses[-2]
        query = memory_reference(subject)
        if kind == "unkeep":  # "my age doesn't need to be stored" names a memory itself
            query = query or drop_lead(subject.strip())
        return None if not query or question else (query, after, kind == "stale")
    lead = lead_kind(sentence[:start])
    topic = next((c for c in reversed(clauses) if c.strip()), "")
    fronted = fronted_topic(topic) if kind in {"forget", "delete"} else None
    if (lead is None and fronted is None) or (question and lead != "polite"):
        return None
    if kind == "update":
        return _update_parts(sentence, start, end)
    target, tail = (after, "")
    bare = _BARE_PRONOUN.match(low_after)
    found = _delete_target(after) if kind == "delete" else None
    if found is not None:
        target, tail = found
    elif bare is not None:  # "remove it, that was a mistake", "forget it, season's over"
        target, tail = after[: bare.end()], after[bare.end() :]
    elif kind == "delete":
        target = after if _DEICTIC.match(low_after) else ""
    pronoun = _DEICTIC.match(lower(target))
    if pronoun is not None and fronted is not None:
        return fronted, tail, False
    if pronoun is not None:
        if kind == "forget" and pronoun.group(1) != "it":
            return _back_reference(sentence, start), "", False
        pointed = _pointed_at(sentence, start, pronoun.group(1))
        return None if pointed is None else (pointed, tail, False)
    if kind == "forget" and (low_after.startswith("to ") or not _FORGET_OBJECT.match(low_after)):
        return None
    keeping = kind == "stop" and lower(sentence[start:end]).endswith(("keep", "store", "save"))
    if keeping and not _KEPT.search(re.split(r"[,;]|\s-\s", low_after)[0]):
        return None  # "you don't need to keep it short": keeping what is not a memory
    return (target, tail, False) if target else None


def _split_at_new_subject(text: str) -> list[str]:
    """Split "I hate burpees I like them now" before the second "I" (no punctuation)."""
    words = text.split(" ")
    for idx in range(2, len(words)):
        if lower(words[idx]) in {"i", "i'm", "i've"}:
            return [" ".join(words[:idx]), " ".join(words[idx:])]
    return [text]


def forget_from_sentence(sentence: str, message: str, following: str = "") -> ForgetRequest | None:
    """Find a forget request in one sentence; `following` may state its replacement."""
    low = lower(sentence)
    for match in _FORGET_TRIGGER.finditer(low):
        kind = match.lastgroup or ""
        if (
            kind in {"forget", "delete", "stop"}
            and _EVERYTHING.match(low[match.end() :].strip())
            and lead_kind(sentence[: match.start()]) is not None
        ):
            return ForgetRequest(query="everything", everything=True)
        if _CONVERSATION_TARGET.search(low[match.end() :]):
            continue
        parts = _forget_parts(kind, sentence, match.start(), match.end())
        if parts is None:
            continue
        target, tail, correcting = parts
        said = _QUERY_LEAD.match(lower(target))  # "I told you I hate X": split after the lead
        target = target[said.end() :] if said else target
        pieces = _SPLIT.split(target, maxsplit=1)
        if len(pieces) == 1 and re.match(r"\s*(?:that\s+)?(?:i|i'm|i've)\b", lower(target)):
            pieces = _split_at_new_subject(target)
        change = change_stated_first(sentence[: match.start()], pieces[0], message)
        if change is not None:  # "I used to X but now Y, so forget the old note"
            return ForgetRequest(query=change[0], replacement=change[1])
        query = _clean_query(pieces[0])
        rest = " ".join(p for p in (pieces[1] if len(pieces) > 1 else "", tail) if p).strip()
        words = set(lower(query).split())
        if words <= PRONOUN_ONLY | _SESSION_NOUNS | _TALK or _ONE_OFF.search(lower(target)):
            continue
        found = replacement(
            rest if rest.strip(" .!?") else following, query, message, correcting=correcting
        )
        return ForgetRequest(query=query, replacement=found)
    return None
