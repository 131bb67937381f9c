"""Injection screening: memory text is data, never an instruction to the coach or the system.

A message with injection or other-user phrasing yields nothing; weaker markers only demote a
memory to inert context (see `WEAK_INJECTION`).
"""

from __future__ import annotations

import re

_INJECTION = re.compile(
    r"system prompt|system message|(?:ignore|disregard|override|bypass|forget)"
    r" (?:all |any |the |your |my )?(?:previous |prior |above |earlier |other |existing |system )?"
    r"(?:instructions|rules|prompts?|guidelines|directions)\b"
    r"|developer mode|dev mode|jailbreak|\bdan mode|god mode|admin (?:mode|access|rights|privileges"
    r"|override|command)|act as (?:an? |the )?(?:admin|system|developer|root)|pretend (?:to be|you)"
    r"|other users?\b|other users'|another user|\b(?:all|every|any|each) users?\b"
    r"|\bfor (?:the )?user\b|\buser (?:id|named|called|account)\b|\busers?[:#@]|\bon behalf of\b"
    r"|someone else'?s? (?:account|memories|data|profile)|\bother (?:athletes|people)'s"
    r"|\b(?:reveal|leak|expose|dump|print|show|share|output|list|send)"
    r" (?:me )?(?:your |the |all |every |other |their )*(?:system|prompt|memories"
    r"|secrets?|database|api keys?|passwords?|credentials|config)\b"
    r"|api key|password|credentials|secret key|access token|<\|?/?(?:system|im_start|im_end)"
    r"|\[/?(?:system|inst)\]|##\s?(?:system|instruction)|\byou are now\b|\byou must now\b"
    r"|new instructions|\bsudo\b|root access"
)
WEAK_INJECTION = re.compile(r"\b(?:admin|administrator|developer|system|reveal|prompt)\b")


def is_injection(low: str) -> bool:
    """True for instruction-injection or other-user phrasing: never saved, never forgotten."""
    return _INJECTION.search(low) is not None
