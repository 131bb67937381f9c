"""A swim's pool and its notation: lengths, course codes, yards, warm-up and kick sets.

Read apart from the numbers every endurance sport shares (`endurance`), since only a swim
says "SCY", "1500y" or "10 x 100s on the 1:45".
"""

from __future__ import annotations

import re
from typing import Literal

from .literal_gate import compile_gated

_POOL = compile_gated(
    r"(?<![\d.])(\d{2})\s?(m|y|yd|yds|yards?|meters?|metres?)\s?(?:pool\b|(?=\s?\)))"
)
"""A pool's length: "25m pool", or in brackets after the lengths swum ("60 lengths (25y)")."""
SWIM_PART = re.compile(
    r"(?<![\d.x])(?<!x )(\d{2,4})\s?(?:m|y|yd)?\s?(wu|warm ?up|cd|cool ?down|warm ?down|"
    r"swim ?down|kick|pull|easy|ez|choice|drill|loosen)\b"
)
"""A swim's warm-up, cool-down, kick, pull or easy set: "400 wu", "+ 200 easy"."""
_SWIM_REPEAT_PLURAL = compile_gated(r"(?<=x )(\d{2}|[1-9]\d0|[1-9]\d\d0)s\b(?= on\b| @|,|$)")
"""A swimmer's "10 x 100s on the 1:45": repeats of 100, not 100 seconds (the text's length
is kept, so a space stands for the s)."""
_YARDS_SHORT = compile_gated(r"(?<=\d)\s?y\b(?!/)")
"""A swim's "1500y" or "25 y": yards."""
COURSE = re.compile(r"\b(scy|scm|lcm)\b")
"""Pool course codes: short course yards (25 yd), short course metres (25 m), long course (50 m)."""
COURSE_POOL: dict[str, tuple[float, Literal["m", "yd"]]] = {
    "scy": (25.0, "yd"),
    "scm": (25.0, "m"),
    "lcm": (50.0, "m"),
}
_COURSE_DISTANCE = compile_gated(r"(?<=\d)\s?(scy|scm|lcm)\b")
MAIN_SET = compile_gated(r"\bmain(?: set)?\b")
"""A swim's main set is part of the session: its repeats are not the total."""


def swim_text(text: str) -> str:
    """A swim's text with its yards, repeat plurals and course codes spelled as units."""
    text = _YARDS_SHORT.sub("yd", text)
    text = _SWIM_REPEAT_PLURAL.sub(r"\1 ", text)
    return _COURSE_DISTANCE.sub(lambda m: ("yd " if m[1] == "scy" else "m ") + m[1], text)


def pool_of(
    text: str, sport: str
) -> tuple[tuple[int, int] | None, float, Literal["m", "yd"]] | None:
    """Where a pool's length is said (None for a course code), its length and its unit."""
    pool = _POOL.search(text)
    if pool:
        return pool.span(), float(pool[1]), "yd" if pool[2][0] == "y" else "m"
    course = COURSE.search(text) if sport == "swimming" else None
    if course:
        return None, *COURSE_POOL[course[1]]
    return None
