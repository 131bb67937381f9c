"""Finding movements in text: the exercise vocabulary read into an alias index, typo correction.

The vocabulary and its format are in `movement_data`; here its aliases become an index of
word tuples (with plurals and run-together spellings) that `find_mentions` matches longest
first, so a lookup costs the same however many movements there are.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA, DamerauLevenshtein

from .literal_gate import compile_gated
from .movement_data import Family, load_movements
from .name_forms import short_forms
from .schema import MovementType

_TOKEN = re.compile(r"[a-z0-9]+|[&+]")
_FUZZY_MIN = 6
"""Shorter words are too close to everyday words ("lunch", "clear") to correct by ratio."""
_SWAP_LENGTH = 5
"""Five-letter words are corrected only for two neighbouring letters swapped ("benhc"): a
swap keeps every letter, a surer sign of a slip than a changed one, but one edit in five
is below the ratio's cutoff."""
FUZZY_CUTOFF = 0.83
"""Damerau-Levenshtein similarity a typo needs: one slip in six letters, two in twelve."""


@dataclass(frozen=True, slots=True)
class Movement:
    """One canonical exercise."""

    name: str
    movement_type: MovementType
    family: Family
    category: str
    muscle: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A movement named in the text."""

    start: int
    end: int
    movement: Movement
    unloaded: Movement | None = None
    """The reading when no load goes with it ("squats" in a WOD are air squats)."""
    weak: bool = False

    def resolve(self, loaded: bool) -> Movement:
        """The movement meant, given whether a load goes with it."""
        return self.movement if loaded or self.unloaded is None else self.unloaded


_Entry = tuple[str, str | None, bool, bool]
"""(name, unloaded name, weak, needs a number)"""


def _parse_table() -> tuple[dict[str, Movement], dict[tuple[str, ...], _Entry], set[str]]:
    """The movements, the alias index, and the words of aliases as written."""
    movements: dict[str, Movement] = {}
    rows: list[tuple[str, tuple[str, ...]]] = []
    for name, row in load_movements().items():
        movements[name] = Movement(name, row.type, row.family, row.category, row.muscle)
        rows.append((name, (*row.aliases, *row.other_languages)))
    index: dict[tuple[str, ...], _Entry] = {}
    written_words: set[str] = set()
    generated: dict[tuple[str, ...], _Entry] = {}
    # Names read as aliases after every written alias: "row" is written for the barbell row,
    # so the rower's name does not take it.
    names = [(name, (name.replace("_", " "),)) for name, _ in rows]
    for name, aliases in [*rows, *names]:
        for alias in aliases:
            alias, _, unloaded = alias.partition("~")
            weak, needs_number = alias.endswith("?"), alias.endswith("!")
            written, *forms = _spellings(alias.rstrip("?!"))
            entry = (name, unloaded or None, weak, needs_number)
            index.setdefault(written, entry)
            written_words.update(written)
            for words in forms:
                generated.setdefault(words, entry)
    # An alias as written beats another's generated form: "bss" is the Bulgarian split
    # squat, not the plural of "bs".
    return movements, generated | index, written_words


def _spellings(alias: str) -> list[tuple[str, ...]]:
    """The alias, its plurals, two of its words run together and its gym shorthand.

    "pull up" -> "pullup", "pike push up" -> "pike pushup"; "hang snatch" -> "hang sn".
    Only forms athletes write: a made-up one ("squat a" run together as "squata") would be
    a word typos get corrected to.
    """
    words = tuple(_TOKEN.findall(alias))
    forms = [words, *short_forms(words)]
    for i in range(len(words) - 1):
        if _joinable(words[i]) and _joinable(words[i + 1]):
            forms.append((*words[:i], words[i] + words[i + 1], *words[i + 2 :]))
    spellings = [spelling for form in forms for spelling in _with_plurals(form)]
    head = next((i for i, word in enumerate(words) if i and word in _PREPOSITIONS), 0)
    if head:
        # "muscle ups en barra", "flys on the pec deck": the plural is the head's
        before, after = words[: head - 1], words[head:]
        spellings += [
            (*before, *plural, *after) for plural in _with_plurals(words[head - 1 : head])[1:]
        ]
    return spellings


_PREPOSITIONS = frozenset("on en a am an con de na no com with al alle ai au aux".split())
"""Words after which a name goes on with where or how it is done ("dips an der bank")."""


def _joinable(word: str) -> bool:
    return word.isalpha() and len(word) > 1


def _with_plurals(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The form and its plurals: "curls", "presses", "flys", "flyes" and "flies"."""
    last = form[-1]
    if not _joinable(last):
        return [form]
    if last.endswith(("s", "x", "z", "ch", "sh")):
        endings = [last + "es"]
    elif last.endswith("y") and last[-2] not in "aeiou":
        endings = [last + "s", last + "es", last[:-1] + "ies"]
    elif last.endswith("e"):
        endings = [last + "s"]
    else:
        endings = [last + "s", last + "es"]  # "jumpes" is written too
    return [form, *((*form[:-1], ending) for ending in endings)]


