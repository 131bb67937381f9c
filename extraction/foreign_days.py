"""Day names in other languages, written in English: "sabato", "terça", "niedziela", "do 1/5".

Athletes who write in English still name days in their own language ("lunedì: back and
biceps", "Sábado trail run"), and a Portuguese speaker's "dia 18" is the 18th. Names are read
after accents are dropped (`cleaning.normalise`); none of them is an English word. The
two-letter Dutch and German days ("ma", "do", "Fr") are read only opening a line before a
numeric date ("do 1/5 - 2h easy"), where they cannot be English.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_DAYS: dict[str, tuple[str, ...]] = {
    "Monday": (
        "lunes", "lunedi", "segunda-feira", "segunda", "lundi", "montag", "maandag",
        "poniedzialek", "mandag", "maanantai",
    ),
    "Tuesday": (
        "martes", "martedi", "terca-feira", "terca", "mardi", "dienstag", "dinsdag", "wtorek",
        "tisdag", "tirsdag", "tiistai",
    ),
    "Wednesday": (
        "miercoles", "mercoledi", "quarta-feira", "quarta", "mercredi", "mittwoch", "woensdag",
        "sroda", "onsdag", "keskiviikko",
    ),
    "Thursday": (
        "jueves", "giovedi", "quinta-feira", "jeudi", "donnerstag", "donderdag", "czwartek",
        "torsdag", "torstai",
    ),
    "Friday": (
        "viernes", "venerdi", "sexta-feira", "sexta", "vendredi", "freitag", "vrijdag", "piatek",
        "fredag", "perjantai",
    ),
    "Saturday": (
        "sabado", "sabato", "samedi", "samstag", "sonnabend", "zaterdag", "sobota", "lordag",
        "lauantai",
    ),
    "Sunday": (
        "domingo", "domenica", "dimanche", "sonntag", "zondag", "niedziela", "sondag",
        "sunnuntai",
    ),
}  # fmt: skip
_ENGLISH = {name: day for day, names in _DAYS.items() for name in names}
_NAMES = frozenset(name.split("-")[0] for name in _ENGLISH)
_WORDS = re.compile(r"[a-z]{4,}")
"""A message's words, looked up in a set before the names' pattern is tried (cheap)."""
_NAME = compile_gated(
    r"(?<![\w-])("
    + "|".join(sorted(map(re.escape, _ENGLISH), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_SHORT = {
    "ma": "Mon", "mo": "Mon", "di": "Tue", "wo": "Wed", "mi": "Wed", "do": "Thu", "vr": "Fri",
    "fr": "Fri", "za": "Sat", "sa": "Sat", "zo": "Sun", "so": "Sun",
}  # fmt: skip
_NUMERIC_DATE = compile_gated(r"\d[/.]\d")
_SHORT_BEFORE_DATE = compile_gated(
    r"(?:^|(?<=\n))([ \t]*(?:[-*>]+[ \t]*)?)(" + "|".join(_SHORT) + r")\.?(?=[ \t][0-3]?\d[/.]\d)",
    re.IGNORECASE,
)
_DAY_NUMBER = compile_gated(
    r"\b(?:dia|el dia|il giorno)\s([0-3]?\d)\b(?!\s?(?:de\s)?(?:\d|x))", re.I
)
""""dia 18" (Portuguese, Spanish), "il giorno 18" (Italian): the 18th."""


def english_days(text: str) -> str:
    """The normalised text with foreign day names and day numbers written in English."""
    lower = text.lower()
    if not _NAMES.isdisjoint(_WORDS.findall(lower)):
        text = _NAME.sub(lambda m: _ENGLISH[m[1].lower()], text)
    if _NUMERIC_DATE.search(text):
        text = _SHORT_BEFORE_DATE.sub(lambda m: m[1] + _SHORT[m[2].lower()], text)
    if "dia " in lower or "giorno " in lower:
        text = _DAY_NUMBER.sub(lambda m: "on the " + _ordinal(int(m[1])), text)
    return text


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"
