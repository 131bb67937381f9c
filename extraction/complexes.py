"""Lifts joined with "+": a complex or a pairing that shares one set notation and load.

"power clean + push jerk 5x2 @ 100kg" is five sets of both lifts at 100 kg; "hang power
clean + jerk complex, 5 x (2+1) @ 70kg" is five sets of two hang power cleans and one jerk,
"(2+1)" being the reps of each lift in order, not a rounds score.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .literal_gate import compile_gated

if TYPE_CHECKING:
    from .movement_lists import Item
    from .parser import Lift

_COMPLEX_REPS = compile_gated(
    r"(?<![\d.])(?P<sets>\d{1,2})\s?x\s?\((?P<parts>\d{1,2}(?:\s?\+\s?\d{1,2}){1,5})\)"
)
"""Sets of a complex with each lift's reps in brackets: "5 x (2+1)", "4x(1+1+1)"."""
_REPS_THEN_SETS = compile_gated(
    r"(?:(?<=\d)|(?<=kg)|(?<=lb)|(?<=lbs)|(?<=#))\s?x\s?(?P<parts>\d{1,2}(?:\s?\+\s?\d{1,2}){1,5})\s?x\s?(?P<sets>\d{1,2})(?![\d.])"
    r"(?!\s?(?:kg|kgs|lbs?|#|%))"
)
"""A load's complex reps, then its sets: "CJ 110x1+1 x4" is four sets of 1+1 at 110."""
_JOINED = re.compile(r"\s?\+\s?")
_LOADED = ("barbell", "dumbbell", "kettlebell")


def joined(text: str, end: int, start: int) -> bool:
    """Whether only a "+" stands between a movement ending at `end` and one at `start`."""
    return _JOINED.fullmatch(text, end, start) is not None


def complex_reps(scope: str) -> tuple[str, list[int]]:
    """The scope with "5 x (2+1)" read as "5 sets", and the reps of each lift (2, 1).

    The same after a load, reps first: "110x1+1 x4" is "110 4 sets".
    """
    match = _COMPLEX_REPS.search(scope) or _REPS_THEN_SETS.search(scope)
    if match is None:
        return scope, []
    parts = [int(v) for v in re.findall(r"\d+", match["parts"])]
    sets = f" {match['sets']} sets".ljust(len(match[0]))
    return scope[: match.start()] + sets + scope[match.end() :], parts


def share_along_chains(lifts: list[Lift]) -> None:
    """Give a chain's sets and load to the lifts joined before the one that states them.

    The chain's reps in brackets, when there is one number per lift, go to each in order.
    """
    for index, lift in enumerate(lifts):
        chain = [lift]
        while chain[0].chained and index - len(chain) >= 0:
            chain.insert(0, lifts[index - len(chain)])
        if len(chain) == 1 or not lift.groups:
            continue
        for earlier in chain[:-1]:
            if not earlier.groups:
                earlier.groups = [replace(g, reps_list=list(g.reps_list)) for g in lift.groups]
        if len(lift.parts) == len(chain):
            for member, reps in zip(chain, lift.parts, strict=True):
                member.groups = [replace(g, reps=reps) for g in member.groups]


def share_item_loads(items: list[Item], text: str) -> None:
    """In a WOD, "power clean + push jerk @ 100kg": the load said last is each lift's.

    Only between lifts of one implement (a barbell complex, two kettlebell movements).
    """
    for index in range(len(items) - 2, -1, -1):
        item, after = items[index], items[index + 1]
        same = item.movement.movement_type == after.movement.movement_type in _LOADED
        if same and item.load is None and item.distance is None and after.load is not None:
            if joined(text, item.start + len(item.raw), after.start):
                item.load = after.load
