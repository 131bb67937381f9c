"""What the memory rules hand back: save and forget requests, and consolidation decisions.

Kept apart from the rules so the memory service can depend on these shapes alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage.models import Importance, Memory, MemoryType

Scope = Literal["global", "coach"]
Action = Literal["ADD", "UPDATE", "DELETE", "NONE"]


@dataclass(frozen=True)
class MemoryRequest:
    """A request to save one memory, rewritten as a clean third-person fact."""

    content: str
    memory_type: MemoryType
    importance: Importance
    scope: Scope
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ForgetRequest:
    """A request to forget the memory best matching `query`, optionally replacing it.

    `everything` asks to forget all stored memories ("delete everything you know about me");
    `latest` the newest one, whatever it says ("undo that last save").
    """

    query: str
    replacement: MemoryRequest | None = None
    everything: bool = False
    latest: bool = False


@dataclass(frozen=True)
class MemoryDecision:
    """What to do with a candidate memory given the existing ones (mem0-style)."""

    action: Action
    target: Memory | None
    content: str | None
    reason: str
