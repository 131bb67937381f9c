"""A later day's session said without its sport: the sport said before it.

"Tuesday swam 2,500 yds, then today 3,000", "rode 40 km yesterday and 55 today" and
"Mon ran 5 mi, Wed 6, Fri 8" name the sport and the unit once; each later day's bare number
is the same sport again, in the same unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .literal_gate import compile_gated
from .numbers import find_distances

if TYPE_CHECKING:
    from .sessions import Clause

_NUMBER = compile_gated(r"\d")
_BARE = compile_gated(
    r"(?<![\d.,:x])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d.,:]|\s?(?:x|s|sec|secs|min|mins|minutes?|"
    r"h|hrs?|hours?|%|reps?|sets?|rounds?|laps?|lengths?|kg|lb|lbs|w|bpm|spm)\b|\s?[x%'\"])"
)
"""A number with no unit after it (not a count, a time or a load)."""


def carry_sport(clauses: list[Clause]) -> None:
    """Give the sport named before to each later day's clause that names none."""
    named: Clause | None = None
    day = None
    for clause in clauses:
        anchor = clause.anchor
        own_day = anchor is not None and anchor.date is not None and anchor.date != day
        if (
            own_day
            and named is not None
            and not clause.strong
            and clause.kind in ("neutral", "endurance")
            and _NUMBER.search(clause.text)
        ):
            clause.kind, clause.discipline, clause.strong = "endurance", named.discipline, True
            _carry_unit(clause, named)
        if clause.kind == "endurance" and clause.strong:
            named = clause
        elif clause.kind != "neutral":
            named = None
        if anchor is not None and anchor.date is not None:
            day = anchor.date


def _carry_unit(clause: Clause, named: Clause) -> None:
    """Write the unit the named session's distance was in after the clause's bare number."""
    said = find_distances(named.text)
    bare = _BARE.search(clause.text)
    if not said or bare is None or find_distances(clause.text):
        return
    unit = f" {said[-1].unit}"
    clause.text = clause.text[: bare.end()] + unit + clause.text[bare.end() :]
    clause.cased = clause.cased[: bare.end()] + unit + clause.cased[bare.end() :]
