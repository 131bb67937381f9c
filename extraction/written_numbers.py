"""Numbers written the way many athletes write them, read in the notation the parsers know.

"58,3 km" is 58.3 km where a comma is the decimal mark; "6 times 1000 metres" is 6 x 1000 m.
Offsets change, so this runs before any span is found.
"""

from __future__ import annotations

import re

_UNIT = r"(?:km/h|kph|km|k|mi|miles?|m|metres?|meters?|kg|kgs|lbs?|min|mins|minutes?|sec|secs|s)\b"
_DECIMAL_COMMA = re.compile(rf"(?<![\d,.])(\d{{1,3}}),(\d{{1,2}})(?=\s?{_UNIT})")
"""Only one or two digits after the comma: "1,500m" is fifteen hundred metres."""
_TIMES = re.compile(rf"(?<![\d.])(\d{{1,2}}) times (?=\d{{1,4}}(?:\.\d{{1,2}})?\s?{_UNIT})")


_HYPHENATED = re.compile(
    r"(?<![\d.-])(\d{1,4}(?:\.\d{1,2})?)-(?=(?:minutes?|mins?|hours?|hrs?|hr|seconds?|secs?|"
    r"miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|yards?|yds?)\b)",
    re.IGNORECASE,
)
"""A unit written as an adjective: "a 30-minute walk", "the 1-hour swim", "a 5-mile run"."""


def plain_notation(text: str) -> str:
    """The text with decimal commas as points, "N times D" as "N x D" and "5-mile" as "5 mile"."""
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    if "-" in text:
        text = _HYPHENATED.sub(r"\1 ", text)
    return _TIMES.sub(r"\1 x ", text) if " times " in text else text
