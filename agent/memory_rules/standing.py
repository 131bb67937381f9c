"""Standing directives: instructions for every future plan, without a verb of keeping.

"whenever you plan my week, put the long run on Sunday", "check in with me every Monday",
"answer me in simple English, from now always", "include core work at the end. that's a
standing request". A directive (a clause opening with a verb the coach can carry out) is
a memory when something makes it standing: a frame of recurring coach work ("whenever /
every time you plan…"), a recurrence in the directive itself ("always", "every Monday",
"every 4th week", "on Mondays"), or a remark in the same message that it stands ("from
now on", "that's for all future messages", "keep doing it"). A one-off ("just for today",
"this week") never is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.lead_in import drop_lead, lead_kind
from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.save_requests import build_save, save_instruction
from agent.memory_rules.sentences import is_question, lower, split_words, strip_tail
from agent.memory_rules.standing_requests import asks_always, asks_politely
from agent.memory_rules.standing_requests import stands as remarked
from agent.memory_rules.word_lists import ONE_OFF

_COACH_WORK = (
    r"(?:plan|program|programme|write|make|build|design|send|give|schedule|create|put together"
    r"|prescribe|set|prepare|draft|lay out|map out|suggest|recommend)"
)
_OWN_ACT = r"(?:say|send|tell|write|text|message|log|mention|post|share|report|upload|complain|ask)"
_FRAME = re.compile(
    rf"^(?:whenever|every time|each time|any ?time|when) you(?: next)? {_COACH_WORK}\b"
    rf"|^(?:whenever|every time|each time|any ?time|when|if) i(?: ever)? {_OWN_ACT}\b"
    r"|^(?:whenever|every time|each time|any ?time|when|if) i(?:'m| am)(?: ever)? (?:travel\w*|away"
    r"|on the road|sick|ill|injured|on holiday|on vacation|on nights|on shift|short on time)\b"
    rf"|^(?:in|for) (?:every|each|all|any) (?:of )?(?:my |the |your )?(?:future )?"
    r"(?:plans?|programs?|programmes?|blocks?|weeks?|sessions?|workouts?)\b"
)
"""A clause naming recurring work, the coach's or the athlete's own ("when I send you a
log", "if I say I'm tired"): what the directive beside it applies to."""
_THEN = re.compile(r"\s(?=(?:just|then|please|always) [a-z]+)")
"""Where a directive starts inside its frame's clause ("when I send a log just reply…")."""
_RECURRENCE = re.compile(
    r"\b(?:always|every (?:single )?(?:\w+ )?(?:day|week|time|session|workout|program|block|plan"
    r"|month|cycle|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening)"
    r"|each (?:week|time|session|workout|program|block|plan|month)|on (?:mondays|tuesdays"
    r"|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays)|from now(?: on)?"
    r"|from here on(?: out)?|going forward|moving forward|for all (?:my )?future|for good|ever"
    r"|never|permanently|forever|for life|as a rule|by default"
    r"|(?:once|twice|\d+ times?) (?:a|per) (?:day|week)"
    r"|the (?:night|day|evening|morning) before|in advance|ahead of time|beforehand)\b"
)
"""Words that make a directive hold beyond this plan."""
_STANDS = re.compile(
    r"^(?:(?:that's|that is|this is|it's|consider (?:that|this|it)) (?:a )?(?:standing|permanent"
    r"|general) (?:request|rule|order|instruction|thing)|(?:that's|that is|this is|it's|that goes)"
    r" for (?:all|every|any) (?:my )?(?:future|later)?\s*\w*|keep doing (?:it|that|this)"
    r"|(?:do|keep) (?:it|that|this) (?:always|every time|from now on|going forward)"
    r"|from now(?: on)?(?: always)?|going forward|moving forward|always|for good|permanently"
    r"|henceforth|as a (?:general|standing|permanent|hard) rule"
    r"|forever|indefinitely|for the foreseeable future)[\s.!]*$"
)
"""A sentence saying the directive before it stands ("that's a standing request")."""
DIRECTIVE_VERBS = frozenset(
    "put include add make give plan schedule program programme write build keep use avoid skip"
    " answer reply respond talk speak explain check send start end finish cap limit stop cut"
    " leave drop swap replace prioritise prioritize focus remind call ask tell design set stick"
    " structure format list sign open close hype book comment sugarcoat sugar-coat address"
    " refer encourage go mention say scale reduce lower ease move shift increase shorten lighten"
    " modify adjust suggest recommend offer prescribe".split()
)
"""Verbs that open a directive to the coach ("give me…", "schedule…", "never mention…")."""
_ABOUT_TALK = re.compile(
    r"\b(?:(?:reply|replies|answer|respond|talk|speak|explain|write|text|message)\w*"
    r" (?:to me|with|in|using)\b|(?:simple|plain|technical|big|fancy) (?:\w+ )?(?:words|terms"
    r"|language)|jargon|emojis?|exclamation|tone|sugar-?coat\w*|comment\w* on (?:my|me)"
    r"|encourag\w* me|go easy on me|(?:tell|give) (?:me|it to me) straight|straight with me"
    r"|(?:address|refer to) me as|call me (?!(?:later|back|tomorrow|tonight|when|if|after|before"
    r"|now|at|on|in|soon|again|asap|today|up|out)\b)[a-z']"
    r"|check(?:ing)? in (?:with|on) me|check-?ins\b|(?:short|shorter|brief"
    r"|long|longer|detailed|simple) (?:answers|replies|responses|messages|explanations))"
)
"""How the coach talks to the athlete ("use simple words", "don't sugarcoat"): that stands."""
_VERBLESS = re.compile(r"^(?:no (?:more )?\S.*|(?:[a-z\-]+ ){0,2}[a-z\-]+ only)$")
"""A directive without a verb: a prohibition ("no burpees") or a limit ("short answers only")."""
_PLAN_RULE = re.compile(
    r"^(?:nothing|no [a-z\-]+|none of (?:the|my) [a-z\-]+|there(?:'s| is) no [a-z\-]+)"
    r"(?: [a-z\-]+){0,4} (?:in|on|for) (?:my|the|any of my) (?:[a-z\-]+ )?(?:plans?|programs?"
    r"|programmes?|programming|training|schedule|sessions|workouts|weeks|blocks)\b"
)
"""A rule on the whole plan ("[make sure] nothing in my plan has running until May"): it
holds for every session until it is lifted."""
_POINTERS = frozenset("that this it them those these up going forward please".split())
_STANDING_LEAD = re.compile(
    r"(?:from now(?: on)?|from here on(?: out)?|going forward|moving forward|henceforth"
    r"|as a (?:general|standing|permanent|hard) rule),?\s+"
)
"""A standing remark opening the directive's own clause ("from now on no burpees")."""
_THIS_COACH_FRAME = re.compile(
    r"(?:(?:just|only) )?(?:for you(?: specifically)?|(?:in|for|during) (?:our|this|these)"
    r" (?:chats?|conversations?|sessions|coaching)|when(?:ever)? we (?:talk|chat))\b,?\s*"
)
"""A frame tying the directive to this coach's talk ("in our chats …"): it stands there."""
_NEGATED = re.compile(r"(?:don't|do not|never)(?: ever)?\s+")
"""A negated directive's opening ("don't ever", "never"), before its verb."""
_ONE_OFF = re.compile(
    rf"{ONE_OFF.pattern}|\b(?:this|next) (?:week|weekend|time)\b"
    r"|\bjust for\b(?! (?:you|our|these|this chat)\b)"
)
"""A one-off; "just for our chats" is a coach frame, not one."""
_PAST_SESSIONS = re.compile(r"\b(?:today|tonight|this (?:week|weekend|morning|evening))'s\b")
"""Sessions named by their time in another sentence ("thanks for this week's sessions")."""


_CLAUSE_BREAK = re.compile(
    r"[,;:]|\s-\s|\s+so\s+(?!(?:many|much|few|little|far|long|often|hard|easy|good|bad|well"
    r"|that|fast|slow|early|late|kind|sure|glad|happy|nice|great|tired|busy|sore)\b)"
)
"""Where a directive's clause ends: punctuation, or "so" opening a consequence."""


def _directive(clause: str) -> str | None:
    """The clause as a directive to the coach, or None if it does not open with one."""
    body = drop_lead(clause.strip(" ,;:-"))
    words = split_words(body)
    lead = _STANDING_LEAD.match(lower(body)) or _THIS_COACH_FRAME.match(lower(body))
    if lead:
        body = body[lead.end() :]
        words = split_words(body)
    while words and words[0] in {"always", "please", "also", "just", "and", "then"}:
        words = words[1:]
        body = body.split(" ", 1)[1] if " " in body else ""
    while words and words[-1] in {"please", "thanks", "ok", "okay"}:
        words = words[:-1]
    if _PLAN_RULE.match(lower(body)):
        return "make sure " + body
    if _VERBLESS.match(" ".join(words)) and len(words) > 1:
        return body  # a prohibition or a limit: "no burpees", "walking only"
    negation = _NEGATED.match(lower(body))
    if negation and split_words(body[negation.end() :])[:1] in [[v] for v in DIRECTIVE_VERBS]:
        return "don't " + body[negation.end() :]  # "never / don't ever schedule …"
    if not words or words[0] not in DIRECTIVE_VERBS or set(words[1:]) <= _POINTERS:
        return None  # "keep that going forward" points back: `back_refs` reads it
    if words[0] == "stop" and not (len(words) > 1 and words[1].endswith("ing")):
        return None
    return body


_TREATMENT = re.compile(
    r"^(?:i|we)(?: really| just| honestly| also)* (?:(?:don't|do not) (?:really )?)?(?:like|love"
    r"|hate|prefer|want|mind|enjoy|appreciate|can't stand|dislike|respond (?:better|well) to)"
    r" (?:it )?(?:being (?:called|told|yelled|shouted|pushed|rushed|lectured|nagged|babied"
    r"|coddled|addressed|referred|compared|judged|praised|corrected|guilt-tripped|talked|spoken"
    r"|checked|reminded)\b|when you\b|(?:that|if) you (?:talk|speak|write|reply|answer|explain"
    r"|call|address|text|message|use|keep|check)\b)"
)
"""A preference about how the coach treats the athlete ("I don't like being called champ",
"I prefer that you talk to me in Portuguese")."""
_LIKING_WORD = re.compile(
    r"\b(?:like|dislike|love|hate|prefer|want|mind|enjoy|appreciate|stand|respond)\b"
)
"""A cheap gate: every form of `_TREATMENT` has one of these words."""


def treatment_preference(sentence: str, message: str) -> MemoryRequest | None:
    """How the athlete wants to be treated by the coach, said as a liking: it stands.

    Nothing asks to keep it, but it is about the coach's own conduct towards them, the
    way "call me Champ" is: "I don't like being told off", "I prefer when you explain".
    """
    if is_question(sentence) or not _LIKING_WORD.search(lower(sentence)):
        return None
    for start in (0, *(m.end() for m in re.finditer(r"[,;]\s*", sentence))):
        body = drop_lead(sentence[start:].strip())  # "I'm from Brazil, I prefer that you…"
        if _TREATMENT.match(lower(body)):
            return build_save(body, explicit=False, message=message)
    return None


def _coach_framed(sentence: str, first: str) -> bool:
    """Whether the message or this sentence opens with a frame tying it to this coach."""
    return any(_THIS_COACH_FRAME.match(lower(drop_lead(s))) for s in (first, sentence))


def standing_directive(
    sentence: str, sentences: Sequence[str], message: str
) -> MemoryRequest | None:
    """A directive in `sentence` made standing by a frame, a recurrence or a remark."""
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c.strip(" .!?")]
    others = [*(other for other in sentences if other != sentence), *clauses]
    stands = any(_STANDS.match(lower(drop_lead(other.strip()))) for other in others)
    remark = remarked(sentences)  # "make that a standing thing" outweighs "next week" elsewhere
    stands = stands or remark or _coach_framed(sentence, sentences[0])
    # a modal question asks for a plan now, unless it asks how to be talked to or it stands
    polite = asks_politely(sentence)
    talk = polite and _ABOUT_TALK.search(lower(sentence)) is not None
    standing = polite and (stands or asks_always(sentence))
    told = " ".join(other for other in sentences if other != sentence and not remark)
    one_off = any(
        _ONE_OFF.search(text) for text in (lower(sentence), _PAST_SESSIONS.sub("", lower(told)))
    )
    if (is_question(sentence) and not (talk or standing)) or one_off:
        return None
    frame = next((c.strip() for c in clauses if _FRAME.match(lower(drop_lead(c.strip())))), None)
    if frame is not None:  # "when I send a log just reply 'logged'": one clause holds both
        head, *rest = _THEN.split(frame, maxsplit=1)
        if rest and _directive(rest[0]) is not None:
            at = next(i for i, c in enumerate(clauses) if c.strip() == frame)
            frame, clauses = head, [*clauses[:at], head, rest[0], *clauses[at + 1 :]]
    for clause in clauses:
        if lead_kind(clause) is None and _directive(clause) is None:
            continue
        body = _directive(clause)
        if body is None or _FRAME.match(lower(drop_lead(clause.strip()))):
            continue
        body = strip_tail(body, ("please", "thanks", "ok", "okay"))
        if frame is not None:
            return save_instruction(f"{body} {lower(drop_lead(frame))}", message)
        if (
            _RECURRENCE.search(lower(clause))
            or stands
            or _ABOUT_TALK.search(lower(body))
            or _PLAN_RULE.match(lower(body).removeprefix("make sure "))
        ):
            return save_instruction(body, message)
    return None
