"""Workout understanding: the Universal Workout Schema and a deterministic extractor.

`extract` turns a chat message into `Workout` records; `grounding.check_grounding` checks any
extraction (the LLM's too) against the message; `describe.describe_workout` writes a
confirmation line; `records.performances` lists a workout's comparable bests.
"""

from __future__ import annotations

from .errors import ExtractionError, InvalidExtraction
from .extractor import extract, is_workout_log
from .schema import Workout, workout_json_schema

__all__ = [
    "ExtractionError",
    "InvalidExtraction",
    "Workout",
    "extract",
    "is_workout_log",
    "workout_json_schema",
]
