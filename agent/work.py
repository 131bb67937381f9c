"""The state of one turn in flight, shared by the prompt middleware, the tools and the turn."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.messages import SystemMessage

from agent.addressing import addressed
from agent.context import TurnContext
from agent.memory import MemoryPlan
from agent.usage import Spend
from agent.workout_edits import WorkoutEditor
from agent.workouts import Extractor, WorkoutBook
from storage.models import Memory, Message
from storage.protocols import Store


@dataclass
class TurnWork:
    """What the turn has decided so far; the graph's runtime context (`get_runtime`)."""

    context: TurnContext
    message: Message
    system: SystemMessage
    store: Store
    book: WorkoutBook
    editor: WorkoutEditor
    memory: MemoryPlan
    memories: list[Memory]
    """The memories in this turn's prompt, after this turn's changes."""
    extractor: Extractor | None
    model_name: str
    spend: Spend
    owner: str | None = None
    """The turn's lease owner: its outcome is written only while it holds the claim."""
    red_flag: str | None = None
    """The red-flag symptom the message names: nothing is logged this turn."""
    offline: bool = False
    reply_text: str = ""
    reply_message: Message | None = None

    @property
    def used_memory_ids(self) -> list[str]:
        """Stored memories the reply drew on (those saved by this turn are new, not used).

        A model reads every memory in its prompt; the offline engine only those it
        quotes (said to the athlete), so offline a memory counts as used when the reply
        names it.
        """
        new = {m.memory_id for m in self.memory.puts}
        return [
            m.memory_id
            for m in self.memories
            if m.memory_id not in new
            and (not self.offline or addressed(m.content).rstrip(" .") in self.reply_text)
        ]
