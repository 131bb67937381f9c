"""A load said by reference to an earlier one: "same bell", "same weight", "same dbs".

"100 swings with the 35lb bell, then 5x5 goblet squats same bell": the squats' sets carry
the last load stated before them.
"""

from __future__ import annotations

import re

from .raw_loads import RawLoad
from .set_groups import Group

SAME_LOAD = re.compile(
    r"\b(?:same|that)\s(?:bell|kb|kettlebell|weight|load|dbs?|dumbbells?|bar|plates?)\b"
    r"|\bat the same\b|\b(?:with|w/?) the same\b"
)


def carry_same_load(scope: str, groups: list[Group], last: RawLoad | None) -> list[Group]:
    """The scope's groups with the last load given to them when the scope says "same bell".

    A scope with a load of its own keeps it; with no sets, the load is one group of its own.
    """
    if last is None or SAME_LOAD.search(scope) is None or any(g.load for g in groups):
        return groups
    if not groups:
        return [Group(load=last)]
    for group in groups:
        group.load = last
    return groups
