"""The words in front of a trigger ("hey coach, can you please remember…").

A trigger only counts in imperative position: after greetings, filler and the frames of a
directive, never inside a statement such as "I can't remember". The directive frames are
a grammar, not a list of sentences: a modal question ("can/could/would you…", "is it
possible to…"), a wish about the coach ("I want/need you to…", "I'd appreciate it if you
could…", "it'd be great if you…"), an obligation ("make sure you…", "you should…"),
a discourse frame that announces the request ("what I wanted to say is…"), and one that
announces what is told ("wanted to flag…", "I tell you one time…").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from agent.memory_rules.sentences import lower, split_words

_FILLER = frozenset(
    "hey hi hello yo ok okay oh and also so but btw just please um uh well alright right hmm"
    " actually anyway anyways quick real one more thing another last again ah sorry thanks cool"
    " great nice awesome yeah yes yep listen look coach important importantly very this is really"
    " super seriously lastly finally first firstly second now kindly sir mate dude buddy man bro"
    " wait fyi always like honestly basically pretty tbh ngl nah aye eh ah lah oi righto sorry"
    " scusa allora bueno vale alors donc".split()
)
_GREETINGS = frozenset(
    "hey hi hello yo morning evening afternoon hiya howdy sup kia ora bonjour hola ciao salut"
    " namaste gday g'day".split()
)
_NOT_A_NAME = frozenset(
    "do did not never i you we they can will would should could must won't don't".split()
)
_SOFT_BOUNDARY = frozenset("and but plus then btw also so please".split())
"""Words that open a new clause in run-on talk ("…on shift days please remember that")."""
_FINE = r"(?:great|nice|helpful|good|awesome|cool|ideal|useful|amazing|lovely|perfect|handy|best)"
_IF_YOU = r"if you(?: could| would| can| please| just)*"
_POLITE = (
    r"(?:would|could) you be (?:so )?kind (?:enough )?(?:as )?to"
    r"|(?:can|could|would|will) (?:you|we)(?: please| kindly| just| maybe| also)*"
    r"|(?:is|would|will) it be (?:possible|ok|okay|alright) (?:for you )?to"
    r"|is it (?:possible|ok|okay|alright) (?:for you )?to"
    r"|(?:(?:would|do) you )?mind"
    r"|(?:is there )?(?:any|a) chance (?:that )?you(?: can| could| would| might)?"
)
"""Modal questions: a request even with a question mark."""
_REQUEST = re.compile(
    rf"(?:{_POLITE}"
    r"|(?:i|we)(?:'d| would| should)? (?:also |really |just )*(?:want|need|like|wanted|needed)"
    r" (?:that )?(?:you|the coach)(?: to)?"
    r"|(?:(?:i'm|i am|i) )?(?:just )?(?:(?:wanted|want|needed|need) )?(?:to )?let(?:ting)? you know"
    r"|(?:you know )?what (?:i'd|i would|i) (?:really )?(?:like|want|need|love) is (?:for you to"
    r"|that you)"
    rf"|(?:i'd|i would|we'd) (?:really )?(?:appreciate|love|like) (?:it )?{_IF_YOU}"
    rf"|(?:it'd|it would|that'd|that would) (?:really )?(?:be )?(?:really |so |very )?(?:{_FINE}"
    rf"|help(?: a lot| loads| so much)?) {_IF_YOU}"
    rf"|(?:it|that) (?:would )?(?:really )?helps? {_IF_YOU}"
    r"|(?:make|be) sure(?: you| to| that you)?|try to|feel free to|go ahead and|please (?:do|to"
    r"|you)|do|you (?:should|need to|have to|must|can|could|may|might want to)|heads up"
    r"|you(?:'ll| will)(?: (?:probably|definitely|really))? (?:need|have|want) to"
    r"|(?:i think|i guess|i feel like|maybe|probably) you (?:should|need to|ought to)"
    r"|my [a-z]+ (?:wants|needs|would like|asked me to ask) you to"
    r"|let's|lets|let us"
    r"|(?:i )?(?:just )?(?:wanted|want|needed|need) to (?:flag|let you know|mention)"
    r"(?: (?:this|that|something|one thing))?"
    r"|(?:i'm |i am )?(?:just )?(?:flagging|letting you know|telling you)(?: (?:this|that))?"
    r"|i (?:tell|am telling|'m telling) you(?: (?:this|that))?(?: (?:once|one time|now))?"
    r"|(?:(?:what|the (?:main |only )?thing|all) (?:that )?(?:i|i'm) (?:actually |really |just )?"
    r"(?:wanted|want|meant|need|needed|wanna|was going) to (?:say|ask|tell you|mention)"
    r"|the point) (?:is|was)(?: that)?)"
)
"""Directive frames, matched on whole words at a clause's end or start."""
_POLITE_RE = re.compile(rf"(?:^| )(?:{_POLITE})(?: |$)")
_POLITE_HEAD = re.compile(rf"(?:{_POLITE}) ")
_TAIL = re.compile(rf"(?:^| )(?:{_REQUEST.pattern})$")
_HEAD = re.compile(rf"^(?:{_REQUEST.pattern})(?: |$)")


