"""Comparable forms of memory text: content words, stance and values.

Shared by `best_match` and `consolidate`, so that a forget query and a duplicate check see
"dbs", "dumbbells" and "DB" as the same word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from agent.memory_rules.sentences import MAX_INPUT_CHARS, lower
from agent.memory_rules.word_lists import MONTHS, WEEKDAYS

_STOP = frozenset(
    "a an the i me my mine myself you your yours we us our they them their theirs he she his her"
    " it its is am are was were be been being has have had having do does did doing to of in on"
    " at for with and or but so that this these those about thing things stuff memory memories"
    " note notes please just really very also some any all from as by up out into than then there"
    " here what which who when where how why will would can could should shall might must"
    " now still anymore again currently only not no never ever always don't doesn't didn't can't"
    " cannot won't isn't aren't wasn't weren't haven't hasn't lot lots bit kind sort longer"
    " forget remember that's it's i'm i've".split()
)
_CANON = {
    "db": "dumbbell",
    "dbs": "dumbbell",
    "dumbell": "dumbbell",
    "dumbells": "dumbbell",
    "kb": "kettlebell",
    "kbs": "kettlebell",
    "injured": "injury",
    "injuries": "injury",
    "hurts": "pain",
    "hurt": "pain",
    "hurting": "pain",
    "painful": "pain",
    "sore": "pain",
    "aches": "pain",
    "ache": "pain",
    "achy": "pain",
    "niggle": "injury",
    "tweak": "injury",
    "tweaked": "injury",
    "kilos": "kg",
    "kilograms": "kg",
    "kgs": "kg",
    "pounds": "lb",
    "lbs": "lb",
    "wod": "workout",
    "session": "workout",
    "sessions": "workout",
    "training": "workout",
    "train": "workout",
    "trains": "workout",
    "exercise": "workout",
    "exercising": "workout",
    "bad": "injury",
    "brief": "short",
    "answers": "reply",
    "answer": "reply",
    "responses": "reply",
    "response": "reply",
    "messages": "reply",
    "outside": "outdoors",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
POSITIVE = frozenset({"like", "love", "enjoy", "prefer", "favourite", "favorite", "fan"})
_LEAST = re.compile(r"\b(?:least|not (?:a|my)) (?:favou?rite|fan)\b")
NEGATIVE = frozenset({"hate", "dislike", "loathe", "despise", "detest"})
_NEGATION = re.compile(r"\b(?:not|no|never|don't|doesn't|can't|cannot|isn't|won't|no longer)\b")


def stem(word: str) -> str:
    """A small suffix stripper: plurals, -ing, -ed and a final e ("presses" → "press")."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("es") and word[-3] in "sxz" or word.endswith(("ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "bdgmnprt":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=8192)
def content_tokens(text: str) -> tuple[str, ...]:
    """Normalised content words of a text: lowercase, no stopwords, stemmed, canonical.

    Cached: stored memories change rarely, so each is analysed once per process, not on
    every turn that compares against it.
    """
    low = lower(text[:MAX_INPUT_CHARS]).replace("'s ", " ")
    out: list[str] = []
    for raw in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", low.replace("-", " ")):
        if raw in _STOP or (len(raw) < 2 and not raw.isdigit()):
            continue
        word = _CANON.get(raw, raw)
        out.append(word if word.isdigit() else stem(word))
    return tuple(out)


@functools.lru_cache(maxsize=8192)
def polarity(text: str) -> int:
    """+1 for liking, -1 for disliking, 0 when no sentiment word; negation flips it."""
    text = text[:MAX_INPUT_CHARS]
    stems = {stem(w) for w in re.findall(r"[a-z]+", lower(text))}
    sign = 1 if stems & {stem(w) for w in POSITIVE} else 0
    if stems & {stem(w) for w in NEGATIVE} or "can't stand" in lower(text):
        sign = -1
    if _LEAST.search(lower(text)):
        return -1
    if sign and _NEGATION.search(lower(text)):
        sign = -sign
    return sign


_VALUE_WORDS = frozenset(stem(w) for w in (*MONTHS, *WEEKDAYS))


def numbers(tokens: Iterable[str]) -> set[str]:
    """Value tokens whose change means a changed fact: numbers, months, weekdays."""
    return {t for t in tokens if t.isdigit() or t in _VALUE_WORDS}


@functools.lru_cache(maxsize=8192)
def negated(text: str) -> bool:
    """True when the text is negated ("doesn't", "no longer"…): the opposite stance."""
    return _NEGATION.search(lower(text[:MAX_INPUT_CHARS])) is not None


_CONTRASTS: dict[str, frozenset[str]] = {
    "side": frozenset({"left", "right"}),
    "time": frozenset(stem(w) for w in "morning evening afternoon night lunchtime".split()),
    "activity": frozenset(
        stem(w)
        for w in "run jog cycling bike ride swim row lift walk hike yoga climb crossfit".split()
    ),
}


def contrast(a: set[str], b: set[str]) -> str | None:
    """The kind of value two token sets differ in, or None: then not two facts of one kind.

    "side": left vs right; "time": morning vs evening; "activity": running vs cycling.
    """
    only_a, only_b = a - b, b - a
    return next(
        (kind for kind, words in _CONTRASTS.items() if only_a & words and only_b & words), None
    )


def overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two token sets (0.0 when both are empty)."""
    return len(a & b) / len(a | b) if a | b else 0.0
