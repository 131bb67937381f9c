"""Directives to the coach: does a clause ask the coach to do something, and for good?

"call me Champ", "remind me to stretch", "don't comment on my lifting", "stop putting
quotes at the end": a clause opening with a verb the coach can carry out (or its negation,
or "stop" with its gerund) and no subject of its own. A task done once ("send my plan")
is a to-do unless something says it recurs.
"""

from __future__ import annotations

import re

from agent.memory_rules.sentences import lower, split_words
from agent.memory_rules.word_lists import VERB_HINTS

STRONG_COACH_VERBS = frozenset(
    "remind call use include program programme give ask tell send avoid skip push schedule"
    " mention explain suggest recommend answer respond reply speak talk address refer format"
    " limit factor account consider assume default convert exclude motivate encourage warn scale"
    " modify adjust substitute swap offer provide cue summarize summarise greet challenge check"
    " be keep stick prioritize prioritise focus plan cap sign put comment".split()
)
_NON_COACH_VERBS = frozenset(
    "bring buy stretch breathe drink eat sleep hydrate pack grab wear charge wash book pay pick"
    " foam ice shower stop warm cool take do go run lift forget remember".split()
)
DIRECT_IMPERATIVE = re.compile(
    r"^(?:always |never |please )*(?:call me|remind me|use (?:kg|kgs|kilos|kilograms|lbs|pounds"
    r"|metric|imperial|miles|km)|keep (?:your |the |it |things |them |replies |answers"
    r"|responses |messages )|be (?:more |less |really |very )?(?:blunt|direct|honest|gentle|harsh"
    r"|tough|strict|encouraging|concise|brief|detailed|positive|supportive|funny|serious|formal"
    r"|casual|patient|nice|kind|straight)|(?:talk|speak) to me|(?:don't|do not|never) (?:program"
    r"|give me|schedule|include|prescribe|assign|send me|use|call me|be|ask me)|(?:always|never)"
    r" [a-z]+)"
)


_TASKS = frozenset(
    "send email text check review share post upload book finish update fix forward attach"
    " look".split()
)
"""Verbs of a task the coach does once ("don't forget to send my plan"): a to-do, no memory."""
_RECURRING = re.compile(
    r"\b(?:always|never|every|each|whenever|any ?time|from now on|going forward|moving forward"
    r"|weekly|daily|monthly|regularly|in with|on (?:mondays|tuesdays|wednesdays|thursdays"
    r"|fridays|saturdays|sundays|weekends|weekdays)|the (?:night|day|evening|morning) before"
    r"|in advance|ahead of time|beforehand)\b"
)
"""What makes a task a standing instruction ("send me a recap every Sunday", "send me the
workout the night before": timed against each session, it recurs with them)."""


def one_off_task(body: str) -> bool:
    """Whether an imperative is a one-time task: a task verb and nothing saying it recurs."""
    words = [w for w in split_words(body) if w not in {"always", "please", "also", "just"}]
    return bool(words) and words[0] in _TASKS and _RECURRING.search(lower(body)) is None


def _stem(gerund: str) -> str:
    """The verb a gerund is made from, when it is a coach verb ("programming" → "program")."""
    stem = gerund[:-3]
    for verb in (stem, stem + "e", stem[:-1]):
        if verb in STRONG_COACH_VERBS:
            return verb
    return stem


_WH = frozenset("what when where which who whom whose how why whether if".split())
"""After "remind me", "tell me": the athlete asks to be told something now, a question."""


def is_coach_imperative(text: str) -> bool:
    """True when an imperative ("remind me to…") asks the coach to do something lasting."""
    words = split_words(text)
    while words and words[0] in {"always", "never", "please", "also", "just", "to"}:
        words = words[1:]
    if (
        words[:1] in (["remind"], ["tell"], ["show"])
        and words[1:2] == ["me"]
        and (words[2:3] and words[2] in _WH)
    ):
        return False  # "remind me what my bench PR is"
    if words[:1] == ["stop"] and words[1:2] and words[1].endswith("ing"):
        words = [_stem(words[1]), *words[2:]]  # "stop using emojis": a coach habit to drop
    if words[:2] in (["bring", "up"], ["talk", "about"]):
        words = ["mention", *words[2:]]  # "never bring up my weight": what the coach says
    if not words or (words[0] in _NON_COACH_VERBS and "me" not in words[1:3]):
        return False
    if words[0] in {"don't", "not"}:
        return len(words) > 1 and words[1] in STRONG_COACH_VERBS
    return words[0] in STRONG_COACH_VERBS or any(w in {"me", "my", "your"} for w in words[1:4])


def looks_imperative(low: str) -> bool:
    """A clause opening with a coach verb and no subject: "check in with me on Mondays".

    Also negated ("don't comment on my lifting") or stopped ("stop putting quotes in").
    """
    words = split_words(low)
    if words[:1] in (["don't"], ["never"]):
        words = words[1:]
    elif words[:1] == ["stop"] and words[1:2] and words[1].endswith("ing"):
        words = [_stem(words[1]), *words[2:]]
    return (
        bool(words)
        and words[0] in STRONG_COACH_VERBS
        and not any(VERB_HINTS.fullmatch(w) for w in words[1:3])
    )


THIS_COACH_LEAD = re.compile(
    r"^(?:(?:in|for|during) (?:our|these|this) (?:chats?|conversations?|sessions)|for you|with you)"
    r"(?: specifically| only)?,?\s+",
    re.IGNORECASE,
)
"""A frame tying a directive to this coach; the directive after it is the memory."""
