"""Stored memories said back to the athlete, in the second person.

Memories are kept as third-person facts so a model or a summary reads them out of context
("Hates burpees.", "Their left knee is dodgy"); the offline coach says them to the athlete,
so they read "You hate burpees.", "Your left knee is dodgy". A fact that opens with anything
but a verb or a pronoun (a label, a name) is left as it is.
"""

from __future__ import annotations

import re

_IRREGULAR = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "goes": "go",
}
_UNCHANGED = frozenset(
    "can can't cannot could couldn't will won't would wouldn't should shouldn't must might may"
    " used had did tore broke hurt ran got went took felt fell lost won began swam rode quit"
    " injured sprained strained pulled started stopped switched moved changed".split()
)
"""Past tenses and modals a subjectless fact opens with: the same after "You"."""
_VERBS = frozenset(
    "prefer like love hate want need train work run lift do go get live enjoy travel play take"
    " use eat sleep teach coach swim bike ride walk hike try feel know struggle tend care find"
    " own avoid compete race study watch fast follow wear cycle row climb commute plan aim hope"
    " wish keep stay skip focus dislike".split()
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
    if low in _IRREGULAR:
        return "You " + _IRREGULAR[low]
    if low in _UNCHANGED:
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
