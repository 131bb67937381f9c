"""Barbell loads said by what is on one side: the total is the bar plus both sides.

"1 plate and a 25 each side" (big plates are 45 lb or 20 kg, the bar weighing as much, and
the small one by its number or nickname: "a quarter" is 25 lb, "a dime" 10, "a nickel" 5),
"60 a side" (kilos or pounds on each side) and "2 reds and a blue a side" (competition
plates by colour: red 25 kg, blue 20, yellow 15, green 10, white 5). A sled or a dumbbell
named just before keeps its words: its side is not a barbell's.
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
_COLOURS = {"red": 25.0, "blue": 20.0, "yellow": 15.0, "green": 10.0, "white": 5.0}
_COLOUR = r"(?:[1-4]|a|one|two|three|four)\s(?:red|blue|yellow|green|white)s?"
_COLOURED = compile_gated(
    rf"\b(?P<plates>{_COLOUR}(?:\s?(?:and|\+|&|,)\s?{_COLOUR}){{0,3}})"
    r"\s?(?:(?:a|per|each|on each)\s?side|/\s?side)\b",
    re.IGNORECASE,
)
_PER_SIDE = compile_gated(
    r"(?<![\d.])(?P<v>\d{1,3}(?:\.5)?)\s?(?P<unit>kgs?|lbs?|#|kilos?)?\s?"
    r"(?:(?:a|per|on each) side|/\s?side)\b",
    re.IGNORECASE,
)
_NOT_A_BAR = compile_gated(
    r"\b(?:db|dbs|dumbbells?|kb|kettlebells?|cable|leg press|sled|hack|machine|lunges?|"
    r"split squats?|single|one arm)\b[^,.;\n]*$",
    re.IGNORECASE,
)
_NICKNAMES = {"quarter": 25.0, "dime": 10.0, "nickel": 5.0}
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_PLATE = {"lb": 45.0, "kg": 20.0}


def plate_combos_as_loads(text: str, units: WeightUnit) -> str:
    """The text with each load said by one side written as the bar's total."""
    text = _COMBO.sub(lambda m: _combo_total(m, units), text)
    text = _COLOURED.sub(lambda m: _barbell(m, text, f"{_coloured_total(m['plates']):g} kg"), text)
    return _PER_SIDE.sub(lambda m: _barbell(m, text, _side_total(m, units)), text)


def _barbell(match: re.Match[str], text: str, total: str) -> str:
    """`total` unless a sled or a dumbbell is named just before the load."""
    return (
        match[0] if _NOT_A_BAR.search(text[max(0, match.start() - 40) : match.start()]) else total
    )


def _combo_total(match: re.Match[str], units: WeightUnit) -> str:
    count = 1 if match["n"].lower() in ("a", "one") else int(match["n"])
    small = match["small"].lower()
    extra = _NICKNAMES.get(small) or float(small)
    if match["unit"]:  # "1 plate + 10kg each side": the small plate's unit is the bar's
        units = "kg" if match["unit"].lower().startswith("k") else "lb"
    value = _PLATE[units] * (1 + 2 * count) + 2 * extra
    return f"{value:g} {units}"


def _coloured_total(plates: str) -> float:
    side = 0.0
    for count, colour in re.findall(r"([1-4]|a|one|two|three|four)\s([a-z]+?)s?\b", plates.lower()):
        side += (_COUNT_WORDS.get(count) or int(count)) * _COLOURS[colour]
    return _PLATE["kg"] + 2 * side


def _side_total(match: re.Match[str], units: WeightUnit) -> str:
    unit: WeightUnit = units
    if match["unit"]:
        unit = "kg" if match["unit"].lower().startswith("k") else "lb"
    return f"{_PLATE[unit] + 2 * float(match['v']):g} {unit}"
