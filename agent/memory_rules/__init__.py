"""Deterministic memory rules: "remember that I…" / "forget that…" requests and consolidation.

Everything here is pure: no I/O, no storage access, no clock. The offline engine calls
`detect_memory_intent` on each user message, `consolidate` before writing, `best_match` to
resolve a forget request and `rank_memories` to pick what goes into the prompt.

Decisions recorded here (the brief left them open):

- Memory text is data. A message with instruction-injection phrasing (system prompt, ignore
  previous instructions, other users, developer mode, "for user X", secrets…) yields `None`: no
  save and no forget. Weaker markers ("admin", "reveal", "developer") are kept only as inert
  `context` memories of low importance.
- There is no user parameter anywhere: a request can only ever concern the current athlete.
- "don't forget to <verb>" / "remember to <verb>" is an instruction memory only when the verb is
  something the coach does ("remind me", "call me", "use kg"); "don't forget to stretch" is a
  habit reminder, not a memory.
- Without an explicit request ("remember", "note that", "for future reference", "from now on"…)
  a fact is not saved: "I want to deadlift 500" and "FYI I'm vegan" stay conversation.
- `consolidate` reports a contradiction as UPDATE with the new content replacing the old (one
  write, the memory id survives), and a pure retraction ("No longer has a bad knee.") as DELETE.
- `MemoryRequest.scope` is "coach" for instructions, feedback and anything about this coach's
  style; medical, equipment and life facts are "global". The caller maps "coach" to the coach id.

- "delete everything you know about me" / "clear all memories" is a `ForgetRequest` with
  `everything` set: the planner deletes every memory the turn loaded for a forget.

- "undo that last save" is a `ForgetRequest` with `latest` set: the planner deletes the
  newest memory the turn loaded, whatever it says.

Layout, in dependency order: `sentences`, `dictation` (spoken punctuation) and
`word_lists` (shared words and patterns), `languages` (keep/forget frames of other
languages read as English), `safety`, `lead_in` (directive frames), `labels` (colon
labels), `imperatives` (directives to the coach), `rewriting`, `kind_cues` and
`classification`, then `save_requests`, `standing_requests` (remarks, modal asks and liked
conduct that make a request stand), `back_refs` (requests pointing back at the fact before
them), `standing` (standing directives), `wish_frames` (requests said as wishes or asked
about what follows, said plainly), `memory_refs` (phrases naming a stored memory),
`change_news` (news told before the request that acts on it), `replacements` (the new fact
that comes with a forget), `value_changes` (a changed value with the old one named),
`forget_frames` (a topic fronted before "forget it", correction labels), `forget_targets`
(what a forget names), `held_corrections` (a correction quoting the coach's record: "you
have me down as X, I'm Y now"), `updates` (corrections pointing back, update frames),
`retractions` ("I take back what I said about X", the latest save), `supersedes` ("new X
replaces the old one: Y"), `misrecorded` ("you've got my age wrong, I'm 41"),
`forget_requests` and `detection`;
`similarity` feeds `matching` and `consolidation`; `ranking` stands alone.
"""

from __future__ import annotations

from agent.memory_rules.consolidation import consolidate
from agent.memory_rules.detection import detect_memory_intent
from agent.memory_rules.matching import MATCH_THRESHOLD, best_match, match_score
from agent.memory_rules.ranking import rank_memories
from agent.memory_rules.requests import (
    Action,
    ForgetRequest,
    MemoryDecision,
    MemoryRequest,
    Scope,
)
from agent.memory_rules.rewriting import MAX_CONTENT_CHARS
from agent.memory_rules.sentences import MAX_INPUT_CHARS

__all__ = [
    "MATCH_THRESHOLD",
    "MAX_CONTENT_CHARS",
    "MAX_INPUT_CHARS",
    "Action",
    "ForgetRequest",
    "MemoryDecision",
    "MemoryRequest",
    "Scope",
    "best_match",
    "consolidate",
    "detect_memory_intent",
    "match_score",
    "rank_memories",
]
