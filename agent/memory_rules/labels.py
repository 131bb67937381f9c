"""Colon labels: "add to my profile: vegetarian", "save for later: …", "📌 pin this: …".

A label is the short phrase before a sentence's first colon. It asks the coach to keep what
follows when its words say so: a verb of keeping in imperative position ("store this pls",
"note it down"), a place memories go ("my profile", "your notes") or a time they are for
("for later", "for all future sessions"). Weaker labels ("fyi", "heads up", "note")
also annotate logs ("note: ran 5k today"), so their content must be a lasting fact;
"note to self" is the athlete's own reminder, not the coach's.
"""

from __future__ import annotations

import re
from typing import Literal

from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.sentences import lower, split_words
from agent.memory_rules.word_lists import MEDICAL

Strength = Literal["strong", "weak", "named"]
"""How a label asks: "strong" keeps any fact, "weak" a lasting one, "named" (a bare "add:",
which also edits logs) only one whose words name a kind: a goal, a limit, a liking."""

KEEP_VERBS = frozenset(
    "remember memorise memorize save store keep note jot write pin file bookmark"
    # the same verbs in the languages athletes most often switch to mid-message
    " retain"
    " stash stick tuck bank"
    " guarda guardar recuerda anota apunta retiens garde merk speicher notiere".split()
)
"""Verbs of keeping: in imperative position they make a label a request."""
_PLACES = re.compile(
    r"\b(?:(?:(?:to|in|into|on|for) (?:my |your |the |our )?|your |update (?:my |the )?)"
    r"(?:(?:athlete )?profile|notes|records?|files?|memory|memories|brain|bio)|profile"
    r"|(?:notes?|reminders?) (?:for|to) (?:you|coach|the coach|future)"
    r"|(?:for|in|to) (?:the |my )?coach'?s? (?:notes|file|records?))\b"
)
_PURPOSE = re.compile(
    r"\b(?:for (?:all |any |the )*(?:my |our )?(?:future|later|next time|reference|the record"
    r"|planning|programming"
    r"|records?)|future reference|going forward|moving forward|from now on|from here on(?: out)?"
    r"|(?:fyi|psa|heads up|note),? forward"
    r"|(?:(?:some|a|one|two|three|four|a few|few|a couple of|couple of) )?(?:things?|something"
    r"|stuff|facts?|bits?) (?:to|you should|you need to|you must|you'll want to|worth)"
    r" (?:know|remember|keep in mind|bear in mind|note|save|store|keep|log|file)"
    r"|worth (?:remembering|noting|knowing|keeping in mind)|(?:goal|injury|fact|rule|info"
    r"|preference|pr|pb|max|best|number|stat|detail|record|note|update|weight|time|pace|zone"
    r"|date|thing|bit)s? to (?:remember|keep"
    r"|bear in mind|note|know|save|store|log|file)|standing rule"
    r"|as (?:a |an )?(?:fact|memory|note|permanent note|preference|goal|constraint)"
    r"|(?:heads[- ]?up|fyi|psa|note|info|reminder|context|background|important) for (?:my |your"
    r" |the |future |all |any )*(?:planning|programming|programs?|programmes?|plans?)"
    r"|(?:don't|do not|never) lose (?:this|that|it|track of (?:this|that|it))"
    r"|hang on to (?:this|that|it)"
    r"|(?:hard|standing|general|permanent) rule"
    r"|new rule(?! (?:at|in|from|for) (?:my|the|our) (?:gym|box|club|work|school|pool|office))"
    r"|about me|what you know (?:about|of) me|(?:to|in|into) what you know"
    r"|so (?:you|u) (?:don't|do not|won't|dont) forget"
    r"|future (?:self|chats|conversations|sessions)|(?:saved|stored|kept|noted) somewhere"
    r"|lock (?:this |that |it )?in|hold (?:on ?to|onto) (?:this|that|it)|long-term note"
    r"|(?:make|be) sure (?:you )?(?:have|get|got) (?:this|that|it)(?: down)?)\b"
)
_RULE_AFTER = re.compile(r"[\s,]*(?:no|never|don't|do not|always|zero)\b")
"""A rule said after a time label: the label's words are the rule, not a heading."""
_WEAK = re.compile(
    r"(?:^| )(?:fyi|heads up|important|nb|psa|note|reminder|(?:profile|injury|health|medical|quick"
    r"|important) (?:update|note|info))$"
)
_OBJECTS = frozenset("this that it these those one bit please pls porfa plz thx esto eso".split())
_KEEP_WITH_OBJECT = frozenset("add log record put track".split())
"""Verbs that keep in a label weakly: "add:" and "add that:" also add to a log or a plan."""
_WANT_KEPT = re.compile(
    r"^(?:i'd like|i would like|(?:i )?(?:just |really )?(?:want|need|wanna)|please have"
    r"|can you have) (?:this|that|it|the"
    r" following) (?:saved|noted|stored|remembered|on file|on record|kept|logged|written down)"
    r"(?: (?:please|pls|for later|somewhere))*$"
)
"""A wish that what follows be kept: a label though it has a subject."""
_FOR_YOU = re.compile(
    r"\b(?:(?:just )?so (?:you|u) (?:know|have (?:it|this|that)|(?:'ve|have) got (?:it|this|that))"
    r"|for (?:you|u) to know|for your (?:knowledge|awareness)"
    r"|so (?:it's|it is|this is|that's) (?:on (?:record|file)|noted|saved))\b"
)
"""Told so the coach has it ("so you know when you plan:", "noting my goal so you have it:")."""
_WRITE_DOWN = frozenset("write jot".split())
"""Verbs that keep only when written down ("write this down:"), not "write my plan:"."""
_NOT_A_LABEL = frozenset("i i'm i've i'd we we're he she they".split())
_SELF_NOTE = re.compile(
    r"\bnote to self\b(?! (?:for|and(?: to| for)?) (?:you|coach|the coach))|\bsave the date\b"
)
"""Idioms with a verb of keeping that keep nothing for the coach."""
_EPISODE_TIME = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|last night"
    r"|earlier)\b|\b\d+ ?x ?\d+\b"
)
_MOVED_ON = re.compile(r"\bwent (?:from|up|down|to)\b")
_EPISODIC = re.compile(
    rf"{_EPISODE_TIME.pattern}|(?<!\bto )\b(?:ran|did|felt|hit|went|finished|completed|rode"
    r"|swam|lifted|pulled|pressed|squatted|benched|logged|pr'?d|maxed out)\b"
)
_PAST_STATE = re.compile(r"\b(?:was|were|wasn't|weren't)\b")
_RECORD = re.compile(r"\b(?:pb|pr|personal (?:best|record)|best time|1rm|max|record)\b")
"""A best stays a fact in the past tense ("old PB was 24:30"): the mark to beat."""
"""A single session: its time words, sets x reps, or a session verb in the past tense (not
an infinitive: "I want to hit 140"). What a "note:" annotates that way is a log, not a
lasting fact."""
_RESULT = re.compile(
    r"\b\d+(?:\.\d+)? ?(?:k|km|mi|miles?|m|min|mins)\b(?: [a-z]+){0,2},? (?:in|@|at)"
    r" \d+(?::\d\d)+\b"
    r"(?!.*\b(?:goal|target|aim|pb|pr|best|record|by|sub|under)\b)"
)
"""A session's result ("5k in 24:10"): what a weak label annotates that way is a log."""
_NOT_THAT = re.compile(r"\s*(?:and )?not (?:as )?(?:a |an |the )?\w+\s*$")
"""A label's last part ruling out another reading ("…, not a workout"): the label is before."""
_LABELS = (
    re.compile(r"^(?P<label>[^:]{1,80}?):(?!\d)\s*(?P<content>.*)$"),
    re.compile(r"^(?P<label>.{1,80}?) - \s*(?P<content>.*)$"),
    re.compile(r"^(?P<label>note (?:to|for) (?:the )?coach),?\s+(?P<content>\S.*)$", re.IGNORECASE),
)
"""A label ends at the first colon, or else at a dash ("add this to my profile - …");
"note to coach" is a label even when dictated without its colon."""


