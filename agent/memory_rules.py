"""Deterministic memory rules: "remember that I…" / "forget that…" requests and consolidation.

Everything here is pure: no I/O, no storage access, no clock. The offline engine calls
`detect_memory_intent` on each user message, `consolidate` before writing, `best_match` to
resolve a forget request and `rank_memories` to pick what goes into the prompt.

Decisions recorded here (the brief left them open):

- Memory text is data. A message with instruction-injection phrasing (system prompt, ignore
  previous instructions, other users, developer mode, "for user X", secrets…) yields `None`: no
  save and no forget. Weaker markers ("admin", "reveal", "developer") are kept only as inert
  `context` memories of low importance.
- There is no user parameter anywhere: a request can only ever concern the current athlete.
- "don't forget to <verb>" / "remember to <verb>" is an instruction memory only when the verb is
  something the coach does ("remind me", "call me", "use kg"); "don't forget to stretch" is a
  habit reminder, not a memory.
- Without an explicit request ("remember", "note that", "for future reference", "from now on"…)
  a fact is not saved: "I want to deadlift 500" and "FYI I'm vegan" stay conversation.
- `consolidate` reports a contradiction as UPDATE with the new content replacing the old (one
  write, the memory id survives), and a pure retraction ("No longer has a bad knee.") as DELETE.
- `MemoryRequest.scope` is "coach" for instructions, feedback and anything about this coach's
  style; medical, equipment and life facts are "global". The caller maps "coach" to the coach id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from storage.models import Importance, Memory, MemoryType

Scope = Literal["global", "coach"]
Action = Literal["ADD", "UPDATE", "DELETE", "NONE"]

MAX_INPUT_CHARS = 1000
"""Longer messages are truncated before any rule runs, so every rule is linear and bounded."""
MAX_CONTENT_CHARS = 300
MATCH_THRESHOLD = 0.6
"""Minimum `best_match` score: weighted share of the query's words found in the memory."""


@dataclass(frozen=True)
class MemoryRequest:
    """A request to save one memory, rewritten as a clean third-person fact."""

    content: str
    memory_type: MemoryType
    importance: Importance
    scope: Scope
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ForgetRequest:
    """A request to forget the memory best matching `query`, optionally replacing it."""

    query: str
    replacement: MemoryRequest | None = None


@dataclass(frozen=True)
class MemoryDecision:
    """What to do with a candidate memory given the existing ones (mem0-style)."""

    action: Action
    target: Memory | None
    content: str | None
    reason: str


# --------------------------------------------------------------------------- normalisation

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
    "futur": "future",
    "refrence": "reference",
    "referance": "reference",
}
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


def _fix_word(word: str) -> str:
    """Fix one whitespace-delimited word: contractions without apostrophes and trigger typos."""
    start, end = 0, len(word)
    while start < end and not (word[start].isalnum() or word[start] == "'"):
        start += 1
    while end > start and not (word[end - 1].isalnum() or word[end - 1] == "'"):
        end -= 1
    lead, core, trail = word[:start], word[start:end], word[end:]
    key = core.lower()
    if key in _TYPOS:
        return lead + _TYPOS[key] + trail
    if key.isalpha() and 5 <= len(key) <= 11:
        if key[0] == "r" and key not in _NOT_REMEMBER and _osa_distance(key, "remember", 2) <= 2:
            return lead + "remember" + trail
        if key[0] == "f" and key not in _NOT_FORGET and _osa_distance(key, "forget", 1) <= 1:
            return lead + "forget" + trail
    return word


def _normalise(text: str) -> str:
    """Cap the length, unify quotes and whitespace, and fix common typos word by word."""
    text = text[:MAX_INPUT_CHARS].translate(_TRANSLATE)
    return " ".join(_fix_word(word) for word in text.split())


