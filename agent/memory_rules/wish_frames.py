"""Requests said as wishes or questions, rewritten as the plain requests the rules read.

- A standing habit wrapped in "make sure": "can you make sure you always warm me up?" is
  "can you always warm me up?"; "please make sure you never…" is "please never…".
- A habit said as a wish: "I'd appreciate it if you always…", "I'd like you to never…",
  "it would help if you always…" are "please always / never…".
- A keep request asked about what follows: "Could you log this somewhere permanent? I'm
  allergic to ibuprofen." is "please save this: I'm allergic to ibuprofen." (a session
  log after it stays a log, as after any label).

- Keeping refused for something named: "I don't want you storing my weight anymore" is
  "please stop remembering my weight anymore", a forget.

Only "always" or "never" makes a wish a standing request: "I'd appreciate it if you
checked my form" asks for one thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.memory_rules.standing import DIRECTIVE_VERBS

_YOU = r"(?:you|u)"
_HABIT = r"(?P<habit>always|never)\b"
_WISHES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(
            rf"\b(?P<modal>(?:can|could|would|will) {_YOU})(?: please)? make sure (?:that )?"
            rf"{_YOU} {_HABIT}",
            re.IGNORECASE,
        ),
        r"\g<modal> \g<habit>",
    ),
    (
        re.compile(rf"\b(?:please )?make sure (?:that )?{_YOU} {_HABIT}", re.IGNORECASE),
        r"please \g<habit>",
    ),
    (
        re.compile(
            rf"\b(?:i'?d|i would|it'?d|it would) (?:really |honestly )?(?:appreciate it|love it"
            rf"|like it|prefer it|help|be (?:great|nice|good|best)) if {_YOU}"
            rf" (?:could |would |can )?{_HABIT}(?: (?P<verb>[a-z]+))?",
            re.IGNORECASE,
        ),
        lambda m: f"please {m['habit']}" + (f" {_present(m['verb'])}" if m["verb"] else ""),
    ),
    (
        re.compile(
            rf"\bi(?:'d| would) (?:really )?(?:like|love|prefer|want) {_YOU} to {_HABIT}",
            re.IGNORECASE,
        ),
        r"please \g<habit>",
    ),
)
_ASKED_FORWARD = re.compile(
    rf"^\s*(?:hey,? |hi,? |coach,? )?(?:can|could|would|will) {_YOU}(?: please)?"
    r" (?:log|save|store|note|keep|remember|file|record|jot down|write down) (?:this|these"
    r"|the following)(?: (?:somewhere|for good|for later|for the future|permanently"
    r"|in (?:my|your) (?:notes|file|profile))(?: (?:permanent|safe))?)?(?: please)?\s*\?\s+"
    r"(?=\S)",
    re.IGNORECASE,
)


_IRREGULAR = {
    "kept": "keep", "gave": "give", "sent": "send", "made": "make", "told": "tell",
    "wrote": "write", "took": "take", "brought": "bring", "left": "leave", "built": "build",
    "spoke": "speak", "began": "begin",
}  # fmt: skip


def _present(verb: str) -> str:
    """A directive verb said in the past of a wish ("if you always kept…" → "keep")."""
    low = verb.lower()
    stems = [_IRREGULAR.get(low, low)]
    if low.endswith("ied"):
        stems.append(low[:-3] + "y")
    if low.endswith("ed"):
        stems += [low[:-1], low[:-2], low[:-3]]  # "scheduled", "checked", "programmed"
    return next((stem for stem in stems if stem in DIRECTIVE_VERBS), verb)


_UNWANTED = re.compile(
    rf"\bi (?:really )?(?:don'?t|do not) want {_YOU} (?:to )?(?:store|keep|save|remember|track"
    r"|hold on ?to|have|storing|keeping|saving|remembering|tracking|holding on ?to|having)"
    r" (?!(?:this|that|it|these|those)\b)",
    re.IGNORECASE,
)
"""Keeping refused for something named: "I don't want you storing my weight anymore" stops
keeping it, like "stop remembering my weight" ("…to remember this" keeps nothing new)."""


def plain_wishes(message: str) -> str:
    """The message with its wished and asked-forward requests said plainly."""
    message = _ASKED_FORWARD.sub("please save this: ", message, count=1)
    message = _UNWANTED.sub("please stop remembering ", message)
    for pattern, plain in _WISHES:
        message = pattern.sub(plain, message)
    return message
