"""Rounds of a gym circuit: each exercise listed with "4 rounds" is done once a round.

"Giant set x4 rounds: db press 12 @ 16kg, lateral raise 12 @ 8kg", "finished with 3 rounds
of 15 kb swings and 10 goblet squats" and "bench x 10 / pull-ups x 10, 4 rounds" are four,
three and four sets of each exercise, though every exercise's reps are written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .literal_gate import compile_gated
from .set_groups import Group

_ROUNDS = compile_gated(
    r"(?<![\d.:+])(?:x\s?(?P<after>\d{1,2})\s?(?:rounds?|rds)\b|(?P<before>\d{1,2})\s?"
    r"(?:rounds?|rds)\b(?!\s?\+)|(?:giant|super|tri)[ -]?sets?\s?x\s?(?P<sets>\d{1,2})\b)"
)
_MOST_ROUNDS = 10
"""More rounds than this are a WOD's score, not a circuit's sets."""


class _Listed(Protocol):
    start: int
    groups: list[Group]


def give_rounds(text: str, lifts: Sequence[_Listed]) -> None:
    """Give each lift after a rounds count, said once a round, that many sets."""
    if not ("round" in text or "rds" in text or "set x" in text or "sets x" in text):
        return
    marks = [
        (m.start(), int(m["after"] or m["before"] or m["sets"])) for m in _ROUNDS.finditer(text)
    ]
    for lift in lifts:
        rounds = next((n for at, n in reversed(marks) if at < lift.start), None)
        if rounds is None:  # "bench 185 x 10 / pull-ups x 10, 4 rounds": said after
            rounds = next((n for at, n in marks if _same_sentence(text, lift.start, at)), None)
        if rounds is None or not 1 < rounds <= _MOST_ROUNDS or len(lift.groups) != 1:
            continue
        group = lift.groups[0]
        if group.count in (None, 1) and group.reps is not None and not group.reps_list:
            group.count = rounds


def _same_sentence(text: str, start: int, at: int) -> bool:
    """Whether a rounds count at `at` closes the sentence a lift at `start` is named in."""
    between = text[start:at]
    return at > start and ". " not in between and "\n" not in between