def _lower(text: str) -> str:
    """Lowercase without changing the length, so offsets stay valid in the original."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _sentences(text: str) -> list[str]:
    """Split on sentence-final punctuation followed by a space (keeps "5.5" and "8:57")."""
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]


def _words(text: str) -> list[str]:
    """Lowercase words with their surrounding punctuation removed."""
    return re.findall(r"[a-z0-9][a-z0-9'\-]*", _lower(text))


# --------------------------------------------------------------------------- safety

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
_WEAK_INJECTION = re.compile(r"\b(?:admin|administrator|developer|system|reveal|prompt)\b")


def _is_injection(low: str) -> bool:
    """True for instruction-injection or other-user phrasing: never saved, never forgotten."""
    return _INJECTION.search(low) is not None


# --------------------------------------------------------------------------- lead-in words

_FILLER = frozenset(
    "hey hi hello yo ok okay oh and also so but btw just please um uh well alright right hmm"
    " actually anyway anyways quick real one more thing another last again ah sorry thanks cool"
    " great nice awesome yeah yes yep listen look coach important importantly very this is really"
    " super seriously lastly finally first firstly second now kindly sir mate dude buddy man bro"
    " wait".split()
)
_GREETINGS = frozenset("hey hi hello yo morning evening afternoon hiya howdy sup".split())
_NOT_A_NAME = frozenset(
    "do did not never i you we they can will would should could must won't don't".split()
)
_SOFT_BOUNDARY = frozenset("and but plus then btw also".split())
_POLITE = (("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"))
_REQUESTS = _POLITE + (
    ("i", "want", "you", "to"),
    ("i", "need", "you", "to"),
    ("i'd", "like", "you", "to"),
    ("i", "would", "like", "you", "to"),
    ("i'd", "love", "it", "if", "you", "could"),
    ("make", "sure", "you"),
    ("make", "sure", "to"),
    ("be", "sure", "to"),
    ("try", "to"),
    ("you", "should"),
    ("you", "need", "to"),
    ("you", "have", "to"),
    ("you", "must"),
    ("you", "can"),
    ("you", "could"),
    ("you", "may"),
    ("feel", "free", "to"),
    ("go", "ahead", "and"),
    ("please", "do"),
    ("do",),
    ("can", "you", "please"),
)


def _lead_kind(prefix: str) -> Literal["plain", "polite"] | None:
    """Classify the words before a trigger: only filler/request words → imperative position."""
    clause = re.split(r"[,;:.!?\n\"()]|\s-\s", _lower(prefix))[-1]
    words = _words(clause)
    for idx in range(len(words) - 1, -1, -1):
        if words[idx] in _SOFT_BOUNDARY:
            words = words[idx + 1 :]
            break
    polite = False
    while words:
        for request in _REQUESTS:
            if len(words) >= len(request) and tuple(words[-len(request) :]) == request:
                polite = polite or request[:2] in _POLITE
                words = words[: -len(request)]
                break
        else:
            if words[-1] in _FILLER:
                words = words[:-1]
                continue
            break
    if words and not (
        words[0] in _GREETINGS
        and len(words) <= 2
        and words[-1].isalpha()
        and words[-1] not in _NOT_A_NAME
    ):
        return None
    return "polite" if polite else "plain"


def _drop_lead(clause: str) -> str:
    """Remove greeting, filler and request words from the front of a clause."""
    words = clause.split()
    while words:
        low = _words(words[0])
        if not low:
            words = words[1:]
            continue
        for request in _REQUESTS:
            got = tuple(w for word in words[: len(request)] for w in _words(word))
            if got == request and len(request) > 1:
                words = words[len(request) :]
                break
        else:
            if low[0] in _FILLER or low[0] in _GREETINGS:
                words = words[1:]
                continue
            break
    return " ".join(words)


# --------------------------------------------------------------------------- rewriting

_ADVERBS = frozenset(
    "only also just really always never still usually often sometimes rarely generally typically"
    " normally mostly actually currently now already definitely absolutely totally seriously"
    " honestly literally kinda sorta even barely hardly mainly basically personally truly"
    " probably recently finally officially legit def".split()
)
_MODALS = frozenset(
    "can can't cannot could couldn't will won't would wouldn't should shouldn't must might may"
    " shall used".split()
)
_PAST = frozenset(
    "hurt tore broke had did was were went ran got made took came saw felt fell lost won hit"
    " began swam rode drove left kept put set read quit cut split caught threw gave found became"
    " wrote ate slept told said thought bought brought sold taught spent".split()
)
_THIRD = {
    "am": "is",
    "are": "is",
    "have": "has",
    "do": "does",
    "go": "goes",
    "don't": "doesn't",
    "haven't": "hasn't",
    "aren't": "isn't",
    "were": "was",
    "'m": "is",
}
_PLURAL_FIX = {"am": "are", "was": "were", "'m": "are"}
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
_PROPER = {
    m: m.capitalize()
    for m in (
        "january february march april june july august september october november december"
        " monday tuesday wednesday thursday friday saturday sunday".split()
    )
}
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\-:./%+][A-Za-z0-9]+)*'?|[^\sA-Za-z0-9]")


def _third_person(verb: str) -> str:
    """Third-person singular of a present-tense verb ("hate" → "hates"); others unchanged."""
    low = verb.lower()
    if low in _THIRD:
        return _THIRD[low]
    if low in _MODALS or low in _PAST or low.endswith(("ed", "n't")) or not low.isalpha():
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
        if low in _ADVERBS or (
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
        if fix is None:
            tokens[idx] = _third_person(tokens[idx])
            if low in {"have", "'ve"} and idx + 1 < len(tokens) and tokens[idx + 1] == "got":
                if idx + 2 < len(tokens) and tokens[idx + 2] != "to":
                    del tokens[idx + 1]
        elif low in fix:
            tokens[idx] = fix[low]


_FILLER_ADVERBS = frozenset({"actually", "honestly", "literally", "basically"})
_COMMON_VERBS = frozenset(
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
            _conjugate_after(tokens, idx + 1, None)
        elif low in {"and", "but", "or"} and lead_dropped and idx + 1 < len(tokens):
            out.append(token)
            if tokens[idx + 1].lower() in _COMMON_VERBS:
                _conjugate_after(tokens, idx + 1, None)
        elif low not in _FILLER_ADVERBS:
            out.append(_PRONOUNS.get(low, _PROPER.get(low, token)))
        boundary = low if low in _CLAUSE_WORDS or low in {",", ";", ":"} else None
        idx += 1
    return out


def _rewrite_statement(text: str) -> str:
    """Rewrite a first-person statement as a subjectless third-person fact."""
    return _finish(_third_person_tokens(_TOKEN.findall(text), subject_first=True))


def _rewrite_imperative(text: str) -> str:
    """Rewrite an instruction to the coach ("call me Champ") as a fact about the athlete."""
    tokens = [t for t in _TOKEN.findall(text) if t.lower() not in {"your", "yours"}]
    lows = [t.lower() for t in tokens]
    if lows[:2] == ["call", "me"] and len(tokens) > 2:
        return _finish(["wants to be called", *tokens[2:]])
    head = "wants the coach to"
    if lows[:1] == ["don't"] or lows[:2] == ["do", "not"]:
        head = "doesn't want the coach to"
        tokens = tokens[1:] if lows[0] == "don't" else tokens[2:]
    return _finish([head, *_third_person_tokens(tokens, subject_first=False)])


def _finish(tokens: list[str]) -> str:
    """Join tokens, capitalise, end with one period, cap the length."""
    text = ""
    for token in tokens:
        inches = token == '"' and text[-1:].isdigit()
        if (
            not text
            or inches
            or token in {",", ".", ";", ":", "!", "?", ")", "%"}
            or text[-1] == "("
        ):
            text += token
        else:
            text += " " + token
    text = text.strip(" ,;:-!?.\"'")
    if len(text) > MAX_CONTENT_CHARS:
        text = text[:MAX_CONTENT_CHARS].rsplit(" ", 1)[0]
    return text[:1].upper() + text[1:] + "." if text else ""


# --------------------------------------------------------------------------- classification

_BODY = (
    r"(?:shoulders?|knees?|back|lower back|hips?|ankles?|wrists?|elbows?|neck|hamstrings?|calf"
    r"|calves|quads?|groin|achilles|feet|foot|toes?|spine|ribs?|pecs?|chest|glutes?|it band|traps?"
    r"|biceps?|triceps?|forearms?|fingers?|thumbs?|shins?|heels?|acl|mcl|meniscus|rotator cuff)"
)
_MEDICAL = re.compile(
    r"\b(?:injur(?:y|ies|ed)|pain(?:ful)?|surger(?:y|ies)|operation|rehab|physio\w*|sprain\w*"
    r"|strain(?:ed)?|tendin\w*|tendon\w*|arthritis|asthma\w*|diabet\w*|heart (?:condition|problem"
    r"|issue)s?|blood pressure|hypertension|epilep\w*|seizures?|pregnan\w*|postpartum|allerg\w*"
    r"|medications?|meds|medicine|medical|herniat\w*|concussion\w*|acl|mcl|pcl|meniscus|rotator"
    r" cuff|labrum|plantar fasciitis|sciatica|scoliosis|hernia|migraines?|torn|tore|fractur\w*"
    r"|broken|dislocat\w*|osteo\w*|chronic|cardiac|celiac|coeliac|insulin|inhaler|chemo|cancer"
    r"|anemi\w*|anaemi\w*|beta[- ]blockers?|statins?|ssris?|antidepressants?|thyroid|vertigo"
    r"|faint\w*|dizz\w*|epipen|high risk|(?:doctor|dr|physician"
    r"|surgeon)(?:'s)? (?:said|says|told|orders|advised|cleared|recommends))\b"
)
_BODY_ISSUE = re.compile(
    rf"\b(?:bad|weak|dodgy|cranky|bum|busted|messed up|tweaked|sore|stiff|injured|hurt|hurting"
    rf"|aching|achy|gimpy|wonky|dicky|trick|torn|broken|rolled|sprained|twisted|pulled|healing"
    rf"|recovering|problem|arthritic)\b.{{0,25}}\b{_BODY}\b"
    rf"|\b{_BODY}\b.{{0,25}}\b(?:hurts?|hurting|aches?|aching|pain|injury|issues?|problems?"
    rf"|thing|niggle|flares?|flaring|acts? up|acting up|gives? out|clicks?|pops?|surgery"
    rf"|caves? in|buckles?|(?:is|are) (?:bad|weak|sore|shot|busted|messed up|wrecked|trashed"
    rf"|dodgy|cranky)|replacement|sore|numb|tingl\w*|swell\w*|swollen|inflamed|locks? up)\b"
)
_EQUIPMENT = re.compile(
    r"\b(?:dumbbells?|dbs?|kettlebells?|kbs?|barbells?|squat rack|power rack|rack|rower|erg"
    r"|assault bike|air bike|treadmill|pull-?up bar|rings|resistance bands?|bands|plates"
    r"|home gym|garage gym|equipment|cable machine|smith machine|trap bar|sandbag|jump rope"
    r"|gym membership|weights|bench)\b"
)
_EQUIPMENT_LIMIT = re.compile(
    r"\b(?:only|no|don't have|doesn't have|do not have|without|lack\w*|access|at home|home gym"
    r"|garage gym|just (?:a|some)|bodyweight only)\b"
)
_SCHEDULE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven)x? (?:days?|times|sessions|workouts)"
    r" (?:a|per|each|every) week\b|\b\d+ ?x (?:a|per) week\b"
    r"|\bonly\b.{0,40}\b(?:days?|mornings?|evenings?|nights?"
    r"|weekends?|weekdays?|minutes|mins|hours?|time)\b|\bcan(?:'t|not| only)\b.{0,30}\b(?:train"
    r"|work ?out|lift|run|exercise|make it)\b|\bno time\b|\bshort on time\b|\b(?:max|maximum|at"
    r" most) (?:of )?\d+ (?:minutes|mins|days|hours)|\b(?:trains?|works? out|lifts?) (?:on )?"
    r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays"
    r"|mornings|evenings)\b"
)
_DIET = re.compile(
    r"\b(?:vegan|vegetarian|pescatarian|keto|gluten[- ]free|dairy[- ]free|lactose|halal|kosher"
    r"|intermittent fasting|fasting)\b"
)
_FEEDBACK = re.compile(
    r"\b(?:last|yesterday'?s?|today'?s|this week'?s|last week'?s|previous|recent|that|the|your)\b"
    r".{0,25}\b(?:program|programme|programming|plan|workout|session|wod|block|class|cycle"
    r"|routine|training|metcon)s?\b.{0,40}\b(?:too|was|were|felt|went)\b"
    r"|\b(?:liked|loved|enjoyed|hated|disliked)\b.{0,30}\b(?:program|programme|programming|plan"
    r"|workout|session|wod|block|class|routine|metcon)s?\b"
    r"|\b(?:replies|answers|responses|messages|explanations|check-?ins)\b.{0,30}\btoo\b"
)
_INSTRUCTION = re.compile(
    r"\b(?:call me|remind me|use (?:kg|kgs|kilos?|kilograms|lbs?|pounds|metric|imperial|miles|km"
    r"|kilometers|kilometres)|(?:you|the coach) should|(?:don't|do not|never) (?:program|give me"
    r"|schedule|include|prescribe|assign|send me))\b"
)
_GOAL = re.compile(
    r"\b(?:training for|train for|prepping for|preparing for|wants? to|would like to|wanna|goal"
    r"|goals|aim(?:ing)? (?:to|for)|hoping to|hope to|trying to|working (?:on|toward|towards)"
    r"|target|plan(?:ning)? to|get (?:to|under|below)|sub-?\d+|compete|competing|qualify"
    r"|lose (?:\d+|weight|fat)|gain (?:\d+|muscle|weight)|personal record|signed up for"
    r"|registered for)\b"
)
_PREFERENCE = re.compile(
    r"\b(?:like|likes|liked|love|loves|loved|enjoy|enjoys|hate|hates|hated|dislike|dislikes"
    r"|prefer|prefers|preferred|favou?rites?|can't stand|cannot stand|not a fan|big fan|fan of"
    r"|rather|loathe|despise)\b"
)
_COACH_REF = re.compile(
    r"\b(?:you|your|yours|the coach|replies|answers|responses|messages|tone|blunt|harsh|gentle"
    r"|check-?ins?|explanations|emojis?|programming|program me)\b"
)
_IMPORTANT = re.compile(r"\b(?:important|crucial|critical|vital|essential|life[- ]threatening)\b")
_TAG_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(pattern))
    for tag, pattern in (
        (
            "injury",
            r"\b(?:injur\w*|hurt\w*|pain\w*|torn|tore|sprain\w*|strain\w*|tweak\w*"
            r"|surgery|rehab|herniat\w*|fractur\w*|dislocat\w*|broken|concussion)\b|"
            + _BODY_ISSUE.pattern,
        ),
        ("shoulder", r"\bshoulders?\b|rotator cuff|labrum"),
        ("knee", r"\bknees?\b|\bacl\b|\bmcl\b|meniscus"),
        (
            "back",
            r"\b(?:lower |upper )?back\b(?! (?:in|to|from|then|when|home))|\bspine\b|\bdisc\b",
        ),
        ("hip", r"\bhips?\b"),
        ("ankle", r"\bankles?\b|achilles"),
        ("wrist", r"\bwrists?\b"),
        ("elbow", r"\belbows?\b"),
        ("neck", r"\bneck\b"),
        ("hamstring", r"\bhamstrings?\b"),
        ("foot", r"\bfeet\b|\bfoot\b|plantar"),
        (
            "medical",
            r"\b(?:asthma\w*|diabet\w*|heart|blood pressure|medication\w*|meds|epilep\w*"
            r"|condition|doctor|migraine\w*|insulin)\b",
        ),
        ("allergy", r"\ballerg\w*|epipen"),
        ("pregnancy", r"\bpregnan\w*|postpartum"),
        ("equipment", _EQUIPMENT.pattern),
        ("home", r"\bhome\b"),
        (
            "schedule",
            _SCHEDULE.pattern + r"|\b(?:schedule|mornings?|evenings?|weekends?|shifts?)\b",
        ),
        ("running", r"\b(?:run|runs|running|runner|marathon|half marathon|5k|10k|jog\w*)\b"),
        ("cycling", r"\b(?:cycl\w*|bike ride|biking)\b"),
        ("swimming", r"\bswim\w*\b"),
        ("strength", r"\b(?:deadlift\w*|squat\w*|bench press|powerlift\w*|1rm|olympic lift\w*)\b"),
        ("burpees", r"\bburpees?\b"),
        ("pull-ups", r"\bpull-?ups?\b"),
        (
            "nutrition",
            r"\b(?:diet|vegan|vegetarian|protein|eat\w*|food|meals?|keto|calories"
            r"|gluten|dairy|lactose|nuts?|peanuts?|shellfish)\b",
        ),
        ("units", r"\b(?:use|in|not) (?:kg|kgs|kilos?|kilograms|lbs?|pounds)\b|metric|imperial"),
        ("name", r"\b(?:call me|called|nickname|name)\b"),
        (
            "communication",
            r"\b(?:replies|answers|responses|messages|tone|blunt|direct|emojis?"
            r"|explanations|check-?ins?)\b",
        ),
        ("sleep", r"\bsleep\w*\b"),
        (
            "work",
            r"\b(?:job|works? (?:as|at|in|for|nights|days|shifts|from|weekends)|working (?:as|at"
            r"|nights|from)|shifts?|nurse|office|career|(?:at|after|before|for) work)\b",
        ),
        ("family", r"\b(?:kids?|son|daughter|wife|husband|partner|baby|family|children)\b"),
        ("travel", r"\btravel\w*|\btrips?\b"),
        ("goal", _GOAL.pattern),
    )
)


@dataclass(frozen=True)
class _Kind:
    memory_type: MemoryType
    importance: Importance
    scope: Scope
    tags: tuple[str, ...]


def _classify(source: str, *, imperative: bool, message: str) -> _Kind:
    """Type, importance, scope and tags of a memory from its first-person source text."""
    low = _lower(source)
    medical = _MEDICAL.search(low) is not None or _BODY_ISSUE.search(low) is not None
    memory_type: MemoryType
    if medical:
        memory_type = "constraint"
    elif _FEEDBACK.search(low):
        memory_type = "feedback"
    elif imperative or _INSTRUCTION.search(low):
        memory_type = "instruction"
    elif (_EQUIPMENT.search(low) and _EQUIPMENT_LIMIT.search(low)) or _SCHEDULE.search(low):
        memory_type = "constraint"
    elif _DIET.search(low):
        memory_type = "constraint"
    elif _GOAL.search(low):
        memory_type = "goal"
    elif _PREFERENCE.search(low):
        memory_type = "preference"
    else:
        memory_type = "context"
    importance: Importance = "low"
    if medical or _IMPORTANT.search(_lower(message)):
        importance = "high"
    elif memory_type in {"goal", "constraint", "instruction", "feedback"}:
        importance = "medium"
    coachy = memory_type in {"instruction", "feedback"} or _COACH_REF.search(low) is not None
    scope: Scope = "coach" if coachy and not medical and memory_type != "constraint" else "global"
    tags = tuple(tag for tag, rule in _TAG_RULES if rule.search(low))[:5]
    return _Kind(memory_type, importance, scope, tags)


# --------------------------------------------------------------------------- save requests

_SAVE_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<remember>remember|memori[sz]e|commit (?:this |that |it )?to memory)"
    r"|(?P<dontforget>(?:don't|do not|never) (?:you )?forget(?: about)?)"
    r"|(?P<mind>(?:keep|bear|have) (?:this |that |it )?in mind)"
    r"|(?P<note>(?:make|take) (?:a )?(?:quick |mental |little )?note(?: of)?"
    r"|note (?:that|down|this)|note(?=\s*:)|(?:write|jot|put) (?:this |that |it )?down)"
    r"|(?P<save>(?:save|store|add|put|keep) (?:this |that |it )?(?:to|in|into) (?:your |my )?"
    r"(?:memory|memories|notes)|(?:save|store|add|create|make) (?:a |this |that |new )?memory)"
    r"|(?P<marker>(?:(?:fyi|just so you know|so you know|just so you're aware|(?:just )?a heads up"
    r"|heads up|for your info(?:rmation)?),? )?(?:for future reference|for the record"
    r"|for (?:the )?future|for later|for next time|going forward|moving forward|from now on"
    r"|in (?:the )?future))"
    r")\b"
)
_PLAN = re.compile(r"i(?:'ll| will| am going to|'m going to|'m gonna| am gonna| shall)\b")
_STANDING = re.compile(r"(?:going forward|moving forward|from now on)$")
_YOU_CLAUSE = re.compile(
    r"\byou(?:'re| are| should| can| could| must| have| were| always| never| tend)\b"
    r"|\byour \w+(?: \w+)? (?:is|are|was|were|have|has|feel|feels)\b"
)
_EVENT = re.compile(
    r"(?:that|this) (?:time|day|night|week|one|session|workout|wod|race|meet|trip|class|pr|lift"
    r"|run|morning|evening|game)\b"
)
_REMINISCE = re.compile(
    r"(?:when|how|what|where|who|which|why|whether|if|those|yesterday|me|us|back (?:when|then|in)"
    r"|the (?:time|day|night|week|session|workout|wod|race|one)|last (?:week|time|month|year"
    r"|night|session|workout|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
_LEAD_JUNK = re.compile(
    r"^(?:[\s,:;\-]|that\s|this\s*:|this\s*,|this\s*-|about\s|the fact that\s|also\s|please\s"
    r"|coach\s*,?\s|for (?:next time|later|the future|future reference)\b|going forward\b"
    r"|moving forward\b|from now on\b)+",
    re.IGNORECASE,
)
_TRAIL_WORDS = (
    "please,thanks,thank you,ok,okay,for later,for the future,for future reference,going forward"
    ",moving forward,from now on,in the future,for next time,ty,lol,thx,coach,too,alright,though"
    ",haha,lmao,cheers"
).split(",")
_TAIL_CHARS = " ,;:-.!?"
_PRONOUN_ONLY = frozenset({"", "that", "this", "it", "them", "those", "these", "everything", "all"})
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|my|me|mine|myself|we|we're|our|us)\b")
_STRONG_COACH_VERBS = frozenset(
    "remind call use include program programme give ask tell send avoid skip push schedule"
    " mention explain suggest recommend answer respond reply speak talk address refer format"
    " limit factor account consider assume default convert exclude motivate encourage warn scale"
    " modify adjust substitute swap offer provide cue summarize summarise greet challenge check"
    " be keep stick prioritize prioritise focus plan".split()
)
_NON_COACH_VERBS = frozenset(
    "bring buy stretch breathe drink eat sleep hydrate pack grab wear charge wash book pay pick"
    " foam ice shower stop warm cool take do go run lift forget remember".split()
)
_DIRECT_IMPERATIVE = re.compile(
    r"^(?:always |never |please )*(?:call me|remind me|use (?:kg|kgs|kilos|kilograms|lbs|pounds"
    r"|metric|imperial|miles|km)|keep (?:your |the |it |things |them |replies |answers"
    r"|responses |messages )|be (?:more |less |really |very )?(?:blunt|direct|honest|gentle|harsh"
    r"|tough|strict|encouraging|concise|brief|detailed|positive|supportive|funny|serious|formal"
    r"|casual|patient|nice|kind|straight)|(?:talk|speak) to me|(?:don't|do not|never) (?:program"
    r"|give me|schedule|include|prescribe|assign|send me|use|call me|be|ask me)|(?:always|never)"
    r" [a-z]+)"
)
_ONE_OFF = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|session)"
    r"|right now|for now)\b"
)
_NOT_NAME = frozenset(
    "later tomorrow back when if after before tonight now at on in maybe please today out up"
    " asap soon again".split()
)
_VERB_HINTS = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|hurts?|gets?|can|can't|cannot|will|won't|does|doesn't"
    r"|do|don't|needs?|feels?|makes?|goes|went|likes?|loves?|hates?|wants?)\b"
)
_MASS = frozenset("asthma diabetes arthritis tendinitis tendonitis sciatica scoliosis".split())
_BODY_RE = re.compile(rf"\b{_BODY}$")


def _is_coach_imperative(text: str) -> bool:
    """True when an imperative ("remind me to…") asks the coach to do something lasting."""
    words = _words(text)
    while words and words[0] in {"always", "never", "please", "also", "just", "to"}:
        words = words[1:]
    if not words or (words[0] in _NON_COACH_VERBS and "me" not in words[1:3]):
        return False
    if words[0] in {"don't", "not"}:
        return len(words) > 1 and words[1] in _STRONG_COACH_VERBS
    return words[0] in _STRONG_COACH_VERBS or any(w in {"me", "my", "your"} for w in words[1:4])


def _looks_imperative(low: str) -> bool:
    """A clause opening with a coach verb and no subject: "check in with me on Mondays"."""
    words = _words(low)
    return (
        bool(words)
        and words[0] in _STRONG_COACH_VERBS
        and not any(_VERB_HINTS.fullmatch(w) for w in words[1:3])
    )


def _noun_phrase(text: str) -> str | None:
    """ "my bad knee" → "Has a bad knee." for condition noun phrases; None for other phrases."""
    low = _lower(text)
    if not low.startswith("my ") or _VERB_HINTS.search(low) or len(low.split()) > 6:
        return None
    if not (_MEDICAL.search(low) or _BODY_ISSUE.search(low) or _BODY_RE.search(low)):
        return None
    rest = text.split(" ", 1)[1]
    rest_low = _lower(rest)
    if _BODY_RE.search(rest_low) and not _BODY_ISSUE.search(rest_low):
        rest += " issue"
    last = _lower(rest).split()[-1]
    if last in _MASS or (last.endswith("s") and not last.endswith("ss")):
        return _finish(["has", rest])
    article = "an" if rest_low[:1] in set("aeiou") else "a"
    return _finish(["has", article, rest])


def _strip_tail(text: str, phrases: Sequence[str]) -> str:
    """Remove trailing punctuation and filler phrases ("…, thanks!"), in linear time."""
    while True:
        text = text.rstrip(_TAIL_CHARS)
        low = _lower(text)
        for phrase in phrases:
            if low == phrase or low.endswith(" " + phrase):
                text = text[: len(text) - len(phrase)]
                break
        else:
            return text


def _clean(raw: str) -> str:
    """Strip lead-in and trailing filler around a memory's content."""
    text = _LEAD_JUNK.sub("", raw.strip())
    text = _strip_tail(text, _TRAIL_WORDS)
    return text.strip()


