"""Dates written in numbers ("14/03", "3/14", "14.10.", "1/10/26"), read in the athlete's locale.

"1/10" is the 10th of January in Denver and Tokyo but the 1st of October in London: the
athlete's time zone names their country, and the country its order. Each date read is
written out as an ISO date, which the date grammar (`dates`) reads in one form only.

Without a year, numbers are a date only where a date stands: opening a line (after a bullet
or a day's name), after "on", or alone in parentheses, and never before a unit or an
interval word ("1/2 marathon", "20/10 tabata", "30/30s"). With a year they are one anywhere.
A line opening on an ordinal ("14th - 10k") and a day's name with its day of the month
("Wed 22 -", "Saturday 29th", when the two agree) are dated the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
from typing import Literal

from .literal_gate import compile_gated

Order = Literal["month_first", "day_first", "nearest"]

_MONTH_FIRST = frozenset({"US", "CA", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "VI", "UM"})
"""Countries that write the month before the day (the United States and its neighbours)."""
_YEAR_FIRST = frozenset({"JP", "KR", "KP", "CN", "TW", "MN", "HU"})
"""Countries that write year, month, day: without the year, the month comes first too."""
_LEGACY = {"US": "US", "Canada": "CA", "Japan": "JP", "ROK": "KR", "PRC": "CN", "ROC": "TW"}
"""Old zone names ("US/Eastern", "Japan") and their countries."""
_RECENT_DAYS = 60
"""A date without a year is a recent one: "20/10" that is no date in the last two months is
a tabata's work and rest."""
_OLDEST_DAYS = 400
"""A date with a year is logged up to about a year back."""

_DAY_NAME = (
    r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
)
_SLOT = rf"(?:(?:^|\n)[ \t]*(?:[-*•>]+[ \t]*)?(?:(?:{_DAY_NAME}),?[ \t])?|\bon[ \t]|\()"
"""Where a date without a year stands: a line's head, after "on", or in parentheses."""
_NOT_AFTER = (
    r"(?!\s?(?:s|x|sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|on|off|splits?|tabata|"
    r"intervals?|cals?|calories|reps?|sets?|rounds?|m|km|k|mi|miles?|marathon|mara|of|way|"
    r"laps?|lengths?|kg|kgs|lbs?|%|pace|ratio|work|done|complete|ish)\b|\s?[%x*/])"
)
_NUMBERS_JOINED = compile_gated(r"\d[/.-]\d")
"""A cheap look for a numeric date before the full patterns are tried."""
_WITH_YEAR = compile_gated(
    r"(?<![\w/.:-])(?P<a>[0-3]?\d)(?:(?P<sep>[/.])|-(?=\d+-20\d\d))(?P<b>[0-3]?\d)"
    r"(?(sep)(?P=sep)|-)(?P<y>20\d\d|\d\d)(?![\w/:]|[.-]\d)"
)
"""With a year: "14/03/2026", "3/14/26", "14.10.2025", "14-03-2026" (a dash only before a
four-digit year: "12-10-8" is a rep scheme)."""
_SLASHED = compile_gated(
    rf"(?P<head>{_SLOT})(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\w/]|[.:]\d){_NOT_AFTER}",
    re.IGNORECASE,
)
_DOTTED = compile_gated(
    rf"(?P<head>(?:^|\n)[ \t]*(?:[-*•>]+[ \t]*)?(?:(?:{_DAY_NAME}),?[ \t])?)"
    r"(?P<a>[0-3]?\d)\.(?P<b>[01]\d)\.?(?![\w/]|[.:]\d)" + _NOT_AFTER,
    re.IGNORECASE,
)
"""A day-first date with dots, "14.10" or "14.10.", only opening a line (a "5.5" is miles)."""


def spell_numeric_dates(text: str, today: dt.date, tz: str) -> str:
    """The text with each numeric date that reads as a recent past date written as ISO.

    Args:
        text: the normalised message.
        today: the athlete's local date; a date read is never after it.
        tz: the athlete's IANA zone, which says the order of day and month.
    """
    if _NUMBERS_JOINED.search(text):
        order = date_order(tz)
        text = _WITH_YEAR.sub(lambda m: _dated(m, today, order, with_year=True), text)
        if "/" in text:
            text = _SLASHED.sub(lambda m: _dated(m, today, order), text)
        if "." in text:
            text = _DOTTED.sub(lambda m: _dated(m, today, "day_first"), text)
    if _LINE_ORDINAL.search(text):
        text = _LINE_ORDINAL.sub(lambda m: _ordinal_dated(m, today), text)
    return _WEEKDAY_NUMBER.sub(lambda m: _weekday_dated(m, today), text)


