"""A distance and a time no sport names, at a pace no one runs: a hike or a walk.

"5.4 miles RT, 1,500 ft, took us 4 hours" says no "hike", but 44 minutes a mile is walking
pace; the climb or a round trip makes it a hike.
"""

from __future__ import annotations

from . import cues
from .endurance import read_session
from .literal_gate import compile_gated
from .numbers import to_metres
from .run_kinds import run_type_of
from .schema import Discipline

SLOWEST_RUN_SECONDS_PER_KM = 660
"""11 min/km (17:42 a mile): slower than this, on foot, is walking pace."""
_HIKE = compile_gated(
    r"\d\s?(?:ft|feet)\b|\b(?:rt|round trip|summit(?:ed)?|peak|trail|elevation|gain|vert|ascent)\b"
)


def on_foot(text: str) -> Discipline | None:
    """Hiking or walking for a session no sport names that went at walking pace, else None."""
    if cues.sport_of(text) is not None or run_type_of(text) is not None:
        return None
    reading = read_session(text, "running")
    if reading.distance is None or not reading.time:
        return None
    km = to_metres(reading.distance.value, reading.distance.unit or "m") / 1000
    if km <= 0 or reading.time / km < SLOWEST_RUN_SECONDS_PER_KM:
        return None
    return "hiking" if reading.elevation or _HIKE.search(text) else "walking"
