"""A session said as its parts: warm-up, main work, cool-down, and how they add up.

"2 mi wu, 4 mi tempo, 1 mi cd" is a 7 mile run; "10 min wu, 20 min @ 14 km/h, 10 min cd. 40
min" a 40 minute one, where the 40 is the sum of the rest and not a fourth part. The first
number said is a part of the session here, not its whole.
"""

from __future__ import annotations

from collections.abc import Callable

from .literal_gate import compile_gated
from .numbers import Span, to_metres

_PART_AFTER = compile_gated(
    r"^\s?(?:of\s)?(?:easy\s)?(?:wu|w/u|warm[- ]?up|warmup|cd|c/d|cool[- ]?down|cooldown)\b"
)
_PART_BEFORE = compile_gated(r"\b(?:wu|w/u|warm[- ]?up|cd|c/d|cool[- ]?down)\s?[:\-]?\s?$")
_SHARE = 0.01
"""How close a sum must be to a number said to be that number (rounding of the parts)."""


def is_part(text: str, span: Span) -> bool:
    """Whether a number said is a warm-up or cool-down ("2 mi wu", "warm up 15 min")."""
    before = text[max(0, span.start - 14) : span.start]
    return bool(_PART_AFTER.search(text[span.end : span.end + 16]) or _PART_BEFORE.search(before))


def whole_of_parts(text: str, spans: list[Span], size: Callable[[Span], float]) -> Span | None:
    """The session's whole from its parts, when the first one said is a warm-up.

    A last number that is the sum of all the others is their total; else the parts add up.
    One part alone, or parts that are all warm-ups and cool-downs, say no whole.
    """
    if len(spans) < 2 or not is_part(text, spans[0]):
        return None
    if all(is_part(text, span) for span in spans):
        return None
    sizes = [size(span) for span in spans]
    last, rest = spans[-1], sum(sizes[:-1])
    if len(spans) > 2 and abs(rest - sizes[-1]) <= _SHARE * rest:
        return last
    first = spans[0]
    unit = next((s.unit for s in spans if not is_part(text, s)), first.unit)
    value = round(sum(sizes) / size(Span(0, 0, 1.0, unit)), 3)
    return Span(first.start, first.end, value, unit)


def metres(span: Span) -> float:
    """A distance span's length in metres (a bare number is metres)."""
    return to_metres(span.value, span.unit or "m")


def seconds(span: Span) -> float:
    """A duration span's seconds."""
    return span.value
