"""Stored memories said back to the athlete, in the second person.

Memories are kept as third-person facts so a model or a summary reads them out of context
("Hates burpees.", "Their left knee is dodgy"); the offline coach says them to the athlete,
so they read "You hate burpees.", "Your left knee is dodgy". A fact that opens with anything
but a verb or a pronoun (a label, a name) is left as it is.
"""

from __future__ import annotations

import re

from agent.memory_rules.rewriting import COMMON_VERBS, MODALS, PAST_TENSES, THIRD_PERSON

_SECOND_PERSON = {
    **{third: plain for plain, third in THIRD_PERSON.items() if plain not in ("am", "are")},
    "is": "are",
    "wasn't": "weren't",
}
"""The second person of the verbs `rewriting` put in the third ("has" → "have")."""
_VERBS = COMMON_VERBS | frozenset(
    "own avoid compete race study watch fast follow wear cycle row climb commute plan aim hope"
    " wish keep stay skip focus dislike".split()
)
_PAST_TENSES = PAST_TENSES | frozenset(
    "injured sprained strained pulled started stopped switched moved changed".split()
)
_PRONOUNS = {
    "they": "you",
    "their": "your",
    "theirs": "yours",
    "them": "you",
    "themselves": "yourself",
    "themself": "yourself",
}
_WORD = re.compile(r"\b(the coach's|the coach|[a-z]+(?:'[a-z]+)?)\b", re.IGNORECASE)


def _stem(verb: str) -> str | None:
    """The plain form of a third-person verb this module knows ("studies" → "study")."""
    forms = [verb[:-3] + "y"] if verb.endswith("ies") else []
    forms += [verb[:-2], verb[:-1]] if verb.endswith("es") else [verb[:-1]]
    return next((f for f in forms if verb.endswith("s") and f in _VERBS), None)


def _opening(word: str) -> str | None:
    """The words a subjectless fact opens with, said to the athlete ("Hates" → "You hate")."""
    low = word.lower()
    if low in _SECOND_PERSON:
        return "You " + _SECOND_PERSON[low]
    if low in MODALS or low in _PAST_TENSES:  # "Can't train on Mondays", "Tore their ACL"
        return "You " + low
    stem = _stem(low)
    return None if stem is None else "You " + stem


def _swap(match: re.Match[str]) -> str:
    word = match.group(0)
    low = word.lower()
    if low == "the coach's":
        return "my"
    if low == "the coach":
        return "me"
    swapped = _PRONOUNS.get(low)
    if swapped is None:
        return word
    return swapped.capitalize() if word[0].isupper() else swapped


def addressed(content: str) -> str:
    """`content` said to the athlete it is about."""
    first, _, rest = content.partition(" ")
    opening = _opening(first)
    text = f"{opening} {rest}" if opening else content
    return _WORD.sub(_swap, text)
