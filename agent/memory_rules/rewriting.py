"""Rewrite what the athlete said as a clean third-person fact ("I hate burpees" → "Hates burpees.").

Memories are read by the coach later, out of context, so "I", "my" and "you" must be resolved
now, while it is still clear who they refer to.
"""

from __future__ import annotations

import re

from agent.memory_rules.sentences import lower
from agent.memory_rules.word_lists import (
    ADVERBS,
    BODY,
    BODY_ISSUE,
    MEDICAL,
    MONTHS,
    VERB_HINTS,
    WEEKDAYS,
)

MAX_CONTENT_CHARS = 300
"""Saved content is cut at a word boundary past this, so one memory cannot crowd the prompt."""
MODALS = frozenset(
    "can can't cannot could couldn't will won't would wouldn't should shouldn't must might may"
    " shall used".split()
)
PAST_TENSES = frozenset(
    "hurt tore broke had did was were went ran got made took came saw felt fell lost won hit"
    " began swam rode drove left kept put set read quit cut split caught threw gave found became"
    " wrote ate slept told said thought bought brought sold taught spent".split()
)
THIRD_PERSON = {
    "am": "is",
    "are": "is",
    "have": "has",
    "do": "does",
    "go": "goes",
    "don't": "doesn't",
    "haven't": "hasn't",
    "aren't": "isn't",
    "were": "was",
}
_PLURAL_FIX = {"am": "are", "was": "were"}
_EXPAND = {
    "i'm": ["I", "am"],
    "i've": ["I", "have"],
    "i'll": ["I", "will"],
    "i'd": ["I", "would"],
    "you're": ["you", "are"],
    "you've": ["you", "have"],
    "you'll": ["you", "will"],
    "you'd": ["you", "would"],
    "we're": ["we", "are"],
    "we've": ["we", "have"],
    "wanna": ["want", "to"],
    "gonna": ["going", "to"],
    "gotta": ["have", "to"],
}
_PRONOUNS = {
    "me": "them",
    "my": "their",
    "mine": "theirs",
    "myself": "themselves",
    "we": "they",
    "us": "them",
    "our": "their",
    "ours": "theirs",
    "ourselves": "themselves",
    "your": "the coach's",
    "yours": "the coach's",
    "yourself": "the coach",
    "you": "the coach",
}
_CLAUSE_WORDS = frozenset(
    "and but or so then plus because since when if while although though that unless until"
    " after before where as cause whenever".split()
)
_COORD = frozenset({"and", "but", "or", "so", "then", "plus", ",", ";"})
# "may" stays lowercase: in a memory it is far more often the verb than the month.
_PROPER = {name: name.capitalize() for name in (*MONTHS, *WEEKDAYS) if name != "may"}
_TOKEN = re.compile(r"[^\W_]+(?:['\-:./%+][^\W_]+)*'?|[^\s\w]|_")
"""Words (any script: "cacahuètes" stays one) and single punctuation marks."""


