"""Clock times that say when a class or session began, not how long it lasted.

"Went to the 5:30 HIIT class, 45 min" lasted 45 minutes, not 5:30; nor did "the 6:15 spin"
or "my 12:00 session". The clock is blanked (offsets kept), so only the duration is read.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_STARTS_AT = compile_gated(
    r"\b(?:the|my|our|at|to|for)\s(?P<clock>[0-2]?\d[:.][0-5]\d)"
    r"(?=\s(?:[\w'&-]+\s){0,2}(?:class|classes|session|bootcamp|boot camp|wod|spin|yoga|"
    r"hiit|practice|group|crew|sesh|meetup)\b)",
    re.IGNORECASE,
)


def blank_class_times(text: str) -> str:
    """The text with the starting times of classes and sessions blanked."""
    if ":" not in text and "." not in text:
        return text
    for match in _STARTS_AT.finditer(text):
        start, end = match.span("clock")
        text = text[:start] + " " * (end - start) + text[end:]
    return text
