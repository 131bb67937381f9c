"""Forget frames around the trigger: a fronted topic, a correction label, a change stated first.

- A topic fronted before a pronoun forget: "nvm about the marathon, forget it", "the
  hotel gym stuff - remove it". The topic names what "it" is.
- A correction label: "update: I no longer work nights, I'm on days now", "correction to
  what you have on me: my name is Kat, not Cat". What the label introduces retracts or
  corrects a fact: the retracted fact is forgotten, the corrected one replaces it.
- A change stated before "forget the old note and save that": "I used to hate swimming
  but now I love it" says what is old and what is new.
"""

from __future__ import annotations

import re

from agent.memory_rules.forget_targets import clean_query
from agent.memory_rules.labels import lasting
from agent.memory_rules.lead_in import drop_lead, strip_request
from agent.memory_rules.memory_refs import memory_reference
from agent.memory_rules.replacements import replacement
from agent.memory_rules.requests import ForgetRequest, MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import lower, strip_tail
from agent.memory_rules.value_changes import new_not_old
from agent.memory_rules.word_lists import ONE_OFF, SESSIONS

_TOPIC = re.compile(
    r"^(?:(?:nvm|never ?mind|oh|ok|okay|and|so|also|btw|actually|re),?\s+)*"
    r"(?:(?:what|everything|the stuff|the thing) i (?:just )?(?:said|told you|mentioned|wrote)"
    r"(?: earlier| before)? )?(?:about|regarding|as for|re:?)\s+(?P<q>\S.*)$"
)
"""A fronted topic: "nvm about the soccer thing", "as for my old PR"."""


_VERB_LAST = re.compile(
    r"^(?P<topic>.{3,60}?)\s*(?::|\s-\s|,)\s*(?:please |pls |just )?(?:delete|remove|forget|ignore"
    r"|scrap|drop|bin|clear|erase|ditch|get rid of|disregard)(?: (?:it|that|this))?"
    r"(?: (?:please|pls|thanks|thx))?[\s.!]*$"
)
"""A memory named first and the forget verb last ("knee note - delete pls", "the X thing: bin")."""


_LAST_VERBS = frozenset(
    "delete remove forget ignore scrap drop bin clear erase ditch of disregard it".split()
)
"""Words one of which ends a verb-last forget ("…get rid of", "…delete it"): a cheap gate."""


def verb_last(sentence: str) -> ForgetRequest | None:
    """Forget the memory a terse "<memory> - delete" names ("squats - delete" names none)."""
    if not _LAST_VERBS.intersection(lower(sentence).rstrip(" .!").split()[-3:]):
        return None  # the cheap test first: the verb is among the last words or absent
    found = _VERB_LAST.match(lower(sentence.strip()))
    if found is None:
        return None
    query = memory_reference(sentence.strip()[: found.end("topic")])
    return ForgetRequest(clean_query(query)) if query else None


def fronted_topic(clause: str) -> str | None:
    """The topic a clause fronts before "forget it", or None.

    Either marked ("about X", "as for X") or a phrase naming a memory before the request
    words ("that thing about the shifts you can forget that").
    """
    found = _TOPIC.match(lower(clause.strip(" ,;:-")))
    if found is None:
        return memory_reference(strip_request(clause))
    return clause.strip(" ,;:-")[found.start("q") :]


