"""Messages sent after midnight about the day that has not ended for the athlete.

"It's 00:40, can't sleep. Did 30 min on the bike before bed" and "it's 1:30am, still on
shift, rowed at 10pm" log the day before the calendar's: someone still up speaks of the
evening just gone as today, and calls it "last night" or "yesterday evening" too. The clock
time said is blanked, so it reads as no duration.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_NOW = compile_gated(
    r"\b(?:it'?s|its|it is|now(?: it'?s)?|time is)\s(?:already |just |nearly |almost |now )?"
    r"(?:(?:past|gone|after) midnight\b"
    r"|(?P<clock>(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<am>am\b|a\.m\.)?))",
    re.IGNORECASE,
)
_OPENING = compile_gated(
    r"^\s*(?P<clock>(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<am>am\b|a\.m\.)?)"
    r"(?=\s?(?:and|here|now|already|,|-|lol)\b)",
    re.IGNORECASE,
)
"""A message that opens on the time it is: "00:40 and just home from the gym"."""
_JUST_GONE = compile_gated(
    r"\b(?:last night|yesterday (?:evening|night)|(?<=pm )yesterday|yesterday(?= at \d+(?::\d\d)?"
    r"\s?pm\b))(?!\s(?:shift|of)\b)",
    re.IGNORECASE,
)
"""After midnight, the evening just gone: the day the athlete is still in."""
_PAST_MIDNIGHT = compile_gated(
    r"\b(?:past|after|gone) midnight (?:here|now|already|for me)\b|"
    r"\b(?:posting|logging|writing|sending)(?: \w+){0,2} (?:past|after) midnight\b",
    re.IGNORECASE,
)
"""Past midnight said without "it's": "after midnight here but logging tonight's climb",
"(posting after midnight)"."""
_ASIDE = compile_gated(
    r"\((?P<clock>(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<am>am\b|a\.m\.))\)",
    re.IGNORECASE,
)
"""The time now in brackets: "can't sleep (1:15am)"."""
_PACE = re.compile(r"\s?(?:/|pace|per|min|mile|km)")
_LAST_HOUR = 4
"""Up to this hour a message is still the night of the day before."""


def after_midnight(text: str) -> tuple[str, bool]:
    """The text with the time it says it is blanked, and whether that is past midnight.

    A time counts with "am" ("it's 1:30am", "now 12:15 am"), or written on the 24-hour clock
    with its minutes ("it's 00:40", "now 0:30"). Any clock said as the time now ("it's 7:30
    and I just ran 5k") is blanked: it is no duration, and no route "is 7:30" long.
    """
    if "midnight" not in text.lower() and ":" not in text and "am" not in text.lower():
        return text, False
    late = _PAST_MIDNIGHT.search(text) is not None
    for match in (*_OPENING.finditer(text), *_NOW.finditer(text), *_ASIDE.finditer(text)):
        if match["clock"] is None:
            late = True
            continue
        if not (match["minute"] or match["am"]) or _PACE.match(text, match.end()):
            continue
        hour = int(match["hour"])
        late = late or bool(
            (match["am"] and (hour == 12 or hour <= _LAST_HOUR))
            or (match["hour"].startswith("0") and hour <= _LAST_HOUR)
        )
        start, end = match.span("clock")
        text = text[:start] + " " * (end - start) + text[end:]
    return (_JUST_GONE.sub("tonight", text) if late else text), late
