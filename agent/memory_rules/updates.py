"""Corrections that point back: "my squat max is 140 now, update that", "…, fix that pls".

The new fact comes first and the request after it: a verb of changing in imperative
position whose object is a pronoun or names what the coach holds ("update what you
have", "change the date you have"). The text before must say what changed: either "I
said / told you X but/well Y" (X is forgotten, Y replaces it) or a statement with a
change marker ("…is 140 now", "my race got moved to Nov 3"), whose subject names the
memory to replace. "change my goal from A to B" carries both values itself.

`update_parts` reads the frames that carry their new value after the verb: "change the X
you have, it's Y", "replace my goal with Y", "swap the goal, new one is Y".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.change_news import CHANGED, asks_for_it, changed_subject, news_before
from agent.memory_rules.forget_targets import KINDS, PLACE, RETRACTED, back_reference
from agent.memory_rules.lead_in import before_clause, drop_lead, lead_kind, strip_request
from agent.memory_rules.memory_refs import MEMORY_NOUNS, STALE, memory_reference
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower
from agent.memory_rules.value_changes import new_not_old
from agent.memory_rules.word_lists import NUMBER, SESSIONS

_GENERIC = r"(?:number|value|figure|version|one)s?"
"""Nouns that name a held value by its shape only ("overwrite the old number")."""
_HELD = (
    r"what you (?:have|got|saved|stored|noted)(?: (?:on file|saved|stored|down|for me))?"
    r"(?: (?:about|on|for|regarding) (?P<about>[a-z0-9\-' ]{1,40}?))?"
    r"|(?:the|my|that) (?P<held>[a-z0-9\- ]{1,30}?) (?:you(?:'ve| have)? (?:have|got|saved"
    r"|stored|noted)|on file|in your notes)"
    r"|(?:the|my|that|your) (?:old |previous |outdated |current )?(?P<named>(?:[a-z0-9\-]+ ){0,2}?"
    rf"(?:{KINDS}|{MEMORY_NOUNS}|{_GENERIC}|records|file|profile|details|days|times|dates|slots?"
    r"|hours))"
)
"""What the coach holds, as the object of a correction: "what you have about X", "my goal"."""
_UPDATE = re.compile(
    r"\b(?:update|change|correct|fix|edit|amend|switch|swap|replace|adjust|modify|overwrite)"
    rf"(?: (?:that|it|this|those|{_HELD}))?(?: (?:over|in|out|across))?"
    r"(?: instead(?: of (?:the |my )?(?:old|previous|last) (?:one|note|version|info))?)?"
    r"(?: (?:please|pls|for me|too|then|now|accordingly|as well|thanks|everywhere"
    r"|in (?:your|my) (?:notes|file|profile|records)))*[\s.!,?]*$"
)
_SAID = re.compile(
    r"^(?:(?:you know how|remember how|before|earlier|last time|previously),? )?"
    r"(?:i (?:told you|said|mentioned|wrote|had said)|you have)(?: that)? (?P<old>.+?)"
    r"(?:,\s*|\s+)(?:but|well|and|though)?\s*(?P<new>(?:now|it's|its|it is|i'm|i am|actually"
    r"|these days|nowadays)\b.*)$"
)
"""What the athlete said before and what holds now, in one breath."""
_SUBJECT = re.compile(
    r"^(?:(?:actually|so|and|well|oh),? )*(?P<subject>my (?:[a-z0-9\-']+ ){0,3}?[a-z0-9\-']+)"
    r" (?:is|are|was|were|'s|has|have|got|changed|moved|switched)\b"
)
_STATED_OLD = re.compile(r" (?:is|are|was|were|'s) .*$")
_FRESH = re.compile(r"(?:now|it'?s now|(?:the )?new ones?)\b")
"""A value given as the new one ("change the bjj days, now it's tue and thu")."""
_SESSION = re.compile(SESSIONS)
"""A session noun heading what is changed ("change the workout"): a plan, no memory."""
_AGENT = re.compile(
    r"\b(?:changed|moved|switched|updated|raised|lowered|adjusted) (?:my|our) (?P<what>[a-z0-9\-]+)"
)
"""Someone changed my X ("my coach changed my zones"): X is what the memory holds."""


_SETTING = re.compile(
    r"^(?P<x>.{1,60}?)(?P<sep>\s+(?:to|with|for)(?:\s*:\s*|\s+)|\s*[,:=]\s*)(?P<y>\S.*)$"
)
"""What is updated and to what: "my goal to a sub-3", "the note about my gym, it's X"."""

_LISTED = re.compile(
    r"list|details|info|information|numbers|stats|setup|equipment|gear|kit|schedule|availability"
    r"|zones|maxes|prs|pbs"
)
"""What an athlete keeps as a whole and replaces as one ("replace my equipment list: …")."""

_FROM_TO = re.compile(r"^(?P<x>my (?:[a-z0-9\-]+ ){0,3}?[a-z0-9\-]+) from (?P<a>.+)$")

_OLD_HELD = re.compile(
    r"\b(?:the |my )?(?:old|previous) (?:one|value|number|entry)\b|\bwhat you have\b"
    r"|\byou have (?:is|was)\b|\b(?:is|was) (?:wrong|outdated|out of date|stale|old)\b"
    r"|\binstead of\b(?!.*\b(?:today|tonight|tomorrow|this (?:week|weekend|time))\b)"
)
"""The sentence says the stored value is old: "update my weight to 79, the old one is wrong"."""


_PLACE_ONLY = re.compile(r"^" + PLACE + r"[\s.!]*$")
_IN_PLACE = re.compile(r"\s+(?:in|on) " + PLACE + r"[\s.!]*$")
"""Where the value is kept, said after it: the thing changed is a memory."""
_VALUE_SWAP = re.compile(
    r"^[\w:.]+(?: ?[a-z]{1,4})?,? (?:not|instead of) [\w:.]+(?: ?[a-z]{1,4})?[.!]*$"
)
"""A bare value for another ("6am, not 5"): told before "fix that", it says what changed."""


def update_parts(sentence: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """Update and replace frames: "change the X you have, it's Y", "replace my goal with Y".

    Also "…, update your notes" after a retraction ("I don't have a bad knee anymore").
    """
    after = sentence[end:].strip()
    low_after = lower(after)
    if _PLACE_ONLY.match(low_after):
        clause = before_clause(sentence, start)
        retracted = RETRACTED.search(lower(clause)) is not None
        return (back_reference(sentence, start), "", False) if retracted else None
    parts = _SETTING.match(low_after)
    if parts is None:
        return None
    subject, value = after[: parts.end("x")], after[parts.start("y") :]
    kept_in = _IN_PLACE.search(lower(value))  # "swap the 5am for 6am in your notes"
    value = value[: kept_in.start()] if kept_in else value
    if re.fullmatch(PLACE, lower(subject)):
        return None  # "update my profile: …" is a save label
    query = memory_reference(subject, loose=True)
    # "replace my old goal with …", "change my goal to …" name a memory; "change my units to
    # kg" states a setting (a save, which consolidation turns into an update of the stored one)
    named = re.search(
        rf"^(?:my|the|that|your) (?:old |previous |current )?(?:\S+ ){{0,3}}?(?:{KINDS})\b",
        lower(subject),
    )
    changed = _FROM_TO.match(lower(subject))
    if changed is not None:  # "change my goal from the half to the full": both values given
        held = subject[: changed.end("x")]
        return f"{held} {subject[changed.start('a') :]}", f"{held} is {value}", True
    head = lower(subject).split()[-1] if subject.strip() else ""
    fresh = _FRESH.match(lower(value)) is not None and not _SESSION.fullmatch(head)
    # what the athlete overwrites of their own ("overwrite my bodyweight with …") is held, and
    # so is a list or setup a "replace my X:" label introduces ("replace my squats:" is a plan)
    verb, labelled = lower(sentence[start:end]), parts.group("sep").strip() == ":"
    overwrite = lower(subject).startswith("my ") and (
        verb == "overwrite" or (verb == "replace" and labelled and _LISTED.fullmatch(head))
    )
    old_held = _OLD_HELD.search(lower(sentence)) is not None
    if query is None and not (named or fresh or overwrite or kept_in or old_held):
        return None
    # a value given by "to", "with" or a colon is the new value outright
    said = parts.group("sep").strip() == "," or re.match(r"(?:it'?s|it is|now)\b", lower(value))
    new = value if said else f"it's {value}"
    return query or subject, new, True


_TOLD = re.compile(r"\bi (?:told|said|mentioned|wrote|had said)\b")
_TOLD_NOW = re.compile(r"\b(?:now|anymore|any more|these days|nowadays|actually|instead)\b")
_TOLD_PLAN = re.compile(r"\b(?:i'd|i'll|i would|i will|going to|gonna|today|tonight|tomorrow)\b")


def told_then_now(sentence: str, message: str) -> ForgetRequest | None:
    """A correction of what was told, unasked: "I said 5 days a week before but now it's 4".

    What was told must be a lasting fact (no plan, no one-off) and what holds now must say
    it changed ("now", "these days", "actually").
    """
    if _TOLD.search(lower(sentence)) is None:
        return None
    text = drop_lead(sentence.strip()).rstrip(" .!")
    found = _SAID.match(lower(text))
    if found is None or is_question(sentence) or not lower(text).startswith("i "):
        return None
    joint = lower(text)[found.end("old") : found.start("new")]
    if not re.search(r",|\b(?:but|though|well)\b", joint) or STALE.search(found.group("old")):
        return None  # "I said it was heavy and now…" narrates; "…, that's wrong now" is stale
    if _TOLD_PLAN.search(found.group("old")) or not _TOLD_NOW.search(found.group("new")):
        return None
    return _said_then_now(text, message)


def _query(old: str) -> str:
    """What to forget from the old statement: "my long run day was sunday" → its subject."""
    subject = _SUBJECT.match(lower(old))
    if subject is not None:
        return old[subject.start("subject") + 3 : subject.end("subject")]
    return re.sub(r"^(?:i am|i was|i have|i had|i'm|i)\s+", "", old, flags=re.IGNORECASE)


def _said_then_now(text: str, message: str) -> ForgetRequest | None:
    """Read "I said X but Y now": forget X, keep Y (a number swapped into X when Y is only one)."""
    found = _SAID.match(lower(text))
    if found is None:
        return None
    old, new = text[found.start("old") : found.end("old")], text[found.start("new") :]
    old = re.sub(r"\s+(?:before|earlier|last time|previously)$", "", old, flags=re.IGNORECASE)
    query = _query(old)
    numbers_old, numbers_new = NUMBER.findall(old), NUMBER.findall(new)
    swap = len(numbers_old) == 1 and len(numbers_new) == 1
    found_new = None if swap else replacement(new, query, message, correcting=True)
    if swap:  # "I said 5 days a week but now it's 4": the old fact with the new number
        swapped = old.replace(numbers_old[0], numbers_new[0], 1)
        found_new = build_save(swapped, explicit=True, message=message, min_words=1)
    return ForgetRequest(query=query, replacement=found_new)


def update_pointing_back(
    sentence: str, earlier: Sequence[str], message: str
) -> ForgetRequest | None:
    """A correction whose new value was stated before the request to update."""
    low = lower(sentence)
    found = _UPDATE.search(low)
    if found is None or (is_question(sentence) and not asks_for_it(sentence, found.start())):
        return None
    if lead_kind(sentence[: found.start()]) is None:
        return None
    before = drop_lead(strip_request(sentence[: found.start()]).strip(" ,;:-"))
    if not before.strip(" .!?"):
        before = _stated_before(news_before(earlier))
    said = _said_then_now(before, message)
    if said is not None:
        return said
    if not CHANGED.search(lower(before)):
        swap = _VALUE_SWAP.match(lower(drop_lead(before)))
        swapped = new_not_old(drop_lead(before), message) if swap else None
        return None if swapped is None else ForgetRequest(*swapped)
    ruled_out = re.match(
        r"(?:i|it's|it is|its|they're|they are)\b.*(?:\bnow|,)\s*(?:not|instead of)\b",
        lower(before),
    )
    swapped = new_not_old(before, message) if ruled_out else None
    if swapped is not None:  # "I go by Alex now, not Alexandra": no subject but the old value
        return ForgetRequest(*swapped)
    named = found.group("named")
    if named is not None and re.fullmatch(r"(?:records|file|profile|notes|details)", named):
        if low[found.start() :].startswith("update"):
            return None  # "I moved, update your notes" keeps the news: a save
        named = None  # "correct your records" names where, not what
    if named is not None and re.fullmatch(rf"(?:{MEMORY_NOUNS}|{_GENERIC})", named):
        named = None  # "update that bit", "overwrite the old number": the news before says which
    query = found.group("about") or named or changed_subject(before) or _query_from(before)
    if found.group("held"):  # "my race got moved, change the date you have": race date
        query = f"{query} {found.group('held')}"
    new = build_save(before, explicit=True, message=message, min_words=1)
    return ForgetRequest(query=query, replacement=new)


def _stated_before(earlier: Sequence[str]) -> str:
    """The statement a request opening its sentence points back at, with the one it leans on.

    "The cardiologist changed my limit. It is now 140." → both: "it" needs the first, as
    "now" leans on what it follows ("Sold home rack. Now I train at McFit.").
    """
    if not earlier or is_question(earlier[-1]):
        return ""
    stated = earlier[-1].strip()
    if re.match(r"(?:it|that|this|they|now)\b", lower(stated)) and len(earlier) > 1:
        stated = f"{earlier[-2].strip()} {stated}"
    return stated


def _query_from(before: str) -> str:
    """What a changed statement replaces: its "my X" subject, else its first "my X", else it."""
    acted = _AGENT.search(lower(before))
    if acted is not None:
        return before[acted.start("what") : acted.end("what")]
    subject = _SUBJECT.match(lower(before))
    if subject is not None:
        return before[subject.start("subject") + 3 : subject.end("subject")]
    mine = re.search(r"\bmy ([a-z0-9\-]+)", lower(before))
    if mine is not None:
        return before[mine.start(1) : mine.end(1)]
    return _query(re.sub(r"^(?:now|so|and)\s+", "", before, flags=re.IGNORECASE))
