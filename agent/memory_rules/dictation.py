"""Dictated punctuation: "sore knee period remember that comma it's the left one".

Voice typing writes the punctuation it was told as words. Every rule reads sentences and
clauses, so a dictated message is one run-on sentence until the spoken marks become marks.
A spoken mark is a word of its own ("period", "comma", "full stop", "question mark"),
never one in use as a noun: "my period", "a rest period", "the period of", "a comma".
"""

from __future__ import annotations

import re

_MARKS = {
    "period": ".",
    "full stop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation point": "!",
    "exclamation mark": "!",
    "new line": ".",
    "new paragraph": ".",
    "semicolon": ";",
}
_NOUN_BEFORE = frozenset(
    "a an the my her his their your our this that each every rest recovery time trial"
    " grace waiting sleep same whole short long busy".split()
)
"""Words in front of a mark's word used as a noun: "my period", "a rest period"."""
_NOUN_AFTER = frozenset("of pain pains cramps cramp tracking tracker cycle cycles app".split())
"""Words after "period" used as a noun: "period pain", "a period of rest"."""
_TRIGGER = re.compile(
    r"\b(?:period|full stop|comma|question mark|exclamation (?:point|mark)|new line"
    r"|new paragraph|semicolon)\b",
    re.IGNORECASE,
)


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'()").lower()


def punctuate_dictation(text: str) -> str:
    """Spoken punctuation in a dictated message as the marks it names; else `text` as is."""
    if _TRIGGER.search(text) is None:  # one compiled test: typed text pays nothing more
        return text
    words = text.split(" ")
    out: list[str] = []
    idx = 0
    while idx < len(words):
        pair = f"{_bare(words[idx])} {_bare(words[idx + 1])}" if idx + 1 < len(words) else ""
        spoken = pair if pair in _MARKS else _bare(words[idx])
        size = 2 if spoken == pair else 1
        following = _bare(words[idx + size]) if idx + size < len(words) else ""
        noun = any(_bare(w) in _NOUN_BEFORE for w in out[-1:]) or following in _NOUN_AFTER
        if spoken in _MARKS and out and not noun:
            out[-1] = out[-1].rstrip(",;:") + _MARKS[spoken]
            idx += size
            continue
        out.append(words[idx])
        idx += 1
    return " ".join(out)