def _request(content: str, source: str, *, imperative: bool, message: str) -> MemoryRequest | None:
    """Assemble a MemoryRequest, downgrading harmless injection-like words to inert context."""
    if not content:
        return None
    kind = _classify(source, imperative=imperative, message=message)
    if _WEAK_INJECTION.search(_lower(source)):
        return MemoryRequest(content, "context", "low", "global", kind.tags)
    return MemoryRequest(content, kind.memory_type, kind.importance, kind.scope, kind.tags)


def _build_save(raw: str, *, explicit: bool, message: str) -> MemoryRequest | None:
    """Turn the words after a trigger into a MemoryRequest, or None if they are not a fact."""
    stripped = raw.strip(" ,:;-")
    if _EVENT.match(_lower(stripped)):
        return None
    text = _clean(stripped)
    low = _lower(text)
    if low in _PRONOUN_ONLY or (not _lower(stripped).startswith("that ") and _REMINISCE.match(low)):
        return None
    if low.startswith("to ") or _DIRECT_IMPERATIVE.match(low) or _looks_imperative(low):
        body = text[3:] if low.startswith("to ") else text
        if not _is_coach_imperative(body) or _ONE_OFF.search(low):
            return None
        if re.match(r"(?:please |always )*call me ", _lower(body)):
            body = re.sub(r"^(?:(?:please|always) )*", "", body, flags=re.IGNORECASE)
            if _words(body)[2:3] and _words(body)[2] in _NOT_NAME:
                return None
        return _request(_rewrite_imperative(body), body, imperative=True, message=message)
    has_verb = _VERB_HINTS.search(low) is not None
    if _FIRST_PERSON.search(low) or _YOU_CLAUSE.search(low):
        phrase = _noun_phrase(text)
        if phrase is not None:
            return _request(phrase, text, imperative=False, message=message)
        if low.startswith(("my ", "our ")) and not has_verb and len(low.split()) <= 4:
            return None
        if len(low.split()) < 2:
            return None
        return _request(_rewrite_statement(text), text, imperative=False, message=message)
    if (explicit and len(low.split()) >= 3) or (len(low.split()) >= 4 and has_verb):
        return _request(_rewrite_statement(text), text, imperative=False, message=message)
    return None


