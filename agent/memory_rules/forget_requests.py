"""Forget requests: "forget that I…", "delete the note about my knee", "that's no longer true".

A forget yields a short query for `best_match`, plus any new fact stated alongside it
("forget that I hate burpees, I like them now"), so a correction is one request.
"""

from __future__ import annotations

import re

from agent.memory_rules.change_news import change_told_first
from agent.memory_rules.forget_frames import change_stated_first, fronted_topic
from agent.memory_rules.forget_targets import (
    BARE_PRONOUN,
    DEICTIC,
    KINDS,
    PLACE,
    QUERY_LEAD,
    back_reference,
    clean_query,
    delete_target,
    pointed_at,
)
from agent.memory_rules.lead_in import before_clause, drop_lead, lead_kind
from agent.memory_rules.memory_refs import MEMORY_NOUNS, STALE, memory_reference
from agent.memory_rules.one_offs import dismissed
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.sentences import lower
from agent.memory_rules.updates import update_parts
from agent.memory_rules.value_changes import told_topic
from agent.memory_rules.word_lists import BODY, ONE_OFF, PRONOUN_ONLY

_FORGET_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<forget>forget|(?<=mind )forgetting|disregard|ignore|pay no attention to"
    r"|instead of (?:remembering|saving"
    r"|noting|storing"
    r"|keeping(?: track of)?))"
    r"|(?P<delete>(?:delete|remove|erase|clear|wipe|drop|scrap|discard|purge|scratch|ditch|bin"
    r"|toss|nuke|chuck)(?: out| away| off)"
    r"(?= (?:the|my|that|this|those|it|all|every|everything|any|what)\b)"
    r"|throw (?:out|away)(?= (?:the|my|that) (?:old |previous )?(?:[a-z0-9\-]+ ){0,3}(?:"
    + KINDS
    + "|"
    + MEMORY_NOUNS
    + r")\b)"
    r"|(?<=mind )(?:deleting|removing|erasing|dropping|scrapping)|delete|remove|erase|clear|wipe"
    r"|drop|scrap|discard|purge|scratch|get rid of|ditch|kill|axe|trash|x out|retract"
    r"|bin|toss|nuke|unsave|unpin|unstore|let go of|undo|lift(?= (?:the|my|that) )"
    r"|strike(?: out| off)?|cross (?:out|off)|chuck out"
    r"|take(?= (?:the|my|that|this|those) [a-z0-9\- ]{1,30}? off\b)"
    r"|take (?:off|out)(?= (?:the|my|that|this) )|take(?= (?:it|that|this|them) (?:out|off)\b)"
    r"|take(?= .{1,60}? (?:off|out of) " + PLACE + r"))"
    r"|(?P<stop>stop (?:remembering|keeping track of|tracking|storing|reminding me (?:of|about))"
    r"|(?:(?:i|we) )?(?:don't|do not|no longer) need(?= (?:the|that|this|my|those|your)"
    r" (?:[a-z0-9\-/]+ ){0,4}(?:note|notes|memory|memories|info|entry)\b)"
    r"|(?:stop|no need to|no longer need to|(?:you )?(?:don't|do not) (?:need|have) to)"
    r" (?:factor(?:ing)? in|account(?:ing)? for|work(?:ing)? around|plan(?:ning)? around"
    r"|program(?:ming)? around|accommodat(?:e|ing)|bab(?:y|ying))"
    rf"(?= (?:my|that|this|those|it|them)\b| the (?:[a-z\-]+ )?(?:{BODY}|{MEMORY_NOUNS}|{KINDS})\b)"
    r"|unremember|(?:no need|(?:you )?(?:don't|do not) (?:need|have)|(?:i )?(?:don't|do not"
    r"|no longer) (?:need|want) you) to (?:remember|keep track of|track|keep|store|save|hold on to)"
    r"|(?:don't|do not) remember(?! to\b| (?:the (?:last|first)|when|how|what|where|if|whether"
    r"|ever|much|exactly|anything about|a time|a day)\b)"
    r"|(?:don't|do not|stop) (?:(?:keep|store|sav)(?:e|ing)?"
    r"|hold(?:ing)? on ?to|hang(?:ing)? on to)"
    r"(?= (?:the|my|that|this|what|any|anything|everything|all|those|these)\b))"
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
_FORGET_OBJECT = re.compile(
    r"^(?:that\b|about\b|(?:what|everything|anything|all) i\b|the fact\b|everything about\b"
    r"|all about\b|my\b|i\b|i'm\b|i've\b"
    r"|the (?:memory|note|thing|bit|part|stuff)\b|that (?:memory|note|thing)\b"
    r"|(?:the|my) (?:old|previous|former) [a-z0-9\-]+\b"
    r"|(?:the |that |this )?[a-z0-9\- ]{1,40}"
    rf" (?:thing|stuff|business|situation|issue|one|memory|note|{KINDS})\b"
    rf"|(?:the |that |this )?'[a-z0-9\- ]{{1,40}}' (?:thing|one|memory|note|{KINDS})\b)"
)
_SESSION_NOUNS = frozenset(
    "run ride swim lift workout workouts session wod metcon class warm-up warmup cooldown"
    " stretching training plan program programme sets reps set rest".split()
)
_SPLIT = re.compile(
    r"\s*(?:[,;]|\s-\s|\.\s)\s*|\s+(?:but|because|since|cause|as)\s+"
    r"|\s+(?=(?:it|they|that|this)(?:'s| is| was| got| has been| have been) (?:now |been )?"
    r"(?:moved|changed|pushed|bumped|switched|rescheduled|postponed)\b)"
    r"|\s+and\s+(?=(?:please |then"
    r" |also |just |instead )*(?:save|remember|note|store|keep|add|put|use|call|always|never"
    r"|don't|make|log|write|record|replace|update|give|program|schedule|from now on)\b)"
)
"""Where a forget's target ends: a boundary, a reason, "and" before the next request, or a
change of the target told in run-on talk ("…about the race being in May it got moved…")."""
_WAS = re.compile(r"\b(?:not|instead of) (?P<old>[^,.;]+?)[.!]?$")
"""The old value in "I train at Gold's now, not Planet Fitness"."""
_MAY_GO = re.compile(r"(?:can|could|should|may)\b")
"""A stale memory that may go ("…can go") is dropped, not corrected."""
_FROM_PLACE = re.compile(rf"(?:that|this|it|them|those)\s+(?:from|out of|off) {PLACE}")
"""A pronoun taken out of a place that holds memories ("drop it from my goals")."""
_OWN_ATTRIBUTE = re.compile(r"(?:my|the) (?P<a>[a-z0-9\-' ]{1,30})$")
_DATED = re.compile(r"\b(?:outdated|out of date|out-of-date|stale|obsolete|old news)\b")
"""Only held information goes out of date: "my weight's outdated" names the stored weight
(unlike "my form is wrong", which is about the lift)."""
_KEPT = re.compile(r"\b(?:anymore|any more|on file|stored|saved|(?:in|on) there)[\s.!]*$")
"""How "no need to keep my old 5k time anymore" says the thing kept is a memory."""
_NOT_STORED = re.compile(
    r"\b(?:don't|do not|no longer) want (?:that|it|this|them) (?:stored|saved|kept|on file"
    r"|in your notes|remembered)\b"
)
"""Why "stop keeping my weight" is about a memory: "…, I don't want that stored"."""
_RUN_ON = re.compile(r"(?:that|this|it)\s+(?=(?:my|i|i'm|i've|we|we're|they're|it's)\b)")
"""A pronoun pointing at a fronted topic, then a new clause with no stop between."""
_ONE_OFF = re.compile(
    rf"{ONE_OFF.pattern}|\b(?:this|next) (?:week|weekend)\b"
    r"|\bfor (?:a while|a bit|the moment|the time being|a few (?:days|weeks))\b"
)
"""A one-off ("forget about them for this week"): the plan changes, no memory does."""
_KEEPING = ("keep", "store", "save", "keeping", "storing", "saving")
_ONLY_NOW = frozenset({"now", "anymore", "any more", "too"})
"""What may end a correction's own sentence, leaving the new value to the next one."""
_A_DAY = re.compile(
    r"(?:about )?(?:yesterday|last (?:night|week|weekend|session|time|month)"
    r"|(?:yesterday's|last week's|that) (?:session|workout|run|race|game|wod))"
)
"""A day or session behind as the whole target ("forget about yesterday"): put behind, no
memory dropped."""
_TALK = frozenset(
    "i asked ask said say mentioned mention told tell you it that anything this".split()
)
"""Words of "forget I asked" / "forget I said anything": the conversation, not a memory."""


