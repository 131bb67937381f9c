"""Times said aloud as groups of numbers, once their words are digits.

"finished in one fifty two oh eight" reads "1:52 oh 8" and is 1:52:08; "the 5K twenty one
forty six" reads "5K 21 46" and is 21:46; "three oh five fourteen" is 3:05:14. Only a
message that spelled numbers out is read so (typed digits say their own colons).
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_UNIT_AFTER = (
    r"(?!\s?(?:min|mins|minutes?|sec|secs|seconds?|s\b|k\b|km|mi\b|miles?|m\b|lbs?|kgs?|x\b|"
    r"reps?|rounds?|%|:|\.\d|/|sets?|cals?))"
)
_SECONDS_OH = compile_gated(
    r"(?<![\d:])(\d{1,2}:[0-5]\d) oh ([0-9])\b" + _UNIT_AFTER, re.IGNORECASE
)
"""Hours and minutes, then seconds said with "oh": "1:52 oh 8"."""
_SECONDS = compile_gated(r"(?<![\d:])(\d{1,2}:[0-5]\d) ([0-5]\d)\b" + _UNIT_AFTER, re.IGNORECASE)
"""Hours and minutes, then seconds: "3:05 14"."""
_MINUTES_SECONDS = compile_gated(
    r"(?:\b(?:in|time(?: of)?|took(?: me)?|finished|clocked|ran|parkrun|race)|\d\s?k|\bmiler?|"
    r"\bmarathon|\bhalf|\bmile)\b[^.\d\n]{0,24}?\s(\d{1,2}) ([0-5]\d)\b" + _UNIT_AFTER,
    re.IGNORECASE,
)
"""Minutes, then seconds, after a race or "in" in the same sentence: "5K 21 46", "in forty
one twelve", "parkrun this morning, twenty two fifteen"."""


def clock_groups(text: str) -> str:
    """The text with times said as number groups written as clock times."""
    text = _SECONDS_OH.sub(lambda m: f"{m[1]}:0{m[2]}", text)
    text = _SECONDS.sub(r"\1:\2", text)
    return _MINUTES_SECONDS.sub(lambda m: f"{m[0][: m.start(1) - m.start()]}{m[1]}:{m[2]}", text)
