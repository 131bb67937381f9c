"""Render the coach's system prompt: a static, cacheable part and the per-turn context.

Everything a user wrote (the coach's name and whole configuration, profile fields,
memories, summaries, what a turn saved or forgot) enters the prompt only as JSON-quoted
strings inside `<athlete_data>` blocks, so it reads as data, never as instructions, and
cannot close the block it sits in. The sections outside them hold service text only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from langchain_core.messages import SystemMessage

from agent.context import TurnContext
from agent.tuning import bedrock_system_blocks
from prompts import catalogue, load, render
from storage.models import CoachConfig, Memory, Profile, Summary, WorkoutRecord

DEFAULT_PERSONALITY = "encouraging"
DEFAULT_METHODOLOGY = "general_fitness"


@dataclass
class TurnNotes:
    """What the service already did this turn, told to the model.

    Trusted notes in service words, and the athlete's words they refer to, as data.
    """

    lines: list[str] = field(default_factory=list)
    quoted: dict[str, str] = field(default_factory=dict)

    def render(self) -> str:
        """The notes as a bullet list."""
        return "\n".join(f"- {line}" for line in self.lines) or "- (none)"

    def render_data(self) -> str:
        """The athlete's words the notes name, quoted."""
        return "\n".join(f"{k}: {quote(v)}" for k, v in self.quoted.items()) or "(none)"


def quote(value: object) -> str:
    """JSON-quote athlete text so it stays data; `<` is escaped so no tag can be closed."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def _template_text(folder: str, wanted: str | None, default: str) -> str:
    name = wanted if wanted in catalogue(folder) else default
    return load(f"{folder}/{name}.md").strip()


def render_coach_prompt(coach: CoachConfig) -> str:
    """The static part of the system prompt, the same on every turn with this coach.

    Voice, method and rules (service text), and the coach's name and configuration as
    the athlete wrote them (quoted data).
    """
    tech = coach.technical_config
    config = {
        "coach_name": coach.coach_name,
        "personality": coach.selected_personality.primary_template,
        "personality_reasoning": coach.selected_personality.selection_reasoning,
        "methodology_choice": coach.selected_methodology.primary_methodology,
        "programming_focus": tech.programming_focus,
        "specializations": tech.specializations,
        "methodology": tech.methodology,
        "experience_level": tech.experience_level,
        "goal_timeline": tech.goal_timeline,
        "preferred_intensity": tech.preferred_intensity,
        "equipment_available": tech.equipment_available,
        "safety_constraints": tech.safety_constraints,
    }
    config_lines = "\n".join(f"{k}: {quote(v)}" for k, v in config.items() if v)
    return render(
        "coach_system.md",
        personality=_template_text(
            "personalities", coach.selected_personality.primary_template, DEFAULT_PERSONALITY
        ),
        methodology=_template_text(
            "methodologies", coach.selected_methodology.primary_methodology, DEFAULT_METHODOLOGY
        ),
        coach_config=config_lines,
    )


def _profile_block(profile: Profile) -> str:
    fields = {
        "name": profile.nickname or profile.display_name or profile.first_name,
        "units": profile.units,
        "fitness": profile.fitness or None,
        "demographics": profile.demographics or None,
    }
    return "\n".join(f"{k}: {quote(v)}" for k, v in fields.items() if v) or "(empty)"


def _memories_block(memories: list[Memory]) -> str:
    lines = [
        f"- {quote(m.content)} ({m.memory_type}, {m.metadata.importance} importance, "
        f"{'this coach' if m.coach_id else 'all coaches'})"
        for m in memories
    ]
    return "\n".join(lines) or "(none)"


def _summary_block(summary: Summary | None) -> str:
    if summary is None:
        return "(no summary yet)"
    facts = summary.structured_data.key_facts.model_dump(exclude_defaults=True)
    text = f"summary: {quote(summary.summary_text)}"
    return text + "".join(f"\n{k}: {quote(v)}" for k, v in facts.items())


def _workouts_block(workouts: list[WorkoutRecord]) -> str:
    lines = [f"- {w.date}: {quote(w.summary or w.discipline)}" for w in workouts]
    return "\n".join(lines) or "(none)"


def render_turn_context(context: TurnContext, memories: list[Memory], notes: TurnNotes) -> str:
    """The per-turn part of the system prompt."""
    return render(
        "turn_context.md",
        local_now=context.local_now.strftime("%Y-%m-%d %H:%M"),
        weekday=context.local_now.strftime("%A"),
        timezone=str(context.local_now.tzinfo),
        profile=_profile_block(context.profile),
        memories=_memories_block(memories),
        summary=_summary_block(context.summary),
        recent_workouts=_workouts_block(context.recent_workouts),
        turn_notes=notes.render(),
        turn_data=notes.render_data(),
    )


class CoachPrompts:
    """The static part of each coach's system prompt, rendered once per coach version.

    It is the cacheable prefix Bedrock's prompt caching keys on, so it must not change
    between turns; rendering it costs a template load and formatting per turn otherwise.
    """

    def __init__(self, max_entries: int = 1024) -> None:
        self._rendered: dict[tuple[str, str, int], str] = {}
        self._max_entries = max_entries

    def static_part(self, user_id: str, coach: CoachConfig) -> str:
        """The coach's rendered static prompt."""
        key = (user_id, coach.coach_id, coach.version)
        if key not in self._rendered:
            if len(self._rendered) >= self._max_entries:
                self._rendered.clear()
            self._rendered[key] = render_coach_prompt(coach)
        return self._rendered[key]


def build_system_message(static: str, dynamic: str, *, cache: bool) -> SystemMessage:
    """Join both parts of the system prompt.

    With `cache`, a Bedrock cache point sits after the static part
    (`tuning.bedrock_system_blocks`).
    """
    if not cache:
        return SystemMessage(content=f"{static}\n\n{dynamic}")
    return SystemMessage(content=bedrock_system_blocks(static, dynamic))