def _strength(label: str) -> Strength | None:
    """How strongly one label segment asks to keep what follows, or None if it does not."""
    low = lower(label)
    if _SELF_NOTE.search(low):
        return None
    if _WANT_KEPT.match(low.strip()):
        return "strong"  # "I'd like this saved:"
    words = split_words(drop_lead(label)) or split_words(label)  # "I'd love it if you…"
    longest = (
        12
        if words[:1] and words[0] in KEEP_VERBS | _KEEP_WITH_OBJECT or _FOR_YOU.search(low)
        else 8
    )  # "file this under stuff…"
    if not words or len(words) > longest or any(w in _NOT_A_LABEL for w in words):
        return None
    purpose = _PURPOSE.search(low)
    if purpose is not None and _RULE_AFTER.match(low[purpose.end() :]):
        return None  # "From now on no deadlifts - lower back": the rule, then its reason
    if _PLACES.search(low) or purpose:
        return "strong"
    if _FOR_YOU.search(low):  # also says why a log is told: only a lasting fact is kept
        return "weak"
    core = [w for w in split_words(label) if w not in _OBJECTS]
    if len(core) <= 3 and _WEAK.search(
        " ".join(core).replace("-", " ")
    ):  # "note:" also annotates logs
        return "weak"
    verb = split_words(drop_lead(label))[:2]
    if verb[:1] and verb[0] in _KEEP_WITH_OBJECT and verb[1:] and verb[1] in _OBJECTS:
        return "weak"  # "add that pls: …" also adds to a log: only a lasting fact is kept
    if verb == ["add"] and len(words) <= 2:
        return "named"  # "Please add: target weight 72kg", not "add: 10 min cooldown"
    if (
        verb[:1]
        and verb[0] in _WRITE_DOWN
        and "down" not in words
        and not set(verb[1:2]) & _OBJECTS
    ):
        return None  # "can you write my plan around my shifts:" asks for a plan
    return "strong" if verb and verb[0] in KEEP_VERBS else None


