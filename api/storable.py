"""What DynamoDB can store, checked at the API edge so that both stores refuse alike.

DynamoDB's limits (developer guide, "Quotas ... Data types" and "Attributes"): maps
and lists nest at most 32 levels; a number has at most 38 significant digits and a
magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125, and is never NaN
or Infinity; a map key is a non-empty string. A request past one of them was a 500
(on the aws store, with the item's repr in the error log; nesting of a few hundred
levels on both, from pydantic's serialiser).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from pydantic import BaseModel

MAX_DEPTH = 32
"""Levels of objects and arrays, the request body being level 1: bodies are stored as an
item's top-level `attributes` map (workouts one level deeper, with a bounded schema)."""
MAX_DIGITS = 38
LARGEST = Decimal("9.9999999999999999999999999999999999999E+125")
SMALLEST = Decimal("1E-130")
_PATH_CHARS = 80


def unstorable(value: object) -> str | None:
    """Where and why `value` (a validated request, or plain JSON) cannot be stored, or None.

    Walks the validated values, not the raw body: what pydantic converted ("1e300" into
    a float field) is what the store receives.
    """
    stack: list[tuple[object, str, int]] = [(value, "", 1)]
    while stack:
        node, path, depth = stack.pop()
        children = _children(node)
        if children is None:
            problem = _number_problem(node)
            if problem:
                return f"{_shown(path)}: {problem}"
            continue
        if depth > MAX_DEPTH:
            return f"{_shown(path)}: nested deeper than {MAX_DEPTH} levels"
        for key, child in children:
            if key == "":
                return f"{_shown(path)}: a key is empty"
            stack.append((child, f"{path}.{key}" if path else str(key), depth + 1))
    return None


def _children(node: object) -> Iterable[tuple[str | int, object]] | None:
    if isinstance(node, BaseModel):
        return [(name, getattr(node, name)) for name in type(node).model_fields]
    if isinstance(node, dict):
        return node.items()
    if isinstance(node, list | tuple):
        return enumerate(node)
    return None


def _number_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN and Infinity cannot be stored"
    # A float is stored as the decimal of its repr (storage.dynamo), an int as itself.
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if number == 0:
        return None
    if len(number.as_tuple().digits) > MAX_DIGITS:
        return f"a number has more than {MAX_DIGITS} digits"
    if not SMALLEST <= abs(number) <= LARGEST:
        return "a number's magnitude is outside 1E-130 to 9.99E+125"
    return None


def _shown(path: str) -> str:
    path = path or "body"
    return path if len(path) <= _PATH_CHARS else path[: _PATH_CHARS - 1] + "…"
