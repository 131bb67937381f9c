"""When a workout happened: "yesterday", "last Saturday", "March 15", "this morning".

`today` is the athlete's local date, so every word resolves against it and the athlete's
offset (UTC+14 … UTC-12) never matters here. A logged workout is never in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .holidays import holiday_dates
from .literal_gate import compile_gated

PartOfDay = Literal["morning", "midday", "afternoon", "evening"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_ABBREVIATIONS = {
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
    "weds": "wednesday", "thu": "thursday", "thur": "thursday", "thurs": "thursday",
    "fri": "friday", "sat": "saturday", "sun": "sunday",
}  # fmt: skip
_DAY_LABEL = "|".join(
    sorted([*_DAY_ABBREVIATIONS, *_DAY_ABBREVIATIONS.values()], key=len, reverse=True)
)
# A date after these words is a passing reference, not when the session happened:
# "bench felt better than Monday", "first run since Tuesday", "same weight as last Thursday".
_PASSING = compile_gated(
    r"\b(?:than|since|(?:sore|tired|recover(?:ed|ing)?|different|wrecked|beat up|heavy|stiff|"
    r"achy|tight|dead|fried|toast|cooked|fatigued|smashed|trashed) from|like|"
    r"unlike|compared (?:to|with)|vs\.?|versus|as|still)\s(?:on\s|last\s|the\s)?$"
)
_SESSION_WORD = (
    r"(?:group|long|easy|tempo|recovery|intervals|track|ride|run|swim|row|hike|walk|ruck|race|"
    r"session|workout|wod|class|lift|gym|am|pm|morning|evening)\b"
)
"""After a day's abbreviation opening a line, a word that makes it a date: "Sat group ride"
(where "sat" alone may be a verb)."""
_MID_ABBREVIATIONS = (
    r"(?:mon|tues?|weds?|thu|thurs?|fri)\b(?![.']?\d)"
    # the words before are checked after "sat"/"sun" is found (".." stands for "at" or "un")
    r"|s(?:at|un)\b(?<!i s..)(?<!we s..)(?<!just s..)(?<!then s..)(?<!and s..)(?<!had s..)"
    r"(?<!the s..)(?<!he s..)(?<!she s..)(?<!they s..)(?<!you s..)"
    r"(?=\s?(?:,|\)|$|\s(?:morning|afternoon|evening|night|am|pm|with|w/|did|went|hit|trained)\b)"
    r"|\s\d{1,3}(?:\.\d)?\s?(?:k|km|mi|miles?)\b|'s\s(?:\w+\s)?(?:parkrun|long|run|ride|race|swim)"
    rf"|\s(?:\w+\s)?{_SESSION_WORD})"
    r"|sat\b(?=\swas\b)|s(?:at|un)\b(?<!the s..)(?<!a s..)(?=\s(?:just|only)\b)"
)
"""A day's abbreviation inside a line ("5k race sat morning", "rode 65km sat with the club",
"sat 10k tempo, sun 25k long", "Sat's parkrun"); "sat" and "sun" only where they cannot be
the verb or the star ("Sun just a hike")."""
_NUMBER_WORDS = {"a couple of": 2, "a couple": 2, "two": 2, "three": 3, "four": 4, "five": 5}

_PART_WORDS: dict[str, PartOfDay] = {
    "morning": "morning", "am": "morning", "before work": "morning", "sunrise": "morning",
    "lunch": "midday", "lunchtime": "midday", "noon": "midday", "midday": "midday",
    "afternoon": "afternoon", "evening": "evening", "night": "evening", "tonight": "evening",
    "pm": "evening", "after work": "evening", "dawn": "morning", "first light": "morning",
    "sunset": "evening", "sundown": "evening", "dusk": "evening",
}  # fmt: skip

_PART_RE = compile_gated(r"\b(" + "|".join(sorted(_PART_WORDS, key=len, reverse=True)) + r")\b")
_ANCHOR = re.compile(
    r"\b(?:"
    r"(?P<daybefore>(?:the\s)?day before yesterday)"
    r"|(?P<yesterday>yesterday(?:'s)?)(?:\s(?:morning|afternoon|evening|night))?"
    r"|(?<!my )(?<!the )(?P<lastnight>last night)(?!\s(?:shift|of)\b)"
    r"|(?P<today>today(?:'s)?|todays|earlier today)"
    r"|(?P<tonight>tonight)"
    r"|this\s(?P<this>morning|afternoon|evening|am|pm)"
    r"|(?<![\d.])(?P<ago>\d{1,2}|a couple(?: of)?|two|three|four|five)\sdays?\sago"
    r"|(?<![\d.])(?P<wago>[1-4]|a|one|two|three|four)\sweeks?\sago"
    r"|(?P<next>the next day|the day after|the following day)"
    r"|(?P<weekend>(?:over|during|on) the weekend|(?:this past|last|over the) weekend)"
    rf"|(?P<range>{_DAY_LABEL})\s?(?:-|to|thru|through)\s?(?:{_DAY_LABEL})\b"
    rf"|(?:^|(?<=\n))(?P<dlabel>{_DAY_LABEL})\.?(?=\s?[:)\-]|\s-\s|$)"
    rf"|(?:^|(?<=\n))(?P<lead>{'|'.join(_DAY_ABBREVIATIONS)})\.?(?=\s(?:\w+\s)?{_SESSION_WORD})"
    r"|(?P<wdlead>(?:on|last|this past)\s)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'?s)?"
    r"(?:\s(?P<wdpart>morning|afternoon|evening|night))?"
    rf"|(?:on\s)?(?<!ruck )(?<!forced )(?<!road )(?P<month>{_MONTH})\.?\s(?P<mday>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\b"
    rf"|(?:on\s)?(?:the\s)?(?P<dmday>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?(?P<dmonth>{_MONTH})\b"
    r"|(?:on\s(?:the\s)?|the\s)(?P<ord>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s(?:set|rep|round|time|week|mile|km|lap))"
    rf"|\b(?:on|last|this past)\s(?P<dabbr>{_DAY_LABEL})\b\.?"
    rf"|(?<!')(?P<midabbr>{_MID_ABBREVIATIONS})"
    r"|(?P<iso>20\d\d-[01]\d-[0-3]\d)"
    r"|(?:in\sthe\s|at\s|this\s)?(?P<part>morning|afternoon|evening|lunchtime|lunch|noon|midday"
    r"|before work|after work|at night|(?<=in\sthe\s)night|sunrise|dawn|first light|sunset"
    r"|sundown|dusk|night(?=\s(?:session|run|ride|swim|class|climb|hike|workout|training)))"
    r"|(?<![\d:.])(?P<hour>1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?P<ampm>am|pm)\b"
    r"|(?<![\d\w])(?<!\d )(?<!i )(?P<label>am|pm)(?=\s?:|\s\d)|^(?P<pmlabel>pm)(?=\s[a-z])"
    r"|(?<=[/|+&] )(?P<joined>am|pm)(?=\s[a-z])"
    rf"|^(?P<amlead>am)(?=\s(?:\w+\s)?{_SESSION_WORD})"
    r")",
)


_DIGIT = compile_gated(r"\d")
_SHORT_DAYS = {
    "m": "monday", "t": "tuesday", "tu": "tuesday", "w": "wednesday", "th": "thursday",
    "f": "friday", "sa": "saturday", "su": "sunday",
}  # fmt: skip
"""One- and two-letter days, read only as a diary line's label ("M - upper", "Th: off")."""
_SHORT_LABEL = rf"(?P<short>{'|'.join(sorted(_SHORT_DAYS, key=len, reverse=True))})(?=\s?:|\s-\s|$)"
_DIARY_START = compile_gated(rf"(?P<diary>{_DAY_LABEL})\b\.?(?=\s|$|[:)\-])|{_SHORT_LABEL}")
_DIARY_ENTRY = re.compile(rf"(?:^|\n|[.!;,]\s)(?:{_DAY_LABEL})\b\.?(?=\s|$|[:)\-])")
_SHORT_ENTRY = re.compile(rf"(?:^|\n){_SHORT_LABEL}")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A time reference in the text: a date, a part of the day, or both."""

    start: int
    end: int
    date: dt.date | None
    part: PartOfDay | None = None
    follows_previous: bool = False
    """"the next day": one day after the previous anchor's date."""
    label: bool = False
    """A diary line's day label ("Thu: …")."""
    passing: bool = False
    """A reference to another day ("better than Monday"), not the session's date."""
    exact: bool = False
    """A calendar date said in full ("2025-03-14", from "14/03"): it wins over a day's name
    said with it ("Fri 14/03")."""


