"""Date arithmetic on the athlete's calendar: the periods they name in words.

"last week", "on Tuesday", "in October", "since the 3rd", "yesterday", "last 10 days",
ISO dates.

Weeks run Monday to Sunday; "today" is the athlete's date in their profile's time zone,
so "last week" is their previous calendar week, never a rolling seven days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_ISO = r"\d{4}-\d{2}-\d{2}"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(rf"({_ISO})\s*(?:\.\.|to|until|-|–)\s*({_ISO})")),
    ("iso", re.compile(rf"\b({_ISO})\b")),
    ("today", re.compile(r"\b(today|this morning|tonight)\b")),
    ("yesterday", re.compile(r"\byesterday\b")),
    ("last_n", re.compile(r"\b(?:last|past) (\d{1,3}) (day|week|month)s?\b")),
    ("this_week", re.compile(r"\bthis week\b")),
    ("last_week", re.compile(r"\blast week\b")),
    ("this_month", re.compile(r"\bthis month\b")),
    ("last_month", re.compile(r"\blast month\b")),
    (
        "since_month_day",
        re.compile(rf"\bsince (?:the )?(?:{_ORDINAL} (?:of )?({_MONTH})|({_MONTH}) {_ORDINAL})\b"),
    ),
    ("since_day", re.compile(rf"\bsince (?:the )?{_ORDINAL}\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?:on )?(?:the )?(?:{_ORDINAL} (?:of )?({_MONTH})|({_MONTH}) {_ORDINAL})\b"
        ),
    ),
    ("weekday", re.compile(r"\b(last )?(" + "|".join(WEEKDAYS) + r")\b")),
    ("on_day", re.compile(rf"\bon the {_ORDINAL}\b")),
    ("month", re.compile(rf"\b(?:in |during )?({_MONTH})(?: (\d{{4}}))?\b")),
]


@dataclass(frozen=True)
class Period:
    """An inclusive date range and how the athlete said it."""

    start: date
    end: date
    label: str

    @property
    def days(self) -> int:
        """How many days the period spans, both ends included."""
        return (self.end - self.start).days + 1


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of `day`'s calendar week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _past_month_day(today: date, month: int, day: int) -> date | None:
    """The latest `month`/`day` on or before today."""
    for year in (today.year, today.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= today:
            return found
    return None


def _past_day_of_month(today: date, day: int) -> date | None:
    """The latest day-of-month `day` on or before today (this month or the one before)."""
    month_start = today.replace(day=1)
    for start in (month_start, (month_start - timedelta(days=1)).replace(day=1)):
        try:
            found = start.replace(day=day)
        except ValueError:
            continue
        if found <= today:
            return found
    return None


def resolve_period(text: str, today: date) -> Period | None:
    """The period `text` names, relative to the athlete's `today`; None if it names none."""
    low = text.lower()
    for kind, pattern in _RULES:
        match = pattern.search(low)
        if match is None:
            continue
        found = _resolve(kind, match, today)
        if found is not None:
            start, end = found
            return Period(start, min(end, today) if start <= today else end, match.group(0).strip())
    return None


def _resolve(kind: str, m: re.Match[str], today: date) -> tuple[date, date] | None:
    if kind == "range":
        return date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
    if kind == "iso":
        day = date.fromisoformat(m.group(1))
        return day, day
    if kind == "today":
        return today, today
    if kind == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if kind == "last_n":
        count, unit = int(m.group(1)), m.group(2)
        days = count * {"day": 1, "week": 7, "month": 30}[unit]
        return today - timedelta(days=days - 1), today
    if kind == "this_week":
        return week_of(today)
    if kind == "last_week":
        return week_of(today - timedelta(days=7))
    if kind == "this_month":
        return _month_range(today.year, today.month)
    if kind == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return _month_range(last.year, last.month)
    if kind in ("since_month_day", "month_day"):
        day_text = m.group(1) or m.group(4)
        month_text = m.group(2) or m.group(3)
        found = _past_month_day(today, MONTHS[month_text], int(day_text))
        if found is None:
            return None
        return (found, today) if kind == "since_month_day" else (found, found)
    if kind in ("since_day", "on_day"):
        found = _past_day_of_month(today, int(m.group(1)))
        if found is None:
            return None
        return (found, today) if kind == "since_day" else (found, found)
    if kind == "weekday":
        back = (today.weekday() - WEEKDAYS[m.group(2)]) % 7
        if back == 0 and m.group(1):
            back = 7
        day = today - timedelta(days=back)
        return day, day
    if kind == "month":
        month = MONTHS[m.group(1)]
        if m.group(1) in ("may",) and not m.group(0).startswith(("in ", "during ")):
            return None  # "may" is usually the verb
        year = int(m.group(2)) if m.group(2) else today.year - (month > today.month)
        return _month_range(year, month)
    return None
