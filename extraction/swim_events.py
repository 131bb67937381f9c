"""A swimmer's events, said by distance and stroke: "200 IM final", "100 fly heats".

No other sport names a distance by a stroke, so the event is a swim of that many metres
(the unit is not said; yards are said as such).
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_EVENT = compile_gated(
    r"(?<![\d.:])(25|50|100|200|400|800|1500)\s?(im|fly|free|freestyle|breast|breaststroke|"
    r"backstroke|butterfly)\b(?!\s?(?:squat|kick|drill|pull))",
    re.IGNORECASE,
)


def name_swim_events(text: str) -> str:
    """The text with each event said as a swim distance: "200 IM" is "200m IM swim"."""
    return _EVENT.sub(r"\1m \2 swim", text)