def is_diary(text: str) -> bool:
    """Whether a message is a diary: two or more lines or clauses open with a day's name.

    Three or more lines labelled by a day's letters ("M - …", "Th - …") make one too.

    In one, a clause that opens with a day ("Thu 4 easy", "sat hiked …, sun pickleball")
    is that day's entry, without a colon or a dash after the day.
    """
    return len(_DIARY_ENTRY.findall(text)) >= 2 or len(_SHORT_ENTRY.findall(text)) >= 3


def find_anchors(text: str, today: dt.date, diary: bool = False) -> list[Anchor]:
    """Every date or part-of-day reference in `text`, resolved against `today`.

    Args:
        text: one lower-case clause.
        today: the athlete's local date.
        diary: the message is a diary (`is_diary`): a day opening the clause labels it.
    """
    anchors = []
    entry = _DIARY_START.match(text) if diary else None
    if entry:
        anchors.append(_label(entry, entry.lastgroup or "diary", today))
    for match in _ANCHOR.finditer(text, entry.end() if entry else 0):
        anchor = _resolve(match, today)
        if anchor is not None:
            if anchor.date is not None and _PASSING.search(
                text[max(0, match.start() - 20) : match.start()]
            ):
                anchor = Anchor(anchor.start, anchor.end, None, anchor.part, passing=True)
            anchors.append(anchor)
    if not anchors:
        anchors = [Anchor(start, end, date) for start, end, date in holiday_dates(text, today)]
    return anchors


