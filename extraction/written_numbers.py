"""Numbers written the way many athletes write them, read in the notation the parsers know.

"58,3 km" is 58.3 km where a comma is the decimal mark; "6 times 1000 metres" is 6 x 1000 m.
Offsets change, so this runs before any span is found.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_UNIT = r"(?:km/h|kph|km|k|mi|miles?|m|metres?|meters?|kg|kgs|lbs?|min|mins|minutes?|sec|secs|s)\b"
_DECIMAL_COMMA = compile_gated(rf"(?<![\d,.])(\d{{1,3}}),(\d{{1,2}})(?=\s?{_UNIT})")
"""Only one or two digits after the comma: "1,500m" is fifteen hundred metres."""
_TIMES = compile_gated(rf"(?<![\d.])(\d{{1,2}}) times (?=\d{{1,4}}(?:\.\d{{1,2}})?\s?{_UNIT})")


_HYPHENATED = compile_gated(
    r"(?<![\d.-])(\d{1,4}(?:\.\d{1,2})?)-(?=(?:minutes?|mins?|hours?|hrs?|hr|seconds?|secs?|"
    r"miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|yards?|yds?)\b)",
    re.IGNORECASE,
)
"""A unit written as an adjective: "a 30-minute walk", "the 1-hour swim", "a 5-mile run"."""


_THOUSANDS_OF = compile_gated(
    r"(?<![\d.])(\d{1,2}(?:\.\d)?)k(?:\s(?=(?:yds?|yards|m|metres|meters)\b)|(?=(?:yds?|yards)\b))",
    re.I,
)
"""Thousands of a unit said with "k": "3k yds" is 3000 yards, not 3 km of yards; "10km" stays
kilometres."""
_THOUSANDS_HINT = compile_gated(r"\d[kK] ?[ymYM]")
"""A cheap look for them first."""


_ISH = compile_gated(r"(?<=\d)-?ish\b", re.IGNORECASE)
"""A rough number ("50ish min", "8:45ish pace") is read as the number."""


def plain_notation(text: str) -> str:
    """The text in the notation the parsers know.

    "58,3" as "58.3", "N times D" as "N x D", "5-mile" as "5 mile", "3k yds" as "3000 yds",
    "50ish" as "50".
    """
    if "ish" in text.lower():
        text = _ISH.sub("", text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    if "-" in text:
        text = _HYPHENATED.sub(r"\1 ", text)
    if _THOUSANDS_HINT.search(text):
        text = _THOUSANDS_OF.sub(lambda m: f"{round(float(m[1]) * 1000)} ", text)
    return _TIMES.sub(r"\1 x ", text) if " times " in text else text
