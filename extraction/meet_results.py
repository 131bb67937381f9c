"""A meet's result written as its best lifts and their total, the lifts left unnamed.

Lifters report a weightlifting meet as "91 / 116, total 207" (snatch, then clean and jerk)
and a powerlifting meet as "200/130/240, 570 total" (squat, bench, deadlift): the order is
the sport's, and the total adding up is what makes the numbers lifts and not anything else.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_RESULT = compile_gated(
    r"(?<![\d/.])(?P<lifts>\d{2,3}(?:\.5)?(?:\s?/\s?\d{2,3}(?:\.5)?){1,2})(?![\d/.])"
    r"(?P<gap>[^.\n\d]{0,16}?)\btotal(?:\sof|:)?\s?(?P<total>\d{2,4}(?:\.5)?)\b"
    r"|(?<![\d/.])(?P<lifts2>\d{2,3}(?:\.5)?(?:\s?/\s?\d{2,3}(?:\.5)?){1,2})(?![\d/.])"
    r"\s?(?:=|,)\s?(?P<total2>\d{2,4}(?:\.5)?)\s?total\b",
    re.IGNORECASE,
)
_MADE = compile_gated(
    r"(?<![\d/])[0-9]/[369](?![\d/])|\b\d{1,2}(?:st|nd|rd|th)\b(?: place)?"
    r"|\b(?:in|at)(?: the)? \d{2,3}\+?\s?kgs?\b(?: (?:class|category|division))?",
    re.IGNORECASE,
)
"""Attempts made ("sn 1/3", "9/9"), the place ("2nd") and the weight class ("in 81kg"): no
loads or reps."""
_NAMES = {
    2: ("snatch", "clean and jerk"),
    3: ("squat", "bench", "deadlift"),
}
"""The lifts of a meet in the order they are contested, by how many there are."""


def name_meet_lifts(text: str) -> str:
    """The cased text with a meet's unnamed best lifts named, when they add up to the total.

    The total, the attempts made and the weight class are blanked then: no loads.
    """
    named = _RESULT.sub(_named, text)
    if named == text:
        return text
    return _MADE.sub(lambda m: " " * len(m[0]), named)


def _named(match: re.Match[str]) -> str:
    raw = match["lifts"] or match["lifts2"]
    total = float(match["total"] or match["total2"])
    lifts = [float(part) for part in raw.split("/")]
    if abs(sum(lifts) - total) > 0.01:
        return match[0]
    named = " / ".join(
        f"{name} {part.strip()}"
        for name, part in zip(_NAMES[len(lifts)], raw.split("/"), strict=True)
    )
    total_at = (match.start("total") if match["total"] else match.start("total2")) - match.start()
    kept = match[0][:total_at] + match[0][total_at:].lstrip("0123456789.")
    return kept.replace(raw, named, 1)
