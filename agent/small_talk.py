"""Small talk: greetings, thanks and pleasantries that carry nothing to remember.

A conversation is not named after "hey coach!", and "how was your weekend?" is not an
action item. A sentence is small talk when, once stopwords are gone, every word left is
a pleasantry.
"""

from __future__ import annotations

from agent.memory_rules.sentences import normalise, split_sentences
from agent.memory_rules.similarity import content_tokens, stem

_PLEASANTRIES = frozenset(
    stem(word)
    for word in (
        "hey hi hello hiya howdy yo sup morning afternoon evening night day week weekend"
        " good great nice cool awesome fine well ok okay alright sure yeah yes yep yup nope"
        " thanks thank thx ty cheers appreciate appreciated much lol haha hahaha lmao"
        " bye goodbye later see soon talk chat hope doing going fantastic wonderful lovely"
        " coach buddy mate man dude friend bro sounds perfect got understood noted agreed"
        " happy friday monday weather wish luck welcome sorry np worries problem hear glad"
        " life going's how's what's whats hows up ask answer question check follow"
    ).split()
)


def is_small_talk(sentence: str) -> bool:
    """True when a sentence is only greetings, thanks or pleasantries (or nothing at all)."""
    return all(token in _PLEASANTRIES for token in content_tokens(sentence))


def substantive_sentences(text: str) -> list[str]:
    """The sentences of a message that are not small talk, in order."""
    return [s for s in split_sentences(normalise(text)) if not is_small_talk(s)]