def _before_clause(sentence: str, end: int) -> str:
    """The words before a trigger in its sentence, minus greeting or filler-only clauses."""
    parts = re.split(r"[,;:]|\s-\s", sentence[:end])
    kept = [_drop_lead(p.strip()) for p in parts]
    return ", ".join(p for p in kept if p.strip(" .!?"))


def _save_from_sentence(sentence: str, previous: str, message: str) -> MemoryRequest | None:
    """Find the first save trigger in one sentence that yields a memory."""
    low = _lower(sentence)
    question = low.rstrip().endswith("?")
    for match in _SAVE_TRIGGER.finditer(low):
        kind = match.lastgroup or ""
        lead = _lead_kind(sentence[: match.start()])
        after = sentence[match.end() :]
        if kind == "note" and _lower(after).lstrip().startswith("to self"):
            continue
        if kind == "marker":
            content = after if re.search(r"[A-Za-z]", after) else ""
            if lead is None:
                if content or not _STANDING.search(match.group(0)):
                    continue
                clause = re.split(r"[,;:.!?]|\s-\s", sentence[: match.start()])[-1]
                content = _drop_lead(clause)
            elif not content:
                content = _before_clause(sentence, match.start())
            if _PLAN.match(_lower(_clean(content))):
                continue
            request = _build_save(content, explicit=False, message=message)
        else:
            if lead is None or (question and lead != "polite"):
                continue
            explicit = bool(re.match(r"\s*that\b", after)) or kind == "save"
            if _lower(_clean(after)) in _PRONOUN_ONLY:
                # "…, remember that" / "Remember that." refer back to the fact just stated.
                before = _before_clause(sentence, match.start())
                if not before and (not previous or previous.rstrip().endswith("?")):
                    continue
                after, explicit = before or previous, False
            request = _build_save(after, explicit=explicit, message=message)
        if request is not None:
            return request
    return None


