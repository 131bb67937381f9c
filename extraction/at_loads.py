"""A small number after "@" is a load where the athlete spells RPE out.

"@ 8" after sets is usually an RPE ("squat 3x5 @ 8"). An athlete who writes "RPE 8" in words
uses "@" for loads, so their "lateral raise 3x15 @ 10" is ten kilos or pounds.
"""

from __future__ import annotations

from .literal_gate import compile_gated

_RPE_WORD = compile_gated(r"\brpe\b")
_SMALL_AT = compile_gated(
    r"(?P<sets>\d\s?x\s?\d{1,3}\s?)@\s?(?P<value>10|[1-9](?:\.5)?)"
    r"(?![\d.%x]|\s?(?:rpe|rir)\b|\s?@)"
)


def read_small_ats_as_loads(text: str) -> str:
    """The lower-case text with "@ 10" after sets written "at 10" when RPE is spelled out."""
    if "@" not in text or _RPE_WORD.search(text) is None:
        return text
    return _SMALL_AT.sub(lambda m: f"{m['sets']}at {m['value']}", text)
