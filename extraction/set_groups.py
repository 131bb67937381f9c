"""Groups of identical sets, and the small readings that make them from one token.

`set_notation` reads a movement's words into these; `parser`, `lifting` and the loads pass
share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .raw_loads import RawLoad, make_load

MIN_BARE_LOAD = 20
"""A bare number this big after sets is their load; smaller ones are counts."""


@dataclass(slots=True)
class Group:
    """Identical sets: `count` sets of `reps` at `load` (reps_list for 12, 10, 9 …)."""

    count: int | None = None
    reps: int | None = None
    reps_list: list[int] = field(default_factory=list)
    load: RawLoad | None = None
    hold: float | None = None
    rpe: float | None = None
    percent: float | None = None
    rest: float | None = None
    kind: str | None = None
    """set_type: top_set, backoff, amrap, opener/second_attempt/third_attempt, …"""
    failed: bool = False
    emom: bool = False


def weight_reps_sets(m: re.Match[str]) -> Group:
    """Load, reps, sets ("225 x 5 x 3", "75% x 2 x 5") or sets, reps, load ("5 x 5 x 65kg").

    The load is the end with a unit, else the end that cannot be a count of sets.
    """
    first, last = float(m["wrs_w"]), float(m["wrs_s"])
    reps = int(m["wrs_r"])
    if m["wrs_p"]:
        return Group(int(last), reps, percent=first) if last.is_integer() else Group(1, reps)
    loads_last = m["wrs_su"] is not None or (
        not m["wrs_u"] and first.is_integer() and first <= 10 and last > 10
    )
    if loads_last:
        return Group(int(first), reps, load=make_load(m["wrs_s"], m["wrs_su"]))
    count = int(last) if last.is_integer() and last <= 20 else 1
    return Group(count, reps, load=make_load(m["wrs_w"], m["wrs_u"]))


def bare_set(value: float) -> Group:
    """One set from a bare number in a list: a load if it is big enough, else its reps."""
    if value >= MIN_BARE_LOAD:
        return Group(load=make_load(str(value), None))
    return Group(1, int(value))


def listed(value: float | None) -> bool:
    """A number that can be one set of a list: a load, or a whole count of reps."""
    return value is not None and (value >= MIN_BARE_LOAD or (value.is_integer() and value > 0))


def rest_seconds(m: re.Match[str]) -> float:
    """The rest a rest token states, in seconds ("90s rest", "rest 2 min", "1:30 rest")."""
    if m["rest_c"]:
        minutes, seconds = m["rest_c"].split(":")
        return int(minutes) * 60 + int(seconds)
    value, unit = (m["rest_a"], m["rest_au"]) if m["rest_a"] else (m["rest_b"], m["rest_bu"])
    return float(value) * (60 if unit.startswith("m") else 1)


def merge_set_labels(groups: list[Group]) -> list[Group]:
    """Groups with a bare count of sets said before the sets themselves folded in.

    "4 sets: 90kg x 6, 90kg x 6, 90kg x 6, 90kg x 5" (a logging app's export) lists the four
    sets after their count, and "3 sets: 100kg x 5" gives the one set's count.
    """
    out: list[Group] = []
    index = 0
    while index < len(groups):
        label = groups[index]
        index += 1
        if not is_set_label(label):
            out.append(label)
            continue
        follow = groups[index : index + (label.count or 0)]
        if len(follow) == label.count and all(one.count == 1 and one.reps for one in follow):
            continue
        if index + 1 == len(groups) and groups[index].count == 1 and groups[index].reps:
            groups[index].count = label.count
            continue
        out.append(label)
    return out


def is_set_label(group: Group) -> bool:
    """Whether a group is a bare count of sets ("4 sets:"), the sets said after it."""
    return (
        (group.count or 0) > 1
        and group.reps is None
        and not group.reps_list
        and group.load is None
        and group.hold is None
        and group.kind is None
        and not group.emom
    )