def split_label(sentence: str) -> tuple[str, str, Strength] | None:
    """A sentence opening with a keeping label: (lead-in to keep, content, strength).

    "Goal for this year, please store it: 10 pull ups" keeps its lead-in: the label is the
    last comma-separated part, and what comes before it belongs to the fact.
    """
    forward = _FIRST_FACT.match(lower(sentence.strip()))
    if forward is not None and _FORWARD.match(" ".join(split_words(drop_lead(forward["label"])))):
        return "", sentence.strip()[forward.start("content") :], "weak"
    for pattern in _LABELS:
        found = pattern.match(sentence.strip())
        if found is None or not re.search(r"[A-Za-z0-9]", found.group("content")):
            continue
        *before, label = re.split(r"[,;]|\s-\s", found.group("label"))
        if before and _NOT_THAT.match(lower(label)):  # "log this as a fact, not a workout:"
            *before, label = before
        strength = _strength(label)
        if strength is not None:
            lead = ", ".join(part for part in (drop_lead(p.strip()) for p in before) if part)
            return lead, found.group("content"), strength
    return None


_SESSION_WORDS = re.compile(
    r"\b\d+ ?x ?\d+\b|\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|last night)"
    r"\b(?!.*\b(?:pr|pb|best|max|1rm|goal|target|record)\b)"
)
_SESSION_VERBS = re.compile(r"^(?:i )?(?:did|ran|rode|swam|lifted|finished|completed|hit)\b")


def session_log(content: str) -> bool:
    """Whether even a strong label's content is a session log, not a fact.

    "3x10 squats at 80" and "did 10 rounds today" are logs; medical news stays a fact
    ("tore my ACL today").
    """
    low = lower(content.strip())
    if MEDICAL.search(low):
        return False
    return bool(_RESULT.search(low) or re.search(r"\b\d+ ?x ?\d+\b|\b\d+ rounds? of\b", low)) or (
        _SESSION_VERBS.match(low) is not None and _SESSION_WORDS.search(low) is not None
    )


def lasting(content: str) -> bool:
    """Whether a weak label's content reads as a lasting fact rather than a session log.

    Medical history and personal bests are lasting even in the past tense ("I was
    diagnosed with asthma", "my old PB was 24:30").
    """
    low = lower(content)
    if _RESULT.search(low) or _EPISODE_TIME.search(low):
        return False
    if _EPISODIC.search(low) and not (_RECORD.search(low) and _MOVED_ON.search(low)):
        return False  # "my PB went from X to Y" is the new mark to beat, "hit a PR" a session
    return (
        _PAST_STATE.search(low) is None or (MEDICAL.search(low) or _RECORD.search(low)) is not None
    )


_BARE = re.compile(
    r"^(?:remember|don't forget|do not forget|important|note this|save this|keep in mind"
    r"|for the record|fyi|heads up|note to coach)$"
)
_FORWARD = re.compile(
    r"^(?:(?:remember|memori[sz]e|save|store|pin|bookmark)(?: (?:this|that|it|the following))?"
    r"|(?:note|keep|log|record|jot|write|file|stash) (?:this|that|it|the following))"
    r"(?: down| for me| for later| somewhere| away| please| too)*$"
)
"""A keep request with a pronoun and nothing else: it points forward when it opens the
message ("store this pls. home gym = …", "note it down, I'm aiming for…", "pls save 🙏
I signed up for…": a verb of keeping alone points forward too)."""
_FIRST_FACT = re.compile(
    r"^(?P<label>[^,]{1,40}?),\s*(?P<content>(?:i|i'm|i've|i'd|my|we|our)\b.*)$"
)


def join_bare_labels(sentences: list[str]) -> list[str]:
    """Join a sentence that is only a label ("Remember!!!") to the one it introduces."""
    joined: list[str] = []
    idx = 0
    while idx < len(sentences):
        sentence = sentences[idx]
        words = " ".join(split_words(drop_lead(sentence)))
        bare = _BARE.match(words) or (idx == 0 and _FORWARD.match(words))
        following = sentences[idx + 1] if idx + 1 < len(sentences) else ""
        if bare and following and lasting(following) and not sentence.endswith("?"):
            joined.append(f"{words}: {sentences[idx + 1]}")
            idx += 2
            continue
        joined.append(sentence)
        idx += 1
    return joined