_LABEL = re.compile(
    r"^(?:(?:a |quick |small |profile |one |couple(?: of)? |few |some |two |tiny |minor )*)"
    r"(?:update|correction|correct|fix|change|edit|amend)s?"
    r"(?: (?:to|for|on|in) "
    r"(?:what you have(?: saved| stored| on file| down)?|what you know|my profile|your notes"
    r"|my info|my file)(?: (?:on|about|for) me)?| (?:to |for |on |in )?(?:my|your) (?:notes"
    r"|profile|records?|file|info))?\s*(?::|\s-\s)\s*"
)
_AFTERTHOUGHTS = (
    *("typo", "my bad", "sorry", "lol", "oops", "haha", "my mistake", "i misspoke"),
    *("i mixed it up", "mixed it up", "i mixed them up", "mixed them up"),
)
"""Remarks after a corrected value ("…, 105 not 100, I mixed it up"): no part of it."""
_NOW = re.compile(
    r"^(?:(?:my|the|our) )?(?P<subject>[a-z0-9\-' ]{1,30}?)"
    r" (?:(?:is|are|'s) now (?!(?:better|worse|fine|healed|good|great|ok|okay|sore|tight|gone"
    r"|over|sorted|cleared|recovered|pain[- ]free|fixed|back to normal|all good)\b)\S"
    r"|(?:has |have |got |is |was )?(?:moved|changed|switched|shifted)(?: from [^,;]+?)? to \S)"
)
"""A value changed in a correction label: "my gym is now the Y", "long run moved from sat to sun".
A state ("my knee is better now") is news, and a session moved ("today's run moved to
tomorrow") a plan: no stored value changed."""
_PLANNED = re.compile(rf"\b{SESSIONS}$")
_RETRACTION = re.compile(
    r"^(?:(?:i|i'm|i am|my [a-z0-9\-' ]{1,30}?) (?:no longer|don't|do not|am not|'m not|isn't"
    r"|is not|aren't|are not)|i'm not)\b(?P<rest>[^,;]*?)(?: anymore| any more)?"
    r"(?=\s*(?:[,;]|$|\s-\s))"
)
"""A clause that says a fact is over: "I no longer work nights", "I don't run anymore"."""
_CORRECTED = re.compile(
    r"^(?P<new>(?P<subject>my [a-z0-9\-' ]{1,30}?) (?:is|are|'s) [^,;]+?),?\s+(?:not|instead of)"
    r" (?P<old>[^,;.]+)[.!]?$"
)
"""A corrected value: "my name is Katherine, not Catherine"."""
_NEGATION = re.compile(
    r"\s*\b(?:no longer|don't|do not|am not|'m not|isn't|is not|aren't|are not)\b"
)


def correction_label(sentence: str, message: str) -> ForgetRequest | None:
    """A correction label that retracts or corrects a stored fact, with the new fact if given."""
    label = _LABEL.match(lower(sentence.strip()))
    if label is None:
        return None
    content = strip_tail(sentence.strip()[label.end() :], _AFTERTHOUGHTS)
    changed = _NOW.match(lower(content))
    if changed is not None and not (
        _PLANNED.search(changed.group("subject")) or ONE_OFF.search(lower(content))
    ):
        clause = re.split(r"[,;]|\s-\s|\s+and\s+", content)[0]
        query = content[changed.start("subject") : changed.end("subject")]
        return ForgetRequest(query, build_save(clause, explicit=True, message=message, min_words=1))
    corrected = _CORRECTED.match(lower(content))
    if corrected is not None:
        new = content[: corrected.end("new")]
        query = content[corrected.start("subject") + 3 : corrected.end("subject")]
        return ForgetRequest(query, build_save(new, explicit=True, message=message, min_words=1))
    retracted = _RETRACTION.match(lower(content))
    if retracted is None:
        swapped = new_not_old(content, message) if lasting(content) else None
        return None if swapped is None else ForgetRequest(*swapped)  # "…4 days a week, not 5"
    old = strip_tail(_NEGATION.sub("", content[: retracted.end()], count=1), ("anymore",))
    query = re.sub(r"^(?:i|i'm|my)\s+", "", old, flags=re.IGNORECASE)
    rest = content[retracted.end() :].strip(" ,;-")
    return ForgetRequest(query, replacement(rest, query, message, correcting=True))


_USED_TO = re.compile(
    r"\bi used to (?P<old>[^,.;]+?),? but (?:now |these days |nowadays )?(?P<new>i [^,.;]+)"
)
"""A change stated in one breath: "I used to hate swimming but now I love it"."""
_POINTER = re.compile(
    r"^(?:the |that |my )?(?:old|previous|outdated) (?:one|note|memory|info)$|^(?:it|that)$"
)


def change_stated_first(before: str, target: str, message: str) -> tuple[str, MemoryRequest] | None:
    """(query, new fact) when a forget of "the old note" follows "I used to X but now Y"."""
    found = _USED_TO.search(lower(before))
    if found is None or _POINTER.match(lower(drop_lead(target)).strip(" .!")) is None:
        return None
    old = before[found.start("old") : found.end("old")]
    new = replacement(before[found.start("new") : found.end("new")] + " now", f"I {old}", message)
    return (f"I {old}", new) if new is not None else None
