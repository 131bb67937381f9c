"""Text clean-up shared by every rule: length cap, typo fixes, sentence and word splitting.

The rules match on lowercase text but slice the original, so lowering here never changes
offsets, and every input is capped first so each rule runs in bounded time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

MAX_INPUT_CHARS = 1000
"""Longer messages are truncated before any rule runs, so every rule is linear and bounded."""
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_TRANSLATE.update({ord("\u2013"): " - ", ord("\u2014"): " - "})
_TYPOS = {
    "i": "I",
    "im": "I'm",
    "i'm": "I'm",
    "ive": "I've",
    "i've": "I've",
    "i'll": "I'll",
    "i'd": "I'd",
    "dont": "don't",
    "cant": "can't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "thats": "that's",
    "youre": "you're",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "taht": "that",
    "htat": "that",
    "tht": "that",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "becuase": "because",
    "futrue": "future",
    "rmbr": "remember",
    "remem": "remember",
    "futur": "future",
    "futre": "future",
    "fture": "future",
    "furture": "future",
    "refernce": "reference",
    "referece": "reference",
    "fwd": "forward",
    "ffr": "for future reference",
    "ftr": "for the record",
    "fwrd": "forward",
    "cn": "can",
    "refrence": "reference",
    "referance": "reference",
    "delet": "delete",
    "delte": "delete",
    "remvoe": "remove",
    "memroy": "memory",
    "profle": "profile",
    "hav": "have",
    "astma": "asthma",
    "r": "are",
    # code-switched forget requests ("olvídalo, the spanish thing")
    "olvidalo": "forget it",
    "olvídalo": "forget it",
    "oublie": "forget",
    "vergiss": "forget",
}


def _one_letter_off(words: str) -> dict[str, str]:
    """Each word, and each of its one-letter deletions, mapped to the word.

    Two words within one edit (a letter added, dropped, changed or two swapped) share a
    deletion, so a typo is found by looking up its own deletions instead of measuring its
    distance to every word.
    """
    table: dict[str, str] = {}
    for word in words.split():
        for variant in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            table.setdefault(variant, word)
    return table


_BODY_WORDS = _one_letter_off(
    "sensitive shoulder hamstring achilles injured injury surgery tendonitis tendinitis"
    " sciatica meniscus herniated sprained strained diabetic allergic allergy pregnant"
    " arthritis fasciitis concussion fractured ligament cartilage"
)
"""Injury and medical words fixed when misspelt by one letter ("sensitve", "shoudler"), so
a mild or typed-in-a-hurry injury is still read as one; their plurals are left alone."""


def _body_word(key: str) -> str | None:
    """The injury word `key` misspells by one letter, if any (not its plural)."""
    if _BODY_WORDS.get(key) == key:
        return None
    for variant in (key, *(key[:i] + key[i + 1 :] for i in range(len(key)))):
        known = _BODY_WORDS.get(variant)
        if known is None or known[0] != key[0]:  # "trained" is no typo of "strained"
            continue
        if key not in {known, known + "s", known.removesuffix("s")}:
            return known if _osa_distance(key, known, 1) <= 1 else None
    return None


_NOT_REMEMBER = frozenset(
    {"remembers", "remembered", "renumber", "member", "members", "remember", "rendered", "reader"}
)
_NOT_FORGET = frozenset({"forgot", "forge", "forged", "forges", "forget", "target", "forgets"})


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, giving up above `limit` (short words only)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


@lru_cache(maxsize=8192)
def _fix_word(word: str) -> str:
    """Fix one whitespace-delimited word: contractions without apostrophes and trigger typos."""
    start, end = 0, len(word)
    while start < end and not (word[start].isalnum() or word[start] == "'"):
        start += 1
    while end > start and not (word[end - 1].isalnum() or word[end - 1] == "'"):
        end -= 1
    lead, core, trail = word[:start], word[start:end], word[end:]
    key = re.sub(r"([a-z])\1{2,}", r"\1\1", core.lower())  # "forgettt", "remmmember"
    if key in _TYPOS:
        return lead + _TYPOS[key] + trail
    if key.isalpha() and 5 <= len(key) <= 11:
        if key[0] == "r" and key not in _NOT_REMEMBER and _osa_distance(key, "remember", 2) <= 2:
            return lead + "remember" + trail
        if key[0] == "f" and key not in _NOT_FORGET and _osa_distance(key, "forget", 1) <= 1:
            return lead + "forget" + trail
    if key.isalpha() and len(key) >= 6:
        known = _body_word(key)
        if known is not None:
            return lead + known + trail
    return word


_PICTOGRAPHS = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")
"""Emoji: athletes use them as punctuation ("squat 140kg 🎉 save that")."""


_NO_SIGN = re.compile(r"(?:^|(?<=\s))[\U0001F6AB\u274C\u26D4]\uFE0F?(?=\s*[A-Za-z])")
"""A prohibition sign before a word ("🚫 burpees", "❌ running on sundays") reads as "no"."""


def _pictograph(found: re.Match[str]) -> str:
    """An emoji after a word and before more words is a clause boundary, else a space."""
    before, after = found.string[: found.start()].rstrip(), found.string[found.end() :]
    return ", " if before[-1:].isalnum() and after.strip() else " "


_HASHTAGS = {
    "remember": ("remember", "remember that"),
    "rememberthis": ("remember", "remember that"),
    "note": ("note", "note that"),
    "notethis": ("note", "note that"),
    "save": ("save this", "save that"),
    "savethis": ("save this", "save that"),
    "keepinmind": ("keep in mind", "keep that in mind"),
    "fyi": ("fyi", "fyi"),
    "fortherecord": ("for the record", "for the record"),
}
_HASHTAG = re.compile(rf"(?:^|\s+)#(?P<tag>{'|'.join(_HASHTAGS)})\b", re.IGNORECASE)
"""A keeping hashtag: as a label when it opens the message, pointing back when it ends it."""
_LAST = re.compile(r"(?:\s*(?:#\w+|[.!]+))*\s*")


def _hashtag(found: re.Match[str]) -> str:
    """A hashtag as words: "remember:" first, ". remember that." last, else as it is."""
    opening, closing = _HASHTAGS[found.group("tag").lower()]
    if found.start() == 0:
        return f"{opening}:"
    last = _LAST.fullmatch(found.string, found.end()) is not None
    return f". {closing}." if last else found.group(0)  # ".": the fact before ends there


_FROM_NOW = re.compile(
    r"\bfrom (?:today|this day|this point|here|now)"
    r" (?:on(?:wards?)?|onwards?|forwards?)(?: out)?\b",
    re.IGNORECASE,
)
"""Ways of saying "from now on": one phrase for every rule, and no "today" left to read as a
one-off."""
_EMOJI_REQUESTS = re.compile(
    r"^\s*(?:(?P<pin>[\U0001F4CC\U0001F4DD\u270D]\uFE0F?)"
    r"|(?P<bin>\U0001F5D1\uFE0F?))\s*"
)
_LABELLED = re.compile(r"[^:.!?]{0,40}:|(?:pin|note|save|delete|remove|forget)\b", re.IGNORECASE)
"""An emoji opening a message as its request: a pin or memo keeps ("📌 lactose
intolerant"), a wastebasket deletes ("🗑️ the burpee thing")."""


def _emoji_request(found: re.Match[str]) -> str:
    """The request an opening emoji makes, in words (none when words after it make one)."""
    if _LABELLED.match(found.string, found.end()):
        return ""  # "📌 pin this: my race is on June 3"
    return "pin this: " if found.group("pin") else "delete "


_LINE_END = re.compile(r"(?<=[\w)'\"])[ \t]*\n")
"""A line break after a word: the end of a sentence the athlete left unpunctuated."""


def normalise(text: str) -> str:
    """Cap the length, unify quotes, emoji and whitespace, and fix common typos word by word."""
    text = text[:MAX_INPUT_CHARS].translate(_TRANSLATE)
    if not text.isascii():
        text = _NO_SIGN.sub(" no ", text)  # "🚫 burpees": a sign that rules something out
        text = _EMOJI_REQUESTS.sub(_emoji_request, text, count=1)
        text = re.sub(r"\s+,", ",", _PICTOGRAPHS.sub(_pictograph, text))
    if "#" in text:
        text = _HASHTAG.sub(_hashtag, text)
    if "\n" in text:  # a line typed on a phone ends its sentence as a full stop would
        text = _LINE_END.sub(". ", text)
    text = " ".join(_fix_word(word) for word in text.split())
    if " ref" in text:  # "for future ref"
        text = re.sub(r"\b(future) ref\b(?!-)", r"\1 reference", text, flags=re.IGNORECASE)
    if "from " in text or "From " in text:  # "from today onwards", "from this point forward"
        text = _FROM_NOW.sub("from now on", text)
    return text


def lower(text: str) -> str:
    """Lowercase without changing the length, so offsets stay valid in the original."""
    if text.isascii():  # the common case, and ASCII lowercasing keeps every length
        return text.lower()
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_ABBREVIATION = re.compile(r"(?:\b[ap]\.m|\be\.g|\bi\.e|\betc|\bapprox)\.$", re.IGNORECASE)
"""A period that ends an abbreviation, not the sentence, when lowercase text goes on."""


def split_sentences(text: str) -> list[str]:
    """Split on sentence-final punctuation followed by a space (keeps "5.5" and "8:57").

    "before 6 a.m. central" stays one sentence: an abbreviation's period before a
    lowercase word ends no sentence.
    """
    parts: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+", text):
        if parts and part[:1].islower() and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"
        elif part.strip():
            parts.append(part.strip())
    return parts


_TAG = re.compile(
    r"(?:^|[\s,])(?:ok|okay|k|kk|right|yeah|yea|ya|yes|alright|got it|deal|thanks|pls|please"
    r"|thx|yh|yep|cool|capisce|understood|sound good|sounds good|cool with you|i guess|i suppose"
    r"|t[aá]|n[eé]|vale|ja|oder|hein|oui|s[ií]|va bene|d'accord|ji|na)\?+[\s.!?]*$"
)


_ASKING = re.compile(
    r"(?:is|are|am|was|were|do|does|did|can|could|would|will|should|what|why|how|when|where|who"
    r"|which|have|has)\b"
)
"""A sentence opening like a question is one, whatever its last word."""


def is_question(sentence: str) -> bool:
    """Whether a sentence asks something: it ends in "?", unless only a tag does ("…, ok?").

    A sentence that opens like a question ("is it ok?") asks, tag or not.
    """
    text = lower(sentence).rstrip()
    return text.endswith("?") and (_ASKING.match(text) is not None or _TAG.search(text) is None)


def split_words(text: str) -> list[str]:
    """Lowercase words with their surrounding punctuation removed."""
    return re.findall(r"[a-z0-9][a-z0-9'\-]*", lower(text))


_TAIL_CHARS = " ,;:-.!?"


def strip_tail(text: str, phrases: Sequence[str]) -> str:
    """Remove trailing punctuation and filler phrases ("…, thanks!"), in linear time."""
    while True:
        text = text.rstrip(_TAIL_CHARS)
        low = lower(text)
        for phrase in phrases:
            if low == phrase or low.endswith(" " + phrase):
                text = text[: len(text) - len(phrase)]
                break
        else:
            return text
