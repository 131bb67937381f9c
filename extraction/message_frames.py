"""Frames that make a whole message no log, however much its lines look like sessions.

Goals for a period, a program or a plan sent for review, a list of current maxes, numbers
listed for the coach, a plan headed by a day ahead, a list sent with a request: where such a
frame holds and nothing in the message is said done, its sets are not sessions.
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated
from .log_detection import says_done

# Frames that make a whole message something other than a log, wherever its lines look like
# sessions: goals, a program or plan sent for review, a list of current maxes.
_UNDONE_FRAMES = compile_gated(
    # a plan headed by its day: "Tomorrow: push. bench 4x6, …", "next week is a deload. …"
    r"^(?:tomorrow|tmrw|tomorrow'?s \w+|tonight|tonight'?s \w+)\s?(?::|-)|"
    r"^(?:so |ok |okay )?(?:tomorrow|tmrw|tonight|next (?:week|session|workout|time|block|cycle|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:weekend|coming))\b|"
    # a list sent with a request: "… can you set up progression?" (a program, or no loads)
    r"\b(?:can|could|would) you "
    r"(?!(?:please )?(?:log|record|save|track|add (?:this|it|that|these|them|to|my)\b))"
    r"[^.?!\n]*\?\s*$"
)
"""Frames that make a message no log where nothing in it is said done."""
_FIRST_SENTENCE = re.compile(r"[^.!?\n]*")
_SAID_DONE = compile_gated(
    r"\b(?:did|done|finished|completed|today|yesterday|this morning|last night|earlier|ago|"
    r"went|hit|got)\b"
)
_INTENTION = compile_gated(
    r"\b(?:thinking (?:about|of)|planning|plan to|going to|gonna|want to|wanna|i'?ll|i will|"
    r"i'?d like to|hoping to|considering)\b(?! (?:be|feel|hurt|regret|pay|log|record|share|post)\b)"
)
"""A first sentence that intends: the lines after it are the plan, where nothing is done."""
_LOADED = compile_gated(
    r"@\s?\d{2}|\bat \d{2}|\d\s?(?:kgs?|lbs?|#|kilos?|pounds)\b|(?<![\d.])\d{2,4}\s?x\s?\d"
)
"""Loads said with their sets: a log's, where a program sent for review has none."""
_PROGRAM = compile_gated(r"\b(?:program|programme|split|routine|template|progression|block)\b")
_FELT = compile_gated(r"\b(?:felt|was|were|managed|nailed|crushed|smashed)\b")
_GOAL_FRAME = compile_gated(
    r"\b(?:my |our )?(?:goals?|targets?|resolutions?|bucket list|wish ?list)"
    r"(?: for| this| next| in)?(?: the)? (?:(?:next|this|coming|new) )?"
    r"(?:year|season|month|block|cycle|20\d\d)\b|"
    r"^(?:my |our |\d{4} )?(?:goals?|targets?|resolutions?)\s?:"
)
"""Goals for a period: a list of them is no log, a goal said after a session leaves it one."""
_MESSAGE_FRAMES = compile_gated(
    "|".join(
        (
            r"^(?:my |the |a |new |weekly |training |proposed )*(?:program|programme|plan|split|"
            r"routine|schedule)\s?(?::|-\s)",
            r"\b(?:here'?s|here is|this is|below is|attached is|check out) (?:my|the|a|our) "
            r"(?:(?:new|current|updated|revised|proposed|draft|planned|weekly|training|[\w-]*\d[\w-]*|marathon|half|"
            r"race|base|build|peak|taper) )*(?:plan|program|programme|split|"
            r"schedule|routine|week|block)\b",
            r"\btell me (?:if|whether|what you think)\b|\b(?:roast|rate|critique|grade) (?:it|this|"
            r"my)\b",
            # numbers listed for the coach: "list of my PRs so you have them: …"
            r"\b(?:list of|here are|these are|here'?s) (?:all )?(?:my|our) "
            r"(?:current |latest |new )?(?:prs|pbs|maxes|1rms|rms|numbers|bests|lifts|stats)\b",
            r"\b(?:proposed|draft|planned|tentative) (?:weekly )?(?:plan|program|programme|split|"
            r"schedule|routine|week)\b",
            r"\b(?:plan|program|programme|split|schedule|routine)\s(?:for|this) "
            r"(?:next |this |the )?(?:week|weekend|month|block|cycle|monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday)\b",
            r"\b(?:current|present|updated|all[- ]time|lifetime) (?:maxes|1rms?|rms|prs|pbs|bests|"
            r"numbers|lifts|stats)\b",
            r"^(?:my )?(?:maxes|1rms?|prs|pbs|bests|numbers|stats)"
            r"(?: (?:now|as of|so far|to date|right now|currently)[a-z ]{0,12})?\s?(?::|-|=)",
            r"\b(?:does|would) (?:this|that|it) (?:look|seem|sound) (?:ok|okay|good|right|"
            r"reasonable|balanced|like too much)\b",
            # a heading naming a plan, a calendar or a list ("taper plan for the marathon:")
            r"^(?![^:\n]*\b(?:was|were|did|done|finished|today|yesterday|this morning)\b)"
            r"[^:\n.!?]{0,40}\b(?:plan|program|"
            r"programme|programming|calendar|schedule|stack|line-?up|template|inventory)\b"
            r"[^:\n]{0,30}:",
            r"\bfor (?:your |a )?(?:review|feedback|critique)\b",
            # an event on a day, asked about, with nothing said done ("Race on Sunday! 10k.
            # Any tips for pacing?"): the race is ahead
            r"^(?![\s\S]*(?:\d:\d\d|\b(?:did|done|finished|ran|raced|completed|went|was|were|"
            r"felt|got|today|yesterday|this morning|last night|tonight|ago)\b))"
            r"[^.!?\n]{0,30}\b(?:race|marathon|half|10k|5k|miler|meet|triathlon|tri|ultra|"
            r"parkrun|event|gran fondo|sportive|regatta)\b[^.!?\n]{0,20}?\b(?:on |this |next )?"
            r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[\s\S]*\?",
            r"\b(?:year|month|season) in review\b|\b(?:pr|pb|1rm) (?:board|list|sheet)\b",
            # a workout seen somewhere and asked about, not done
            r"^(?![\s\S]*\b(?:did|done|finished|completed|tried it|my time|scored|took me)\b)"
            r"[\s\S]{0,80}?\b(?:saw|found|seen|came across|stumbled on|spotted|sent me)\b"
            r"[^.?!\n]{0,40}\b(?:on|from|in) (?:instagram|insta|ig|youtube|yt|tiktok|reddit|"
            r"twitter|facebook|fb|online|the internet|a podcast|a video|a book|an app)\b",
        )
    )
)
_TEMPLATE_DAY = re.compile(r"(?:^|\n|[:,;] )\s?(?:day|d|week|wk) ?[1-7]\b(?!\s?(?:done|of\b))")
"""A program's numbered days ("Day 1: …", "Day 2: …"): a template, where a log has dates."""


