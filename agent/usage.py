"""What a turn spends on language models: one tally that every part of the turn adds to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Spend:
    """Model calls and tokens of one turn (memory decision, extraction, the reply)."""

    model_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def add_usage(self, message: Any) -> None:
        """Add the token counts a model reported on `message` (an AIMessage), if any."""
        usage = getattr(message, "usage_metadata", None) or {}
        self.input_tokens += usage.get("input_tokens", 0)
        self.output_tokens += usage.get("output_tokens", 0)
