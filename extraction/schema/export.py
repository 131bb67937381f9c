"""A compact, strict, self-contained JSON Schema of `Workout` for LLM tool calling.

Self-contained means no `$ref`: callers embed it anywhere (e.g. as the `items` of a list of
workouts in a Bedrock tool's input schema) and nothing points outside it. Disciplines that
share a structure are listed once, under `patternProperties`, to keep it small.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from .workout import Workout

# The service fills these; an LLM must not. PRs come from records.performances, metadata from
# the extraction path that calls the model, coach notes from the coach rather than the athlete.
SERVICE_FIELDS = frozenset(
    {
        "workout_id",
        "user_id",
        "coach_id",
        "conversation_id",
        "metadata",
        "pr_achievements",
        "coach_notes",
    }
)
# Keys that cost tokens and tell the model nothing: pydantic's titles and defaults, and the
# generous length caps on free text (pydantic still enforces them on the answer).
_DROPPED_KEYS = frozenset({"title", "default", "maxLength"})
# Upper bounds this large are sanity caps, not guidance; the model only needs the minimum.
_GUIDING_MAXIMUM = 500
# The JSON types a Bedrock tool input schema accepts; `null` is left out on purpose: an
# optional field is simply omitted.
BEDROCK_TYPES = frozenset({"object", "array", "string", "number", "integer", "boolean"})


def workout_json_schema() -> dict[str, Any]:
    """Return a fresh copy of the LLM-facing JSON Schema for one workout."""
    return copy.deepcopy(_build())


@functools.cache
def _build() -> dict[str, Any]:
    raw = Workout.model_json_schema()
    defs = {name: _simplify(schema) for name, schema in raw.pop("$defs", {}).items()}
    for name in SERVICE_FIELDS:
        raw["properties"].pop(name, None)
    raw["required"] = [f for f in raw.get("required", []) if f not in SERVICE_FIELDS]
    schema: dict[str, Any] = _inline(_simplify(raw), defs)
    schema["properties"]["discipline_specific"] = _grouped(
        schema["properties"]["discipline_specific"]
    )
    return schema


def _simplify(node: Any) -> Any:
    """Drop titles/defaults and collapse `X | None` to `X` (optional fields are omitted instead)."""
    if isinstance(node, list):
        return [_simplify(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _simplify(v) for k, v in node.items() if k not in _DROPPED_KEYS}
    if out.get("maximum", 0) > _GUIDING_MAXIMUM:
        del out["maximum"]
    options = out.get("anyOf")
    if options is not None:
        kept = [o for o in options if o != {"type": "null"}]
        if len(kept) == 1:
            del out["anyOf"]
            out = {**kept[0], **out}
        else:
            out["anyOf"] = kept
    return out


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replace every `$ref` with its definition; nested objects keep field descriptions only."""
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = dict(defs[node["$ref"].rsplit("/", 1)[-1]])
        target.pop("description", None)
        extra = {k: v for k, v in node.items() if k != "$ref"}
        return _inline({**target, **extra}, defs)
    return {k: _inline(v, defs) for k, v in node.items()}


def _grouped(node: dict[str, Any]) -> dict[str, Any]:
    """One entry per distinct structure: running and trail_running share one pattern."""
    groups: dict[str, list[str]] = {}
    for key, schema in node["properties"].items():
        groups.setdefault(json.dumps(schema), []).append(key)
    properties: dict[str, Any] = {}
    patterns: dict[str, Any] = {}
    for text, keys in groups.items():
        if len(keys) == 1:
            properties[keys[0]] = json.loads(text)
        else:
            patterns[f"^({'|'.join(keys)})$"] = json.loads(text)
    return {
        "type": "object",
        "description": node.get("description", ""),
        "properties": properties,
        "patternProperties": patterns,
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 1,
    }
