"""Chat shorthand and a few common foreign words, read as the English the parsers know.

Athletes text "yday", "last nite" and "this arvo", and many write in a second language now
and then ("Partido ayer", "piscine this morning", "Allenamento ieri sera"). Only words that
are no English word are rewritten, so an English message is never changed; only a greeting
opening a message is dropped (`without_salutation`).
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_WORDS: dict[str, str] = {
    # shorthand
    "yday": "yesterday", "yda": "yesterday", "ystrdy": "yesterday", "yest": "yesterday",
    "yesterdays": "yesterday's", "nite": "night", "tonite": "tonight", "arvo": "afternoon",
    "2day": "today", "tdy": "today",
    # typos of the days that matter most: a log misdated, a plan logged
    "yestrday": "yesterday", "yesterdy": "yesterday", "yesteday": "yesterday",
    "yesturday": "yesterday", "yesterady": "yesterday", "ysterday": "yesterday",
    "yestarday": "yesterday", "yesetrday": "yesterday", "yeserday": "yesterday",
    "todya": "today", "tdoay": "today", "tmr": "tomorrow", "tmrow": "tomorrow",
    "2moro": "tomorrow", "2morrow": "tomorrow", "tomoz": "tomorrow", "tomorow": "tomorrow",
    "tommorow": "tomorrow", "tommorrow": "tomorrow", "tomorrw": "tomorrow",
    # days: Spanish, Italian, German, French, Dutch, Portuguese
    "ayer": "yesterday", "anoche": "last night", "hoy": "today", "ieri": "yesterday",
    "stamattina": "this morning", "oggi": "today", "stasera": "tonight", "gestern": "yesterday",
    "heute": "today", "hier": "yesterday", "aujourd'hui": "today", "gisteren": "yesterday",
    "vandaag": "today", "ontem": "yesterday", "hoje": "today",
    # sports
    "piscine": "pool swim", "natation": "swim", "nuoto": "swim", "natacion": "swim",
    "schwimmen": "swim", "wanderung": "hike", "randonnee": "hike", "escursione": "hike",
    "partido": "match", "partita": "match", "spiel": "match", "laufen": "run", "corsa": "run",
    "carrera": "run", "footing": "run", "tenis": "tennis", "caminhada": "walk",
    "caminata": "walk", "spaziergang": "walk", "passeggiata": "walk", "wandeling": "walk",
    "spazieren": "walk", "spazierengehen": "walk", "klettern": "climbing", "geklettert": "climbed",
    "bouldern": "bouldering", "escalada": "climbing", "arrampicata": "climbing",
    "escalade": "climbing", "klimmen": "climbing",
    # durations: German, Spanish, Portuguese, Italian, French, Dutch, Swedish
    "minuten": "minutes", "minutos": "minutes", "minuti": "minutes", "minuter": "minutes",
    "stunden": "hours", "stunde": "hour", "horas": "hours", "heures": "hours", "heure": "hour",
    "uur": "hours", "timmar": "hours",
}  # fmt: skip
_WORD = compile_gated(
    # a look at the first letter before trying every word keeps this to a few microseconds
    r"(?<![\w'])(?=["
    + "".join(sorted({word[0] for word in _WORDS}))
    + "])("
    + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
    + r")(?![\w'])",
    re.IGNORECASE,
)
_TRACK_PLURAL = compile_gated(
    r"\b(200|300|400|600|800|1000|1200|1600)s\b(?!\s?(?:rest|off|recovery))"
)
"""A runner's "Yasso 800s x 10", "400s on 90s": repeats of that many metres."""
_FULL_GAME = compile_gated(r"\b(played|play|playing) the full 90\b(?! ?min)", re.IGNORECASE)
"""A footballer's "played the full 90": ninety minutes."""
_EVENING = compile_gated(r"\b(yesterday) (?:sera|abend|soir|noche|tarde)\b", re.IGNORECASE)
""""ieri sera", "gestern Abend": yesterday evening."""


def plain_english(text: str) -> str:
    """The text with shorthand and the foreign words above written in English."""
    text = _WORD.sub(lambda m: _WORDS[m[1].lower()], text)
    text = _TRACK_PLURAL.sub(r"\1 reps", text)
    return _FULL_GAME.sub(r"\1 the full 90 min", _EVENING.sub(r"\1 evening", text))


_SALUTATION = re.compile(
    r"^(?:\s*(?:(?:hey|hi|hiya|hello|heya|yo|sup|ok|okay|alright|good (?:morning|afternoon|"
    r"evening|day))\b(?: there)?(?: (?:coach|coachy|boss|mate|man|team|buddy)\b)?"
    r"|(?:morning|evening|afternoon)(?: (?:coach|boss|mate|team)\b|(?=\s*[,!]))"
    r"|coach(?=\s*[,!])"
    # openers that frame nothing: "quick update -", "btw", "sorry for the late msg,"
    r"|(?:quick |small |little )?update\b(?=\s*[-:,!])|fyi\b|btw\b|ok so\b|so\b|anyway?s?\b"
    r"|sorry (?:for|about) the (?:late|slow) (?:msg|message|reply|update|post)\b)"
    r"\s*[,!.:;~-]*)+\s*",
    re.IGNORECASE,
)
"""Greetings and empty openers starting a message ("Hey coach! ", "Morning coach, ", "quick
update - "); a time of day heading a session ("Morning: 5k") is no greeting."""


def without_salutation(text: str) -> str:
    """The message after its opening greeting.

    Frames that open a message are then read where it really opens ("Hey coach! my maxes as
    of today: …" is a list of maxes).
    """
    found = _SALUTATION.match(text)
    return text[found.end() :] if found and found.end() < len(text) else text


_QUESTION_LINE = re.compile(
    r"\n(?=(?:is|are|was|were|should|shall|could|would|can|do|does|did|any|what|how|which|too"
    r"|ok|okay|right|thoughts|good|normal|sanity check)\b[^\n]*\?)",
    re.IGNORECASE,
)


def join_question_lines(text: str) -> str:
    """A question on its own line, joined to the line before by a comma as athletes write it.

    What it asks about is then read as its context ("…on everything", then "is that dumb?").
    """
    return _QUESTION_LINE.sub(", ", text) if "\n" in text and "?" in text else text
