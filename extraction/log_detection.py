"""Is this a finished-workout log?

Questions, plans, goals, memories and other people's workouts are not; a sentence can hold a
log and a question ("Hit 225x5, is that good?").
"""

from __future__ import annotations

import re

from .literal_gate import compile_gated

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"

_EVERY = (
    r"every (?:day|week|weekday|weeknight|morning|evening|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|on weekdays"
)
"""A habit's frequency: "every weekday I walk to the office"."""

# Whole sentences that never log a workout.
_QUESTION_START = compile_gated(
    r"^(?:so |ok |okay |hey |coach |and |but )*(?:what(?! an? )|what's|whats|how(?! about that)|"
    r"why|where|which|who|"
    r"should|shall|could|would|can(?!'?t\b)(?! you (?:please )?(?:log|add|record|save|track))|"
    r"is|are|"
    r"am i|do|does|will|any|anyone|isn't|did (?:i|you|we)|"
    r"have you|has)\b"
)
# Where the question starts in "…, is that good?"; the part before may be a log.
_QUESTION_TAIL = compile_gated(
    r"(?:,|\s-|\n)\s*(?:is|was|does|did|do|can|could|should|would|what|how|any|thoughts|right|"
    r"ok|okay|good|too|not bad)\b[^,]*$"
    # the coach's view asked for, however it is joined on ("… 3x10 @ 50 Thoughts?")
    r"|\s(?:thoughts|feedback|opinions?)\s*$"
)
_REQUEST = compile_gated(
    r"\b(?:can|could|would|will) (?:you|we)\b"
    r"(?! (?:please )?(?:log|add|record|save|track))|"
    r"\bwrite me\b|\bgive me\b|"
    r"\b(?:pode|podes|poderia|puedes|podrias|peux-tu|pourrais-tu|kannst du|konntest du)\b|"
    r"^(?:please )?(?:write|give|make|create|build|design|program|suggest|recommend)\b"
)
_SENTENCE_VETOES = compile_gated(
    "|".join(
        (
            # a memory or reminder for the coach
            r"^(?:please |pls |hey coach,? |coach,? )?(?:remember|don'?t forget|do not forget|"
            r"note that|fyi|keep in mind|remind me|for future reference|just so you know)",
            _REQUEST.pattern,
            # someone else's workout
            r"^(?:so |and |lol |omg )*(?:my|our) (?:(?:little|big|baby|older|younger|best|"
            r"old|new|eldest|youngest) )?(?:wife|husband|partner|buddy|friend|bf|gf|"
            r"boyfriend|girlfriend|son|daughter|kids?|brother|sister|dad|mom|mum|mother|father|"
            r"coach|client|training partner|mate|roommate|teammate|colleague|coworker|"
            r"neighbou?r|cousin|captain|boss|trainer|instructor|sergeant|lieutenant|chief)s?\b"
            r"(?! (?:talked|dragged|got|convinced|made|took|brought|roped|invited|signed) "
            r"(?:me|us)\b)"
            r"|^(?:he|she|they)\b|"
            # ... in other languages: "mi esposa corrio", "ma femme a couru", "meine Frau lief"
            r"^(?:mi|mis|minha|meu|ma|mon|mes|mein|meine|min|mijn) (?:esposa|esposo|marido|"
            r"mujer|hij[oa]s?|herman[oa]s?|novi[oa]|amig[oa]s?|padre|madre|papa|mama|femme|"
            r"mari|fils|fille|frere|soeur|copain|copine|frau|mann|sohn|tochter|bruder|"
            r"schwester|freund|freundin|mulher|filh[oa]|irmao|irma|namorad[oa]|fru|man|"
            r"vrouw|zoon|dochter)\b|"
            r"\bmy (?:\d{1,2} ?(?:yo|y/o|year old)|little one|toddler|kiddo)\b|"
            r"^(?:\w+ )?(?:saw|watched|seen) (?:a|an|this|some|the|that) (?:\w+ )?(?:guy|girl|"
            r"dude|man|woman|lady|kid|person|athlete|lifter|runner)\b",
            # a race or a route described, not run: "It is 57 km with 4800 m of ascent."
            r"^(?:it|the (?:race|course|route|event|loop))(?: is|'s) (?:about |around |~)?\d",
            # a correction of something logged before
            r"^(?:sorry,? |oops,? |wait,? )?(?:i meant|correction|typo|that should (?:be|say))\b",
            # a hypothetical, or an event ahead
            r"\bif (?:i|my|we|you)\b|\bwhat if\b|\bin \d+ (?:days|weeks|months)\b",
            # an event one has ("I have a half marathon on April 12"): done is "had" or "ran"
            r"^(?:so |and |also,? |btw,? )?i(?:'?ve got| have got| have) (?:a|an|my|the|another)"
            r" (?:\w+ ){0,2}(?:race|marathon|half|ultra|10k|5k|triathlon|ironman|meet"
            r"|competition|comp|event|tournament|fight|match|game)\b"
            r"(?! (?:pr|pb|time|result|medal|finish|split)s?\b)",
            # a best or a longest ever, not a session ("best 5k time is 21:30")
            r"^(?!.*\b(?:today|yesterday|this morning|last night|tonight)\b)"
            r"(?:my )?(?:all[- ]time )?(?:best|fastest|longest|quickest|furthest|farthest)\b"
            r"[^,]{0,30}\b(?:is|was|=)\s",
            # a statement of records or numbers rather than a session
            r"\bmy (?:prs?|pbs?|1rms?|maxes|bests|records|numbers|stats)"
            r"(?: now| currently| right now| at the moment| atm)?\s*(?::|are\b|is\b|=)",
            r"\bmy (?:\w+ )?(?:1rm|pr|pb|max|training max|ftp|resting hr|resting heart rate|hrv|"
            r"weight|bodyweight) (?:is|are)\b",
        )
    )
)
_PROFILE = re.compile(
    r"(?:i'm |im |i am )\d{1,3}(?:\.\d)?\s?(?:'|ft\b|foot\b|feet\b|years?\b|yo\b|y/o|yrs?\b|"
    r"kgs?\b|lbs?\b|pounds\b|cm\b|,)"
)
"""A profile ("I'm 6'1 200lbs, bench 245, squat 315"), not a session."""
# Plans, goals, intentions and sessions ahead: such a clause and the clauses after it in its
# sentence ("tomorrow I'll do legs: squat 5x5, then RDLs") log nothing until one says done.
_PLANS = compile_gated(
    r"\b(?:tomorrow|tmrw|later today|later this|next (?:week|time|month|year|session|"
    r"weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|race|event|marathon|"
    r"half|ultra|triathlon|competition|meet|goal race|a race|big race)|gonna|going to|"
    r"plan(?:ning)? to|planning|about to|i'?ll|i will|we'?ll|want to|wanna|would like|"
    r"will (?:be|do|run|ride|swim|row|include|have)|"
    r"i'?d (?:like|love)|i would love|hoping to|hope to|aim(?:ing)? to|trying to|"
    r"on (?:the|my) plan|can start|cleared to|allowed to|meant to|"
    r"(?<!scored a )(?<!scored the )(?<!own )goal(?! pace)|"
    r"thinking about|"
    r"(?:session|workout|run|long run|plan) for (?:\w+day|tomorrow|tmrw|next \w+|the weekend)|"
    # the future in other languages: "vou correr", "voy a hacer", "je vais", "ich werde"
    r"vou|voy a|vamos a|je vais|on va|ich werde|wir werden|quiero|quero|je veux|"
    r"thinking of|i'?m thinking|i was thinking|(?<!was the )(?<!was my )(?:plan|next)(?=\s?:)|"
    r"^(?:racing|competing)(?=.{0,40}\b(?:on \w+day|this weekend|tomorrow|tmrw)\b)|"
    r"sign(?:ing)? up|should|supposed to|need to|have to|gotta|let'?s|"
    r"hopefully|ready for|looking forward|can'?t wait|heading to|on my way|now to|planned|"
    r"scheduled|on the schedule|on deck|up next|the plan is|plan is to|i might|might do|"
    r"this coming|next up|"
    r"(?:will|is going to|gonna) be (?=\w+ \d)|for (?:this |next )?(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day (?:i (?:have|got)|i'?ve got|it'?s)|"
    r"(?:for|on|this) (?:saturday|sunday|the weekend)(?:'s)? (?:plan|session|"
    r"workout|run|ride)|(?:saturday|sunday|weekend)(?:'s)? plan|wants? me to|told me to|"
    r"prescribed|assigned|back at it|here i come|signed up|registered|"
    r"i can (?:only )?(?:ride|run|swim|row|lift|train|hike|do|go|get|fit|make it)|"
    r"i'?m (?:free|available)|"
    r"might (?:just )?\w+|^(?!.*\b(?:did|went|ran|jogged|rode|swam|walked|hiked)\b).*\w+ later$|"
    r"(?:starts?|starting|begins?|beginning|kicks? off) (?:[\w/-]+ ){0,3}?(?:on |this |next )?"
    r"(?:(?!today|yesterday)\w+day|tomorrow|tmrw|next)|"
    r"(?:i'?m|im|i am|we'?re) (?:running|riding|racing|doing|hiking|swimming|rowing|"
    r"lifting|training|heading|hitting|playing|walking|biking|competing|starting|taking))\b"
    r"(?! (?:log|record|share|post|report)\b)"
)
"""Plans and intentions; a plan to log ("I want to log yesterday: …") is the log."""
# Clauses that do not log a workout, though the sentence around them may.
_ERA = (
    r"last year|last month|years? ago|months? ago|in (?:19|20)\d\d|"
    r"back in (?:(?:19|20)\d\d|'\d\d|college|high school|school|uni|university|the day|my|"
    rf"{_MONTHS})|back when|used to|when i was"
)
"""A time long past: what a sentence tells of it is no log."""
_TALLY = (
    r"(?<!did )(?<!had )(?<!coached )(?<!taught )(?<!led )(?<!teach )(?<!coach )(?<![\d.])"
    r"[2-9]x? (?:\w+ )?(?:classes|sessions|runs|rides|swims|"
    r"hikes|workouts|wods)\b(?!\s?(?::|of\b|on\b|today\b|yesterday\b|this\b))|"
    r"\b[1-9]x (?:crossfit|runs?|yoga|hiit|lifting|lifts?|spin|swims?|rides?|hyrox|f45|"
    r"bootcamp|climbing|bjj|pilates|strength)\b"
)
"""Sessions counted, not told: "3 crossfit classes, 2 runs", "2x yoga"."""
_OUTSIDE_A_LOG = compile_gated(rf"\b(?:{_ERA})\b|{_TALLY}")
_CLAUSE_VETOES = compile_gated(
    "|".join(
        (
            _PLANS.pattern,
            # habits, not a session
            r"\dx a week\b|"
            r"\b(?:usually|normally|typically|generally|always|often|currently|times a week|"
            r"x a week|"
            r"per week|" + _EVERY + "|"
            r"(?:i'?ve|i have) been (?:doing|running|swimming|riding|rowing|lifting|training|"
            r"averaging|hitting|getting))\b|"
            r"(?:\d|\b(?:yds|yards|miles|km|hours|hrs|sessions|runs|rides|swims))\s(?:a|per|each)"
            r" week\b(?! ago)",
            # something not done
            r"\b(?:skipped|skip|missed|bailed|didn'?t|did not|couldn'?t|could not|haven'?t|"
            r"have not|hasn'?t|no workout|"
            r"no training|rest day|day off|off day|took (?:the|a) day off|cancel+ed|"
            r"never made it|never (?:done|tried|been)|not today)\b",
            # a day with nothing in it: "Sunday nothing", "Fri - off", "rained so nothing"
            r"^(?:\w+day|weekend|mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b[\s:-]+"
            r"(?:off|nothing|none|zero|rest(?:ed)?)\b|\b(?:did|doing|so) nothing\b|^nothing\b",
            r"^(?:\w+day:? )?(?:full |active )?rest\b(?! \d|-?\s?pause)",  # "rest-pause" is a set
            # the past beyond a log: old results and abilities
            rf"\b(?:{_ERA}|those were the days|"
            rf"since (?:{_MONTHS}|(?:19|20)\d\d)|was stuck at|last one was|last time was|"
            r"previous (?:best|pr|pb)|old (?:pr|pb)|i could|could (?:run|lift|do|squat|bench|"
            r"deadlift|clean|snatch|press)|since i (?:started|began|took up|got back)|"
            r"started \w+ing again)\b",
            # a week's or a month's sum, not a session: "3 crossfit classes, 2 runs", "2x yoga"
            _TALLY + "|"
            r"\b(?:weekly|week'?s|week|monthly|month'?s|month|year'?s|ytd) (?:total|mileage|"
            r"volume|distance|km|miles)\b|"
            r"\b(?:total|mileage|volume|distance) (?:for|this|of) (?:the )?(?:week|month|year)\b|"
            r"\d\s?(?:miles|mi|km|kilometers|kilometres|k|hours|hrs)\s(?:this|last|in the|for the) "
            r"(?:week|month|year)\b",
            # a state, not a session
            r"^my [a-z0-9' ]{1,30}? (?:is|are)\b",
            # paces and zones, not a session ("My easy pace: 5:45-6:00/km", "Zones: Z2 ...")
            r"^(?:my |current |new )?(?:(?:easy|tempo|threshold|marathon|race|interval|training|"
            r"goal|target|long run|recovery) )?(?:paces?|zones?|hr zones?|heart rate zones?)"
            r"\s?(?::|=|are\b|is\b)",
            # soreness after a session named but not logged ("legs sore after yesterday's long
            # run"): the session is a reference, unless its numbers are said
            r"^(?!.*\d)(?:my |so |still )*(?:legs?|calves|quads|hammies|hamstrings|body|knees?|"
            r"feet|hips?|back|glutes|shins?|achilles|everything)\s(?:are |is |feel |felt )?"
            r"(?:so |really |super |still |pretty |a bit |very )*(?:sore|tired|dead|toast|heavy|"
            r"tight|wrecked|fried|trashed|stiff|achy|aching|cooked|smashed|shot)\s"
            r"(?:after|from|since)\b",
            # someone else's session the athlete coached, refereed or watched, or told of
            r"\b(?:coached|coaching|reffed|refereed|refereeing|watched|watching|watch|cheered)\s"
            r"(?:my |our |the |a |his |her |their )?(?:\w+'?s? ){0,2}"
            r"(?:game|match|practice|training|race|meet|tournament|class)\b|"
            r"^(?:my |the |our )?(?:kids?|son|daughter|wife|husband|partner|friends?|buddy|team)"
            r"(?:'s)? (?:had|has)\b",
            # a session someone set, not one done: "coach said to do", "the box posted"
            r"\b(?:said|told me|wants me|asked me) to (?:do|run|try|hit|add)\b|"
            r"\b(?:box|gym|coach|they|gym's) (?:posted|put up|programmed|released)\b",
            # how far a place is, not a session: "the track's a 20 min drive"
            r"\b\d+ ?(?:min|mins|minutes?|hrs?|hours?) (?:drive|commute|flight|train ride|"
            r"bus ride|away)\b|\b(?:drive|commute|flight) (?:of|is|was) \d",
        )
    )
)
_PAST_AND_HABIT = compile_gated(
    # an ability in the past ("I was benching 225 for 5")
    r"\b(?:i|we) (?:was|were) (?:benching|squatting|deadlifting|pressing|pulling|repping|"
    r"lifting|hitting|using|moving)\b(?![^.;!?]*\b(?:today|tonight|this morning|earlier)\b)|"
    # progress over weeks, not a session ("squat went from 80 to 120")
    r"\b(?:went|gone|moved|increased|jumped|progressed|climbed) (?:up )?from \d[\d.]* ?"
    r"(?:kgs?|lbs?|kilos|pounds)? to \d|"
    # a habit told as a condition ("when I squat my back rounds") or as "for now"
    r"\bwhen(?:ever)? i (?:squat|bench|deadlift|press|lift|curl|row|run|ride|swim|train|do|go|"
    r"try)\b|\b(?:atm|at the moment|these days|nowadays)\b"
    r"(?![^.;!?]*\b(?:just|finished|did|done|today)\b)"
)
"""Clauses vetoed like the ones above, kept apart so their words gate them cheaply."""
_LOG_REQUEST = compile_gated(
    r"\b(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:log|add|record|save|track)\b"
)
_HABITS = compile_gated(
    rf"\b(?:currently|usually|normally|typically|generally|{_EVERY})\b"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*/(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*/"
)
"""Habits and schedules ("currently benching 3x8", "Mon/Wed/Fri 6-7:30am"): they cover the
clauses after them in their sentence."""
_EVENT_AHEAD = compile_gated(
    r"\b(?:before|ahead of|for) (?:the|my|our|a|sunday's|saturday's) [a-z0-9' ]{0,20}?"
    r"(?:tmrw|tomorrow|tonight|later|next \w+|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
"""An event ahead named by a session done for it ("shakeout 3k before the race tmrw")."""
_BARE_QUESTION_TAIL = re.compile(
    r"\s(?:what|how|why|should|any|is|are|does|do|can|could|would|will)\b[^,]*$"
)
"""A question run on after a log with no comma ("tempo 8k done 🔥 what pace should…"): the
log stands when it says it was done."""
_TARGET = compile_gated(
    r"\b(?:hoping for|aiming for|going for|shooting for|targeting|target(?: time)? (?:is|of)|"
    r"goal(?: time)?(?: is| of|:)?)\s(?:a\s)?(?:sub[- ]?)?\d"
)
_UNMARKED_QUESTION = compile_gated(
    r",\s*(?:should|do|can|could|would|will) i\b[^,]*$|,\s*(?:is|was) (?:that|it|this) "
    r"(?:ok|okay|normal|bad|good|too)\b[^,]*$"
)
"""A question asked without its question mark: "knee hurts after long runs, should I ice it"."""
_DONE = compile_gated(
    r"\b(?:did|done|finished|completed|ran|jogged|sprinted|rode|biked|cycled|swam|rowed|rucked|"
    r"hiked|walked|played|lifted|trained|squatted|benched|deadlifted|pulled|pressed|went|"
    r"managed|crushed|smashed|survived|logged|tested|hit|got in|called it|stopped at|yesterday|"
    r"last night|this morning|earlier today|today|ago|ended up|wound up)\b"
)
_PARENTHETICAL = compile_gated(r"\([^()]{0,200}\)")
_SUBORDINATE = compile_gated(r"\s(?:which|because|cuz|coz|cos|since|lol|haha)\s")
"""Where a comment on a session starts in a run-on line ("5K in 27:52 which I will never live
down")."""


def statement_part(sentence: str, question: bool) -> str | None:
    """The part of a sentence that may log a workout, or None when it cannot.

    Args:
        sentence: one lower-case sentence without its end punctuation.
        question: whether the sentence ended with a question mark.
    """
    if _QUESTION_START.search(sentence):
        return None
    if question:
        tail = _QUESTION_TAIL.search(sentence) or _BARE_QUESTION_TAIL.search(sentence)
        if tail is None or (
            tail.re is _BARE_QUESTION_TAIL and not says_done(sentence[: tail.start()])
        ):
            return None
        sentence = sentence[: tail.start()]
    elif unmarked := _UNMARKED_QUESTION.search(sentence):
        # what comes before an unmarked question is its context unless said done
        sentence = sentence[: unmarked.start()]
        if not says_done(sentence):
            return None
    if _SENTENCE_VETOES.search(sentence):
        return None
    if (
        sentence.startswith(("i'm ", "im ", "i am "))
        and _PROFILE.match(sentence)
        and not (says_done(sentence))
    ):
        return None
    return sentence


_VIEW_ASKED = compile_gated(
    r"(?:^|[\s,.-])(?:thoughts|feedback|opinions?|how did i do|how'?d i do|rate (?:it|this))\s*$"
)


def asks_view(sentence: str) -> bool:
    """Whether a sentence ends by asking the coach's view of what it says ("… Thoughts?")."""
    return _VIEW_ASKED.search(sentence) is not None


def opens_request(sentence: str, question: bool) -> bool:
    """Whether a sentence asks something: the sentences after it elaborate on the ask.

    "can you give me an EMOM for tomorrow? 20 min, I have a 53 lb KB": the second sentence is
    the request's detail, logged only if it says it was done.
    """
    if _LOG_REQUEST.search(sentence):
        return False  # "Can you log this? bench 5x5 @ 90": what follows is the log
    return question or bool(_QUESTION_START.search(sentence) or _REQUEST.search(sentence))


def clause_is_plan(clause: str) -> bool:
    """Whether a clause is a plan, goal or intention (it covers what follows it)."""
    return _PLANS.search(clause) is not None


def says_done(clause: str) -> bool:
    """Whether a clause says, by a past verb or a past day, that its session happened."""
    return _DONE.search(clause) is not None


def frames_its_sentence(clause: str) -> bool:
    """Whether a clause sets its sentence in a time long past or makes it a tally.

    "last year I did 3 races, best was 1:19" and "this week: 3 crossfit classes, 2 runs, 1
    hike": the clauses after it are that time's or that count's too.
    """
    return _OUTSIDE_A_LOG.search(clause) is not None


def clause_is_vetoed(clause: str) -> bool:
    """Whether a clause is a plan, goal, something skipped, an old result or a state."""
    return _CLAUSE_VETOES.search(clause) is not None or _PAST_AND_HABIT.search(clause) is not None


def only_a_target(sentence: str) -> bool:
    """Whether a sentence names a target time and says nothing done.

    "Half marathon, hoping for 1:45" is a race ahead; "ran 10k, aiming for sub 50 next time"
    logs the 10k.
    """
    return _TARGET.search(sentence) is not None and not says_done(sentence)


def covers_what_follows(clause: str) -> bool:
    """Whether a clause is a plan or a habit: the clauses after it log only if said done."""
    return _PLANS.search(clause) is not None or _HABITS.search(clause) is not None


def strip_vetoed_asides(clause: str) -> str:
    """Blank out asides that are vetoed themselves ("(was stuck at 495)").

    An event ahead that a session was for ("before the race tmrw") is blanked too: the
    session is done, the race is not.
    """
    clause = _EVENT_AHEAD.sub(lambda m: " " * len(m[0]), clause)
    return _PARENTHETICAL.sub(
        lambda m: " " * len(m[0]) if clause_is_vetoed(m[0][1:-1]) else m[0], clause
    )


def keep_unvetoed_head(clause: str) -> str:
    """Blank a vetoed comment run on after a session said without a comma.

    "5K in 27:52 my daughter beat me which I will never live down": the plan-like "I will"
    is the comment's; the head logs. A vetoed head ("skipped legs because …") stays as it is.
    """
    cut = _SUBORDINATE.search(clause)
    if cut is None or not clause_is_vetoed(clause) or clause_is_vetoed(clause[: cut.start()]):
        return clause
    return clause[: cut.start()] + " " * (len(clause) - cut.start())
