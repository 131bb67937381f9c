"""Loads said as plates a side plus a smaller plate: "1 plate and a 25 each side".

Lifters count a barbell's load by what is on one side: big plates (45 lb or 20 kg, the bar
weighing as much) and a smaller one, by its number or its nickname ("a quarter" is 25 lb, "a
dime" 10, "a nickel" 5). The total is the bar plus both sides.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .schema import WeightUnit

_COMBO = compile_gated(
    r"(?<![\d.])(?P<n>[1-6]|a|one)\s?(?:big\s)?(?:plates?|pl)\s?(?:and|\+|&|plus)\s?(?:a\s)?"
    r"(?P<small>45|35|25|20|15|10|5|2\.5|quarter|dime|nickel)(?:s\b)?"
    r"(?:\s?(?P<unit>lbs?|kgs?|#)(?![a-z]))?(?:\s(?:a|per|each|on each)\s?side)?",
    re.IGNORECASE,
)
_NICKNAMES = {"quarter": 25.0, "dime": 10.0, "nickel": 5.0}
_PLATE = {"lb": 45.0, "kg": 20.0}


def plate_combos_as_loads(text: str, units: WeightUnit) -> str:
    """The text with each plates-plus-a-small-plate load written as its total."""
    return _COMBO.sub(lambda m: _total(m, units), text)


def _total(match: re.Match[str], units: WeightUnit) -> str:
    count = 1 if match["n"].lower() in ("a", "one") else int(match["n"])
    small = match["small"].lower()
    extra = _NICKNAMES.get(small) or float(small)
    if match["unit"]:  # "1 plate + 10kg each side": the small plate's unit is the bar's
        units = "kg" if match["unit"].lower().startswith("k") else "lb"
    value = _PLATE[units] * (1 + 2 * count) + 2 * extra
    return f"{value:g} {units}"
