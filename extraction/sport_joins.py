"""Two sports joined by "+" or "&" in one clause: "swim 2.5k + run 6k" is two sessions.

"and" already separates clauses (`cleaning.split_clauses`); "+" does not, since it joins a
lift's parts ("bench + rows") and a score's ("17 rounds + 8"). It splits only where each side
names its own endurance sport and says how far or how long.
"""

from __future__ import annotations

import re

from . import cues

_PLUS = re.compile(r"\s(?:\+|&)\s")
_NUMBER = re.compile(r"\d")


def split_at_sports(clauses: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The clauses with each one that joins two sports by "+" or "&" cut in two."""
    out = []
    for start, text in clauses:
        joiner = _PLUS.search(text)
        left, right = (text[: joiner.start()], text[joiner.end() :]) if joiner else ("", "")
        if joiner and _own_sport(left) and _own_sport(right) and _sport(left) != _sport(right):
            out += [(start, left), (start + joiner.end(), right)]
        else:
            out.append((start, text))
    return out


def _own_sport(text: str) -> bool:
    found = cues.sport_of(text)
    return found is not None and found[1] and _NUMBER.search(text) is not None


def _sport(text: str) -> str | None:
    found = cues.sport_of(text)
    return found[0] if found else None