def _ordinal_dated(m: re.Match[str], today: dt.date) -> str:
    """A line's day of the month, this month's or the last one's (never ahead of today)."""
    for back in range(2):
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        try:
            date = dt.date(year, month + 1, int(m["day"]))
        except ValueError:
            continue
        if date <= today:
            return m["head"] + date.isoformat()
    return m[0]


def _weekday_dated(m: re.Match[str], today: dt.date) -> str:
    """The day's name with the recent date it agrees with, or the words as they were."""
    weekday = _WEEKDAYS.index(m["name"][:3].lower())
    back = (today.weekday() - weekday) % 7
    for weeks in range(_RECENT_DAYS // 7 + 1):
        date = today - dt.timedelta(days=back + 7 * weeks)
        if date.day == int(m["day"]):
            return f"{m['name']} {date.isoformat()}"
    return m[0]


_WEEKDAY_NUMBER = compile_gated(
    rf"\b(?=[mtwfs])(?P<name>{_DAY_NAME})\s(?:the\s)?(?P<day>[0-3]?\d)"
    r"(?:(?:st|nd|rd|th)\b|(?=\s?[-:,;)]\D|\s?$))",
    re.IGNORECASE | re.MULTILINE,
)
"""A day's name and its day of the month, as a label or an ordinal ("Wed 22 - 5 mi",
"Saturday 29th"): a date when the two agree on a recent day."""
_LINE_ORDINAL = compile_gated(
    r"(?P<head>(?:^|\n)[ \t]*(?:[-*•>]+[ \t]*)?)(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s?[:)-])",
    re.IGNORECASE,
)
"""A line opening with a day of the month: "14th - 10k", "3rd: squats"."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _dated(m: re.Match[str], today: dt.date, order: Order, with_year: bool = False) -> str:
    date = read_numeric_date(
        int(m["a"]), int(m["b"]), today, order, int(m["y"]) if with_year else None
    )
    if date is None:
        return m[0]
    head = m.groupdict().get("head") or ""
    return head + date.isoformat()


def read_numeric_date(
    first: int, second: int, today: dt.date, order: Order, year: int | None = None
) -> dt.date | None:
    """The date two numbers name, in the locale's order first, else in the other.

    A reading is kept only if it is a real date on or before today and recent: within about
    two months without a year, about a year with one. Where the order is unknown ("nearest",
    a UTC profile), the more recent reading wins.
    """
    readings = [(first, second), (second, first)]
    if order == "day_first":
        readings.reverse()
    found = [d for month, day in readings if (d := _recent(month, day, today, year)) is not None]
    if not found:
        return None
    return max(found) if order == "nearest" else found[0]


def _recent(month: int, day: int, today: dt.date, year: int | None) -> dt.date | None:
    if year is not None:
        years = [year + 2000 if year < 100 else year]
        oldest = _OLDEST_DAYS
    else:
        years, oldest = [today.year, today.year - 1], _RECENT_DAYS
    for candidate in years:
        try:
            date = dt.date(candidate, month, day)
        except ValueError:
            return None
        if date <= today:
            return date if (today - date).days <= oldest else None
    return None


@functools.lru_cache(maxsize=64)
def date_order(tz: str) -> Order:
    """Whether the athlete writes the month or the day first, from their zone's country."""
    countries = _countries()
    # an old name for a zone ("America/Buenos_Aires") ends as its current one does
    country = _LEGACY.get(tz.split("/")[0]) or countries.get(tz) or countries.get(_city(tz))
    if country is None:
        return "nearest"
    return "month_first" if country in _MONTH_FIRST | _YEAR_FIRST else "day_first"


def _city(tz: str) -> str:
    return "/" + tz.rsplit("/", 1)[-1]


@functools.cache
def _countries() -> dict[str, str]:
    """Zone name (and "/City") -> ISO country code, from the IANA table tzdata ships."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in table.splitlines() if line and line[0] != "#"]
    zones = {row[2]: row[0] for row in rows if len(row) >= 3}
    return {**{_city(zone): country for zone, country in zones.items()}, **zones}
