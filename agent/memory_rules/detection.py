"""The entry point for one user message: is it a request to remember or forget something?"""

from __future__ import annotations

from functools import lru_cache

from agent.memory_rules.back_refs import save_pointing_back
from agent.memory_rules.dictation import punctuate_dictation
from agent.memory_rules.forget_frames import correction_label, verb_last
from agent.memory_rules.forget_requests import forget_from_sentence
from agent.memory_rules.held_corrections import held_correction
from agent.memory_rules.labels import join_bare_labels
from agent.memory_rules.languages import english_frames
from agent.memory_rules.misrecorded import misrecorded
from agent.memory_rules.requests import ForgetRequest, MemoryRequest
from agent.memory_rules.retractions import retraction
from agent.memory_rules.safety import is_injection
from agent.memory_rules.save_requests import save_from_sentence, standalone_instruction
from agent.memory_rules.sentences import lower, normalise, split_sentences
from agent.memory_rules.standing import standing_directive, treatment_preference
from agent.memory_rules.standing_requests import liked_conduct
from agent.memory_rules.supersedes import superseding
from agent.memory_rules.updates import told_then_now, update_pointing_back
from agent.memory_rules.value_changes import changed_value
from agent.memory_rules.wish_frames import plain_wishes


@lru_cache(maxsize=4096)
def detect_memory_intent(text: str) -> MemoryRequest | ForgetRequest | None:
    """Detect an explicit request to remember or forget something in one user message.

    Returns a `MemoryRequest` (content rewritten as a third-person fact), a `ForgetRequest`,
    or None for anything else: questions, reminiscing, logs, plans, injection attempts.
    Cached: a turn asks about its message several times (loading memories, planning, the
    title, the summary), and the answers are immutable.
    """
    message = plain_wishes(english_frames(punctuate_dictation(normalise(text))))
    if not message or is_injection(lower(message)):
        return None
    sentences = join_bare_labels(split_sentences(message))
    for idx, sentence in enumerate(sentences):
        following = sentences[idx + 1] if idx + 1 < len(sentences) else ""
        # what a pronoun opening this sentence points at: the last statement, not an aside
        previous = next((s for s in reversed(sentences[:idx]) if len(s.split()) > 2), "")
        forget = (
            retraction(sentence)
            or changed_value(sentence, message)
            or told_then_now(sentence, message)
            or correction_label(sentence, message)
            or verb_last(sentence)
            or superseding(sentence, following, message)
            or misrecorded(sentence, message)
            or update_pointing_back(sentence, sentences[:idx], message)
            or forget_from_sentence(sentence, message, following, previous)
            or held_correction(sentence, following, message)
        )
        if forget is not None:
            return forget
    for idx, sentence in enumerate(sentences):
        request = (
            save_from_sentence(sentence, message)
            or save_pointing_back(sentence, sentences[:idx], message)
            or standalone_instruction(sentence, message)
            or standing_directive(sentence, sentences, message)
            or treatment_preference(sentence, message)
            or liked_conduct(sentence, sentences, message)
        )
        if request is not None:
            return request
    return None
