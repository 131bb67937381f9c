"""A multisport race's legs are one session: "Swim 27:40, T1 3:10, bike 1:16:20, T2 1:45, run".

Transitions (T1, T2) are said only between the legs of one race, so a message that names
them logs the swim, the ride and the run of the same day as one workout. A brick is
training, not a race: its ride and its run are two sessions, however slow its T2 was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .literal_gate import compile_gated

if TYPE_CHECKING:
    from .sessions import Session

_TRANSITION = compile_gated(r"\bt[12]\b|\btransitions?\b")
_BRICK = compile_gated(r"\bbricks?\b")


def join_race_legs(lower: str, sessions: list[Session]) -> list[Session]:
    """The sessions with each run of same-day endurance legs joined, when transitions are said."""
    if _TRANSITION.search(lower) is None or _BRICK.search(lower) is not None:
        return sessions
    joined: list[Session] = []
    for session in sessions:
        last = joined[-1] if joined else None
        if last is not None and _leg(last) and _leg(session) and last.date == session.date:
            last.clauses += session.clauses
        else:
            joined.append(session)
    return joined


def _leg(session: Session) -> bool:
    return session.kind == "endurance"
