"""Elevation gained on a run, ride or hike, in the ways athletes write it.

"1,200 ft of climbing", "780 m gain", "+950m", "1000m+", "1650 m D+", "D+ 2400", "Elev gain
412 m":
feet alone are climbing too ("1,850 ft"), since no distance is said in feet.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .schema import Elevation

_AMOUNT = r"(?<![\d.,])(?P<{}>\d{{1,2}},\d{{3}}|\d{{1,5}})"
_UNIT = r"(?P<{}>m|ft|feet|meters?|metres?)"
_CLIMB = compile_gated(
    r"(?:\+|\bgain(?:ed)?\s|\belevation\s(?:gain\s)?(?:of\s)?)?"
    + _AMOUNT.format("n")
    + r"\s?"
    + _UNIT.format("u")
    + r"\s?(?:(?:of\s)?(?:vert|vertical|elev|elevation|climbing|climb|gain|ascent|up|d\+)(?!\w)"
    r"|\+(?![\w+]))"
    r"|(?<![\d.,])(?P<feet>\d{1,2},\d{3}|\d{3,5})\s?(?:ft|feet)\b"
    # a plus sign or an elevation heading before the amount: "+950m", "elev gain 412 m"
    r"|(?:(?<![\w+])\+|\belev(?:ation)?(?: gain)?\s?:?\s?)"
    + _AMOUNT.format("n2")
    + r"\s?"
    + _UNIT.format("u2")
    + r"(?!\w)"
    # the trail runner's D+ before the amount, metres when no unit is said: "D+ 2400"
    r"|\bd\+\s?:?\s?" + _AMOUNT.format("n3") + r"(?:\s?(?P<u3>m|ft)\b)?(?![\w.]|,\d)",
    re.ASCII,
)


def find_climb(text: str) -> tuple[tuple[int, int], Elevation] | None:
    """Where the elevation gained is said, and how much, or None."""
    match = _CLIMB.search(text)
    if match is None:
        return None
    if match["feet"]:
        number, unit = match["feet"], "ft"
    else:
        number = match["n"] or match["n2"] or match["n3"]
        unit = match["u"] or match["u2"] or match["u3"] or "m"
    value = float(number.replace(",", ""))
    return match.span(), Elevation(value=value, unit="ft" if unit[0] == "f" else "m")
