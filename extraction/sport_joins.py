"""Two sports joined by "+" or "&" in one clause: "swim 2.5k + run 6k" is two sessions.

"and" already separates clauses (`cleaning.split_clauses`); "+" does not, since it joins a
lift's parts ("bench + rows") and a score's ("17 rounds + 8"). It splits only where each side
names its own endurance sport and says how far or how long, and never inside brackets, where
"+" joins the parts of one round ("3 rounds (2k bike + 15 thrusters + 400m run)").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues
from .literal_gate import compile_gated

if TYPE_CHECKING:
    from .sessions import Clause

_PLUS = compile_gated(r"\s(?:\+|&)\s")
_OWN_GEAR = compile_gated(
    r"\bon (?:the |my )?(?:trainer|rollers|turbo|treadmill|tread|dreadmill)\b|\bin the pool\b"
)
"""Gear only one sport uses: a clause on it is that sport, after another ("1500 m swim then 45
min on the trainer")."""
_NUMBER = compile_gated(r"\d")


def split_at_sports(clauses: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The clauses with each one that joins two sports by "+" or "&" cut in two."""
    out = []
    pending = list(reversed(clauses))
    while pending:
        start, text = pending.pop()
        joiner = _PLUS.search(text) if "+" in text or "&" in text else None
        if joiner is not None and text.count("(", 0, joiner.start()) <= text.count(
            ")", 0, joiner.start()
        ):
            left, right = text[: joiner.start()], text[joiner.end() :]
            sports = [_own_sport(left), _own_sport(right)]
            if sports[0] is not None and sports[1] is not None and sports[0] != sports[1]:
                out.append((start, left))
                pending.append((start + joiner.end(), right))  # "bike 20km + run 5km + swim 1km"
                continue
        out.append((start, text))
    return out


def _own_sport(text: str) -> str | None:
    """The sport a side names by a strong cue, with a number of its own."""
    found = cues.sport_of(text) if _NUMBER.search(text) else None
    return found[0] if found and found[1] else None


def other_sport_hinted(before: list[Clause], clause: Clause) -> bool:
    """Whether a sport named after clauses that only hinted at another is a session of its own.

    "90' trainer then 20' run": the trainer hints at a ride, the run is named; a brick is two
    sessions. A bare "118 km, 2,900 m, 5h22 ride time" hints at nothing before the ride, and
    "Running / 10 km | 47:55 / laps: 2k wu, 3 x 2k" has hinted at the run already.
    """
    if not (clause.strong and clause.quantity) or clause.warmup:
        return False
    hinted = {cues.sport_of(c.text) for c in before if c.kind == "endurance"}
    sports = {found[0] for found in hinted if found is not None}
    return bool(sports) and clause.discipline not in sports


def on_own_gear(clause: Clause) -> bool:
    """Whether an endurance clause says the gear its sport is done on, with a time or distance."""
    return clause.kind == "endurance" and clause.quantity and bool(_OWN_GEAR.search(clause.text))
