"""Request frames in the languages athletes switch to: read as their English equivalents.

"recuerda que tengo…", "merk dir bitte: …", "olvida lo que te dije de mi rodilla",
"yaad rakhna coach, …", "lo de mi rodilla is wrong": the frame (the words that ask to keep
or forget, or name a stored topic) is rewritten to English before the rules run, and the
fact itself stays as written. Only frames at the start of a sentence or clause count, so a
foreign word inside an English message is left alone. `FOREIGN_CUES` gives classification
the medical and scheduling words of the same languages, so a foreign injury is still a
high-importance constraint.
"""

from __future__ import annotations

import re

_START = r"(?:(?<=^)|(?<=[.!?,;:]\s)|(?<=\s-\s))"
_FRAMES: tuple[tuple[str, str], ...] = (
    # keep: Spanish, Portuguese, French, German, Italian, romanised Hindi
    (
        r"(?:recuerda|recuerde|acu[eé]rdate(?: de)?|no olvides|ten en cuenta|anota|apunta"
        r"|lembra|lembre|lembre-se(?: de)?|n[aã]o (?:se )?esque[cç]a(?: de)?|anota a[ií]"
        r"|retiens|souviens-toi|rappelle-toi|n'oublie pas|garde en t[eê]te|note"
        r"|merk dir|vergiss nicht|denk dran|notier(?:e)?(?: dir)?"
        r"|ricorda(?:ti)?|tieni a mente|non dimenticare|segnati)"
        r"(?:,? (?:por favor|bitte|s'il te pla[iî]t|per favore|por favor))?,?"
        r" (?:que|dass|che)\b",
        "remember that",
    ),
    (r"(?:merk dir|notier(?:e)? dir)(?: bitte)?\s*(?=:)", "remember"),
    (
        r"(?:recu[eé]rd(?:alo|elo|a esto)|an[oó]ta(?:lo)?|ap[uú]nta(?:lo)?|gu[aá]rd(?:alo|a esto)"
        r"|lembr(?:a|e)(?: disso)?|anota(?: a[ií])?|retiens (?:[cç]a|bien)|note (?:[cç]a|bien)"
        r"|merk dir das|ricorda(?:telo| questo))\s*(?=:)",
        "remember this",
    ),
    (
        r"(?:bitte )?(?:merk dir das|recu[eé]rd(?:alo|elo)|an[oó]talo|ap[uú]ntalo|gu[aá]rdalo"
        r"|lembra disso|lembre-se disso|retiens [cç]a|ricordatelo)(?: bitte| por favor)?"
        r"(?=[\s.!]*$)",
        "remember that",
    ),
    (r"(?:yaad|dhyan) (?:rakhna|rakho|rakhiye|rakh lo)(?: ki)?\s*,?(?=\s*\S)", "remember:"),
    (r"(?:yaad|dhyan) (?:rakhna|rakho|rakhiye|rakh lo)", "remember"),
    (r"garde (?:[cç]a|cela) en (?:t[eê]te|m[eé]moire)", "keep that in mind"),
    # forget and change, with what they name
    (
        r"(?:olvida|olv[ií]date de|borra|elimina|esquece|esque[cç]a|apaga|oublie|efface"
        r"|supprime|forget|vergiss|l[oö]sch(?:e)?|dimentica|cancella)"
        r"(?:,? (?:por favor|bitte|s'il te pla[iî]t|per favore))?"
        r" (?:lo que te (?:dije|cont[eé]) (?:de|sobre)|o que (?:eu )?te disse (?:de|sobre)"
        r"|ce que je t'ai dit (?:sur|[aà] propos de)|quello che ti ho detto (?:su|di)"
        r"|(?:das|alles) (?:mit|über|von|zu)|lo de|eso de|isso de|aquilo de)\b",
        "forget what I told you about",
    ),
    (r"(?:cambia|muda|change|[aä]nder(?:e)?|modifie|modifica) lo de\b", "change the note about"),
    # a stored topic named in passing: "lo de mi rodilla is wrong", "isso do meu joelho…"
    (
        r"(?:lo de|eso de|isso de|aquilo de|ce truc (?:avec|sur))"
        r"(?= (?:mi|mis|meu|minha|mon|ma)\b)",
        "the thing about",
    ),
)
_PATTERNS = tuple(
    (re.compile(_START + pattern, re.IGNORECASE), english) for pattern, english in _FRAMES
)
_ANY = re.compile(_START + "(?:" + "|".join(pattern for pattern, _ in _FRAMES) + ")", re.IGNORECASE)

FOREIGN_CUES = re.compile(
    r"\b(?:lesi[oó]n|les[aã]o|blessure|bless[ée]e?|verletz\w*|infortunio|dolor|douleur|schmerz\w*"
    r"|condromal\w*|chondromal\w*|tendinite|cirug[ií]a|cirurgia|chirurgie|op[ée]ration|operaci[oó]n"
    r"|embarazada|gr[aá]vida|enceinte|schwanger|incinta|al[eé]rgic\w*|allergi\w*)\b"
)
"""Injury and medical words of the same languages: a memory naming one is high importance."""
FOREIGN_LIMITS = re.compile(
    r"\b(?:kann|k[oö]nnen|puedo|posso|peux|pu[oò]) (?:nur|solo|s[oó]|seulement|solamente"
    r"|uniquement)\b|\bnada de\b|\bpas de\b|\bkein(?:e|en)?\b"
)
"""Limits said in those languages ("ich kann nur dienstags", "nada de press"): constraints."""


_ONE_OFF = re.compile(
    r"\b(?:hoy|ma[nñ]ana|ayer|esta (?:noche|tarde)|heute|morgen|gestern|aujourd'hui|demain|hier"
    r"|ce soir|hoje|amanh[aã]|ontem|oggi|domani|ieri|stasera|aaj|kal)\b",
    re.IGNORECASE,
)
"""Today, tomorrow and yesterday in those languages: a one-off, not a memory."""


def english_frames(message: str) -> str:
    """The message with its foreign keep/forget frames in English (usually unchanged)."""
    if _ANY.search(message) is None or _ONE_OFF.search(message):
        return message
    for pattern, english in _PATTERNS:
        message = pattern.sub(english, message)
    return message
