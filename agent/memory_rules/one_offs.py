"""Requests that use a verb of keeping or dropping for something that does not last.

"Keep in mind for today's session I'm short on time", "take note of my form in the video
and tell me what's off", "note that the last round I only got 8 reps", "take note
everyone: …", "forget about the leaderboard, I just want to improve" and a keep verb
inside a quotation all ask nothing of the coach's memory: they are about this session,
this chat, a logged workout, somebody else, or a saying. Each predicate is cheap on
text that lacks its trigger words.
"""

from __future__ import annotations

import re

from agent.memory_rules.word_lists import MEDICAL

_QUOTE = re.compile(r"\"[^\"]{3,}\"|(?:^|(?<=[\s(]))'[^']{3,}?'(?=[\s,.;:!?)]|$)")
"""A quoted span: double quotes, or single quotes that open after a space and close
before one (so "I'm" and "don't" open nothing)."""
_THIS_SESSION = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|session|workout|wod|class))\b"
)
"""A day or session of its own; "right now" and "for now" describe a current state instead."""
_GROUP = re.compile(
    r"[\s,]*(?:everyone|everybody|all|guys|folks|team|y'all|you all|people|gang|crew|squad"
    r"|ladies|fam)\b(?! (?:of|my|the|about|that|this|i|i'm|we)\b)"
)
"""A group addressed right after the verb ("take note everyone:"): said to a crowd."""
_SHOWN = re.compile(
    r"\b(?:video|vid|clip|footage|photo|pic|picture|screenshot|recording|attached|attachment)\b"
)
"""What the athlete shows now: noting it is looking at it, not keeping it."""
_ASK_BACK = re.compile(
    r"\band (?:tell|let) me\b|\band (?:give|send) me (?:feedback|notes|pointers|tips|cues)\b"
    r"|\band (?:check|see) (?:if|whether|what)\b"
)
"""A request that goes on to ask for an answer now ("… and tell me what's off")."""
_SESSION_PART = re.compile(
    r"\b(?:the|my|that) (?:(?:very )?(?:last|first|second|third|fourth|fifth|final|next|other"
    r"|\d+(?:st|nd|rd|th))|top|back-?off|working) (?:round|set|rep|interval|lap|split|mile|km"
    r"|effort|piece|block|rung|station|heat|attempt)s?\b"
)
"""A part of a logged session ("the last round", "my top set"): a fact about the log."""
_LOG_RESULT = re.compile(
    r"\b(?:got|did|made|hit|managed|finished|completed|only|was|were)\b.{0,20}"
    r"\b\d+(?:\.\d+)? ?(?:reps?|rounds?|kg|kgs|lbs?|cals?|m|metres|meters|seconds|secs|s)\b"
)
"""A result written into that part ("I only got 8 reps", "was 60kg")."""
_COUNT_FIX = re.compile(
    r"\bi (?:only )?(?:did|got|managed|finished|completed|ran|rode|swam) \d+(?:\.\d+)?"
    r" ?(?:rounds?|reps?|sets?|laps?|intervals?|km|k|miles?|mins?|minutes)"
    r",? (?:not|instead of) \d+"
)
"""A logged count corrected ("note that I did 3 rounds not 4"): the log, not a memory."""
_DISMISSED = re.compile(
    r"^(?:i (?:just |only |really |honestly )*(?:want|wanna|care|need|am here|'m here)\b"
    r"|all i (?:want|care|need)\b|what (?:matters|counts)\b|(?:let's |lets )?(?:just )?"
    r"(?:focus|enjoy|have fun|train|get better|improve)\b|i'd rather\b|who cares\b"
    r"|(?:it|that) doesn't matter\b)"
)
"""What an athlete says after "forget about X" when X is dismissed, not a memory:
"forget about the leaderboard, I just want to get better"."""


def in_quotes(sentence: str, position: int) -> bool:
    """Whether `position` lies inside a quoted span ("'Save your energy' - my old coach")."""
    if "'" not in sentence and '"' not in sentence:
        return False
    return any(m.start() < position < m.end() for m in _QUOTE.finditer(sentence))


def about_this_session(low: str) -> bool:
    """Whether a request's own words place it in today's session ("…tonight", "…today").

    Medical news is kept whatever its day ("remember: tore my ACL today").
    """
    return _THIS_SESSION.search(low) is not None and MEDICAL.search(low) is None


def said_to_a_group(low_after: str) -> bool:
    """Whether the words right after a verb of keeping address a crowd ("take note everyone")."""
    return _GROUP.match(low_after) is not None


def looking_now(low_after: str) -> bool:
    """Whether "take note of X" asks the coach to look at X now, not keep it.

    "my form in the video and tell me what's off": something shown, an answer asked for.
    """
    return _SHOWN.search(low_after) is not None or _ASK_BACK.search(low_after) is not None


def log_edit(low: str) -> bool:
    """Whether a "note that …" corrects a logged session.

    "the last round I only got 8 reps", "I did 3 rounds not 4".
    """
    if _COUNT_FIX.search(low):
        return True
    return _SESSION_PART.search(low) is not None and _LOG_RESULT.search(low) is not None


def dismissed(rest: str) -> bool:
    """Whether what follows "forget about X," says X does not matter rather than is stored."""
    return _DISMISSED.match(rest.strip(" ,;:-").lower()) is not None
