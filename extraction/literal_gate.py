"""Skip the regexes of a cue table that cannot match, with one scan for literal words.

Most of a table's cues (the word "hyrox", "sled" before "push" or "pull") contain a literal
any match must contain. One Aho-Corasick scan of a clause finds which of those literals are
present, and only their patterns (plus the few with none) are searched: on chat clauses that
costs about a tenth of searching every pattern, with the same result. The literals are read
from each pattern's parse tree, so no table keeps a second hand-written list in step.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import ahocorasick

# The standard library's own regex parser (what re.compile runs); private, so typed as Any
# and any surprise in its tree falls back to searching the pattern every time.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
Payload = TypeVar("Payload")

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains; None when there is no such set.

    A case-insensitive pattern's literals are lower-cased: one is in the lower-cased text
    wherever the pattern matches ASCII text (beyond ASCII, case folding has exceptions).
    """
    try:
        words = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, AttributeError):  # unfamiliar: always search
        return None
    if words is not None and pattern.flags & re.IGNORECASE:
        return frozenset(word.lower() for word in words)
    return words


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective requirement of a sequence: its longest literal run or a part's."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        part = _part(op, value)
        if part:
            found.append(part)
    if run:
        found.append(frozenset({"".join(run)}))
    return max(found, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _part(op: Any, value: Any) -> frozenset[str] | None:
    """What a group, an alternation or a repeat requires; other nodes require nothing."""
    if op is sre.SUBPATTERN:
        _, add_flags, _, inner = value
        return None if add_flags & re.IGNORECASE else _required(inner)
    if op is sre.BRANCH:
        branches = [_required(branch) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in _REPEATS and value[0] >= 1:
        return _required(value[2])
    return None


class GatedTable(Generic[Payload]):
    """A table of (pattern, payload) cues that yields only the cues a text could match."""

    def __init__(self, entries: Sequence[tuple[re.Pattern[str], Payload]]) -> None:
        self.entries = tuple(entries)
        self._always: list[int] = []
        owners: dict[str, list[int]] = {}
        for index, (pattern, _) in enumerate(self.entries):
            words = None if pattern.flags & re.IGNORECASE else required_literals(pattern)
            if words is None:
                self._always.append(index)
            for word in words or ():
                owners.setdefault(word, []).append(index)
        self._automaton = _automaton({w: tuple(indexes) for w, indexes in owners.items()})
        self._has_words = bool(owners)

    def candidates(self, text: str) -> Iterator[tuple[re.Pattern[str], Payload]]:
        """The entries worth searching in `text`, in table order."""
        indexes = set(self._always)
        if self._has_words:
            for _, owners in self._automaton.iter(text):
                indexes.update(owners)
        for index in sorted(indexes):
            yield self.entries[index]

    def matches(self, text: str) -> Iterator[tuple[re.Match[str], Payload]]:
        """Each entry's first match in `text`, in table order."""
        for pattern, payload in self.candidates(text):
            match = pattern.search(text)
            if match is not None:
                yield match, payload


class GatedPattern:
    """One pattern run only when one of its required literals is in the text.

    For the long alternations of phrases (a message's plan and goal frames) and the rewrite
    passes every message goes through, where the scan costs a fraction of the search. Same
    methods and results as the `re.Pattern` it wraps.
    """

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        """The source, as `re.Pattern.pattern` (tables are built from other tables' sources)."""
        words = required_literals(regex)
        self._automaton = None if words is None else _automaton({w: None for w in words})
        self._folded = bool(regex.flags & re.IGNORECASE)

    def _absent(self, text: str) -> bool:
        """Whether none of the literals is in `text`, so the pattern cannot match."""
        if self._automaton is None:
            return False
        if self._folded:
            if not text.isascii():
                return False
            text = text.lower()
        return next(self._automaton.iter(text), None) is None

    def search(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.search`."""
        return None if self._absent(text) else self.regex.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return None if self._absent(text) else self.regex.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        return iter(()) if self._absent(text) else self.regex.finditer(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """`re.Pattern.sub`: the text itself when the pattern cannot match."""
        return text if self._absent(text) else self.regex.sub(repl, text, count)


def compile_gated(source: str, flags: int = 0) -> GatedPattern:
    """`re.compile`, gated: a drop-in for module-level phrase tables."""
    return GatedPattern(re.compile(source, flags))


def _automaton(values: dict[str, Any]) -> Any:
    """An Aho-Corasick automaton over the words, each giving back its value."""
    automaton = ahocorasick.Automaton()
    for word, value in values.items():
        automaton.add_word(word, value)
    if values:
        automaton.make_automaton()
    return automaton