_JOINERS = frozenset("so and but then please just like um uh ok okay also oh well".split())
"""What joins a fact to the request after it ("I'm 67 so can you…"), unlike "now"."""


def _strip_frames(words: list[str], filler: frozenset[str] = _FILLER) -> tuple[list[str], bool]:
    """Words minus trailing filler and directive frames, and whether a frame was polite."""
    polite = False
    text = " ".join(words)
    while text:
        found = _TAIL.search(text)
        if found is not None:
            polite = polite or _POLITE_RE.search(found.group(0)) is not None
            text = text[: found.start()]
            continue
        head, _, last = text.rpartition(" ")
        if last not in filler:
            break
        text = head
    return text.split(), polite


def strip_request(text: str) -> str:
    """Text without the request words it ends with ("I'm 67 so can you" → "I'm 67")."""
    words = text.split()
    kept, _ = _strip_frames(["-".join(split_words(w)) or "_" for w in words], _JOINERS)
    return " ".join(words[: len(kept)]).rstrip(" ,;:-")


def lead_kind(prefix: str) -> Literal["plain", "polite"] | None:
    """Classify the words before a trigger: only filler/request words → imperative position."""
    clause = re.split(r"[,;:.!?\n\"()]|\s-\s", lower(prefix))[-1]
    words = split_words(clause)
    framed, polite = _strip_frames(words)  # "I should also like you to": one frame
    if framed:
        for idx in range(len(words) - 1, -1, -1):  # "… I'm 67 so can you": the request after "so"
            if words[idx] in _SOFT_BOUNDARY:
                words = words[idx + 1 :]
                break
        words, polite = _strip_frames(words)
    else:
        words = framed
    if words and not (
        words[0] in _GREETINGS
        and len(words) <= 2
        and words[-1].isalpha()
        and words[-1] not in _NOT_A_NAME
    ):
        return None
    return "polite" if polite else "plain"


def polite_request(sentence: str) -> bool:
    """Whether a sentence opens with a modal request ("would you be so kind as to…")."""
    words = split_words(sentence)
    while words and (words[0] in _FILLER or words[0] in _GREETINGS):
        words = words[1:]
    return _POLITE_HEAD.match(" ".join(words)) is not None


@lru_cache(maxsize=4096)
def drop_lead(clause: str) -> str:
    """Remove greeting, filler and request words from the front of a clause.

    Cached: the rules ask it about the same clauses of a message many times over.
    """
    words = clause.split()
    while words:
        low = split_words(words[0])
        if not low:
            words = words[1:]
            continue
        head = " ".join(split_words(" ".join(words[:12])))  # tokens never span a space
        found = _HEAD.match(head)
        if found is not None and " " in found.group(0).strip():
            words = words[len(found.group(0).split()) :]
            continue
        if low[0] in _FILLER or low[0] in _GREETINGS:
            words = words[1:]
            continue
        break
    return " ".join(words)


_NEWS = re.compile(
    r"^(?:(?:good|bad|big|great|sad|quick|small|slight|some) )?(?:news|update|change of plans?)"
    r"[\s.!]*$",
    re.IGNORECASE,
)
"""A clause that only announces news ("Bad news, …"): no fact of its own."""


def before_clause(sentence: str, end: int) -> str:
    """The words before a trigger in its sentence, minus greeting or filler-only clauses."""
    parts = re.split(r"[,;:]|\s-\s", sentence[:end])
    kept = [drop_lead(p.strip()) for p in parts]
    return ", ".join(p for p in kept if p.strip(" .!?") and not _NEWS.match(p))