_FIRST_PERSON_TARGET = re.compile(r"\b(?:my|i|i'm|i've|me)\b")
_REPLACING = re.compile(r"\b(?:now|instead|anymore|any more|these days)\b")
_EVERYTHING = re.compile(
    r"^(?:(?:absolutely |literally )?(?:everything|all|anything)(?: (?:that )?you(?:'ve| have)?"
    r" (?:know|have|got|remember|saved|stored|noted|kept)(?: saved| stored| on file)?)?"
    r"(?: (?:about|on) me)?"
    r"|(?:my|your) (?:memories|saved (?:stuff|info|information)|notes on me)"
    r"|(?:all|every|each) (?:of )?(?:my |your |the )?(?:memories|memory|notes|saved (?:stuff|info"
    r"|information)|data|info|information|stored (?:stuff|info|information))(?: (?:about|on) me)?"
    rf"|everything (?:from|in|out of) {PLACE})"
    r"(?: (?:please|pls|now|thanks|too|for me|permanently|for good))*[\s.!]*$"
)
"""The whole memory as the object: "delete everything you know about me", "clear all memories"."""
_CONVERSATION_TARGET = re.compile(
    r"\b(?:(?:last|previous|earlier|that|my|the) (?:message|msg|text|question|reply|answer)s?"
    r"|what i just (?:said|wrote|asked)(?! about)|(?:that|the|my) typo"
    r"|you (?:just )?(?:sent|wrote|suggested|posted|shared|gave me)(?: me)?)\b"
)
"""What was said in the chat ("ignore my last message", "the info you sent"): not a memory."""


