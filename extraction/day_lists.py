"""Sentences said of several days at once, written out once per day.

"Wed and Thu both 2,800 yds", "yoga Mon, Wed and Fri, 30 min each", "Sat and Sun I went
climbing": such a sentence logs one session per day it names, so it is written out once
per day, each copy naming one day. A trip over several days ("overnight trip Sat and Sun")
stays one, dated its first day.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_DAY = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun"
)
_LIST = compile_gated(
    rf"\b(?P<days>(?:(?:{_DAY})\.?,?\s)*(?:{_DAY})\.?,?\s(?:and|&|\+|n)\s(?:{_DAY}))\b(?!')",
    re.IGNORECASE,
)
_JOINED_DAY = compile_gated(r"\s(?:and|&|\+|n)\s(?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)
"""A cheap look for a joined day before the full pattern is tried."""
_ONE_DAY = re.compile(rf"\b(?:{_DAY})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?]+|(?<!\d)\.(?!\d)|\n")
_ONE_OUTING = compile_gated(
    r"\b(?:trip|overnight|camp(?:ed|ing)?|backpack\w*|tour|weekend away|retreat)\b", re.IGNORECASE
)


def one_sentence_per_day(text: str) -> str:
    """The text with each sentence that names a list of days written once per day."""
    match = _LIST.search(text) if _JOINED_DAY.search(text) else None
    if match is None:
        return text
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0)
    ending = _SENTENCE_END.search(text, match.end())
    end = ending.start() if ending else len(text)
    before, after = text[start : match.start()], text[match.end() : end]
    rest = one_sentence_per_day(text[end:])
    days = _ONE_DAY.findall(match["days"])
    if _ONE_OUTING.search(before + after):  # one trip over the days: a range, from its first
        return text[: match.start()] + f"{days[0]}-{days[-1]}" + text[match.end() : end] + rest
    copies = ". ".join(f"{before.strip()} {day}{after}".strip() for day in days)
    return text[:start] + " " + copies + rest
