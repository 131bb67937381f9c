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


def wod_scheme(text: str, mentions: list[Mention]) -> bool:
    """A WOD's rep scheme, not a lift's sets in scheme form ("back squats 5-5-5-3-3-1 @ 180").

    A lift's scheme follows its one movement, counts ten reps or fewer a set and is followed
    by its load.
    """
    scheme = cues.REP_SCHEME.search(text)
    if scheme is None:
        return False
    before = [m for m in mentions if m.end <= scheme.start()]
    after = [m for m in mentions if m.start >= scheme.end()]
    loaded = _DIGIT.search(text, scheme.end()) is not None
    lifted = before and not after and loaded and before[-1].movement.family != "cardio"
    return not (lifted and LIFT_SCHEME.fullmatch(scheme["scheme"]))