def _forget_parts(
    kind: str, sentence: str, span: tuple[int, int], previous: str
) -> tuple[str, str, bool] | None:
    """The raw target and trailing text of one forget trigger, or None if not a forget.

    The flag is set when the forget corrects a note (it is wrong, or asked to be updated).
    `previous` is the sentence before, which a pronoun opening this one may point at.
    """
    start, end = span
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
        named = memory_reference(clauses[-1])  # "X, so the note saying Y is no longer accurate"
        if named is not None:
            return named, ", ".join(clauses[:-1]), False
        return before_clause(sentence, start), "", False
    if kind in {"stale", "unkeep"}:
        subject = clauses[-1]
        if lower(subject).strip() in PRONOUN_ONLY and len(clauses) > 1:  # "X; that's old"
            subject = clauses[-2]
        # "the FTP you have is old": a predicate of staleness makes having it enough
        query = memory_reference(subject, loose=kind == "stale") or told_topic(subject)
        own = _OWN_ATTRIBUTE.match(lower(drop_lead(subject.strip())))
        if query is None and own is not None and _DATED.search(lower(sentence[start:end])):
            query = drop_lead(subject.strip())[own.start("a") :]  # "my weight's outdated"
        if kind == "unkeep":  # "my age doesn't need to be stored" names a memory itself
            query = query or drop_lead(subject.strip())
        wrong = kind == "stale" and not _MAY_GO.match(lower(sentence[start:end]))
        return None if not query or question else (query, after, wrong)
    lead = lead_kind(sentence[:start])
    # "what I said about X - you can drop that": a bare request clause fronts nothing itself
    spoken = [c for c in clauses if c.strip()]
    if len(spoken) > 1 and not drop_lead(spoken[-1]).strip():
        spoken.pop()
    topic = spoken[-1] if spoken else ""
    fronted = fronted_topic(topic) if kind in {"forget", "delete"} else None
    if (lead is None and fronted is None) or (question and lead != "polite"):
        return None
    if kind == "update":
        return update_parts(sentence, start, end)
    target, tail = (after, "")
    bare = BARE_PRONOUN.match(low_after)
    found = delete_target(after) if kind == "delete" else None
    first = DEICTIC.match(re.split(r"[,;]|\s-\s", low_after, maxsplit=1)[0])
    if kind == "delete" and DEICTIC.match(low_after):
        target = after  # "scrap that note": the noun says it is a memory
    elif kind == "delete" and first is not None and first.group("noun"):
        target, tail = after[: first.end()], after[first.end() :]  # "remove this goal, I…"
    elif found is not None:
        target, tail = found
    elif bare is not None:  # "remove it, that was a mistake", "forget it, season's over"
        target, tail = after[: bare.end()], after[bare.end() :]
        named = memory_reference(tail.strip(" ,;:-.!"))
        if named is not None:  # "forget it, the spanish thing": the topic comes after
            return named, "", False
    elif kind == "delete":
        target = ""
    run_on = _RUN_ON.match(low_after)
    if fronted is not None and run_on is not None:  # "that note about X you can bin that my…"
        return fronted, after[run_on.end() :], False
    pronoun = DEICTIC.match(lower(target))
    if pronoun is not None and fronted is not None:
        return fronted, tail, False
    if pronoun is not None:
        said_before = back_reference(sentence, start)
        if kind == "forget" and pronoun.group(1) != "it" and said_before.strip(" .!?"):
            return said_before, "", False
        explicit = pronoun.group("noun") is not None or _FROM_PLACE.match(low_after) is not None
        pointed = pointed_at(
            sentence, start, pronoun.group(1), explicit=explicit, previous=previous
        )
        return None if pointed is None else (pointed, tail, False)
    if kind == "forget" and (low_after.startswith("to ") or not _FORGET_OBJECT.match(low_after)):
        return None
    keeping = kind == "stop" and lower(sentence[start:end]).endswith(_KEEPING)
    names = delete_target(after) is not None or memory_reference(after) is not None
    kept = _KEPT.search(re.split(r"[,;]|\s-\s", low_after)[0]) or _NOT_STORED.search(low_after)
    if keeping and not names and not kept:
        return None  # "you don't need to keep it short": keeping what is not a memory
    return (target, tail, False) if target else None


