"""The weight unit a message declares in words for all its numbers.

"Travelling in the US so everything is in lbs", "did my session in kilos today", "all in
kg:": the athlete names the unit once for the whole message, and bare numbers follow it
rather than their profile's unit.
"""

from __future__ import annotations

from .literal_gate import compile_gated
from .schema import WEIGHT_UNIT_ALIASES, WeightUnit

_DECLARED = compile_gated(
    r"\b(?:all|everything|weights?|loads?|numbers|session|today|lifts?|plates|stuff|logged)\b"
    r"[^.\n\d]{0,20}?\bin (?P<unit>lbs?|pounds|kgs?|kilos?|kilograms)\b"
)


def declared_unit(text: str) -> WeightUnit | None:
    """The unit a lower- or mixed-case message declares in words, if it declares one."""
    lower = text.lower()
    if not any(f" in {unit}" in lower for unit in ("lb", "kg", "pound", "kilo")):
        return None
    match = _DECLARED.search(lower)
    if match is None:
        return None
    unit = match["unit"]
    return WEIGHT_UNIT_ALIASES.get(unit) or ("kg" if unit.startswith("k") else "lb")
