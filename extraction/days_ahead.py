"""A day of this week still ahead: "Half marathon this Sunday!" said on a Thursday.

"This Sunday" said before Sunday is the coming one, and a session on it is a plan, not last
Sunday's log. It is written "next Sunday" (same length, so offsets hold), which the plan
rules know, unless its sentence says the session was done ("ran a half this Sunday").
"""

from __future__ import annotations

import datetime as dt
import re

from .literal_gate import compile_gated
from .log_detection import says_done

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_THIS_DAY = compile_gated(
    r"\b(this)\s(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def mark_days_ahead(text: str, today: dt.date) -> str:
    """The text with each "this <day>" still ahead this week written "next <day>"."""
    if "this" not in text.lower():
        return text
    for match in _THIS_DAY.finditer(text):
        if _DAYS.index(match[2].lower()) <= today.weekday():
            continue
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0)
        end = _SENTENCE_END.search(text, match.end())
        if says_done(text[start : end.start() if end else len(text)].lower()):
            continue
        word = "Next" if match[1][0] == "T" else "next"
        text = text[: match.start(1)] + word + text[match.end(1) :]
    return text
