"""A route run, ridden or walked several times, and one lap's distance said.

"3 loops of 4 km", "2 laps of the park (5.2 km each)", "3 laps of the 5k loop", "two loops of
the lake, 3.1 mi each": the distance said is one lap's; the session's is that many of them.
"""

from __future__ import annotations

from .literal_gate import compile_gated
from .numbers import Span, find_distances

_LAPS = compile_gated(
    r"(?<![\d.:])(?P<n>[2-9]|1\d)\s(?:laps?|loops?|times|circuits?)\s(?:of|around|round)\s"
    r"(?P<rest>(?:[^.;\n]|(?<=\d)\.(?=\d)){0,50})"
)
_EACH = compile_gated(r"^\s?(?:each|per (?:lap|loop))\b")


def looped_distance(text: str) -> Span | None:
    """The whole distance of a route done several times, when one lap's distance is said."""
    match = _LAPS.search(text)
    if match is None:
        return None
    rest = match["rest"]
    for span in find_distances(rest):
        before, after = rest[: span.start], rest[span.end :]
        one_lap = (
            not before.strip()  # "3 loops of 4 km"
            or _EACH.search(after)  # "(5.2 km each)", ", 3.1 mi each"
            or after.lstrip().startswith(("loop", "lap", "route", "course", "circuit"))
        )
        if one_lap:
            start = match.start("rest") + span.start
            return Span(
                start, start + span.end - span.start, int(match["n"]) * span.value, span.unit
            )
        return None
    return None
