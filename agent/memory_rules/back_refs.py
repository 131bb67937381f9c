"""Keeping requests that point back: "vegetarian. remember.", "…, put that in my goals".

The fact comes first and the request after it: a verb of keeping in imperative position
whose object is a pronoun or nothing ("save it", "pls remember", "keep in mind"), with
optional complements saying where or as what ("in my goals", "as my current max", "on
file", "down", "about me"), followed by nothing but a boundary, a qualifier ("…when you
plan") or thanks. Verbs that keep only with a place ("put", "log", "add", "take") need a
complement: "put that on Sunday" keeps nothing.

The fact is the text before the request: the same sentence's earlier words, or else the
nearest earlier sentences that state lasting facts (no question, no session log).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.memory_rules.labels import lasting, session_log
from agent.memory_rules.lead_in import drop_lead, lead_kind, strip_request
from agent.memory_rules.one_offs import about_this_session, said_to_a_group
from agent.memory_rules.requests import MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower, split_words
from agent.memory_rules.standing_requests import asks_always
from agent.memory_rules.word_lists import MEDICAL, VERB_HINTS

_PRONOUN = (
    r"(?:this|that|it|those|these|them|all (?:of )?(?:that|this)|the above"
    r"|the (?:schedule|days|times|dates|numbers|details|info)"
    r"|the [a-z\-]+ (?:thing|bit|part|stuff|news|situation))"
)
"""What points back: a pronoun, or a definite noun for what was just said ("the schedule")."""
_PLACE = (
    r"(?:memory|memories|notes?|profile|files?|records?|goals?|list|brain|head|system|log|books?"
    r"|mind|account|info|information|stuff|details|data)"
)
_COMPLEMENT = (
    r" (?:down|somewhere|about me|for me|for later|for (?:the )?future|for (?:next|later) time"
    r"|too|as well|on file|on record|in mind|into account|to memory|in|going forward|from now on"
    r"|away|permanently|for good|for keeps|always|forever"
    r"|into (?:(?:every|all|each|my|your|the|future) )?"
    r"(?:[a-z]+ ){0,2}(?:plans?|programs?|programmes?|programming|sessions|weeks|blocks"
    r"|load|volume|training|schedule|planning|mileage|recovery|nutrition|meals|diet)"
    r"|into (?:everything|anything)"
    r"|locked in|front and cent(?:er|re)|top of mind|on the books|on (?:the|your|my) radar"
    r"|(?:for the )?long[- ]term"
    r"|for (?:(?:future|later|next) )?(?:planning|plans|reference|sessions|programming|blocks)"
    r"|(?:to|in|into) what you know(?: about me)?"
    r"|(?:as|under) (?:my |a |an |the |one of my )?[a-z0-9\- ]{1,30}?"
    r"|(?:preference|goal|constraint|restriction|rule|fact|detail)s?"
    rf"|(?:to|in|into|on|onto|with) (?:my |your |the |our )?(?:[a-z\-]+ ){{0,2}}{_PLACE})"
)
_KEEPS_ALONE = (
    r"remember|memori[sz]e|save|store|note|retain|bookmark|pin"
    r"|(?:don't|do not|never) (?:let me |let us )?forget"
    r"|(?:keep|bear|bare|have) in mind|take into account"
    r"|(?:make|take|keep) (?:a )?(?:quick |mental )?(?:note|record)(?= of)|take note"
    r"|update (?:your |my |the )(?:notes|records?|profile|file|memory|memories)"
    r"|(?:hang|hold) on ?to|hold onto|keep hold of"
    r"|(?:consider|hold me to|plan around|work around|build around|program around"
    r"|respect|honou?r"
    r"|programme around)(?= " + _PRONOUN + r")"
    r"|(?:build|plan|program|programme|structure|shape|work|organi[sz]e) (?:the |my |your |this )?"
    r"(?:year|season|weeks?|training|plans?|programs?|programmes?|schedule|blocks?|months?)"
    r" around (?:that|this|it|them)"
    r"|(?:bias|tailor|shape|adjust|set up|plan|program|programme|build|write|structure|steer)"
    r"(?: (?:(?:my|the|your|all(?: my)?|future) )?(?:[a-z]+ )?(?:programming|plans?|training"
    r"|workouts?|sessions?|programs?|programmes?|weeks?|meals?|nutrition|diet|recovery)"
    r"| everything)?"
    r" (?:that way|accordingly|with (?:that|this) in mind)"
)
"""Verbs that keep on their own; "make a note" needs its "of it", "consider" an object;
shaping the plan by what was said keeps it ("bias my programming that way")."""
_KEEPS_WITH_PLACE = (
    r"keep|log|record|mark|put|add|take|write|jot|file|pin|stick|factor|commit|chuck|throw|pop"
    r"|bung|stash|lock|bear|bake|build|work|use|follow|apply|respect|go by|stick (?:to|with)"
)
"""Verbs that keep only with a place or a time ("use those going forward")."""
_VERBLESS = (
    r"for (?:your|my|the) (?:notes|records?|files?|memory|profile)|for future reference"
    r"|(?:(?:that's|that is|it's|this is|(?:that|this) one(?:'s| is)) )?"
    r"(?:good|important|useful|handy|worth)(?: for)?(?: you)?"
    r" (?:to know"
    r"|knowing|remembering|noting|keeping in mind|bearing in mind|saving|storing|keeping|filing"
    r"|logging|recording)"
    r"|(?:just )?so you know for (?:the )?(?:future|later|next time|planning|programming"
    r"|future (?:plans|planning|sessions|programming|reference))"
    r"|(?:i'm |i am )?(?:just )?(?:telling|letting) you(?: know)?(?: this| that)?"
    r" (?:so|because|in case|for when)\b.*"
    r"|(?:something|one thing|a thing|things|stuff) (?:to|worth|you should|you'll want to)"
    r" (?:keep in mind|bear in mind|remember|know|note|factor in|be aware of)"
    r"|^(?:(?:this is|that's|that is|it's) )?(?:long[- ]term|permanent|for good|ever|forever"
    r"|always|no exceptions)"
    r"(?:,? not (?:just )?(?:for )?(?:this|today|now|one)(?: [a-z]+)?)?(?=[\s.!]*$)"
)
"""Pointers with no verb of keeping: a purpose ("…. for your notes"), why it was told
("telling you so you don't program max sprints"), or how long it holds ("Long-term, not
just this week.")."""
_POINTING = re.compile(
    rf"\b(?:{_VERBLESS}|(?:{_KEEPS_ALONE})(?: of)?(?: {_PRONOUN})?"
    rf"|(?P<placed>{_KEEPS_WITH_PLACE}) {_PRONOUN}(?={_COMPLEMENT})"
    rf"|(?P<bare>keep|log|record) (?:it|that|this)(?=[\s.!]*$))"
    rf"(?P<complement>(?:{_COMPLEMENT})*)"
    r"(?=[\s,.;:!?)]*$|\s*[,;.!?)]|\s-\s|\s+(?:and|so|when|whenever|while|if|for|because|since|as"
    r"|please|thanks|thank|ok|okay|k|coach|too|always|though|or whatever|ah|lah|aye|eh|yeah|lol"
    r"|i guess|i suppose|i think|in (?:my|your|the|all|future|all my) (?:future )?(?:plans?"
    r"|programs?|programming|training|sessions)"
    r"|haha)\b)"
)
_DISCOURSE = re.compile(
    r".*\b(?:anyway|anyways|btw|by the way|oh and|(?:what|the thing|all) (?:that )?i (?:actually "
    r"|really |just )?(?:wanted|want|meant|need|needed|wanna) to (?:say|tell you|mention)"
    r" (?:is|was)|(?:but |and |so )?i (?:just )?(?:wanted|meant|needed) to (?:say|tell you|mention"
    r"|let you know)(?: that)?|before i forget|i (?:nearly|almost) forgot|oh wait)\b[\s,\-]*"
)
"""Everything up to a turn in the talk: what follows "anyway," or "what I wanted to say is"."""
_DASHED = re.compile(r"[^-:]*?(?:\s-\s|:\s)\s*(\S.*)$")
"""What a dash or colon after the request adds: a note on the fact, or the fact itself."""
_ROLE = re.compile(r" (?:as|under) (?:(?P<my>my) |a |an |the |one of my )?(?P<role>[a-z0-9\- ]+)")
"""What a complement keeps the fact as: "save that as my current max" → "my current max"."""
_MAX_SENTENCES = 3
_QUALIFYING = re.compile(r"(?:when|whenever|while|if|as|for|during)\b")
"""A clause that qualifies the request rather than stating a fact."""
_LEANS_BACK = re.compile(r"(?:this|that|it)(?:'s| is| was)\b")
"""A fact whose subject points back ("that's the goal"): it completes the one before."""
_ASIDE = re.compile(
    r",\s*(?:which (?:i guess|i think|probably|kinda|sort of)|i guess|does that count|is that"
    r" (?:ok|okay|normal|bad|weird))[^,?]*\?+\s*$",
    re.IGNORECASE,
)
"""A question asked aside after a statement: the statement before it is still told."""
_THIS_WEEK = re.compile(r"^[^.!?]{0,20}\b(?:this|next) (?:week|weekend|block)\b")
"""A request for this week's plan ("plan accordingly for this week"): no lasting fact."""
_SMALL_TALK = re.compile(
    r"(?:(?:hey|hi|hello|morning|yo|coach)[\s,!]*)*(?:(?:i )?hope (?:you're|you are|you|all|your)"
    r"|how(?:'s| are| is) (?:you|it|things|your)|thanks|thank you|happy (?:new year|monday|friday"
    r"|weekend|holidays))\b"
)
"""Small talk before a fact ("Hey, hope you're well!"): no part of what is kept."""
_POLITE_ASK = re.compile(r"\b(?:can|could|would|will) you(?: please| kindly| just)* (?=\w+ )")
"""A polite request before "keep that": the request itself is what to keep."""


def _fact_before(sentence: str, start: int, earlier: Sequence[str], *, medical: bool = True) -> str:
    """The fact a pointing-back request keeps: the words before it, or earlier sentences.

    Words before it that point back themselves ("this is my biggest goal", "that's the
    number") lean on the sentence before, which is kept with them. With `medical`, an
    injury told as news ("went down hard last week, doc says MCL sprain") is a fact too.
    """
    same = sentence[:start]
    turn = _DISCOURSE.match(lower(same))
    same = strip_request(same[turn.end() if turn else 0 :]).strip(" ,;:-(")
    leaning = _LEANS_BACK.match(lower(same)) is not None
    same = same if leaning else drop_lead(same)
    if _QUALIFYING.match(lower(same)):
        same = ""  # "When you are planning for me please consider it": the fact came before
    if same.strip(" .!?,"):
        if leaning and earlier and lasting(earlier[-1]) and not is_question(earlier[-1]):
            same = f"{drop_lead(earlier[-1]).rstrip(' .')}. {same}"
        return same if lasting(same) else ""
    facts: list[str] = []
    for previous in reversed(earlier):
        asked = _POLITE_ASK.search(lower(previous))
        habit = asks_always(previous)  # "can you never mention X? I'll track it. remember that"
        if asked and (not facts or habit) and lead_kind(previous[: asked.start()]) is not None:
            return "to " + previous[asked.end() :].rstrip(" ?")  # "can you stop X? keep that"
        aside = _ASIDE.search(previous)  # "…each way, which I guess counts as training??"
        previous = previous[: aside.start()] if aside else previous
        told = lasting(previous) or (medical and MEDICAL.search(lower(previous)) is not None)
        if is_question(previous) or not told or len(facts) == _MAX_SENTENCES:
            break
        if _SMALL_TALK.match(lower(previous)):  # "Hey, hope you're well! <fact>. keep it"
            break
        turn = _DISCOURSE.match(lower(previous))  # "…lol. oh wait before I forget - I have X"
        facts.insert(0, previous[turn.end() :] if turn else previous)
        if turn:
            break
    return drop_lead(" ".join(facts)).strip()


_NOT_A_CLAUSE_END = frozenset(
    "i you we they he she it to will would can could should must do does did don't didn't"
    " always never also just really not i'll i'd you'll we'll and or the a my your".split()
)
"""Words after which a verb still belongs to the clause ("I'll keep that", "to note it")."""


def _run_on(before: str) -> bool:
    """Whether a request follows a whole statement without punctuation (dictated talk).

    "…so that's my number one priority keep that front and center": the words before
    state a lasting fact with a verb of their own, and do not end in a subject or modal.
    """
    words = split_words(before)
    return (
        len(words) >= 4
        and words[-1] not in _NOT_A_CLAUSE_END
        and VERB_HINTS.search(" ".join(words)) is not None
        and lasting(before)
    )


def save_pointing_back(sentence: str, earlier: Sequence[str], message: str) -> MemoryRequest | None:
    """A request to keep what was just said ("no running. bad knees. pls remember")."""
    low = lower(sentence)
    for match in _POINTING.finditer(low):
        if match.group("placed") and not match.group("complement"):
            continue
        lead = lead_kind(sentence[: match.start()])
        if lead is None and _run_on(sentence[: match.start()]):
            lead = "plain"
        if lead is None or (is_question(sentence) and lead != "polite"):
            continue
        if (
            about_this_session(low[match.start() :])
            or said_to_a_group(low[match.end() :])
            or _THIS_WEEK.search(low[match.end() :])
        ):
            continue  # "keep in mind for today's session - 30 min max", "take note, folks"
        bare = match.group("bare") is not None  # "log it" also logs sessions: not medical news
        fact = _fact_before(sentence, match.start(), earlier, medical=not bare)
        noted = _DASHED.match(sentence[match.end() :])  # "keep that on file - X": X goes with it
        if noted is not None and session_log(noted.group(1)):
            continue  # "save this for later: 3x10 squats at 80" is a log
        if noted is not None:
            fact = f"{fact} - {noted.group(1)}" if fact else noted.group(1)
        if not fact:
            continue
        complement = match.group("complement")
        role = _ROLE.search(complement)
        if role is not None and role.group("role") != "well":
            fact = f"{role.group('my') or ''} {role.group('role')}: {fact}".strip()
        elif re.search(r"\bgoals?\b", complement):
            fact = f"goal: {fact}"
        request = build_save(fact, explicit=True, message=message, min_words=1)
        if bare and request is not None and request.memory_type == "context":
            continue  # "the plan looks good. keep it": a bare "keep it" keeps a kind only
        if request is not None:
            return request
    return None
