"""More cues for a memory's type, in the forms athletes' own voices give them.

- A directive after a condition on the sessions it applies to: "every time a workout has
  toes-to-bar, swap it for…", "any session over 90 minutes, put a reminder in…".
- A verbless prohibition: "no burpees. ever." rules an exercise out for whoever plans.
- A limit on when training may go: "don't put anything before 2pm", "Saturday mornings
  are gone for the season".
- A liking said as who the athlete is: "I'm a morning lifter", "not a runner".
"""

from __future__ import annotations

import re

from agent.memory_rules.word_lists import WEEKDAYS

_VERBS = (
    r"(?:swap|sub|substitute|replace|put|add|give|include|skip|drop|leave|use|remind|check"
    r"|start|end|cap|keep|make|schedule|program|send|cut)"
)
CONDITIONED_DIRECTIVE = re.compile(
    r"(?:^|[,.;:]\s*)(?:every time|each time|whenever|any ?time|any|if|when) [^,.;]{3,60},?\s+"
    rf"(?:just |please |always |then )*{_VERBS}\b"
)
"""A directive after a condition naming the sessions it applies to: an instruction."""
PROHIBITION = re.compile(
    r"^(?:no|zero) (?:more )?(?!time\b|gym\b|access\b|equipment\b|days?\b|longer\b|one\b)"
    r"[a-z\-]+(?:s|ing)\b"
)
"""A verbless prohibition of an exercise ("no burpees"): an instruction to whoever plans."""
_DAYS = "|".join(WEEKDAYS)
SCHEDULE_LIMIT = re.compile(
    r"\b(?:put|schedule|plan|book|give me) (?:anything|nothing|stuff|training|workouts?|sessions?)"
    r" (?:on|before|after) (?:\d{1,2}(?::\d\d)? ?(?:am|pm)|noon|midday)\b"
    rf"|\b(?:(?:{_DAYS})s?|weekends?)(?: mornings?| evenings?| nights?)? (?:are|is) (?:gone|out"
    r"|off|taken|booked|busy)\b"
    rf"|\b(?:(?:{_DAYS})s?|weekends?) (?:are|is) (?:my |a |the )?(?:rest|off|recovery) days?\b"
    r"|\bnon-?negotiable\b"
    r"|\b(?:schedul\w*|program\w*|plan\w*|book\w*|put)\b.{0,30}\b(?:the )?(?:day|night)"
    r" (?:before|after) (?:a |my |the |any )?(?:\w+ )?(?:game|match|race|meet|comp\w*)s?\b"
)
"""Times training cannot go: a scheduling constraint ("Sundays are rest days, non-negotiable",
"don't ever schedule legs the day before a game")."""
SELF_LIKING = re.compile(
    r"\b(?:i'm|i am) (?:a |an )?(?:\w+ )?(?:morning|evening|night|early|late)"
    r" (?:lifter|runner|trainer|exerciser|rider|swimmer|riser)\b"
)
"""A liking said as who the athlete is ("I'm a morning lifter"): a preference."""
NOT_A_GOAL = re.compile(r"\bin the plan to\b")
""""put a reminder in the plan to check X": a plan's content, no plan of the athlete's."""
