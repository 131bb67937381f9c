"""Races mentioned in passing: "first run after the marathon" is an easy 5 km, not a race.

A race named after "after", "since" or "from" is when the session happened relative to,
not what it was; its name would otherwise give the session the race's distance and type.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_PAST_RACE = compile_gated(
    r"\b(?:after|since|post|from|recovering from|recovery from)\s"
    r"(?P<race>(?:the|my|last\s\w+'s|this\s\w+'s)"
    r"\s(?:half[- ]marathon|marathon|half|ultra|race|triathlon|ironman|\d{1,3}k race|"
    r"\d{1,3}[- ]?miler))\b",
    re.IGNORECASE,
)


def blank_past_races(text: str) -> str:
    """The text with races said in passing blanked out (same length, so offsets hold).

    The word before the race stays: "the day after" still says when the run was.
    """
    return _PAST_RACE.sub(
        lambda m: m[0][: m.start("race") - m.start()] + " " * len(m["race"]), text
    )