def _third_person(verb: str) -> str:
    """Third-person singular of a present-tense verb ("hate" → "hates"); others unchanged."""
    low = verb.lower()
    if low in THIRD_PERSON:
        return THIRD_PERSON[low]
    past = low.endswith("ed") and not low.endswith("eed")  # "need", "feed" are present
    if low in MODALS or low in PAST_TENSES or past or not low.isalpha():
        return verb
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(low) > 2 and low.endswith("y") and low[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _expand(tokens: list[str]) -> list[str]:
    """Expand subject contractions ("I'm" → "I am") so one rule conjugates them all."""
    out: list[str] = []
    for token in tokens:
        out.extend(_EXPAND.get(token.lower(), [token]))
    for idx in range(len(out) - 1):
        if out[idx].lower() == "would" and out[idx + 1].lower() == "been":
            out[idx] = "had"
    return out


def _conjugate_after(tokens: list[str], start: int, fix: dict[str, str] | None) -> None:
    """Conjugate, in place, the first verb from `start` on (skipping adverbs).

    `fix=None` makes it third-person singular; otherwise only the words in `fix` change.
    """
    idx = start
    while idx < len(tokens):
        low = tokens[idx].lower()
        if low in ADVERBS or (
            low == "no" and idx + 1 < len(tokens) and tokens[idx + 1] == "longer"
        ):
            idx += 1
            continue
        if low == "longer" and idx > start and tokens[idx - 1].lower() == "no":
            idx += 1
            continue
        break
    if idx < len(tokens):
        low = tokens[idx].lower()
        if low == "not":  # learner's English "I not eat pork": the verb after stays bare
            tokens[idx] = "does not" if fix is None else "do not"
        elif fix is None:
            tokens[idx] = _third_person(tokens[idx])
            if low == "have" and idx + 1 < len(tokens) and tokens[idx + 1] == "got":
                if idx + 2 < len(tokens) and tokens[idx + 2] != "to":
                    del tokens[idx + 1]
        elif low in fix:
            tokens[idx] = fix[low]


_FILLER_ADVERBS = frozenset({"actually", "honestly", "literally", "basically"})
COMMON_VERBS = frozenset(
    "prefer like love hate want need have train work run lift do go get live enjoy travel play"
    " take use eat sleep teach coach swim bike ride walk hike try feel know struggle tend care"
    " find can't don't can will would usually also always never only still".split()
)


def _third_person_tokens(tokens: list[str], *, subject_first: bool) -> list[str]:
    """Swap first- and second-person words for third person, conjugating verbs to match.

    A leading "I" is dropped ("I hate burpees" → "hate**s** burpees"), as is an "I" that
    repeats it after "and"/"but"; any other "I" becomes "they".
    """
    tokens = _expand(tokens)
    out: list[str] = []
    lead_dropped = False
    boundary: str | None = "^" if subject_first else None
    idx = 0
    while idx < len(tokens):
        token = tokens[idx]
        low = token.lower()
        if low == "i":
            drop = boundary == "^" or (boundary in _COORD and lead_dropped)
            lead_dropped = lead_dropped or boundary == "^"
            if not drop:
                out.append("they")
            _conjugate_after(tokens, idx + 1, None if drop else _PLURAL_FIX)
        elif low == "you" and boundary is not None:
            out.append("the coach")
            if idx + 1 < len(tokens) and tokens[idx + 1].lower() != "and":  # "you and I agreed"
                _conjugate_after(tokens, idx + 1, None)
        elif low in {"and", "but", "or"} and lead_dropped and idx + 1 < len(tokens):
            out.append(token)
            if tokens[idx + 1].lower() in COMMON_VERBS:
                _conjugate_after(tokens, idx + 1, None)
        elif low not in _FILLER_ADVERBS:
            out.append(_PRONOUNS.get(low, _PROPER.get(low, token)))
        boundary = low if low in _CLAUSE_WORDS or low in {",", ";", ":"} else None
        idx += 1
    return out


def rewrite_statement(text: str) -> str:
    """Rewrite a first-person statement as a subjectless third-person fact."""
    return _finish(_third_person_tokens(_TOKEN.findall(_unshout(text)), subject_first=True))


def _unshout(text: str) -> str:
    """A fact typed in capitals ("I HAVE A PACEMAKER") in ordinary case; shouting is no fact."""
    letters = [ch for ch in text if ch.isalpha()]
    return text.lower() if len(letters) > 3 and all(ch.isupper() for ch in letters) else text


def rewrite_imperative(text: str) -> str:
    """Rewrite an instruction to the coach ("call me Champ") as a fact about the athlete."""
    tokens = [t for t in _TOKEN.findall(_unshout(text)) if t.lower() not in {"your", "yours"}]
    if tokens and tokens[0][1:].islower():  # "Use RPE…" opened the sentence: "to use RPE"
        tokens[0] = tokens[0].lower()
    lows = [t.lower() for t in tokens]
    if lows[:2] == ["call", "me"] and len(tokens) > 2:
        return _finish(["wants to be called", *tokens[2:]])
    head = "wants the coach to"
    if lows[:1] == ["no"] or lows[-1:] == ["only"]:  # "no burpees", "short answers only"
        return _finish(["wants", *_third_person_tokens(tokens, subject_first=False)])
    if lows[:1] in (["don't"], ["never"]) or lows[:2] == ["do", "not"]:
        head = "doesn't want the coach to"
        tokens = tokens[1:] if lows[0] in {"don't", "never"} else tokens[2:]
    return _finish([head, *_third_person_tokens(tokens, subject_first=False)])


_MASS = frozenset("asthma diabetes arthritis tendinitis tendonitis sciatica scoliosis".split())
_BODY_RE = re.compile(rf"\b{BODY}$")


def noun_phrase(text: str) -> str | None:
    """The fact a condition noun phrase states: "my bad knee" → "Has a bad knee."; else None."""
    low = lower(text)
    if not low.startswith("my ") or VERB_HINTS.search(low) or len(low.split()) > 6:
        return None
    if not (MEDICAL.search(low) or BODY_ISSUE.search(low) or _BODY_RE.search(low)):
        return None
    rest = text.split(" ", 1)[1]
    rest_low = lower(rest)
    if _BODY_RE.search(rest_low) and not BODY_ISSUE.search(rest_low):
        rest += " issue"
    last = lower(rest).split()[-1]
    if last in _MASS or (last.endswith("s") and not last.endswith("ss")):
        return _finish(["has", rest])
    article = "an" if rest_low[:1] in set("aeiou") else "a"
    return _finish(["has", article, rest])


def _finish(tokens: list[str]) -> str:
    """Join tokens, capitalise, end with one period, cap the length."""
    text = ""
    open_quote = False
    for token in tokens:
        inches = token == '"' and text[-1:].isdigit()
        closing = token in {"'", '"'} and open_quote and not inches
        if (
            not text
            or inches
            or closing
            or token in {",", ".", ";", ":", "!", "?", ")", "%"}
            or text[-1] == "("
            or (open_quote and text[-1] in {"'", '"'} and text[-2:-1] in {"", " "})
        ):
            text += token
        else:
            text += " " + token
        if token in {"'", '"'} and not inches:
            open_quote = not open_quote
    text = text.strip(" ,;:-!?.\"'")
    if len(text) > MAX_CONTENT_CHARS:
        text = text[:MAX_CONTENT_CHARS].rsplit(" ", 1)[0]
    return text[:1].upper() + text[1:] + "." if text else ""
