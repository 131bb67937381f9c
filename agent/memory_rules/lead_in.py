"""The words in front of a trigger ("hey coach, can you please remember…").

A trigger only counts in imperative position: after greetings, filler and polite request
words, never inside a statement such as "I can't remember".
"""

from __future__ import annotations

import re
from typing import Literal

from agent.memory_rules.sentences import lower, split_words

_FILLER = frozenset(
    "hey hi hello yo ok okay oh and also so but btw just please um uh well alright right hmm"
    " actually anyway anyways quick real one more thing another last again ah sorry thanks cool"
    " great nice awesome yeah yes yep listen look coach important importantly very this is really"
    " super seriously lastly finally first firstly second now kindly sir mate dude buddy man bro"
    " wait fyi always".split()
)
_GREETINGS = frozenset("hey hi hello yo morning evening afternoon hiya howdy sup".split())
_NOT_A_NAME = frozenset(
    "do did not never i you we they can will would should could must won't don't".split()
)
_SOFT_BOUNDARY = frozenset("and but plus then btw also so".split())
_POLITE = (("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"))
_REQUESTS = _POLITE + (
    ("heads", "up"),
    ("i", "want", "you", "to"),
    ("i", "need", "you", "to"),
    ("i'd", "like", "you", "to"),
    ("i", "would", "like", "you", "to"),
    ("i'd", "love", "it", "if", "you", "could"),
    ("i'd", "appreciate", "it", "if", "you"),
    ("would", "you", "mind"),
    ("it", "would", "help", "if", "you"),
    ("it'd", "help", "if", "you"),
    ("do", "you", "mind"),
    ("i", "would", "appreciate", "it", "if", "you"),
    ("make", "sure", "you"),
    ("make", "sure", "to"),
    ("be", "sure", "to"),
    ("try", "to"),
    ("you", "should"),
    ("you", "need", "to"),
    ("you", "have", "to"),
    ("you", "must"),
    ("you", "can"),
    ("you", "could"),
    ("you", "may"),
    ("feel", "free", "to"),
    ("go", "ahead", "and"),
    ("please", "do"),
    ("do",),
    ("can", "you", "please"),
)


def lead_kind(prefix: str) -> Literal["plain", "polite"] | None:
    """Classify the words before a trigger: only filler/request words → imperative position."""
    clause = re.split(r"[,;:.!?\n\"()]|\s-\s", lower(prefix))[-1]
    words = split_words(clause)
    for idx in range(len(words) - 1, -1, -1):
        if words[idx] in _SOFT_BOUNDARY:
            words = words[idx + 1 :]
            break
    polite = False
    while words:
        for request in _REQUESTS:
            if len(words) >= len(request) and tuple(words[-len(request) :]) == request:
                polite = polite or request[:2] in _POLITE
                words = words[: -len(request)]
                break
        else:
            if words[-1] in _FILLER:
                words = words[:-1]
                continue
            break
    if words and not (
        words[0] in _GREETINGS
        and len(words) <= 2
        and words[-1].isalpha()
        and words[-1] not in _NOT_A_NAME
    ):
        return None
    return "polite" if polite else "plain"


def drop_lead(clause: str) -> str:
    """Remove greeting, filler and request words from the front of a clause."""
    words = clause.split()
    while words:
        low = split_words(words[0])
        if not low:
            words = words[1:]
            continue
        for request in _REQUESTS:
            got = tuple(w for word in words[: len(request)] for w in split_words(word))
            if got == request and len(request) > 1:
                words = words[len(request) :]
                break
        else:
            if low[0] in _FILLER or low[0] in _GREETINGS:
                words = words[1:]
                continue
            break
    return " ".join(words)


def before_clause(sentence: str, end: int) -> str:
    """The words before a trigger in its sentence, minus greeting or filler-only clauses."""
    parts = re.split(r"[,;:]|\s-\s", sentence[:end])
    kept = [drop_lead(p.strip()) for p in parts]
    return ", ".join(p for p in kept if p.strip(" .!?"))