_STANDING_TAIL = ("from now on", "going forward", "moving forward", "please")


def _standalone_instruction(sentence: str, message: str) -> MemoryRequest | None:
    """Lasting instructions given without "remember": "call me Champ", "always use kg".

    The instruction runs to the end of the sentence, so a reason given after a comma ("never
    give me overhead presses, my shoulder is bad") is kept and classified.
    """
    if sentence.rstrip().endswith("?"):
        return None
    starts = [0] + [m.end() for m in re.finditer(r"[,;]|\s-\s", sentence)]
    for start in starts:
        clause = re.split(r"[,;]|\s-\s", sentence[start:], maxsplit=1)[0]
        low = _lower(_strip_tail(_drop_lead(clause.strip()), _STANDING_TAIL))
        if not _DIRECT_IMPERATIVE.match(low) or _ONE_OFF.search(low):
            continue
        lead = re.match(r"(?:always|never) ([a-z]+)", low)
        if lead and lead.group(1) not in _STRONG_COACH_VERBS:
            continue
        body = _strip_tail(_drop_lead(sentence[start:].strip()), _STANDING_TAIL)
        request = _build_save("to " + body, explicit=False, message=message)
        if request is not None:
            return request
    return None


# --------------------------------------------------------------------------- forget requests

_FORGET_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<forget>forget)"
    r"|(?P<delete>delete|remove|erase|clear|wipe|drop|scrap|discard|purge|scratch|get rid of)"
    r"|(?P<stop>stop remembering|unremember|no need to remember|(?:you )?(?:don't|do not)"
    r" (?:need|have) to remember)"
    r"|(?P<nolonger>(?:that's|that is|it's|it is|this is|its) (?:no longer|not) (?:true|the case"
    r"|accurate|relevant|valid|right)(?: anymore)?|(?:is|are) no longer (?:true|the case|accurate"
    r"|relevant|valid))"
    r")\b"
)
_MEMORY_NOUN = re.compile(
    r"^(?:the |that |this |my |your |any |those |these |all )?(?:memory|memories|note|notes|entry"
    r"|entries|record|fact|info|information)(?: (?:about|of|on|regarding|re|that|saying|where"
    r"|for))?\s+(?P<q>.+)$"
)
_FROM_MEMORY = re.compile(
    r"^(?P<q>.+?)\s+(?:from|out of) (?:your |my |the )?(?:memory|memories|notes|records|brain"
    r"|head|file)\b"
)
_WHAT_YOU_KNOW = re.compile(
    r"^(?:what|everything|anything) you (?:know|remember|have(?: saved| stored| noted)?|saved"
    r"|noted) (?:about|on|regarding) (?P<q>.+)$"
)
_FORGET_OBJECT = re.compile(
    r"^(?:that\b|about\b|what i\b|the fact\b|everything about\b|all about\b|my\b|i\b|i'm\b|i've\b"
    r"|the (?:memory|note|thing|bit|part|stuff)\b|that (?:memory|note|thing)\b|the [a-z\- ]{1,40}"
    r" (?:thing|stuff|business|situation|issue)\b)"
)
_QUERY_LEAD = re.compile(
    r"^(?:\s|that\s|about\s|the fact that\s|what i (?:said|told you|mentioned|wrote)(?: about)?"
    r"(?:\s|$)|everything (?:about|regarding)\s|all about\s|(?:the |that |this |my |any )?(?:memory"
    r"|memories|note|notes|thing|info|information|entry|bit|part|stuff)(?: (?:about|that|on"
    r"|regarding|re|of|saying))?\s)+"
)
_QUERY_TRAIL = (
    "anymore,any more,please,now,for me,entirely,completely,ok,okay,thanks,too,as well,pls"
    ",altogether,permanently,coach,for good"
).split(",")
_SESSION_NOUNS = frozenset(
    "run ride swim lift workout workouts session wod metcon class warm-up warmup cooldown"
    " stretching training plan program programme sets reps set rest".split()
)
_QUERY_FILLER = frozenset("thing things stuff business".split())
_DETERMINERS = frozenset("my me the a an this those these any all your".split())
_SPLIT = re.compile(r"\s*(?:[,;]|\s-\s|\.\s)\s*|\s+(?:but|because|since|cause|as)\s+")
_NEW_FACT_LEAD = re.compile(
    r"^(?:(?:so|and|now|actually|but|these days|nowadays|because|since|in fact|remember that"
    r"|note that|instead)[\s,]+)*(?=(?:i|i'm|i've|i'd|my|we)\b)"
)


