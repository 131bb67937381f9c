"""Sets taken to failure and rest-pause sets, rewritten into the notation `set_notation` reads.

"dips 3 x failure" is three sets of as many reps as the athlete could do, as "3 x max" is;
"lateral raises till I couldn't lift my arms" is a set to failure, not something not done;
"300kg x 12 + 5 + 3" rest-pause is one set whose mini-sets add up, not three sets.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_TILL_FAILURE = compile_gated(
    r"\b(?:un)?till?\s(?:i\s|my\s\w+\s)?(?:could(?:n'?t|\snot)|can'?t|cannot|gave out|failed)"
    r"\b[^,.;:!?\n]*",
    re.IGNORECASE,
)
"""Going on till one could not: the set's end, said as what gave out."""
_TIMES_FAILURE = compile_gated(
    r"\b(?P<sets>\d{1,2})\s?x\s?(?:to\s)?(?:failure|fail|amrap|as many as possible)\b",
    re.IGNORECASE,
)
"""A count of sets, each to failure ("3 x failure", "4x amrap")."""
_REST_PAUSE_CUE = compile_gated(r"\b(?:rest[- ]?pause|rp|myo[- ]?reps?|cluster)\b", re.IGNORECASE)
_MINI_SETS = compile_gated(
    r"(?P<head>\bx\s?)(?P<reps>\d{1,2}(?:\s?\+\s?\d{1,2}){1,5})(?![\d)])(?!\s?(?:kg|lb|#|m\b))",
    re.IGNORECASE,
)
"""Reps joined by "+" after a set's "x": a rest-pause set's mini-sets ("x 12 + 5 + 3")."""
_CUE_NEAR = 40
"""How far (characters) a rest-pause cue may be from the set it describes."""


def rewrite_effort_talk(text: str) -> str:
    """The cased text with sets to failure and rest-pause sets in plain set notation."""
    text = _TILL_FAILURE.sub("to failure", text)
    text = _TIMES_FAILURE.sub(lambda m: f"{m['sets']} x max", text)
    return _MINI_SETS.sub(lambda m: _one_set(m, text), text)


def _one_set(match: re.Match[str], text: str) -> str:
    """The mini-sets as one set of their total, when they are a rest-pause set.

    Said so near it ("rest-pause", "myo reps"), or three or more falling counts from a full
    set ("12 + 5 + 3"); a complex's "1+1" or "2+2" keeps each lift's reps.
    """
    reps = [int(part) for part in match["reps"].split("+")]
    near = text[max(0, match.start() - _CUE_NEAR) : match.end() + _CUE_NEAR]
    falling = (
        len(reps) > 2 and reps[0] >= 5 and all(a > b for a, b in zip(reps, reps[1:], strict=False))
    )
    if not (falling or _REST_PAUSE_CUE.search(near)) or reps[0] < 3:
        return match[0]
    return f"{match['head']}{sum(reps)}"
