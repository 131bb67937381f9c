"""Days named by a holiday: "the Christmas Day swim", "New Year's Day 10k", "Thanksgiving".

A holiday is the most recent one on or before today: sent on the 27th, "Christmas Day" is
the 25th.
"""

from __future__ import annotations

import datetime as dt
import re

from .literal_gate import compile_gated

_FIXED = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas day": (12, 25), "xmas": (12, 25), "boxing day": (12, 26), "st stephen's day": (12, 26),
    "new year's eve": (12, 31), "nye": (12, 31), "new year's day": (1, 1),
    "halloween": (10, 31), "st patrick's day": (3, 17), "paddy's day": (3, 17),
}  # fmt: skip
_HOLIDAY = compile_gated(
    # a look at the first letter before trying every name keeps this cheap
    r"(?<!happy )(?<!merry )\b(?=[cxbsnhpt])("
    + "|".join(sorted(map(re.escape, _FIXED), key=len, reverse=True))
    + r"|thanksgiving)\b(?! (?:plans?|dinner is|is coming|next))"
)
""""Happy Christmas!" greets; it dates nothing."""
_DAYS_BACK = 10
"""Only a holiday within the last ten days dates a session: "my Christmas goal" does not."""


def holiday_dates(text: str, today: dt.date) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of each recent holiday named in the lower-case text."""
    found = []
    for match in _HOLIDAY.finditer(text):
        date = _last(match[1], today)
        if date is not None and (today - date).days <= _DAYS_BACK:
            found.append((match.start(), match.end(), date))
    return found


def _last(name: str, today: dt.date) -> dt.date | None:
    for year in (today.year, today.year - 1):
        if name == "thanksgiving":  # the fourth Thursday of November
            first = dt.date(year, 11, 1)
            date = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        else:
            month, day = _FIXED[name]
            date = dt.date(year, month, day)
        if date <= today:
            return date
    return None