def _split_at_new_subject(text: str) -> list[str]:
    """Split "I hate burpees I like them now" before the second "I" (no punctuation)."""
    words = text.split(" ")
    for idx in range(2, len(words)):
        if lower(words[idx]) in {"i", "i'm", "i've"}:
            return [" ".join(words[:idx]), " ".join(words[idx:])]
    return [text]


def _dismissal(target: str, rest: str) -> bool:
    """Whether "forget X, I just want Y" waves X away rather than drops a memory.

    X names no memory of the athlete's, and Y says what matters without "now" or
    "instead" (which would make it a replacement).
    """
    low = lower(target)
    return (
        dismissed(rest)
        and _FIRST_PERSON_TARGET.search(low) is None
        and memory_reference(target) is None
        and _REPLACING.search(lower(rest)) is None
    )


def forget_from_sentence(
    sentence: str, message: str, following: str = "", previous: str = ""
) -> ForgetRequest | None:
    """Find a forget request in one sentence.

    `following` may state its replacement; `previous` may be what a pronoun points at.
    """
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
        parts = _forget_parts(kind, sentence, match.span(), previous)
        if parts is None:
            continue
        target, tail, correcting = parts
        said = QUERY_LEAD.match(lower(target))  # "I told you I hate X": split after the lead
        target = target[said.end() :] if said else target
        pieces = _SPLIT.split(target, maxsplit=1)
        if len(pieces) == 1 and re.match(r"\s*(?:that\s+)?(?:i|i'm|i've)\b", lower(target)):
            pieces = _split_at_new_subject(target)
        change = change_stated_first(sentence[: match.start()], pieces[0], message)
        if change is not None:  # "I used to X but now Y, so forget the old note"
            return ForgetRequest(query=change[0], replacement=change[1])
        query = clean_query(pieces[0])
        rest = " ".join(p for p in (pieces[1] if len(pieces) > 1 else "", tail) if p).strip()
        if kind == "forget" and _dismissal(pieces[0], rest):
            continue  # "forget about the leaderboard, I just want to get better"
        words = set(lower(query).split())
        if (
            words <= PRONOUN_ONLY | _SESSION_NOUNS | _TALK
            or _ONE_OFF.search(lower(pieces[0]))
            or _A_DAY.fullmatch(lower(pieces[0]).strip(" .!"))
        ):
            continue
        found = replacement(
            rest if rest.strip(" .!?") else following, query, message, correcting=correcting
        )
        if found is None and rest.strip(" .!?") and following:  # "…, I cancelled. I'm at X now"
            found = replacement(f"{rest}. {following}", query, message, correcting=correcting)
        if found is None and kind == "stale" and correcting:  # "X moved, so the Y note is old"
            found = change_told_first(
                re.split(r"[,;]|\s-\s", sentence[: match.start()])[:-1], message
            )
        if found is None and correcting and lower(rest).strip(" .!?") in _ONLY_NOW:
            found = replacement(following, query, message, correcting=True)  # "…wrong now. It's Y"
        return ForgetRequest(query=query, replacement=found)
    return None
