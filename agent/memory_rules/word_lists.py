"""Word lists and patterns used by more than one rule module.

One definition each, so that detection, rewriting and classification agree on what counts
as a body part, a medical condition or a one-off.
"""

from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.:]\d+)?")
"""A number as said in a fact: "130", "2.5", "6:30"."""
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = tuple(
    "january february march april may june july august september october november december".split()
)
WEEKLY = (
    r"\b(?:(?:\d+|one|two|three|four|five|six|seven)x? (?:days?|times|sessions|workouts)|once|twice"
    r"|thrice) (?:a|per|each|every) week\b"
)
"""A training frequency ("3 days a week"): a scheduling constraint, and one per athlete."""
UNITS = r"kg|kgs|kilos?|kilograms|lbs?|pounds"
"""Weight units, as a regex alternation to embed in larger patterns."""
BODY = (
    r"(?:shoulders?|knees?|back|lower back|hips?|ankles?|wrists?|elbows?|neck|hamstrings?|calf"
    r"|calves|quads?|groin|achilles|feet|foot|toes?|spine|ribs?|pecs?|chest|glutes?|it band|traps?"
    r"|biceps?|triceps?|forearms?|fingers?|thumbs?|shins?|heels?|acl|mcl|meniscus|rotator cuff"
    r"|discs?)"
)
"""Body parts, as a regex group: "my bad knee" is a condition, "my bench" is not."""
MEDICAL = re.compile(
    r"\b(?:injur(?:y|ies|ed)|pain(?:ful)?|(?<!day )surger(?:y|ies)|operation|rehab|physio\w*"
    r"|sprain\w*"
    r"|strain(?:ed)?|tendin\w*|tendon\w*|arthritis|asthma\w*|diabet\w*|heart (?:condition|problem"
    r"|issue|murmur)s?|blood pressure|hypertension|epilep\w*|seizures?|pregnan\w*|postpartum"
    r"|allerg\w*"
    r"|medications?|meds|medicine|medical(?! calls?\b)|herniat\w*|concussion\w*|acl|mcl|pcl"
    r"|meniscus|rotator"
    r" cuff|labrum|plantar fasciitis|sciatica|scoliosis|hernia|migraines?|torn|tore|fractur\w*"
    r"|broken|dislocat\w*|osteo\w*|chronic|cardiac|celiac|coeliac|insulin|inhaler|chemo|cancer"
    r"|anemi\w*|anaemi\w*|beta[- ]blockers?|statins?|ssris?|antidepressants?|thyroid|vertigo"
    r"|faint\w*|dizz\w*|epipen|high risk|low iron|iron deficien\w*|ferritin|sober|sobriety"
    r"|addiction|alcoholi\w*|(?:sleep )?apno?ea"
    r"|insomnia|bursitis|impingement"
    r"|shin splints|tennis elbow|golfer'?s elbow|runner'?s knee|jumper'?s knee|frozen shoulder"
    r"|pinched nerve|whiplash|gout|hypermobil\w*|crohn'?s|colitis|endometriosis|pcos|pacemaker"
    r"|stents?|blood thinners?|cholesterol|lupus|fibromyalgia|post-?op|c-section|covid"
    r"|ruptur\w*|fusion|fused|spinal|diagnos\w*|syndrome|disease|disorders?|anorexi\w*|bulimi\w*"
    r"|hashimoto'?s?|levothyroxine|hypermobil\w*|ehlers|reconstruction|arthroscop\w*|knee scope"
    r"|replacement surgery|(?:hip|knee|shoulder) replacement|cgm|type [12] diabet\w*"
    r"|heart attack|stroke|glucose|blood sugar|hypos?|hypoglyc\w*|arrhythm\w*|afib|a-fib"
    r"|cardiolog\w*|osgood|schlatter|midwife|ob-?gyn|warfarin|anticoagula\w*|metformin|wheelchair"
    r"|amput\w*|prosthe\w*|paraplegi\w*"
    r"|raynaud'?s|intoleran\w*|diastasis|pelvic floor|prolapse|anaphyla\w*|gout|hypothyroid\w*"
    r"|(?:doctor|doc|dr|gp|physician|physio|pt|physical therapist|surgeon|specialist)(?:'s)?"
    r" (?:said|says|told|orders|advised|cleared|recommends|wants))\b"
)
"""Medical words: a memory naming one is a high-importance constraint the coach must not miss."""
BODY_ISSUE = re.compile(
    rf"\b(?:because of|due to|bad|weak|dodgy|cranky|bum|busted|messed up|tweaked|sore|stiff"
    rf"|broke|snapped|blew out|popped|cracked|fractured|dislocated|separated"
    rf"|injured|hurt|hurting"
    rf"|aching|achy|gimpy|wonky|dicky|trick|torn|broken|rolled|sprained|twisted|pulled|healing"
    rf"|recovering|problem|arthritic|tight|tender|twinge\w*|grumpy|niggl\w*|irritated|sensitive"
    rf"|fragile|iffy|careful with|easy on|go easy on|watch(?:ing)? (?:my|the)|protect\w*"
    rf"|can't \w+|cannot \w+)\b"
    rf".{{0,25}}\b{BODY}\b"
    rf"|\b{BODY}\b.{{0,25}}\b(?:hurts?|hurting|aches?|aching|pain|injury|issues?|problems?"
    rf"|thing|niggle|niggly|cranky|tight|tweaked|stiff|tender|grumpy|flares?|flaring|acts? up"
    rf"|acting up|gives? out|clicks?|pops?|surgery|replaced|bulg\w*"
    rf"|caves? in|buckles?|(?:is|are) (?:still |really |a bit |kinda |pretty |super |always )?"
    rf"(?:bad|weak|sore|shot|busted|messed up|wrecked|trashed"
    rf"|dodgy|cranky|tight|tender|niggly|iffy|grumpy|not (?:100|great|right))|replacement|sore"
    rf"|numb|tingl\w*|swell\w*|swollen|inflamed|locks? up|feels? (?:off|funny|weird|tight"
    rf"|tender)|gets? (?:tight|sore|angry)|twinges?|(?:has|have) been (?:bugging|bothering)"
    rf"|bugs? me|bothers? me|hates? (?:it|them|that|those|these|\w+s)|can't (?:take|handle) \w+"
    rf"|(?:is|are|gets?) (?:(?:a bit|kinda|quite|really|very|super) )?"
    rf"(?:sensitive|fragile|delicate|temperamental|unhappy) to)\b"
)
"""A body part with a problem word on either side ("cranky knee", "shoulder acts up")."""
ADVERBS = frozenset(
    "only also just really always never still usually often sometimes rarely generally typically"
    " normally mostly actually currently now already definitely absolutely totally seriously"
    " honestly literally kinda sorta even barely hardly mainly basically personally truly"
    " probably recently finally officially legit def".split()
)
"""Words skipped between a subject and its verb ("I really hate…"), so the verb still agrees."""
VERB_HINTS = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|hurts?|gets?|can|can't|cannot|will|won't|does|doesn't"
    r"|do|don't|needs?|feels?|makes?|goes|went|likes?|loves?|hates?|wants?)\b"
)
"""Common verbs: their presence makes words a statement rather than a bare noun phrase."""
PRONOUN_ONLY = frozenset({"", "that", "this", "it", "them", "those", "these", "everything", "all"})
"""Targets that say nothing by themselves ("remember that", "forget it")."""
ONE_OFF = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|session)"
    r"|right now|for now|for this week|(?:just )?this once|(?:just )?this (?:one )?time(?! of\b)"
    r"|(?:in|for) this (?:message|msg|reply|answer|response)"
    r"|(?:that|this) (?:last |previous |latest )?(?:answer|reply|response|explanation)"
    r"|(?:your|the) (?:last|previous|latest|above) (?:answer|reply|response|explanation"
    r"|message))\b"
)
"""Time words marking a one-off ("skip burpees today", "answer in Spanish this once"), or the
one reply a request is about ("explain that last answer in simpler words", "call me K in this
message"): not a lasting memory."""
SESSIONS = (
    r"(?:program|programme|plan|workout|session|training|routine|split|run|ride|swim|lift|wod"
    r"|metcon|class|warm-?up|cool-?down|sets?|reps?)s?\b"
)
"""Training sessions and their parts: "change my plan to 4 days" edits training, not memory."""
