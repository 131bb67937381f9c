"""Gym shorthand for a word of a longer name: one rule instead of one alias per movement.

Read by `vocabulary` with the data files. The forms are generated, so an alias written in the
data still wins over them.
"""

from __future__ import annotations

SHORT_WORDS = {
    "snatch": "sn",
    "extension": "ext",
    "dumbbell": "db",
    "kettlebell": "kb",
    "barbell": "bb",
    "deadlift": "dl",
    "handstand": "hs",
}
"""A word of a longer name and the shorthand lifters write for it ("hang sn", "sn pull")."""


def short_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A longer name with one word in its gym shorthand ("hang snatch" -> "hang sn")."""
    if len(words) < 2:
        return []
    return [
        (*words[:i], SHORT_WORDS[word], *words[i + 1 :])
        for i, word in enumerate(words)
        if word in SHORT_WORDS
    ]
