"""Lists of reps paired with lists of loads, one set per place.

`10/8/6 @ 100/110/120`, `3-3-3-3 @ 225/245/265/275`, `3/3/3+ @ 105/120/135`,
`135/155/175 x 5`, `45/50/55kg x 12/10/8`, `30s/20s/15s x 10`, `35/40/45 triples`,
`drop set 50/40/30 kg`: the lifter writes the reps and the loads as two lists (or one list and
one number) and means the n-th rep count with the n-th load. `set_notation` owns the tokens;
this module holds their patterns and reads a match into (reps, load, amrap) per set.
"""

from __future__ import annotations

import re

from .raw_loads import RawLoad, make_load

UNIT = r"(?:lbs?|pounds?|#|kgs?|kilos?|kilograms?|pood)"
NUM = r"\d{1,4}(?:\.\d{1,2})?"
_ITEM = rf"{NUM}(?:s\b|\s?{UNIT}(?![a-z]))?\+?"
_LIST = (
    rf"{_ITEM}(?:\s{{0,3}}/\s{{0,3}}{_ITEM}){{1,9}}(?:\s?{UNIT}(?![a-z]))?"
    rf"|{_ITEM}(?:\s{{0,3}}-\s{{0,3}}{_ITEM}){{2,9}}(?:\s?{UNIT}(?![a-z]))?"
)
"""Two or more numbers split by "/", or three or more split by "-" ("3-3" may be a range);
a cleaned arrow ("70→50→30") reads as " - "."""

_DROPS = (
    rf"{_ITEM}(?:\s{{0,3}}(?:[/>,-]|→|->)\s{{0,3}}{_ITEM}(?!\s?(?:x|min|sec|reps?)\b)){{1,9}}"
    rf"(?:\s?{UNIT}(?![a-z]))?"
)
"""A drop set's loads, heaviest first: "25kg → 20 → 15", "70->50->30", "50/40/30 kg" (a
session's clauses are joined with commas, so a cleaned arrow may come as one)."""

PAIRED = (
    rf"(?P<lists>(?<![\d./:-])(?P<ls_a>{_LIST})\s?(?P<ls_op>@|\bat\b|\bwith\b|\bw/|x|\bfor\b)\s?"
    rf"(?P<ls_b>{_LIST}|{NUM}(?:s\b|\s?{UNIT}(?![a-z]))?\+?)(?![\d/.:x-]))"
    rf"|(?P<kinds>(?<![\d./:-])(?P<kd_a>{_LIST})\s(?P<kd_k>single|double|triple)s\b)"
    rf"|(?P<drops>\b(?:drop(?:\s?set)?s?|strip(?:ped|ping)?(?: down)?(?: to)?):?\s(?:@\s?)?"
    rf"(?P<dr_a>{_DROPS})|(?<![\d./:-])(?P<dr_b>{_DROPS}),?\s(?=drop|strip))"
)
"""The list tokens; put before the single-number tokens so a list is read whole."""

_ITEMS = re.compile(rf"({NUM})(s\b|\s?{UNIT}(?![a-z]))?(\+)?")
_TAIL_UNIT = re.compile(rf"{UNIT}$")
_KIND_REPS = {"single": 1, "double": 2, "triple": 3}

Set = tuple[int | None, RawLoad | None, bool]
"""One set as listed: its reps, its load and whether it was taken to failure ("3+")."""


def paired_sets(m: re.Match[str]) -> list[Set]:
    """The sets of a list token, in order."""
    if m["kinds"]:
        return [(_KIND_REPS[m["kd_k"]], load, False) for load in _loads(m["kd_a"])]
    if m["drops"]:
        return [(None, load, False) for load in _loads(m["dr_a"] or m["dr_b"])]
    a, b, op = m["ls_a"], m["ls_b"], m["ls_op"]
    if op in ("x", "for") and _loads_first(a, b):
        a, b = b, a  # "135/155/175 x 5": the loads come first
    counts = [(int(float(v)), bool(plus)) for v, _, plus in _ITEMS.findall(a)]
    loads = _loads(b)
    return [
        (
            counts[min(i, len(counts) - 1)][0],
            loads[min(i, len(loads) - 1)],
            i < len(counts) and counts[i][1],
        )
        for i in range(max(len(counts), len(loads)))
    ]


def _loads_first(a: str, b: str) -> bool:
    """In "A x B", whether A holds the loads: the side with a unit, else the heavier one."""
    a_unit, b_unit = _has_unit(a), _has_unit(b)
    if a_unit != b_unit:
        return a_unit
    return max(_values(a)) > max(_values(b))


def _has_unit(text: str) -> bool:
    return any(suffix.strip() for _, suffix, _ in _ITEMS.findall(text))


def _values(text: str) -> list[float]:
    return [float(v) for v, _, _ in _ITEMS.findall(text)]


def _loads(text: str) -> list[RawLoad | None]:
    """The loads of a list; a unit written once at its end is every item's."""
    items = _ITEMS.findall(text)
    tail = _TAIL_UNIT.search(text.strip())
    shared = (
        tail[0]
        if tail
        else next((u.strip() for _, u, _ in items if u.strip() not in ("", "s")), None)
    )
    return [make_load(v, u.strip() if u.strip() not in ("", "s") else shared) for v, u, _ in items]
