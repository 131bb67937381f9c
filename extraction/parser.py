"""Lifting sessions: which movements a session names and which sets go with each.

Each movement named in a session gets a scope (the words around it up to the next movement),
read into set groups by `set_notation`; the session-level rules ("4 sets each", complexes,
EMOMs that keep the reps) then share sets between lifts and merge repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .at_loads import read_small_ats_as_loads
from .carried_loads import carry_same_load
from .complexes import complex_reps, joined, share_along_chains
from .gym_rounds import give_rounds
from .set_groups import Group
from .set_notation import read_groups
from .vocabulary import Mention, Movement, find_mentions

_SEPARATOR = re.compile(r",|;|\bthen\b|\band\b|\+|\s/\s|\.\s|\s-\s")
_COMPLEX = re.compile(r"\s?complex\s?(\([^()]{0,120}\))?")


@dataclass(slots=True)
class Lift:
    """A movement with its set groups."""

    movement: Movement
    raw: str
    groups: list[Group] = field(default_factory=list)
    complex_structure: str | None = None
    each: bool = False
    chained: bool = False
    """Joined to the lift before by "+" ("power clean + push jerk")."""
    parts: list[int] = field(default_factory=list)
    """Each chained lift's reps, in order ("5 x (2+1)")."""
    start: int = 0
    """Where the movement is named in the session's text."""


def parse_lifts(text: str, *, loaded: bool = True) -> list[Lift]:
    """The lifts a session names, with their sets, merged per canonical name.

    Args:
        text: the session's lower-case text.
        loaded: read ambiguous words as loaded lifts ("squats" = back squats); a lift with a
            weight is always read as loaded.
    """
    text = read_small_ats_as_loads(text)
    mentions, complexes = _without_complex_parts(find_mentions(text), text)
    lifts: list[Lift] = []
    last_load = None
    for index, mention in enumerate(mentions):
        start, end = _scope(text, mentions, index)
        scope, parts = complex_reps(
            f"{text[start : mention.start].rstrip()} {text[mention.end : end].lstrip()}"
        )
        groups, each = read_groups(scope)
        groups = carry_same_load(scope, groups, last_load)
        last_load = next((g.load for g in reversed(groups) if g.load), last_load)
        has_load = any(g.load for g in groups)
        move = mention.resolve(loaded or has_load)
        if move.movement_type in ("bodyweight", "gymnastics"):
            _counts_not_loads(groups)
        if move.family == "cardio":
            continue
        lift = Lift(move, text[mention.start : mention.end], groups, complexes.get(index), each)
        lift.chained = index > 0 and joined(text, mentions[index - 1].end, mention.start)
        lift.parts, lift.start = parts, mention.start
        lifts.append(lift)
    _share_each(lifts)
    share_along_chains(lifts)
    _carry_emom_reps(lifts)
    give_rounds(text, lifts)
    _carry_units(lifts)
    return _merge(lifts)


def _carry_units(lifts: list[Lift]) -> None:
    """Give a load without a unit the last unit stated before it ("100kg x5, then 90 x8").

    Only forward: a unit stated later ("then RDLs at 60kg, kilo plates") says nothing about
    the loads before it, which keep the athlete's own unit.
    """
    unit = None
    for lift in lifts:
        for group in lift.groups:
            if group.load is not None and group.load.unit is None:
                group.load.unit = unit
            elif group.load is not None:
                unit = group.load.unit


def _scope(text: str, mentions: list[Mention], index: int) -> tuple[int, int]:
    """The span of text that belongs to mention `index`.

    Back to the separator before it (unless the previous movement is closer) and on to the
    separator before the next movement.
    """
    mention = mentions[index]
    low = mentions[index - 1].end if index else 0
    start = _last_separator(text, low, mention.start)
    if start is None:
        start = mention.start if index else low
    if index + 1 < len(mentions):
        following = mentions[index + 1]
        end = _last_separator(text, mention.end, following.start)
        end = following.start if end is None else end
    else:
        end = len(text)
    return start, end


def _last_separator(text: str, low: int, high: int) -> int | None:
    """End of the last top-level separator in text[low:high], or None."""
    depth, last = 0, None
    for position in range(low, high):
        char = text[position]
        depth += (char == "(") - (char == ")")
        if depth <= 0:
            match = _SEPARATOR.match(text, position, high)
            if match:
                last = match.end()
    return last


def _counts_not_loads(groups: list[Group]) -> None:
    """Read a bare number with a bodyweight movement as reps ("100 double unders")."""
    for group in groups:
        load = group.load
        if (
            load is not None
            and load.unit is None
            and group.reps is None
            and load.value.is_integer()
        ):
            group.load, group.reps, group.count = None, int(load.value), group.count or 1


def _without_complex_parts(
    mentions: list[Mention], text: str
) -> tuple[list[Mention], dict[int, str]]:
    """Drop movements listed inside "snatch complex (pull + hang snatch + snatch)"."""
    kept: list[Mention] = []
    complexes: dict[int, str] = {}
    skip_until = -1
    for mention in mentions:
        if mention.start < skip_until:
            continue
        match = _COMPLEX.match(text, mention.end)
        if match and match.group().strip():
            complexes[len(kept)] = match[1].strip("()") if match[1] else "complex"
            skip_until = match.end()
        kept.append(mention)
    return kept, complexes


def _share_each(lifts: list[Lift]) -> None:
    """Give "4 sets each" to the earlier lifts without sets ("curls and pushdowns, 4 sets each").

    A complex's sets go to the lifts named in it too ("hang clean + jerk complex, 5 x (2+1)").
    """
    for index, lift in enumerate(lifts):
        if not ((lift.each or lift.complex_structure) and lift.groups):
            continue
        back = index - 1
        while back >= 0 and not lifts[back].groups:
            lifts[back].groups = [replace(g, reps_list=list(g.reps_list)) for g in lift.groups]
            back -= 1


def _carry_emom_reps(lifts: list[Lift]) -> None:
    """Let an EMOM without reps keep the last one's ("snatch singles EMOM 10, then C&J EMOM 8")."""
    reps: int | None = None
    for lift in lifts:
        for group in lift.groups:
            if group.emom and group.reps is None:
                group.reps = reps
            elif group.emom:
                reps = group.reps


def _merge(lifts: list[Lift]) -> list[Lift]:
    merged: dict[str, Lift] = {}
    for lift in lifts:
        if lift.movement.name in merged:
            merged[lift.movement.name].groups += lift.groups
        else:
            merged[lift.movement.name] = lift
    return list(merged.values())
