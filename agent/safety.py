"""Red flags: symptoms that mean stop and get checked, before anything else.

A message with one never logs a workout in the same turn (the log tool refuses), and
the offline reply is the safety advice alone.
"""

from __future__ import annotations

import re

RED_FLAG = re.compile(
    r"\b(chest (pain|pressure|tightness)|faint(ed|ing)?|passed out|black(ed)? out|"
    r"short(ness)? of breath|can'?t breathe|palpitations|heart (was )?racing|numb(ness)?)\b",
    re.I,
)
BODY_PARTS = (
    "knee", "shoulder", "back", "hip", "ankle", "wrist", "elbow", "neck", "hamstring",
    "calf", "achilles", "foot", "feet", "shin", "groin", "quad", "glute", "acl", "rotator",
)  # fmt: skip


def red_flag(text: str) -> str | None:
    """The red-flag symptom the message names, if any."""
    found = RED_FLAG.search(text)
    return found.group(0) if found else None


def body_parts(text: str) -> set[str]:
    """The body parts a message or memory names ("my left knee" → knee; ACL → knee)."""
    low = text.lower()
    found = {part for part in BODY_PARTS if re.search(rf"\b{part}s?\b", low)}
    if "acl" in found or "meniscus" in low:
        found.add("knee")
    if "rotator" in found:
        found.add("shoulder")
    return found