def is_framed_non_log(message: str) -> bool:
    """Whether the whole lower-case message is a goal list, a plan, or a list of maxes.

    A plan or program sent for review, goals and maxes: their lines are not sessions, however
    much they look like them.
    """
    goal = _GOAL_FRAME.search(message)
    if goal is not None and not _closes_a_log(message, goal.start()):
        return True
    head = _FIRST_SENTENCE.match(message)
    undone = _UNDONE_FRAMES.search(message)
    if (
        undone
        and undone[0].endswith("?")
        and _LOADED.search(message)
        and not _PROGRAM.search(message)
    ):
        undone = None  # "squat 4x6 @ 110, bench 4x6 @ 85. can you adjust next week's weights?"
    if (undone or (head and _INTENTION.search(head[0]))) and not (
        _SAID_DONE.search(message) or _FELT.search(message)
    ):
        return any(c.isdigit() for c in message)
    return _MESSAGE_FRAMES.search(message) is not None or len(_TEMPLATE_DAY.findall(message)) >= 2


def _closes_a_log(message: str, start: int) -> bool:
    """Whether a goal at `start` is a closing remark after a session said done.

    "First gym day of the year, went easy. Bench 60kg 3x10. Goal this year is 100kg bench"
    logs the session; "Goals for next year:" followed by lines is a list.
    """
    rest = message[start:].strip()
    listed = ":" in rest and len(rest.split(":", 1)[1].strip()) > 20
    return says_done(message[:start]) and "\n" not in rest and not listed
