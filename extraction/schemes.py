"""Rep schemes: a WOD's ("21-15-9 thrusters and pull-ups") or a lift's sets in scheme form.

"back squats 5-5-5-3-3-1 up to 180" is six sets of one lift, read by `set_notation`; only a
WOD's scheme makes a clause CrossFit.
"""

from __future__ import annotations

import re

from . import cues
from .vocabulary import Mention

LIFT_SCHEME = re.compile(r"(?:10|[1-9])(?:-(?:10|[1-9])){2,11}")
"""Reps of a lift's sets written as a scheme ("ohp 5-5-5-3-3-3 up to 115")."""
_DIGIT = re.compile(r"\d")
_CLIMB_TO_SETS = re.compile(r"\s?x\s?\d")
"""After a list of loads, the top load's reps and sets: "sn 70-80-85-90x2x3"."""
_MIN_LOAD = 20
"""A dash list ending this high, right before "x", is loads climbing to a top set."""


def wod_scheme(text: str, mentions: list[Mention]) -> bool:
    """A WOD's rep scheme, not a lift's sets in scheme form ("back squats 5-5-5-3-3-1 @ 180").

    A lift's scheme follows its one movement, counts ten reps or fewer a set and is followed
    by its load; loads climbing to a top set ("sn 70-80-85-90x2x3") are a lift's too.
    """
    scheme = cues.REP_SCHEME.search(text)
    if scheme is None:
        return False
    before = [m for m in mentions if m.end <= scheme.start()]
    after = [m for m in mentions if m.start >= scheme.end()]
    loaded = _DIGIT.search(text, scheme.end()) is not None
    lifted = before and not after and loaded and before[-1].movement.family != "cardio"
    if lifted and _climb(scheme):
        return False
    return not (lifted and LIFT_SCHEME.fullmatch(scheme["scheme"]))


def _climb(scheme: re.Match[str]) -> bool:
    """Loads climbing to a top set written after them ("70-80-85-90x2x3"), not reps."""
    top = int(scheme["scheme"].rpartition("-")[2])
    return top >= _MIN_LOAD and _CLIMB_TO_SETS.match(scheme.string, scheme.end()) is not None
