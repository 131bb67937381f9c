"""A distance said in words, then in numbers: "a mile (1650 yd)", "a half (21.1k)".

The number in brackets says exactly what the words only name (a swimmer's mile is 1650 yards
in a yard pool, not 1609 metres): it is the session's distance, not a second one. A number
restated in another unit ("10 km (6.2 mi)") keeps the first.
"""

from __future__ import annotations

from .literal_gate import compile_gated
from .numbers import Span, to_metres

_OPEN = compile_gated(r"^\s?\(\s?(?:~|about |approx\.? |or |aka |=\s?)?$")
_DIGIT = compile_gated(r"\d")
_SAME = 0.1
"""How far apart the named and the counted amount may be and still be one distance."""


def restated(text: str, spans: list[Span]) -> Span | None:
    """The bracketed number restating the first distance, when that was said in words."""
    if len(spans) < 2 or _DIGIT.search(text[spans[0].start : spans[0].end]):
        return None
    named, counted = spans[0], spans[1]
    if not _OPEN.search(text[named.end : counted.start]):
        return None
    one = to_metres(named.value, named.unit or "m")
    other = to_metres(counted.value, counted.unit or "m")
    return counted if one > 0 and abs(one - other) <= _SAME * one else None
