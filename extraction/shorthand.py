"""Exercise names said in shorthand, completed from the words around them.

Lifters drop the part of a name the context makes plain: "bench 5x5, then incline 3x12" is
an incline bench press, "leg extensions + curls" pairs the extension with leg curls. Each
rewrite works on the cased text before it is read (offsets are taken after this step).
"""

from __future__ import annotations

import re

_BARE_INCLINE = re.compile(
    r"(?<!\bdb )(?<!\bdumbbell )(?<!\bsmith )(?<!\bmachine )\b(?P<word>incline)\b"
    r"(?=\s?:?\s?(?:\d{1,2}\s?(?:x\s?\d|sets?\b)|@\s?\d|\d{2,3}\s?(?:lbs?|kgs?|#)?\s?x\s?\d))",
    re.IGNORECASE,
)
""""incline" with its sets or load right after it and no movement word: the incline bench
("incline 3x12 @ 135", "incline: 3 sets of 10"); "incline walk" or "treadmill incline 12"
have no set notation after the word."""
_LEG_PAIR = re.compile(
    r"(?P<pair>\b(?:leg|quad)\s?ext(?:ension)?s?\b\s?(?:\+|&|/|\band\b|\bss\b|\binto\b|"
    r"\bsuperset(?:ted)?\s(?:with|w/?)\b)\s?)(?P<curl>curls?\b)",
    re.IGNORECASE,
)
""""curls" paired with leg extensions are leg curls (the machine pair), not biceps curls."""


def complete_shorthand(text: str) -> str:
    """The cased text with shorthand exercise names written in full."""
    text = _BARE_INCLINE.sub(lambda m: f"{m['word']} bench", text)
    return _LEG_PAIR.sub(lambda m: f"{m['pair']}leg {m['curl']}", text)
