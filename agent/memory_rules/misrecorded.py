"""A stored fact the athlete says the coach got wrong: "you've got my age wrong, I'm 41".

The athlete names what is wrong by its kind ("my age", "my max") and where or by whom it
was recorded ("you've got…", "…on my profile"), then usually gives the right value: a
first-person fact ("I'm 41"), "should be X" or "it's X". What is named is forgotten and
the value, if given, replaces it.
"""

from __future__ import annotations

import re

from agent.memory_rules.lead_in import drop_lead
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower
from agent.memory_rules.word_lists import SESSIONS

_WHERE = r"(?:my|your|the) (?:profile|notes|file|records?|system)"
_PLACE = rf"(?:on|in) {_WHERE}"
_WRONG = re.compile(
    r"^(?:you(?:'ve| have)?|you've got|you got) (?:got |have |put |saved |written |listed |noted )?"
    r"(?:down )?my (?P<x>[a-z0-9\-' ]{1,30}?) (?:down )?(?:wrong|incorrect(?:ly)?)\b"
    rf"|^(?:the )?wrong (?P<y>[a-z0-9\-' ]{{1,30}}?) {_PLACE}"
    rf"|^(?:my|the) (?P<z>[a-z0-9\-' ]{{1,30}}?) {_PLACE} (?:is|are) (?:wrong|incorrect)\b"
)
_SESSION = re.compile(rf"(?:in |on )?(?:the |my |today's |this )?{SESSIONS}|\b{SESSIONS}$")
"""A plan or session is what is wrong ("the reps", "…in the plan"): no memory is."""
_ELSEWHERE = re.compile(rf"(?:in|on|from|with|at) (?!{_WHERE})")
"""Where else the coach got it wrong ("…in the video", "…on the chart"): not a memory."""
_SHOULD = re.compile(
    r"^(?:it |that |they )?(?:should be|should say|needs to be|is actually) (?P<v>.+)$"
)


def misrecorded(sentence: str, message: str) -> ForgetRequest | None:
    """Forget what the athlete says the coach holds wrongly, keeping the right value if given."""
    low = lower(sentence)
    if "wrong" not in low and "incorrect" not in low:  # the cheap test first
        return None
    text = drop_lead(sentence.strip())
    found = _WRONG.match(lower(text))
    if found is None or is_question(sentence):
        return None
    group = next(g for g in ("x", "y", "z") if found.group(g))
    subject = text[found.start(group) : found.end(group)]
    rest = text[found.end() :].strip(" ,;:-.!")
    if (
        _SESSION.search(lower(subject))
        or _SESSION.match(lower(rest))
        or _ELSEWHERE.match(lower(rest))
    ):
        return None  # "you got my squat wrong in the plan / in the video": no memory is wrong
    should = _SHOULD.match(lower(rest))
    if should is not None:
        value = rest[should.start("v") :].rstrip(" .!")
        new = build_save(f"my {subject} is {value}", explicit=True, message=message, min_words=1)
    else:
        new = replacement(rest, subject, message, correcting=True) if rest else None
    return ForgetRequest(query=subject, replacement=new)
