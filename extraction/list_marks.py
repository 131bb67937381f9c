"""Numbered list marks ("1) 5 mi easy 2) yoga 45 min", "1. crossfit" then "2. 3 mi walk").

A list's numbers are no quantities: "2. 3 mi walk" is the second item, a 3 mile walk, and
"1) 5 mi easy 2) yoga" two items on one line. Marks opening a line are dropped; a bracketed
mark inside a line ends the item before it like a full stop.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_LINE_MARK = re.compile(r"(?m)^[ \t]*[1-9][.)][ \t]+(?=\S)")
_INLINE_MARK = compile_gated(r"(?<=\S)\s[1-9]\)\s(?=[a-z0-9])", re.IGNORECASE)


def drop_list_marks(text: str) -> str:
    """The text without the numbers of a numbered list."""
    if ")" not in text and "." not in text:
        return text
    return _INLINE_MARK.sub(". ", _LINE_MARK.sub("", text))
