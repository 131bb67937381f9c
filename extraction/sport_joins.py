"""Two sports joined by "+" or "&" in one clause: "swim 2.5k + run 6k" is two sessions.

"and" already separates clauses (`cleaning.split_clauses`); "+" does not, since it joins a
lift's parts ("bench + rows") and a score's ("17 rounds + 8"). It splits only where each side
names its own endurance sport and says how far or how long, and never inside brackets, where
"+" joins the parts of one round ("3 rounds (2k bike + 15 thrusters + 400m run)").
"""

from __future__ import annotations

from . import cues
from .literal_gate import compile_gated

_PLUS = compile_gated(r"\s(?:\+|&)\s")
_NUMBER = compile_gated(r"\d")


def split_at_sports(clauses: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The clauses with each one that joins two sports by "+" or "&" cut in two."""
    out = []
    for start, text in clauses:
        joiner = _PLUS.search(text) if "+" in text or "&" in text else None
        if joiner is not None and text.count("(", 0, joiner.start()) <= text.count(
            ")", 0, joiner.start()
        ):
            left, right = text[: joiner.start()], text[joiner.end() :]
            sports = [_own_sport(left), _own_sport(right)]
            if sports[0] is not None and sports[1] is not None and sports[0] != sports[1]:
                out += [(start, left), (start + joiner.end(), right)]
                continue
        out.append((start, text))
    return out


def _own_sport(text: str) -> str | None:
    """The sport a side names by a strong cue, with a number of its own."""
    found = cues.sport_of(text) if _NUMBER.search(text) else None
    return found[0] if found and found[1] else None