MOVEMENTS, _INDEX, _WRITTEN = _parse_table()
_LONGEST: dict[str, int] = {}
"""For each word that starts an alias, the longest alias (in words) it starts."""
for _words in _INDEX:
    _LONGEST[_words[0]] = max(_LONGEST.get(_words[0], 0), len(_words))
_KNOWN = frozenset(word for words in _INDEX for word in words)
_FUZZY_CHOICES: dict[str, list[str]] = {}
"""Alias words of `_FUZZY_MIN` letters or more by first letter (a typo keeps the first)."""
for _word in sorted(_KNOWN):
    if len(_word) >= _FUZZY_MIN and _word.isalpha():
        _FUZZY_CHOICES.setdefault(_word[0], []).append(_word)
_LONGEST_WORD = max(map(len, _KNOWN)) + 2
"""Longer words are no slip of an alias word (and would cost a long fuzzy comparison)."""
_SWAP_CHOICES: dict[str, list[str]] = {}
"""Five-letter alias words (as written, not generated forms) by their sorted letters."""
for _word in sorted(_WRITTEN):
    if len(_word) == _SWAP_LENGTH and _word.isalpha():
        _SWAP_CHOICES.setdefault("".join(sorted(_word)), []).append(_word)
_NOT_TYPOS = frozenset(
    "talking walking hiking biking liking making taking baking pushing pulling presser squad"
    " squads spilt twits skills".split()
)
"""Everyday words one letter away from an alias word."""


def movement(name: str) -> Movement:
    """The table row for a canonical name.

    Raises:
        KeyError: the name is not in the table.
    """
    return MOVEMENTS[name]


def corrections(text: str) -> list[tuple[str, str]]:
    """(as written, read as) for every mistyped alias word in lower-case `text`."""
    words = (m.group() for m in _TOKEN.finditer(text))
    return [(word, fixed) for word in words if (fixed := corrected(word)) != word]


def find_mentions(text: str) -> list[Mention]:
    """Movements named in lower-case `text`, longest alias first, in text order."""
    return list(_find_mentions(text))


