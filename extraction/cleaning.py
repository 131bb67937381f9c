"""Input hygiene and splitting: every parser downstream sees short, clean, lower-case text."""

from __future__ import annotations

import re
import unicodedata

from .literal_gate import compile_gated
from .other_scripts import read_as_latin

MAX_CHARS = 4_000
"""Only the first 4,000 characters are read: a workout log is never longer, and it bounds work."""

_REPLACEMENTS = str.maketrans(
    {
        "×": "x",
        "–": "-",
        "—": " - ",
        "−": "-",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "′": "'",
        "″": '"',
        "→": " - ",
        "⇒": " - ",
        "\u00a0": " ",
        "½": ".5",
    }
)
_LETTERS = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "đ": "d"})
"""Letters NFKD does not split into a base letter and an accent."""
_IDIOMS = compile_gated(r"\bin a row\b|\bran (?:late|long|over)\b", re.IGNORECASE)
_JUNK = compile_gated(r"[^\x20-\x7e\n]+")
_EMOJI = compile_gated(
    r"[\u2600-\u27bf\U0001f300-\U0001faff][\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d\s]*"
    r"(?=[a-zA-Z])"
)
"""A run of emoji before words: chat's comma ("skipped gym 😤 only thing i did was a walk");
before numbers it annotates them ("intervals 🙃 8 x 2min")."""
_CLOCK_ARROW = re.compile(r"(\d:\d\d)\s?[→⇒]\s?(?=\d)")
"""Paces from one to another ("5:40 → 4:50") are a range, not two clauses."""
_SPORT_WORDS = {"🏊": "swim ", "🚴": "ride ", "🚵": "ride ", "🏃": "run ", "🚣": "row "}
_SPORT_EMOJI = re.compile(r"([🏊🚴🚵🏃🚣])[\u200d\u2640\u2642\ufe0f]*\s?(?=\d)")
"""A sport's emoji before its numbers names it ("🏊 1,500 m · 31:05"); before words it is a
bullet like any other emoji ("🚣 Sun – 5k row")."""
_SPACES = compile_gated(r"[ \t]{2,}")
# Sentence ends: ! ? and full stops that are not decimal points nor in initials ("B.A.A.",
# "a.m."); newlines.
_SENTENCE_END = compile_gated(
    r"(?:[!?]+|\.(?!\d)(?!(?<=\b[a-zA-Z]\.)[a-zA-Z]\.)(?<!\.[a-zA-Z]\.)|\n)+"
)
# Clause separators inside a sentence, used to decide what belongs to which workout.
_CLAUSE_SEP = compile_gated(
    r",(?!\d)|;|\s-\s|\bthen\b|\band then\b|\bafter that\b|\bbut\b"
    r"|\s/\s(?=(?:mon|tue|wed|thu|fri|sat|sun|am\b|pm\b))"
    r"|\s\|\s(?=(?:mon|tue|wed|thu|fri|sat|sun|am\b|pm\b))|\s\+\s(?=(?:mon|tue|wed|thu|fri|sat|sun))"
    r"|(?<!rounds )(?<!round )(?<!rds )(?<!hour )(?<!hours )"
    r"(?:\bplus\b|\band\b)(?!\s+jerk)(?!\s+a half\b)"
    r"|(?:(?<=\brest)|(?<=\brest day)|(?<=\bday off)|(?<=\boff))\s?[+&]"
)
"""A rounds-plus-reps score ("5 rounds and 12 reps") and "an hour and 15 min" stay one clause;
a slash, a bar or a plus splits only before a day or a part of one ("Mon 5k easy / Tue 6x400",
"AM swim / PM run"), not "2 mi / 40 min"; a rest day's "+" ("rest + 20 min stretching")
parts the rest from what was done."""


def normalise(text: str) -> str:
    """ASCII-only, single-spaced text of at most MAX_CHARS characters, case kept.

    Accents are dropped, not their letters ("séries" is "series"), and a run of emoji
    before a word separates clauses as a comma would.

    Lower-casing it keeps every offset, so callers match on `.lower()` and look back at the
    case (a capitalised "Grace" is more likely the benchmark) at the same positions.
    """
    text = text[: MAX_CHARS * 2]
    if not text.isascii():  # before NFKC, which spells a double prime (20″) as two singles
        text = _CLOCK_ARROW.sub(r"\1-", text).translate(_REPLACEMENTS)
    text = unicodedata.normalize("NFKC", text).translate(_REPLACEMENTS)
    if not text.isascii():
        text = _SPORT_EMOJI.sub(lambda m: _SPORT_WORDS[m[1]], text)
        text = _EMOJI.sub("; ", _without_accents(read_as_latin(text)))
    text = _JUNK.sub(" ", text)
    return _SPACES.sub(" ", text)[:MAX_CHARS]


def _without_accents(text: str) -> str:
    """Latin letters without their accents, so other languages keep their words.

    "Klimmzüge" -> "Klimmzuge", "martwy ciąg" -> "martwy ciag".
    """
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(char for char in text if not unicodedata.combining(char))


def blank_idioms(text: str) -> str:
    """The text with everyday phrases that use a training word blanked (offsets kept).

    "Third day in a row" rows nothing.
    """
    return _IDIOMS.sub(lambda m: " " * len(m[0]), text)


def looks_like_text(raw: str, cleaned: str) -> bool:
    """False for binary junk or symbol soup, which no athlete types.

    Junk is more than 5% control characters in the raw input, or more than 40% symbols among
    the cleaned characters.
    """
    head = raw[:MAX_CHARS]
    controls = sum(
        1 for char in head if unicodedata.category(char) == "Cc" and char not in "\n\t\r"
    )
    if controls > 0.05 * len(head):
        return False
    visible = [char for char in cleaned if not char.isspace()]
    symbols = sum(1 for char in visible if not char.isalnum())
    return len(visible) < 20 or symbols <= 0.4 * len(visible)


def split_sentences(text: str) -> list[tuple[int, str, bool]]:
    """Sentences with their start offsets and whether each ends with a question mark."""
    out: list[tuple[int, str, bool]] = []
    depth_at = _paren_depths(text)
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if depth_at[match.start()]:
            continue
        _append_sentence(out, text, start, match.start(), "?" in match.group())
        start = match.end()
    _append_sentence(out, text, start, len(text), False)
    return out


def _append_sentence(
    out: list[tuple[int, str, bool]], text: str, start: int, end: int, question: bool
) -> None:
    pieces: list[tuple[int, str]] = []
    _append(pieces, text, start, end)
    out.extend((offset, piece, question) for offset, piece in pieces)


def split_clauses(sentence: str, offset: int = 0) -> list[tuple[int, str]]:
    """Clauses of a sentence with absolute offsets; separators inside parentheses are ignored."""
    depth_at = _paren_depths(sentence)
    out: list[tuple[int, str]] = []
    start = 0
    for match in _CLAUSE_SEP.finditer(sentence):
        if depth_at[match.start()]:
            continue
        _append(out, sentence, start, match.start(), offset)
        start = match.end()
    _append(out, sentence, start, len(sentence), offset)
    return out


def _paren_depths(text: str) -> list[int]:
    """Parenthesis depth at each offset (all zeros, cheaply, when there are none)."""
    if "(" not in text:
        return [0] * (len(text) + 1)
    depth = 0
    depths = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        depths.append(depth)
    depths.append(0)
    return depths


def _append(out: list[tuple[int, str]], text: str, start: int, end: int, offset: int = 0) -> None:
    piece = text[start:end]
    stripped = piece.strip(" ,;:.!?-\n\t")
    if stripped:
        out.append((offset + start + piece.index(stripped[0]), stripped))
