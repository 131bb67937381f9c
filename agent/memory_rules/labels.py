"""Colon labels: "add to my profile: vegetarian", "save for later: …", "📌 pin this: …".

A label is the short phrase before a sentence's first colon. It asks the coach to keep what
follows when its words say so: a verb of keeping in imperative position ("store this pls",
"note it down"), a place memories go ("my profile", "your notes") or a time they are for
("for later", "for all future sessions"). Weaker labels ("fyi", "heads up", "note")
also annotate logs ("note: ran 5k today"), so their content must be a lasting fact;
"note to self" is the athlete's own reminder, not the coach's.
"""

from __future__ import annotations

import re
from typing import Literal

from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.sentences import lower, split_words
from agent.memory_rules.word_lists import MEDICAL

Strength = Literal["strong", "weak"]

KEEP_VERBS = frozenset(
    "remember memorise memorize save store keep note jot write pin file bookmark"
    # the same verbs in the languages athletes most often switch to mid-message
    " retain"
    " guarda guardar recuerda anota apunta retiens garde merk speicher notiere".split()
)
"""Verbs of keeping: in imperative position they make a label a request."""
_PLACES = re.compile(
    r"\b(?:(?:(?:to|in|into|on|for) (?:my |your |the |our )?|your |update (?:my |the )?)"
    r"(?:profile|notes|records?|files?|memory|memories|brain)|profile"
    r"|(?:notes?|reminders?) (?:for|to) (?:you|coach|the coach|future))\b"
)
_PURPOSE = re.compile(
    r"\b(?:for (?:all |any |the )*(?:my |our )?(?:future|later|next time|reference|the record"
    r"|planning|programming"
    r"|records?)|future reference|going forward|moving forward|from now on|from here on(?: out)?"
    r"|(?:(?:some|a|one|two|three|four|a few|few|a couple of|couple of) )?(?:things?|something"
    r"|stuff|facts?|bits?) (?:to|you should|you need to|you must|you'll want to|worth)"
    r" (?:know|remember|keep in mind|bear in mind|note|save|store|keep|log|file)"
    r"|worth (?:remembering|noting|knowing|keeping in mind)|(?:goal|injury|fact|rule|info"
    r"|preference)s? to (?:remember|keep in mind|bear in mind|note|know|save)|standing rule"
    r"|new rule|about me|what you know (?:about|of) me"
    r"|future (?:self|chats|conversations|sessions)|(?:saved|stored|kept|noted) somewhere"
    r"|lock (?:this |that |it )?in|hold (?:on ?to|onto) (?:this|that|it)|long-term note)\b"
)
_WEAK = re.compile(
    r"(?:^| )(?:fyi|heads up|important|nb|psa|note|reminder|(?:profile|injury|health|medical|quick"
    r"|important) (?:update|note|info))$"
)
_OBJECTS = frozenset("this that it these those one bit please pls porfa plz thx esto eso".split())
_KEEP_WITH_OBJECT = frozenset("add log record put".split())
"""Verbs that keep in a label only with an object: "add that:", not "add:"."""
_NOT_A_LABEL = frozenset("i i'm i've i'd we we're he she they".split())
_SELF_NOTE = re.compile(r"\bnote to self\b(?! for (?:you|coach|the coach))|\bsave the date\b")
"""Idioms with a verb of keeping that keep nothing for the coach."""
_EPISODIC = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|last night"
    r"|earlier)\b|\b\d+ ?x ?\d+\b|\b(?:ran|did|felt|hit|went|finished|completed|rode|swam|lifted"
    r"|pulled|pressed|squatted|benched|logged|pr'?d|maxed out)\b"
)
_PAST_STATE = re.compile(r"\b(?:was|were)\b")
_RECORD = re.compile(r"\b(?:pb|pr|personal (?:best|record)|best time|1rm|max|record)\b")
"""A best stays a fact in the past tense ("old PB was 24:30"): the mark to beat."""
"""A single session: its time words, sets x reps, or a session verb in the past tense.
What a "note:" annotates that way is a log, not a lasting fact."""
_LABELS = (
    re.compile(r"^(?P<label>[^:]{1,80}?):(?!\d)\s*(?P<content>.*)$"),
    re.compile(r"^(?P<label>.{1,80}?) - \s*(?P<content>.*)$"),
)
"""A label ends at the first colon, or else at a dash ("add this to my profile - …")."""


def _strength(label: str) -> Strength | None:
    """How strongly one label segment asks to keep what follows, or None if it does not."""
    low = lower(label)
    if _SELF_NOTE.search(low):
        return None
    words = split_words(drop_lead(label)) or split_words(label)  # "I'd love it if you…"
    if not words or len(words) > 8 or any(w in _NOT_A_LABEL for w in words):
        return None
    if _PLACES.search(low) or _PURPOSE.search(low):
        return "strong"
    core = [w for w in split_words(label) if w not in _OBJECTS]
    if len(core) <= 3 and _WEAK.search(
        " ".join(core).replace("-", " ")
    ):  # "note:" also annotates logs
        return "weak"
    verb = split_words(drop_lead(label))[:2]
    if verb[:1] and verb[0] in _KEEP_WITH_OBJECT and verb[1:] and verb[1] in _OBJECTS:
        return "weak"  # "add that pls: …" also adds to a log: only a lasting fact is kept
    return "strong" if verb and verb[0] in KEEP_VERBS else None


def split_label(sentence: str) -> tuple[str, str, Strength] | None:
    """A sentence opening with a keeping label: (lead-in to keep, content, strength).

    "Goal for this year, please store it: 10 pull ups" keeps its lead-in: the label is the
    last comma-separated part, and what comes before it belongs to the fact.
    """
    for pattern in _LABELS:
        found = pattern.match(sentence.strip())
        if found is None or not re.search(r"[A-Za-z0-9]", found.group("content")):
            continue
        *before, label = re.split(r"[,;]|\s-\s", found.group("label"))
        strength = _strength(label)
        if strength is not None:
            lead = ", ".join(part for part in (drop_lead(p.strip()) for p in before) if part)
            return lead, found.group("content"), strength
    return None


def lasting(content: str) -> bool:
    """Whether a weak label's content reads as a lasting fact rather than a session log.

    Medical history and personal bests are lasting even in the past tense ("I was
    diagnosed with asthma", "my old PB was 24:30").
    """
    low = lower(content)
    if _EPISODIC.search(low):
        return False
    return (
        _PAST_STATE.search(low) is None or (MEDICAL.search(low) or _RECORD.search(low)) is not None
    )


_BARE = re.compile(
    r"^(?:remember|don't forget|do not forget|important|note this|save this|keep in mind"
    r"|for the record|fyi|heads up|note to coach)$"
)


def join_bare_labels(sentences: list[str]) -> list[str]:
    """Join a sentence that is only a label ("Remember!!!") to the one it introduces."""
    joined: list[str] = []
    idx = 0
    while idx < len(sentences):
        sentence = sentences[idx]
        words = " ".join(split_words(drop_lead(sentence)))
        if idx + 1 < len(sentences) and _BARE.match(words) and not sentence.endswith("?"):
            joined.append(f"{words}: {sentences[idx + 1]}")
            idx += 2
            continue
        joined.append(sentence)
        idx += 1
    return joined
