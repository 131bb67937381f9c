"""Numbers written as words, read as digits before anything else parses the message.

A small grammar over words: units ("five"), teens ("twelve"), tens with an optional unit
("twenty-five", "forty five"), dumbbells by their tens ("the sixties" = "the 60s"), hundreds
("a hundred", "one hundred and ten", "twenty five hundred"), decimals said aloud ("six
point two", "three and a half") and the way lifters say loads aloud ("two twenty-five" =
225, "four oh five" = 405). "Three by ten" is set notation and becomes "3x10". "one" and
"a" stay words unless a count or unit follows ("one arm row", "a bit"), and a number that is
part of a name ("Filthy Fifty") stays too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .literal_gate import compile_gated
from .spoken_clocks import clock_groups

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_PLURAL_TENS = compile_gated(
    r"\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b", re.IGNORECASE
)
"""A pair of dumbbells by their tens: "with the sixties" = "with the 60s"."""
_WORD = r"[A-Za-z]+"
_NUMBER_WORD = compile_gated(
    r"\b(?:" + "|".join((*_UNITS, *_TEENS, *_TENS, "hundred", "a", "oh")) + r")\b",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"\s(?:sets?|reps?|rounds?|rds?|times|x|by|minutes?|mins?|seconds?|secs?|hours?|hrs?|"
    r"miles?|mi|km|k|kilomet(?:er|re)s?|met(?:er|re)s?|yards?|yds?|laps?|lengths?|pounds?|lbs?|kilos?|kgs?|"
    r"calories|cals?|more rounds?|plus)\b",
    re.IGNORECASE,
)
_NAMES_BEFORE = re.compile(r"\b(?:filthy|the)\s$", re.IGNORECASE)
_Reader = Callable[[int], str | None]
"""The word `offset` tokens on from a phrase's start, if joined to the one before it."""
_TIME_BEFORE = compile_gated(r"\b(?:in|time(?: of)?|took(?: me)?)\s$", re.IGNORECASE)
_SPOKEN_DECIMAL = compile_gated(
    r"(?<![\d.])(\d{1,3}) (?:point (\d{1,2})(?![\d.])|and a half\b)", re.IGNORECASE
)
"""Decimals said aloud: "six point two miles", "three and a half hours"."""
_THOUSANDS = compile_gated(r"(?<![\d.])(\d{1,2}) thousand\b", re.IGNORECASE)
"""Thousands said aloud: "ten thousand meters"."""
_BY = compile_gated(r"(?<![\d.])(\d{1,3}) by (\d{1,3})(?![\d.])", re.IGNORECASE)


def digits_for_words(text: str) -> str:
    """The text with number words written as digits (see the module docstring)."""
    text = _PLURAL_TENS.sub(lambda m: f"{_TENS[m[1].lower() + 'y']}s", text)
    if _NUMBER_WORD.search(text) is None:
        return _spoken(text)
    out: list[str] = []
    position = 0
    for start, end, value in _phrases(text):
        words = text[start:end].lower().split()
        if words[0] in ("one", "a") and len(words) == 1 and not _COUNTED.match(text, end):
            continue
        if _NAMES_BEFORE.search(text[max(0, start - 8) : start]) and not _COUNTED.match(text, end):
            continue
        said = str(value)
        if len(words) > 1 and value >= 100 and _TIME_BEFORE.search(text[:start]):
            said = f"{value // 100}:{value % 100:02d}"  # "Fran in eight fifty-seven"
        out += [text[position:start], said]
        position = end
    out.append(text[position:])
    return clock_groups(_spoken(_BY.sub(r"\1x\2", "".join(out))))


def _spoken(text: str) -> str:
    """Decimals and thousands said aloud, once their numbers are digits."""
    return _THOUSANDS.sub(r"\g<1>000", _SPOKEN_DECIMAL.sub(_decimal, text))


def _decimal(match: re.Match[str]) -> str:
    return f"{match[1]}.{match[2] or 5}"


def _phrases(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number phrase, longest first, left to right."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(_WORD, text)]
    found: list[tuple[int, int, int]] = []
    index = 0
    while index < len(tokens):
        parsed = _parse(tokens, index, text)
        if parsed is None:
            index += 1
            continue
        size, value = parsed
        found.append((tokens[index][0], tokens[index + size - 1][1], value))
        index += size
    return found


def _parse(tokens: list[tuple[int, int, str]], index: int, text: str) -> tuple[int, int] | None:
    """How many tokens from `index` make one number, and its value; None if none does."""

    def word(offset: int) -> str | None:
        at = index + offset
        if at >= len(tokens):
            return None
        if offset and not _joined(text, tokens[at - 1][1], tokens[at][0]):
            return None
        return tokens[at][2]

    first = word(0)
    if first in ("a", "one") and word(1) == "hundred":
        return _after_hundred(word, 2, 100)
    if first in _UNITS and word(1) == "hundred":
        return _after_hundred(word, 2, _UNITS[first] * 100)
    if first in _UNITS and first != "zero" and word(1) in _TENS:
        size, tens = _tens(word, 1)
        return 1 + size, _UNITS[first] * 100 + tens
    if first in _UNITS and first != "zero" and word(1) == "oh" and word(2) in _UNITS:
        return 3, _UNITS[first] * 100 + _UNITS[word(2) or ""]
    if first in _TENS:
        size, value = _tens(word, 0)
        return (size + 1, value * 100) if word(size) == "hundred" else (size, value)
    if first in _TEENS:
        return (2, _TEENS[first] * 100) if word(1) == "hundred" else (1, _TEENS[first])
    if first in _UNITS:
        return 1, _UNITS[first]
    return None


def _tens(word: _Reader, offset: int) -> tuple[int, int]:
    """Read "forty" or "forty five" from `offset`: (tokens used, value)."""
    tens = _TENS[word(offset) or ""]
    unit = word(offset + 1)
    if unit in _UNITS and unit != "zero":
        return 2, tens + _UNITS[unit]
    return 1, tens


def _after_hundred(word: _Reader, offset: int, hundreds: int) -> tuple[int, int]:
    """Add what follows "hundred": "one hundred and ten", "two hundred twenty five"."""
    skip = 1 if word(offset) == "and" else 0
    following = word(offset + skip)
    if following in _TENS:
        size, tens = _tens(word, offset + skip)
        return offset + skip + size, hundreds + tens
    if following in _TEENS:
        return offset + skip + 1, hundreds + _TEENS[following]
    if following in _UNITS and following != "zero":
        return offset + skip + 1, hundreds + _UNITS[following]
    return offset, hundreds


def _joined(text: str, end: int, start: int) -> bool:
    """Two number words belong together: a space or a hyphen between them, nothing else."""
    return text[end:start] in (" ", "-")