def _clean_query(raw: str) -> str:
    """Reduce a forget target to its identifying words ("my shoulder thing" → "shoulder")."""
    text = _QUERY_LEAD.sub("", _lower(raw).strip(" ,:;-"))
    words = _strip_tail(text, _QUERY_TRAIL).split()
    clause = bool(words) and words[0] in {"i", "i'm", "i've", "i'd", "i'll"}
    kept = [w for w in words if w not in _QUERY_FILLER and (clause or w not in _DETERMINERS)]
    original = {w.lower(): w for w in raw.split()}
    return " ".join(
        "I" + w[1:] if w.startswith("i'") or w == "i" else original.get(w, w) for w in kept
    ).strip(" ,.;:")


def _object_of(query: str) -> str:
    """What a pronoun in the replacement refers to: "I hate burpees" → "burpees"."""
    tokens = query.split()
    if tokens and tokens[0].lower() in {"i", "i'm", "i've"}:
        idx = 1
        while idx < len(tokens) and tokens[idx].lower() in _ADVERBS | {"not", "don't"}:
            idx += 1
        return " ".join(tokens[idx + 1 :])
    return query


def _replacement(rest: str, query: str, message: str) -> MemoryRequest | None:
    """A new fact stated after the forget ("…, I like them now"), pronouns resolved."""
    low = _lower(rest)
    lead = _NEW_FACT_LEAD.match(low)
    if lead is None:
        return None
    text = rest[lead.end() :]
    obj = _object_of(query)
    if obj and len(obj.split()) <= 5:
        words = text.split()
        for idx in range(1, len(words)):
            core = words[idx].lower().strip(".,!?")
            if core in {"them", "it", "those", "these", "'em"}:
                words[idx] = obj + words[idx][len(core) :]
        text = " ".join(words)
    return _build_save(text, explicit=False, message=message)


