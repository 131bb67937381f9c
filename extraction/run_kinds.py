"""The kind of run a session was (easy, long, tempo, intervals, race...), from all its cues.

Every cue found adds its weight to its kind and the best total names the run, so an explicit
word ("threshold") can outweigh the structure it is run in ("5x6' @ 3:35, 1' rest") and
"long easy run" is long. Athletes say the kind in their own language, by its structure
("6 x 1k off 90s"), or by the event ("meet today, 800 in 2:14").
"""

from __future__ import annotations

import re

from .literal_gate import GatedTable
from .schema import RunType

_RUN_CUES: GatedTable[tuple[RunType, int]] = GatedTable(
    [
        (re.compile(pattern), (run_type, weight))  # type: ignore[misc]
        for run_type, pattern, weight in (
        ("fartlek", r"\bfartlek", 4),
        ("hills", r"\bhill (?:repeats|sprints|reps|intervals)|\bhills\b", 4),
        ("hills", r"\bhill (?:session|workout|circuit|efforts?)\b|\buphill\b", 4),
        ("threshold", r"\b(?:threshold|lt|lactate|cruise intervals)\b", 3),
        ("threshold", r"\bcruise (?:intervals|reps|miles|k)\b|\bt[- ]pace\b", 4),
        ("tempo", r"\btempo\b|\bprogression run|\b(?:marathon|mp|hmp) pace\b", 3),
        ("recovery", r"\brecovery (?:run|jog)|\brecovery\b(?! (?:swim|ride|row))", 3),
        # the run after a race is its recovery ("shakeout the day after the half")
        ("recovery", r"\bday after\b(?! (?:that|tomorrow|next))|\bpost[- ]?race\b|"
                     r"\bflush(?:ing)? (?:out )?(?:the |my )?legs\b", 4),
        ("long", r"\blong run\b|\blsd\b|\b(?:long|lond|logn|lnog|lomg) (?:\w+ )?run\b", 4),
        ("long", r"\blong\b", 2),
        ("race", r"\b(?:race|raced|racing|race day|parkrun)\b", 3),
        ("race", r"\brace pace\b", -3),
        ("race", r"\b(?:pb|pr)\b", 2),
        ("race", r"\b(?:time trial|tt|turkey trot|fun run|charity run|cross country race|"
                 r"xc race)\b", 3),
        # an event run ("finished the 50k", "ran the B.A.A. 5K"), not a usual route
        ("race", r"\b(?:finished|ran|completed) (?:the|my first) [a-z.' ]{0,24}"
                 r"(?:\d{1,3}k|marathon|half|ultra)\b"
                 r"(?! (?:loop|route|course|trail|path|of\b))", 3),
        ("race", r"\b(?:marathon|ultra|chip time|bib|official time|finish line)\b"
                 r"|\bhalf\b(?! (?:an? |hour|mile|way|time|of\b|squat))", 2),
        ("intervals", r"\bintervals?\b|\brepeats\b|\byassos?\b|\bsprints?\b|\b[248]00s\b", 3),
        ("intervals", r"\b[1-9]00 reps\b|\bspeed ?work\b|\bvo2(?: ?max)?\b", 3),
        (
            "intervals",
            r"(?<![\d.])\d{1,2}\s?x\s?(?:\d{3,4}\s?m?\b|\d(?:\.\d)?\s?(?:k|km|mi|mile)s?\b|"
            r"\d{1,2}\s?(?:min|mins|')(?!\w))",
            3,
        ),
        ("intervals", r"\btrack\b", 1),
        ("intervals", r"\b(?:pyramid|ladder)\b|\d{3}(?:-\d{3,4}){2,}", 2),
        ("easy", r"\beasy\b|\bshakeout\b|\bzon[ae] ?2\b|\bz2\b|\bconversational\b|\baerobic\b|"
                 r"\b(?:suave|tranquilo|locker|lockerer?|footing|facile|rustig)\b", 2),
        ("easy", r"\b(?:chill|slow|gentle|relaxed|jog|jogged|jogging)\b", 1),
        ("recovery", r"\bz(?:one ?)?1\b", 3),
        ("easy", r"\bbase (?:run|miles|mileage|building)\b", 2),
        )
    ]
)  # fmt: skip
"""Cues for the kind of run, each with a weight: the best total names it ("long easy run"
is long; "5x1k w easy jog" is intervals; "race pace" is no race)."""


def run_type_of(text: str) -> RunType | None:
    """The kind of run the cues add up to (ties go to the cue listed first), or None."""
    scores: dict[RunType, int] = {}
    for _, (run_type, weight) in _RUN_CUES.matches(text):
        scores[run_type] = scores.get(run_type, 0) + weight
    best = max(scores, key=lambda name: scores[name], default=None)
    return best if best is not None and scores[best] > 0 else None
