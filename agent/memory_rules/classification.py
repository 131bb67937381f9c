"""Type, importance, scope and tags of a memory, from the athlete's own words.

Classification runs on the first-person source, not the rewritten fact, because cues such as
"you", "my" and "I can only" disappear in the rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.memory_rules.kind_cues import (
    CONDITIONED_DIRECTIVE,
    NOT_A_GOAL,
    PROHIBITION,
    SCHEDULE_LIMIT,
    SELF_LIKING,
)
from agent.memory_rules.languages import FOREIGN_CUES, FOREIGN_LIMITS
from agent.memory_rules.requests import Scope
from agent.memory_rules.sentences import lower
from agent.memory_rules.word_lists import (
    BODY,
    BODY_ISSUE,
    MEDICAL,
    MONTHS,
    UNITS,
    WEEKDAYS,
    WEEKLY,
)
from storage.models import Importance, MemoryType

_EQUIPMENT = re.compile(
    r"\b(?:dumbbells?|dbs?|kettlebells?|kbs?|barbells?|squat rack|power rack|rack|rower|erg"
    r"|assault bike|air bike|treadmill|pull-?up bar|rings|resistance bands?|bands|plates"
    r"|(?:home|garage|hotel|apartment|work) gyms?|equipment|cable machine|smith machine|trap bar"
    r"|sandbag|jump rope|(?:swimming )?pool|track|climbing wall|rowing machine|ski ?erg"
    r"|(?:bike|turbo|smart) trainer"
    r"|gym membership|weights|bench)\b"
)
_EQUIPMENT_LIMIT = re.compile(
    r"\b(?:only|no|don't have|doesn't have|do not have|without|lack\w*|access|at home|home gym"
    r"|garage gym|just (?:a|some)|bodyweight only)\b"
)
_DAYS = rf"(?:{'|'.join(WEEKDAYS)})s?"
_DAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?"
    r"|(?:tuesday|wednesday|thursday|saturday)s?)"
)
"""A weekday, abbreviated or not: two in a row ("Tue and Thu") are a weekly fixture."""
_MONTHS = rf"(?:{'|'.join(MONTHS)}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_SCHEDULE = re.compile(
    r"\b(?:only|can|can't|have|has|got|available|max|at most|no more than|up to|limited"
    rf"|time for)\b.{{0,30}}(?:{WEEKLY}|\b\d+ ?x (?:a|per) week\b)"
    r"|\bonly\b.{0,40}\b(?:days?|mornings?|evenings?|nights?|weekends?|weekdays?|minutes|mins"
    rf"|hours?|time|{_DAYS})\b"
    r"|\b(?:sessions?|workouts?|training|it)\b.{0,15}\b(?:under|less than|within|no longer than"
    r"|shorter than) \d+ ?(?:min|mins|minutes|hours?|hrs?)\b"
    r"|\b(?:my|need|needs|at least)\b.{0,25}\b(?:rest|recovery|easy|off) days?\b"
    r"|\b(?:schedul\w*|program\w*|plan\w*|book\w*) (?:anything|nothing|stuff|training|workouts?"
    rf"|sessions?|runs?) (?:on|before|after) (?:{_DAYS}|weekends?|weekdays?)\b"
    r"|\bcan(?:'t|not| only)\b.{0,30}\b(?:train|work ?out|lift|run|exercise|make it)\b"
    rf"|\bcan(?:'t|not| only)\b (?:\w+ )?(?:do|make|manage) (?:{_DAY}|mornings?|evenings?|nights?"
    r"|weekends?|weekdays?|early|late)\b"
    r"|\bno time\b|\bshort on time\b|\b(?:don't|do not|doesn't|never) have (?:the |enough )?time\b"
    r"|\b(?:max|maximum|at most|no more than|up to) (?:of )?\d+"
    r" (?:\w+ )?(?:minutes|mins|days|hours|sessions)"
    r"|\b\d+ ?(?:minutes|mins|min|hours|hrs|days|sessions) (?:\w+ )?(?:max|maximum|tops|at most)\b"
    r"|\bno (?:\w+ )?(?:running|runs|workouts?|training|sessions?|lifting)\b.{0,20}\b(?:on|then"
    r"|before|after|during)\b|\b(?:trains?|works? out|lifts?) (?:on )?"
    r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays"
    r"|mornings|evenings)\b"
    r"|\bnot allowed\b|\b(?:don't|doesn't|do not|does not|won't) (?:want|let|allow) me\b"
    r"|\b(?:don't|doesn't|do not|does not|won't) (?:allow|permit)\b"
    r"|\b(?:never|no|not|don't|can't|won't)\b.{0,25}\bmore than \d+|\bcap\w* .{0,25}\bat \d+"
    r"|\ball the time (?:i|i've|i have|i got)\b"
    rf"|\b{_DAY}\b(?:,? (?:and |& |or )?|/|-)\b{_DAY}\b"
    r"|\b(?:is|are) fixed\b|\bwork around\b|\bfall on\b|\b(?:has|have|needs?) to be (?:after"
    r"|before|light|easy|short)\b|\bshould always be\b|\b\d+ on,? \d+ off\b"
    r"|\bduring ramadan\b"
)
"""Limits on when, how often, how long or how hard the athlete can train."""
_DIET = re.compile(
    r"\b(?:vegan|vegetarian|pescatarian|keto|gluten[- ]free|dairy[- ]free|lactose|halal|kosher"
    r"|intermittent fasting|fasting|sober|teetotal|no alcohol|stimulants?)\b"
)
_RATHER = re.compile(
    r"(?:i(?:'d| would) |would )(?:much )?rather\b|(?:i )?(?:really )?prefers? (?:not )?to\b"
)
"""A schedule said as a liking ("I'd rather not train on Sundays", "prefer to run early")."""
_HARD_LIMIT = re.compile(r"\b(?:can't|cannot|can only|only|no time|don't have time|impossible)\b")
_FEEDBACK = re.compile(
    r"\b(?:last|yesterday'?s?|today'?s|this week'?s|last week'?s|previous|recent|that|the|your)\b"
    r".{0,25}\b(?:program|programme|programming|plan|workout|session|wod|block|class|cycle"
    r"|routine|training|metcon)s?\b.{0,40}\b(?:too|was|were|felt|went)\b"
    r"|\b(?:liked|loved|enjoyed|hated|disliked)\b.{0,30}\b(?:program|programme|programming|plan"
    r"|workout|session|wod|block|class|routine|metcon)s?\b"
    r"|\b(?:replies|answers|responses|messages|explanations|check-?ins)\b.{0,30}\btoo\b"
)
_INSTRUCTION = re.compile(
    rf"\b(?:call me(?! out\b| back\b)|remind me|use (?:{UNITS}|metric|imperial|miles|km"
    r"|kilometers|kilometres)|(?:you|the coach) should|when you (?:explain|write|talk|program"
    r"|send|give|reply|answer|text|message|plan|check in)"
    r"|(?:want|need|'d like) you to (?:just |only )?(?:handle|cover|take care of|focus on|manage"
    r"|look after|do|stick to)"
    r"|(?:don't|do not|never) (?:program|give me"
    r"|schedule|include|prescribe|assign|send me))\b"
)
_GOAL = re.compile(
    r"\b(?:training (?:for|4)|train (?:for|4)|prepping for|preparing for|wants? to"
    r"|(?:would|i'd) (?:like|love) to|wanna|goal|goals|aim(?:ing)? (?:to|for)|hoping to|hope to"
    r"|trying to"
    r"|working (?:on|toward|towards)"
    r"|target|plan(?:ning)? to|get (?:to|under|below)|sub-?\d+|compete|competing|qualify"
    r"|lose (?:\d+|weight|fat)|gain (?:\d+|muscle|weight)|personal record|signed up for"
    r"|registered for|on a (?:bulk|cut)|bulking|cutting (?:to|for|down)|(?:be|get) ready for"
    r"|peak(?:ing)? for|(?:number one|top|main"
    r"|biggest) priority|(?:that's|that is|it's|this is) (?:my|the) (?:main |big |only |one )?focus"
    r"|pass (?:the|my|a|an) (?:\w+ ){0,3}(?:test|exam|assessment|trial"
    r"|selection))\b"
    r"|\b(?:\d+ ?k|mile|marathon|half)\b.{0,20}\b(?:under|below|in under|sub) ?\d+"
    rf"|\b(?:race|marathon|half|ironman|triathlon|tri|meet|competition|comp|ultra|hyrox|spartan"
    rf"|gran fondo|sportive|tournament|lottery|qualifier|event)\b.{{0,40}}\b(?:{_MONTHS}|next"
    r" (?:week|month|year|spring|summer|fall|autumn|winter)|this (?:year|spring|summer|fall"
    r"|autumn|winter)|in \d+ (?:weeks|months))\b"
    rf"|\b(?:doing|running|racing|riding|entered|entering) (?:a |an |the |my )?(?:\w+ ){{0,2}}"
    r"(?:race|marathon|ironman|triathlon|ultra|hyrox|spartan|meet|competition|gran fondo)\b"
    rf"|\d.{{0,30}}\bby (?:the )?(?:end of (?:the )?(?:year|month|summer|season)|{_MONTHS}"
    r"|summer|christmas|next \w+|spring|fall|autumn|winter|(?:pre-?)?season|race day|the (?:race"
    r"|meet|wedding|event|comp|competition))\b"
)
_PREFERENCE = re.compile(
    r"\b(?:(?<!is )(?<!'s )(?<!are )(?<!was )(?<!feels )(?<!looks )like|likes|liked|love|loves"
    r"|loved|enjoy|enjoys|hate|hates|hated|dislike|dislikes|motivated by|respond better to"
    r"|prefer|prefers|preferred|favou?rites?|can't stand|cannot stand|not a fan|big fan|fan of"
    r"|rather|loathe|despise|(?:morning|evening|night) (?:person|people|bird)|night owl"
    r"|(?:done with|sick of|tired of|fed up with) (?:\w+ )?(?:running|lifting|training"
    r"|workouts?|sessions?|cardio|classes|mornings|evenings|\w+ing)|(?:don't|do not|won't) do"
    r"|i (?:really )?want (?!to\b|you\b)(?:all |every )?(?:my |the |\w+s\b)"
    r"|early bird|works? best|come (?:a)?round to|warmed (?:up )?to|grown to (?:like|love))\b"
)
_COMMUNICATION = re.compile(
    r"\b(?:repl(?:y|ies)|answers?|responses?|respond|messages?|texts?|tone|emojis?|check-?ins?"
    r"|check(?:ed|ing)? in (?:on|with)|explain\w*|explanations?|cheerleading|pep talks?|blunt"
    r"|harsh|gentle|sugar-?coat\w*|jargon|simple (?:english|words|language)|english|wording"
    r"|(?:talk|speak|write)(?:ing)? to me|call me|nickname|address me|chats?|conversations?"
    r"|bullet points?|formal|casual|swear\w*|wordy|verbose|concise|tough love|motivational"
    r"|long-winded|short and sweet|(?:keep|make) (?:it|things) (?:short|brief))\b"
)
"""How the coach talks to the athlete: about this coach only."""
_WANTS = re.compile(r"\b(?:want|wants|need|needs|would like|'d like|expect)\b")
"""Asking for a way of talking ("I want blunt feedback") is an instruction to the coach."""
_THIS_COACH = re.compile(
    r"\b(?:(?:for )?you specifically|(?:just|only) for you|for you,? as my \w+ coach|just you"
    r"|(?:for|in|during) (?:our|these|this)"
    r" (?:sessions|chats?|conversations?|coaching)|(?:in|for) this chat|between (?:us|you and me)"
    r"|when we (?:talk|chat)"
    r"|our (?:chats?|conversations?)|you and (?:i|me)|you(?:'re| are) my \w+ coach)\b"
)
"""Words that tie a whole message to this coach ("for you specifically", "in our chats")."""
_BY_YOU = re.compile(
    r"\b(?:with|by|from) you\b(?! (?:said|told))"
    r"|\b(?:want|need|'d like) you to (?:just |only )?(?:handle|cover|take care of|focus on|manage"
    r"|look after|do|stick to)\b"
)
"""The coach as the one who does it ("checked in on daily by you", "I want you to handle my
strength work"), in the memory itself."""
_NAMED_TYPE = re.compile(
    r"\b(?:that|this|it|as a|as an|as my|that's|this is|it's) (?:the |my |a |an )?(?:main |big "
    r"|real |new )?(?P<type>preference|goal|constraint|restriction|limitation|instruction)s?\b"
)
"""The athlete naming the kind themselves: "save that preference", "that's THE goal"."""
_NAMED: dict[str, MemoryType] = {
    "preference": "preference",
    "goal": "goal",
    "constraint": "constraint",
    "restriction": "constraint",
    "limitation": "constraint",
    "instruction": "instruction",
}
_LABELLED = re.compile(
    r"(?:^|[.!?]\s+)(?:my |new |main |big )?(?P<type>goal|target|aim|objective)s?\b[^:.!?]{0,25}:"
)
"""A goal named by its label ("Goal to remember: sub 2:00", "Aim: sub-3")."""
_BODY_REASON = re.compile(
    rf"(?:^|[.;:(!]|\s-)\s*(?:(?:because of|cause of|due to|bc|for) )?(?:my |the )?{BODY}"
    r"\s*(?:[.;!)]|\s-|$)"
)
"""A body part alone as the reason ("no overhead pressing. shoulder."): a condition."""
_RESTRICTION = re.compile(r"\b(?:no|never|don't|do not|avoid|nothing|not)\b")
"""A directive that rules something out: with a medical reason beside it, a constraint."""
_FOR_PLANNING = re.compile(
    r",? so (?:i|i'm|my|any|the|it|lifting|training|that)\b|\bfor (?:the |all )?(?:future |my )?"
    r"(?:plans?|planning|programming|programs?)\b|\bwhen you(?:'re| are)? (?:plan|program|build"
    r"|giv|writ)\w*|(?:,|\bso) (?:please )?(?:schedule|keep|put|program|plan|give|avoid|use|swap"
    r"|sub|make)\b"
    r"|\b(?:pb|pr|personal best|1rm|max|ftp|training max|threshold|vo2 ?max|css)\b"
)
"""A fact tied to the plan (a consequence for training, a best): it weighs more."""
_IMPORTANT = re.compile(r"\b(?:important|crucial|critical|vital|essential|life[- ]threatening)\b")
_TAG_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(pattern))
    for tag, pattern in (
        (
            "injury",
            r"\b(?:injur\w*|hurt\w*|pain\w*|torn|tore|sprain\w*|strain\w*|tweak\w*"
            r"|surgery|rehab|herniat\w*|fractur\w*|dislocat\w*|broken|concussion)\b|"
            + BODY_ISSUE.pattern,
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
        ("units", rf"\b(?:use|in|not) (?:{UNITS})\b|metric|imperial"),
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
class Kind:
    """Everything `classify` decides about one memory except its content."""

    memory_type: MemoryType
    importance: Importance
    scope: Scope
    tags: tuple[str, ...]


def _memory_type(low: str, *, imperative: bool, medical: bool) -> MemoryType:
    """The memory's type from its lowercase first-person source, most binding kind first.

    An instruction about training (not about how the coach talks) that limits the schedule
    is a constraint: "never schedule anything on Fridays" binds whoever plans.
    """
    if medical:
        return "constraint"
    if _FEEDBACK.search(low):
        return "feedback"
    schedule = (_SCHEDULE.search(low) or SCHEDULE_LIMIT.search(low)) is not None
    if schedule and _RATHER.match(low) and not _HARD_LIMIT.search(low):
        return "preference"  # "I'd rather not train on Sundays": a liking, not a limit
    talk = _COMMUNICATION.search(low) is not None
    directs = CONDITIONED_DIRECTIVE.search(low) or PROHIBITION.match(low)
    if (
        imperative or directs or _INSTRUCTION.search(low) or (talk and _WANTS.search(low))
    ) and not (schedule and not talk):
        return "instruction"
    if (_EQUIPMENT.search(low) and _EQUIPMENT_LIMIT.search(low)) or schedule or _DIET.search(low):
        return "constraint"
    if _GOAL.search(NOT_A_GOAL.sub(" ", low)):
        return "goal"
    return "preference" if _PREFERENCE.search(low) or SELF_LIKING.search(low) else "context"


def classify(source: str, *, imperative: bool, message: str) -> Kind:
    """Type, importance, scope and tags of a memory from its first-person source text."""
    low = lower(source)
    medical = any(rule.search(low) for rule in (MEDICAL, BODY_ISSUE, FOREIGN_CUES))
    memory_type = _memory_type(low, imperative=imperative, medical=medical)
    if memory_type == "context" and FOREIGN_LIMITS.search(low):
        memory_type = "constraint"  # "ich kann nur dienstags…", "nada de press militar"
    named = _NAMED_TYPE.search(lower(message))
    if named is not None and not medical:
        memory_type = _NAMED[named.group("type")]
    elif _LABELLED.search(lower(message)) and not medical:
        memory_type = "goal"
    told = lower(message)
    restricts = not medical and _RESTRICTION.search(low) is not None
    if restricts and any(rule.search(told) for rule in (MEDICAL, BODY_ISSUE, _BODY_REASON)):
        medical, memory_type = True, "constraint"  # "I have a peanut allergy. never suggest…"
    importance: Importance = "low"
    if medical or _IMPORTANT.search(lower(message)):
        importance = "high"
    elif memory_type in {"goal", "constraint", "instruction", "feedback"}:
        importance = "medium"
    elif _FOR_PLANNING.search(told):
        importance = "medium"
    coachy = (
        memory_type == "feedback"
        or _COMMUNICATION.search(low) is not None
        or _BY_YOU.search(low) is not None
        or _THIS_COACH.search(lower(message)) is not None
    )
    scope: Scope = "coach" if coachy and not medical and memory_type != "constraint" else "global"
    tags = tuple(tag for tag, rule in _TAG_RULES if rule.search(low))[:5]
    return Kind(memory_type, importance, scope, tags)