@functools.lru_cache(maxsize=256)
def _find_mentions(text: str) -> tuple[Mention, ...]:
    # Cached: a message's sentences, clauses and sessions are searched more than once.
    tokens = [(m.start(), m.end(), corrected(m.group())) for m in _TOKEN.finditer(text)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        longest = _LONGEST.get(tokens[i][2])
        if longest is None:
            i += 1
            continue
        for size in range(min(longest, len(tokens) - i), 0, -1):
            hit = _INDEX.get(tuple(token[2] for token in tokens[i : i + size]))
            end = tokens[i + size - 1][1]
            if hit is None or (size > 1 and not _one_phrase(text, tokens[i : i + size])):
                continue
            if not (hit[3] and not _number_near(text, tokens[i][0], end)):
                name, unloaded, weak, needs_number = hit
                unloaded_move = MOVEMENTS[unloaded] if unloaded else None
                if not (needs_number and _right_after(text, mentions, tokens[i][0])):
                    mention = Mention(tokens[i][0], end, MOVEMENTS[name], unloaded_move, weak)
                    mentions.append(mention)
                i += size
                break
        else:
            i += 1
    kept = [m for k, m in enumerate(mentions) if not _yields(m, mentions[k + 1 : k + 2], text)]
    return tuple(_with_dumbbells(_with_bells(kept, text), text))


_BELLS = compile_gated(r"\b(?:kb|kbs|kettlebells?)\b")
_BARS = compile_gated(r"\b(?:barbell|bb|bar|barra)\b")
_BELL_VERSIONS = {
    name: f"kettlebell_{name}" for name in MOVEMENTS if f"kettlebell_{name}" in MOVEMENTS
} | {"overhead_press": "kettlebell_press", "barbell_row": "kettlebell_row", "row": "kettlebell_row"}
"""The kettlebell version of a lift a bell session names bare ("5 cleans, 5 presses")."""


def _with_bells(mentions: list[Mention], text: str) -> list[Mention]:
    """A session headed by its bells ("KB complex: 5 cleans, 5 presses, 5 rows") lifts them.

    The bells must be named before the first movement and no bar anywhere: "kb swings, then
    cleans 3x3 @ 100kg" keeps its barbell cleans.
    """
    bell = _BELLS.search(text)
    if bell is None or not mentions or mentions[0].start <= bell.start() or _BARS.search(text):
        return mentions
    return [
        replace(m, movement=_bell(m.movement), unloaded=m.unloaded and _bell(m.unloaded))
        for m in mentions
    ]


_DUMBBELL_CUE = compile_gated(
    r"\b(?:dbs?|dumbbells?|dumbells?)\b|\b(?:each|per|a|one) (?:arm|hand)\b"
)
_ITEM_END = re.compile(r"[,;\n]")
_DUMBBELL_VERSIONS = {
    "bench_press": "dumbbell_bench_press", "incline_bench_press": "incline_dumbbell_press",
    "decline_bench_press": "decline_dumbbell_press", "barbell_row": "dumbbell_row",
    "overhead_press": "dumbbell_shoulder_press", "floor_press": "dumbbell_floor_press",
    "front_squat": "dumbbell_front_squat", "push_press": "dumbbell_push_press",
    "thruster": "dumbbell_thruster",
}  # fmt: skip
"""The dumbbell version of a bar lift whose own item says dumbbells."""


def _with_dumbbells(mentions: list[Mention], text: str) -> list[Mention]:
    """A bar lift said with dumbbells in its own item is their version.

    "rows 3x10 w/ 70 lb dumbbells", "press 3x8 each arm": the item runs to the next
    movement or the end of its clause, so "bench 5x5, incline db 3x10" keeps its bench.
    """
    out = []
    for k, mention in enumerate(mentions):
        end = mentions[k + 1].start if k + 1 < len(mentions) else len(text)
        item = _ITEM_END.split(text[mention.end : end], maxsplit=1)[0]
        version = _DUMBBELL_VERSIONS.get(mention.movement.name)
        if version is not None and _DUMBBELL_CUE.search(item):
            mention = replace(mention, movement=MOVEMENTS[version])
        out.append(mention)
    return out


def _bell(move: Movement) -> Movement:
    return MOVEMENTS.get(_BELL_VERSIONS.get(move.name, move.name), move)


def _right_after(text: str, mentions: list[Mention], start: int) -> bool:
    """An everyday word right after a movement is how it was done, not a lift of its own.

    "lat pulldown close grip 3x10": the grip of the pulldown, not a close-grip bench.
    """
    return bool(mentions) and not text[mentions[-1].end : start].strip()


_GAP = re.compile(r"[ \t'._-]*")
"""What may stand between the words of one name: "t-bar", "farmer's", "c.j."; a comma or a
line break ends it ("bench, then dips" is no bench dip)."""


def _one_phrase(text: str, tokens: list[tuple[int, int, str]]) -> bool:
    return all(
        _GAP.fullmatch(text, left[1], right[0])
        for left, right in zip(tokens, tokens[1:], strict=False)
    )


@functools.lru_cache(maxsize=4096)
def corrected(word: str) -> str:
    """An alias word the athlete mistyped ("deadlfits", "romainian"), or the word itself.

    Only words no alias uses are corrected, to an alias word starting with the same letter:
    words of six letters or more to the closest at `FUZZY_CUTOFF` or above, five-letter words
    for two neighbouring letters swapped. Otherwise the word stays as written (no silent
    guess).
    """
    if not _SWAP_LENGTH <= len(word) <= _LONGEST_WORD or word in _KNOWN or word in _NOT_TYPOS:
        return word
    if not word.isalpha():
        return word
    if len(word) == _SWAP_LENGTH:
        anagrams = _SWAP_CHOICES.get("".join(sorted(word)), ())
        swaps = [w for w in anagrams if w[0] == word[0] and OSA.distance(word, w) == 1]
        return swaps[0] if len(swaps) == 1 else word
    best = process.extractOne(
        word,
        _FUZZY_CHOICES.get(word[0], ()),
        scorer=DamerauLevenshtein.normalized_similarity,
        processor=None,
        score_cutoff=FUZZY_CUTOFF,
    )
    return word if best is None else str(best[0])


_LOAD_BEFORE = compile_gated(r"\d\s?(?:lbs?|kgs?|#|pood)\s?$")
_NEAR_BEFORE = re.compile(r"\d\s?(?:lbs?|kgs?|#|x)?\s?$")
_NEAR_AFTER = re.compile(r"\s?:?\s?(?:(?:up to|to|at|@|x|for|of|-)\s?)?\d")


_LABEL_AFTER = re.compile(r"\s?:")
_JOINED_BEFORE = re.compile(r"[a-z]\s?\+\s?$")
_JOINED_AFTER = re.compile(r"\s?\+\s?[a-z]")
"""A lift joined to another by "+" ("power clean + jerk", "clean + front squat") is a lift,
numbers or not."""
_MODIFIER_BEFORE = compile_gated(r"(?:(?:one|single|sa)[ -]?arm|sa|tempo|paused?)\s?$")
"""A word between the number and the lift that says how it was done ("100 one-arm swings")."""


def _number_near(text: str, start: int, end: int) -> bool:
    """A number right before the word or shortly after it in the same clause.

    A line's label ("Sn: worked up to 85kg") counts too: the numbers follow in the line.
    """
    before = _MODIFIER_BEFORE.sub("", text[max(0, start - 20) : start])[-8:]
    label = _LABEL_AFTER.match(text, end) and not text[:start].rpartition("\n")[2].strip()
    joined = _JOINED_BEFORE.search(text[max(0, start - 4) : start]) or _JOINED_AFTER.match(
        text, end
    )
    return bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(text, end) or label or joined)


_KIND_OF_SESSION = re.compile(
    r"\s(?:workout|work|day|session|circuit|complex|class|flow|training|emom|e\d+mom|amrap|wod"
    r"|tabata)\b"
)
"""After a weak alias, a word that makes it the kind of session ("kb workout", "kettlebell
EMOM 20", "kb day"), no movement."""


def _yields(mention: Mention, following: list[Mention], text: str) -> bool:
    """Whether a weak alias ("kb") is only a modifier here, not a movement of its own.

    It is right before another movement ("kb swings") or a kind of session ("kb workout"),
    or right after a load ("a 24kg kb").
    """
    if not mention.weak:
        return False
    if following and not text[mention.end : following[0].start].strip(" -"):
        return True
    if _KIND_OF_SESSION.match(text, mention.end):
        return True
    return _LOAD_BEFORE.search(text[max(0, mention.start - 12) : mention.start]) is not None
