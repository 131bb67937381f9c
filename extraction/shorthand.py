"""Exercise names said in shorthand, completed from the words around them.

Lifters drop the part of a name the context makes plain: "bench 5x5, then incline 3x12" is
an incline bench press, "leg extensions + curls" pairs the extension with leg curls; a
benchmark typed with a letter twice before its score ("frann 6:42") is the benchmark. Each
rewrite works on the cased text before it is read (offsets are taken after this step).
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .named_workouts import BENCHMARKS

_BARE_INCLINE = compile_gated(
    r"(?<!\bdb )(?<!\bdumbbell )(?<!\bsmith )(?<!\bmachine )(?<!\bcurl )(?<!\bcurls )"
    r"(?<!\bfly )(?<!\bflyes )(?<!\brow )(?<!\brows )\b(?P<word>incline)\b"
    r"(?=\s?:?\s?(?:\d{1,2}\s?(?:x\s?\d|sets?\b)|@\s?\d|\d{2,3}\s?(?:lbs?|kgs?|#)?\s?x\s?\d))",
    re.IGNORECASE,
)
""""incline" with its sets or load right after it and no movement word: the incline bench
("incline 3x12 @ 135", "incline: 3 sets of 10"); "incline walk" or "treadmill incline 12"
have no set notation after the word; nor is "curl incline 3x10", named equipment last."""
_LEG_PAIR = compile_gated(
    r"(?P<pair>\b(?:leg|quad)\s?ext(?:ension)?s?\b\s?(?:\+|&|/|\band\b|\bn\b|\bss\b|\binto\b|"
    r"\bsuperset(?:ted)?\s(?:with|w/?)\b)\s?)(?P<curl>curls?\b)",
    re.IGNORECASE,
)
""""curls" paired with leg extensions are leg curls (the machine pair), not biceps curls."""


_DOUBLED = compile_gated(
    r"\b[a-z]*([a-z])\1[a-z]*\b(?=[^\n]{0,24}?(?:\d:\d\d|\brx\b|\bscaled\b))", re.I
)
"""A word with a doubled letter and a score or Rx said after it on its line ("frann 6:42")."""
_SQUEEZED = frozenset(name for name in BENCHMARKS if " " not in name)
"""The one-word benchmark names a slip can be read as."""


def complete_shorthand(text: str) -> str:
    """The cased text with shorthand exercise names written in full, benchmark slips fixed."""
    text = _BARE_INCLINE.sub(lambda m: f"{m['word']} bench", text)
    text = _DOUBLED.sub(_benchmark_slip, text)
    return _LEG_PAIR.sub(lambda m: f"{m['pair']}leg {m['curl']}", text)


def _benchmark_slip(match: re.Match[str]) -> str:
    """A benchmark's name with one letter typed twice ("frann", "hellen"), or the word as is."""
    word = match[0]
    if word.lower() in BENCHMARKS:
        return word
    for index in range(1, len(word)):
        if word[index].lower() == word[index - 1].lower():
            squeezed = word[:index] + word[index + 1 :]
            if squeezed.lower() in _SQUEEZED:
                return squeezed
    return word