def _forget_parts(kind: str, sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The raw target and the trailing text of one forget trigger, or None if not a forget."""
    after = sentence[end:].strip()
    low_after = _lower(after)
    if kind == "nolonger":
        if re.search(r"[a-z]", low_after):
            return after.lstrip(" :,-"), ""
        return _before_clause(sentence, start), ""
    lead = _lead_kind(sentence[:start])
    if lead is None or (sentence.rstrip().endswith("?") and lead != "polite"):
        return None
    if kind == "forget":
        if low_after.rstrip(" .!?") in {"that", "this"}:
            return _before_clause(sentence, start), ""
        if low_after.startswith("to ") or not _FORGET_OBJECT.match(low_after):
            return None
        return after, ""
    if kind == "delete":
        for pattern in (_MEMORY_NOUN, _FROM_MEMORY, _WHAT_YOU_KNOW):
            match = pattern.match(low_after)
            if match:
                return after[match.start("q") : match.end("q")], after[match.end("q") :]
        return None
    return after, ""


def _split_at_new_subject(text: str) -> list[str]:
    """Split "I hate burpees I like them now" before the second "I" (no punctuation)."""
    words = text.split(" ")
    for idx in range(2, len(words)):
        if _lower(words[idx]) in {"i", "i'm", "i've"}:
            return [" ".join(words[:idx]), " ".join(words[idx:])]
    return [text]


def _forget_from_sentence(sentence: str, message: str) -> ForgetRequest | None:
    """Find a forget request in one sentence."""
    low = _lower(sentence)
    for match in _FORGET_TRIGGER.finditer(low):
        parts = _forget_parts(match.lastgroup or "", sentence, match.start(), match.end())
        if parts is None:
            continue
        target, tail = parts
        pieces = _SPLIT.split(target, maxsplit=1)
        if len(pieces) == 1 and re.match(r"\s*(?:that\s+)?(?:i|i'm|i've)\b", _lower(target)):
            pieces = _split_at_new_subject(target)
        query = _clean_query(pieces[0])
        rest = " ".join(p for p in (pieces[1] if len(pieces) > 1 else "", tail) if p).strip()
        if _lower(query) in _PRONOUN_ONLY | _SESSION_NOUNS or _ONE_OFF.search(_lower(query)):
            continue
        return ForgetRequest(query=query, replacement=_replacement(rest, query, message))
    return None


def detect_memory_intent(text: str) -> MemoryRequest | ForgetRequest | None:
    """Detect an explicit request to remember or forget something in one user message.

    Returns a `MemoryRequest` (content rewritten as a third-person fact), a `ForgetRequest`,
    or None for anything else: questions, reminiscing, logs, plans, injection attempts.
    """
    message = _normalise(text)
    if not message or _is_injection(_lower(message)):
        return None
    sentences = _sentences(message)
    for sentence in sentences:
        forget = _forget_from_sentence(sentence, message)
        if forget is not None:
            return forget
    previous = ""
    for sentence in sentences:
        request = _save_from_sentence(sentence, previous, message)
        if request is None:
            request = _standalone_instruction(sentence, message)
        if request is not None:
            return request
        previous = sentence
    return None


# --------------------------------------------------------------------------- matching

_STOP = frozenset(
    "a an the i me my mine myself you your yours we us our they them their theirs he she his her"
    " it its is am are was were be been being has have had having do does did doing to of in on"
    " at for with and or but so that this these those about thing things stuff memory memories"
    " note notes please just really very also some any all from as by up out into than then there"
    " here what which who when where how why will would can could should shall might must"
    " now still anymore again currently only not no never ever always don't doesn't didn't can't"
    " cannot won't isn't aren't wasn't weren't haven't hasn't lot lots bit kind sort longer"
    " forget remember that's it's i'm i've".split()
)
_CANON = {
    "db": "dumbbell",
    "dbs": "dumbbell",
    "dumbell": "dumbbell",
    "dumbells": "dumbbell",
    "kb": "kettlebell",
    "kbs": "kettlebell",
    "injured": "injury",
    "injuries": "injury",
    "hurts": "pain",
    "hurt": "pain",
    "hurting": "pain",
    "painful": "pain",
    "sore": "pain",
    "aches": "pain",
    "ache": "pain",
    "achy": "pain",
    "niggle": "injury",
    "tweak": "injury",
    "tweaked": "injury",
    "kilos": "kg",
    "kilograms": "kg",
    "kgs": "kg",
    "pounds": "lb",
    "lbs": "lb",
    "wod": "workout",
    "session": "workout",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_GENERIC = frozenset({"injury", "pain", "issu", "problem", "bad", "left", "right", "condition"})
_POSITIVE = frozenset({"like", "love", "enjoy", "prefer", "favourite", "favorite", "fan"})
_NEGATIVE = frozenset({"hate", "dislike", "loathe", "despise", "detest"})
_NEGATION = re.compile(r"\b(?:not|no|never|don't|doesn't|can't|cannot|isn't|won't|no longer)\b")
_RETRACTION = re.compile(r"\b(?:no longer|not anymore|any more|anymore)\b")


def _stem(word: str) -> str:
    """A small suffix stripper: plurals, -ing, -ed and a final e ("presses" → "press")."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("es") and word[-3] in "sxz" or word.endswith(("ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "bdgmnprt":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    """Normalised content words of a text: lowercase, no stopwords, stemmed, canonical."""
    low = _lower(text[:MAX_INPUT_CHARS]).replace("'s ", " ")
    out: list[str] = []
    for raw in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", low.replace("-", " ")):
        if raw in _STOP or (len(raw) < 2 and not raw.isdigit()):
            continue
        word = _CANON.get(raw, raw)
        out.append(word if word.isdigit() else _stem(word))
    return out


def _polarity(text: str) -> int:
    """+1 for liking, -1 for disliking, 0 when no sentiment word; negation flips it."""
    text = text[:MAX_INPUT_CHARS]
    stems = {_stem(w) for w in re.findall(r"[a-z]+", _lower(text))}
    sign = 1 if stems & {_stem(w) for w in _POSITIVE} else 0
    if stems & {_stem(w) for w in _NEGATIVE} or "can't stand" in _lower(text):
        sign = -1
    if sign and _NEGATION.search(_lower(text)):
        sign = -sign
    return sign


_VALUE_WORDS = frozenset(
    _stem(w)
    for w in "january february march april may june july august september october november"
    " december monday tuesday wednesday thursday friday saturday sunday".split()
)
_CHANGE = re.compile(r"\b(?:now|anymore|no longer|these days|switched|changed|instead)\b")


def _numbers(tokens: Sequence[str] | set[str]) -> set[str]:
    """Value tokens whose change means a changed fact: numbers, months, weekdays."""
    return {t for t in tokens if t.isdigit() or t in _VALUE_WORDS}


def _negated(text: str) -> bool:
    return _NEGATION.search(_lower(text[:MAX_INPUT_CHARS])) is not None


def _match_score(query: str, memory: str) -> float:
    """Weighted share of the query's words present in the memory, penalised on conflicts."""
    q_tokens, m_tokens = set(_tokens(query)), set(_tokens(memory))
    if not q_tokens or not m_tokens:
        return 0.0
    weight = {t: 0.5 if t in _GENERIC else 1.0 for t in q_tokens}
    score = sum(weight[t] for t in q_tokens & m_tokens) / sum(weight.values())
    q_num, m_num = _numbers(q_tokens), _numbers(m_tokens)
    if q_num and m_num and not q_num & m_num:
        score *= 0.5
    if _polarity(query) * _polarity(memory) < 0:
        score *= 0.5
    return score


def best_match(
    query: str, memories: Sequence[Memory], *, threshold: float = MATCH_THRESHOLD
) -> tuple[Memory, float] | None:
    """The memory best matching a forget query and its score, or None below `threshold`."""
    best: tuple[Memory, float, float] | None = None
    q_tokens = set(_tokens(query))
    for memory in memories:
        score = _match_score(query, memory.content)
        m_tokens = set(_tokens(memory.content))
        jaccard = len(q_tokens & m_tokens) / len(q_tokens | m_tokens) if q_tokens else 0.0
        if best is None or (score, jaccard) > (best[1], best[2]):
            best = (memory, score, jaccard)
    if best is None or best[1] < threshold:
        return None
    return best[0], round(best[1], 3)


# --------------------------------------------------------------------------- consolidation

_SLOTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "schedule",
        re.compile(
            r"\b(?:\d+|one|two|three|four|five|six|seven)x? (?:days?|times"
            r"|sessions|workouts) (?:a|per|each|every) week\b"
        ),
    ),
    (
        "home-equipment",
        re.compile(
            r"\b(?:home gym|garage gym|at home|home)\b.{0,60}\b(?:dumbbells?"
            r"|kettlebells?|barbells?|gym|rack|equipment|weights|bands)\b"
            r"|\b(?:dumbbells?|kettlebells?|barbells?|gym|rack|equipment"
            r"|weights|bands)\b.{0,60}\b(?:at home|home)\b"
        ),
    ),
    ("name", re.compile(r"\b(?:called|nickname)\b")),
    ("units", re.compile(r"\b(?:kg|kgs|kilos?|kilograms|lbs?|pounds|metric|imperial)\b")),
    ("reply-length", re.compile(r"\b(?:replies|answers|responses|messages)\b")),
)