def without_dates(text: str, anchors: list[Anchor]) -> str:
    """The text with its dates that hold digits blanked, offsets kept.

    A date's numbers ("2025-03-14", "the 3rd", "2 days ago") are no reps, loads or distances.
    """
    for anchor in anchors:
        said = text[anchor.start : anchor.end]
        if anchor.date is not None and _DIGIT.search(said):
            text = text[: anchor.start] + " " * len(said) + text[anchor.end :]
    return text


def _resolve(m: re.Match[str], today: dt.date) -> Anchor | None:
    start, end = m.start(), m.end()
    yesterday = today - dt.timedelta(days=1)
    if m["daybefore"]:
        return Anchor(start, end, today - dt.timedelta(days=2))
    if m["yesterday"]:
        return Anchor(start, end, yesterday, _part_in(m[0]))
    if m["lastnight"]:
        return Anchor(start, end, yesterday, "evening")
    if m["today"]:
        return Anchor(start, end, today)
    if m["tonight"]:
        return Anchor(start, end, today, "evening")
    if m["this"]:
        return Anchor(start, end, today, _PART_WORDS[m["this"]])
    if m["ago"]:
        days = _NUMBER_WORDS.get(m["ago"]) or int(m["ago"])
        return Anchor(start, end, today - dt.timedelta(days=days))
    if m["wago"]:
        weeks = _NUMBER_WORDS.get(m["wago"]) or (1 if m["wago"] in ("a", "one") else int(m["wago"]))
        return Anchor(start, end, today - dt.timedelta(days=7 * weeks))
    if m["next"]:
        return Anchor(start, end, None, follows_previous=True)
    if m["weekend"]:  # its first day: the last Saturday before today
        return Anchor(start, end, last_weekday(today, "saturday"))
    if m["weekday"] or m["lead"] or m["midabbr"]:
        said = m["weekday"] or m["lead"] or m["midabbr"]
        day = _DAY_ABBREVIATIONS.get(said, said)
        date = last_weekday(today, day)
        if not m["wdlead"] and _WEEKDAYS.index(day) == today.weekday():
            date = today  # a title sent the same day: "Tempo Tuesday", "Sunday long run"
        return Anchor(start, end, date, _part_in(m["wdpart"] or ""))
    if m["dlabel"]:
        return _label(m, "dlabel", today)
    if m["dabbr"] or m["range"]:
        name = _DAY_ABBREVIATIONS.get(m["dabbr"] or m["range"], m["dabbr"] or m["range"])
        return Anchor(start, end, last_weekday(today, name))
    if m["ord"]:
        return _day_of_month(start, end, today, int(m["ord"]))
    if m["month"] or m["dmonth"]:
        month = _MONTHS[m["month"] or m["dmonth"]]
        return _month_day(start, end, today, month, int(m["mday"] or m["dmday"]))
    if m["iso"]:
        try:
            date = dt.date.fromisoformat(m["iso"])
        except ValueError:
            return None
        return Anchor(start, end, date, exact=True) if date <= today else None
    if m["part"]:
        return Anchor(start, end, None, _part_in(m["part"]))
    if m["hour"]:
        return Anchor(start, end, None, _part_at(int(m["hour"]), m["ampm"]))
    label = m["label"] or m["pmlabel"] or m["amlead"] or m["joined"]
    return Anchor(start, end, None, _PART_WORDS[label])


def _part_at(hour: int, half: str) -> PartOfDay:
    """The part of the day a clock time falls in: "6am" morning, "12:30pm" midday."""
    if half == "am":
        return "morning" if 4 <= hour < 12 else "evening"
    return "midday" if hour in (12, 1) else "afternoon" if hour < 5 else "evening"


def _label(m: re.Match[str], group: str, today: dt.date) -> Anchor:
    """A diary line's day label: the last such day before today (`_diary_order` adjusts)."""
    name = _DAY_ABBREVIATIONS.get(m[group]) or _SHORT_DAYS.get(m[group], m[group])
    return Anchor(m.start(), m.end(), last_weekday(today, name), label=True)


def last_weekday(today: dt.date, name: str) -> dt.date:
    """The most recent `name` day strictly before today.

    "On Monday" said on a Monday means a week ago: someone logging today's session says
    "today".
    """
    back = (today.weekday() - _WEEKDAYS.index(name)) % 7 or 7
    return today - dt.timedelta(days=back)


def _month_day(start: int, end: int, today: dt.date, month: int, day: int) -> Anchor | None:
    """A month and day said in the past tense: this year's, or last year's if that is ahead."""
    for year in (today.year, today.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if date <= today:
            return Anchor(start, end, date)
    return None


def _day_of_month(start: int, end: int, today: dt.date, day: int) -> Anchor | None:
    """Read "on the 3rd" as this month's, or last month's when this month's is ahead."""
    year, month = today.year, today.month
    for _ in range(2):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = None
        if date is not None and date <= today:
            return Anchor(start, end, date)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _part_in(text: str) -> PartOfDay | None:
    match = _PART_RE.search(text)
    return _PART_WORDS[match[1]] if match else None
