"""Changed values stated with the old one beside the new: a correction without a forget verb.

- "my max changed, it's 140 now not 130", "my FTP is 270 now, not 255": a lasting
  attribute of the athlete's ("my X"), a change marker and the old value ruled out. Naming
  the old value says the coach holds it, so this corrects a memory; a session told with a
  correction ("I did 3 sets today, not 5") is a log and stays one.
- What a correction label introduces as "<new>, not <old>" ("correction to what you have:
  I train 4 days a week, not 5"): the old fact is the new one with the old value put back.
- "I told you X" as the topic of "that's wrong now": X, or the "my N" it is about.
"""

from __future__ import annotations

import re

from agent.memory_rules.requests import ForgetRequest, MemoryRequest
from agent.memory_rules.save_requests import build_save
from agent.memory_rules.sentences import is_question, lower
from agent.memory_rules.word_lists import NUMBER, ONE_OFF, SESSIONS, WEEKDAYS

_CHANGED = re.compile(
    r"^(?:(?:so|and|btw|also|update|ok|okay|oh|actually),? )*(?P<subject>my (?:[a-z0-9\-']+ ){0,3}?"
    r"[a-z0-9\-']+) (?:(?:has )?(?:changed|went (?:up|down)|moved|improved|dropped|increased"
    r"|decreased)|(?:is|are|'s) (?:now )?(?P<inline>[^,;]+?) now)"
    r"(?:,? (?:(?:it's|its|it is|they're|now it's|now) )?(?P<value>[^,;]+?)(?: now)?)?"
    r",? (?:not|instead of) (?P<old>[^,;.!?]+)[.!]*$"
)
"""A changed attribute with its old value ruled out ("my max changed, it's 140 now not 130")."""
_SESSION = re.compile(rf"\b{SESSIONS}$")
_VALUE = re.compile(rf"\d|\b(?:{'|'.join(WEEKDAYS)})s?\b")
"""A value the coach may hold: a number or a weekday ("not 130", "not Sundays")."""
_OLD_VALUE = re.compile(
    rf"(?:the )?(?:\d[\d:.,]*\s*(?:[a-z%\"]{{1,6}})?|(?:{'|'.join(WEEKDAYS)})s?)"
)
"""The old value ruled out, and nothing else ("not 130", "not 85 kg"; not "not bad for a 40…")."""
_NEW_NOT_OLD = re.compile(
    r"^(?P<new>.+?),?\s+(?:not|instead of) (?P<old>(?:[^,;.]|\.(?=\d))+)[.!]?$"
)
"""A new value with the old one ruled out; the old may be a decimal ("1.78m, not 1.87m")."""
_TOLD = re.compile(
    r"^(?:i (?:told you|said|mentioned|wrote)|you have (?:me down as|it that))(?: that)? (?P<x>.+)$"
)
_MY_NOUN = re.compile(
    r"\b(?:is|are|was|were|'s) my (?P<n>[a-z0-9\- ]{1,30})$|^my (?P<m>[a-z0-9\- ]{1,30}?)"
    r" (?:is|are|was|were|'s)\b"
)


def changed_value(sentence: str, message: str) -> ForgetRequest | None:
    """A changed attribute ("my X changed, it's Y now not Z"): forget X, keep "my X is Y"."""
    low = lower(sentence.strip())
    found = _CHANGED.match(low)
    if found is None or is_question(sentence) or ONE_OFF.search(low):
        return None
    subject = sentence.strip()[found.start("subject") : found.end("subject")]
    if _SESSION.search(lower(subject)):
        return None  # "my run changed": a plan
    span = "inline" if found.group("inline") else "value"
    if found.group(span) is None:
        return None
    value = sentence.strip()[found.start(span) : found.end(span)]
    if not (_VALUE.search(lower(value)) and _OLD_VALUE.fullmatch(found.group("old").strip())):
        return None  # "my knee is better now, not perfect": a state, no held value
    new = build_save(f"{subject} is {value}", explicit=True, message=message, min_words=1)
    return ForgetRequest(query=subject[3:], replacement=new)


def new_not_old(content: str, message: str) -> tuple[str, MemoryRequest | None] | None:
    """(query, new fact) for "<new>, not <old>": the old fact is the new with its value back."""
    found = _NEW_NOT_OLD.match(lower(content.strip()))
    if found is None:
        return None
    new = content.strip()[: found.end("new")]
    old = content.strip()[found.start("old") : found.end("old")]
    numbers = NUMBER.findall(new)
    if len(numbers) == 1 and NUMBER.fullmatch(old.strip()):
        query = new.replace(numbers[0], old.strip(), 1)  # "4 days a week, not 5"
    else:
        query = old  # "I'm at Anytime Fitness now, not the Y"
    return query, build_save(new, explicit=True, message=message, min_words=1)


def told_topic(clause: str) -> str | None:
    """What "I told you X" names: X, or the "my N" X is about ("Tuesdays are my rest day")."""
    found = _TOLD.match(lower(clause.strip()))
    if found is None:
        return None
    told = clause.strip()[found.start("x") :]
    noun = _MY_NOUN.search(lower(told))
    if noun is None:
        return told
    group = "n" if noun.group("n") else "m"
    return told[noun.start(group) : noun.end(group)]