def _slot(text: str) -> str | None:
    """The exclusive topic a memory fills (one schedule, one nickname…), if any."""
    low = _lower(text[:MAX_INPUT_CHARS])
    return next((name for name, rule in _SLOTS if rule.search(low)), None)


def _subject(tokens: Sequence[str]) -> set[str]:
    """Tokens naming what a memory is about: no sentiment, no numbers."""
    sentiment = {_stem(w) for w in _POSITIVE | _NEGATIVE}
    return {t for t in tokens if t not in sentiment and t not in _numbers([t])}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _contradicts(new: str, old: str) -> bool:
    """Same subject, opposite stance: sentiment or negation flipped, values or slot changed."""
    new_t, old_t = _tokens(new), _tokens(old)
    new_s, old_s = _subject(new_t), _subject(old_t)
    same_subject = _overlap(new_s, old_s) >= 0.5 or bool(new_s and old_s and new_s <= old_s)
    if _polarity(new) * _polarity(old) < 0 and (new_s & old_s):
        return True
    if _negated(new) != _negated(old) and same_subject:
        return True
    new_n, old_n = _numbers(new_t), _numbers(old_t)
    if new_n and old_n and new_n != old_n and _overlap(new_s, old_s) >= 0.6:
        return True
    if _CHANGE.search(_lower(new)) and _overlap(new_s, old_s) >= 0.4:
        return True
    slot = _slot(new)
    return slot is not None and slot == _slot(old)


def _merge(old: str, new: str) -> str:
    """Append a refinement's new clause to the existing content."""
    addition = new.rstrip(".")
    if not addition.startswith(("I ", "I'")):
        addition = addition[:1].lower() + addition[1:]
    return f"{old.rstrip('. ')}; {addition}."


def consolidate(candidate: MemoryRequest, existing: Sequence[Memory]) -> MemoryDecision:
    """Decide ADD / UPDATE / DELETE / NONE for a candidate memory against existing ones.

    Duplicates → NONE; refinements → UPDATE with merged content; contradictions → UPDATE with
    the candidate's content replacing the old (reason starts "replaced"); a pure retraction
    ("No longer has a bad knee.") → DELETE; anything else → ADD.
    """
    new = candidate.content
    new_t = set(_tokens(new))
    norm = " ".join(_tokens(new))
    for memory in existing:
        same_words = " ".join(_tokens(memory.content)) == norm
        same_stance = _negated(memory.content) == _negated(new) and _polarity(
            memory.content
        ) == _polarity(new)
        if (same_words and same_stance) or memory.content.strip().lower() == new.strip().lower():
            return MemoryDecision("NONE", memory, None, "duplicate of an existing memory")
    scored = sorted(
        ((_overlap(new_t, set(_tokens(m.content))), i, m) for i, m in enumerate(existing)),
        key=lambda item: (-item[0], item[1]),
    )
    for _, _, memory in scored:
        if _contradicts(new, memory.content):
            if _RETRACTION.search(_lower(new)) and _subject(list(new_t)) <= set(
                _tokens(memory.content)
            ):
                return MemoryDecision("DELETE", memory, None, "retracted: no longer true")
            return MemoryDecision("UPDATE", memory, new, "replaced: contradicts existing memory")
    for _, _, memory in scored:
        old_t = set(_tokens(memory.content))
        if not old_t or not new_t:
            continue
        if new_t <= old_t and _negated(new) == _negated(memory.content):
            return MemoryDecision("NONE", memory, None, "no new information")
        covered = len(old_t & new_t) / len(old_t)
        if covered >= 0.6 and new_t - old_t:
            content = new if old_t <= new_t else _merge(memory.content, new)
            return MemoryDecision("UPDATE", memory, content, "refined: same subject, more detail")
    return MemoryDecision("ADD", None, new, "new memory")


# --------------------------------------------------------------------------- ranking

_IMPORTANCE_RANK = {"high": 0, "medium": 1, "low": 2}


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _age_days(memory: Memory, now: datetime) -> int:
    """Whole days since the memory was created or last used (unknown → very old)."""
    stamps = [
        t
        for t in (_parse_time(memory.metadata.created_at), _parse_time(memory.metadata.last_used))
        if t is not None
    ]
    if not stamps:
        return 10**6
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    return max(0, (now - max(stamps)).days)


def _always_include(memory: Memory) -> bool:
    """High-importance constraints (injuries, medical) go into every prompt."""
    return memory.metadata.importance == "high" and memory.memory_type == "constraint"


def rank_memories(
    memories: Sequence[Memory], *, coach_id: str, now: datetime, max_count: int, max_chars: int
) -> list[Memory]:
    """Memories for one coach's prompt: global and this coach's, best first, within the caps.

    Ranked by importance, then recency (created or last used, by day), then usage count. High
    importance constraints are always included, even past `max_count` and `max_chars`.
    """
    visible = [m for m in memories if m.coach_id is None or m.coach_id == coach_id]
    ranked = sorted(
        visible,
        key=lambda m: (
            _IMPORTANCE_RANK.get(m.metadata.importance, 2),
            _age_days(m, now),
            -m.metadata.usage_count,
            m.memory_id,
        ),
    )
    chosen = [_always_include(m) for m in ranked]
    count = sum(chosen)
    chars = sum(len(m.content) for m, keep in zip(ranked, chosen, strict=True) if keep)
    for idx, memory in enumerate(ranked):
        if chosen[idx] or count >= max_count or chars + len(memory.content) > max_chars:
            continue
        chosen[idx] = True
        count += 1
        chars += len(memory.content)
    return [m for m, keep in zip(ranked, chosen, strict=True) if keep]
