"""Movement lists as written in WODs and circuits.

"21 thrusters (95)", "50 cal row", "800m run", "30 kb swings @ 24kg", "5 power cleans 135".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .complexes import share_item_loads
from .literal_gate import compile_gated
from .numbers import DISTANCE_RE, WEIGHT_RE, WEIGHT_UNIT, find_distances, find_weights
from .raw_loads import RawLoad, make_load
from .schema import DistanceUnit
from .set_notation import read_groups
from .vocabulary import Mention, Movement, find_mentions

_SEPARATOR = re.compile(
    r",|;|(?<!\bw)/|\+|:|\.\s|\s-\s|\bthen\b|\band\b|\bx(?=\s\d)(?!\s\d+\s?(?:m|yds?|km)\b)|\n"
)
_CALORIES_BEFORE = compile_gated(r"(?<![\d.])(\d{1,4})\s?(?:cal|cals|calorie|calories)\s*$")
_NUMBER_BEFORE = compile_gated(r"(?<![\d.:/])(\d{1,4})\s?(?:x\s?)?$")
_WEIGHT_BEFORE = compile_gated(WEIGHT_RE.pattern + r"\s*$")
_DISTANCE_BEFORE = compile_gated(DISTANCE_RE.pattern + r"\s*$")
_BARE_AFTER = re.compile(
    r"\s?(?:\(|@\s?|at\s|to\s|w/\s?|with\s)?(?<![\d.])(\d{2,4}(?:\.5)?)\)?(?![\d.:%x]|\s?(?:m|km|k|cal|reps?|rounds?|min|s)\b)"
)
_CALORIES_AFTER = compile_gated(r"\s(?:for\s)?(\d{1,4})(?![\d.])\s?(?:cal|cals|calories)\b")
_REPS_AFTER = compile_gated(r"\s?x\s?(\d{1,3})(?![\d.:])")
_SETS = re.compile(r"\d\s?x\s?\d|\bsets? of\b")
_IMPLEMENT_LOAD = compile_gated(
    rf"(?<![\d.])(\d{{1,3}}(?:\.5)?)\s?({WEIGHT_UNIT})\s(?:pair of\s)?"
    r"(?P<tool>bells?|kbs?|kettlebells?|dbs|dumbbells)\b"
)
_VEST = re.compile(r"\s?(?:weight(?:ed)?\s)?vest")
_ADDED_LOAD = re.compile(r"\s?(?:@|\+|w/|with|at)?\s?(?:\d{1,2}\s?x\s?\d{1,2}\s?)?(?:@|\+)?\s?")
"""Between a bodyweight movement and a load it carries: "dips +20kg", "pull ups @ 10 kg"."""


@dataclass(slots=True)
class Item:
    """One movement of a list with what was said about it."""

    movement: Movement
    raw: str
    start: int
    reps: int | None = None
    load: RawLoad | None = None
    load_span: tuple[int, int] | None = None
    distance: float | None = None
    distance_unit: DistanceUnit | None = None
    calories: float | None = None
    bare_number: int | None = None
    """A number before the movement that may be reps or (for a benchmark) a load."""


def parse_items(text: str) -> list[Item]:
    """The movements of a lower-case list with reps, loads, distances and calories.

    Ambiguous words are read as unloaded ("squats" = air squats, "row" = rowing) unless a
    load goes with them.
    """
    mentions = find_mentions(text)
    items = []
    for index, mention in enumerate(mentions):
        start, end = _bounds(text, mentions, index)
        items.append(_item(text, mention, text[start : mention.start], mention.end, end))
    share_item_loads(items, text)
    _share_implement_load(items, text)
    return items


def _share_implement_load(items: list[Item], text: str) -> None:
    """Give a load said for the implement to each of its movements that states none.

    "KB circuit w/ the 20kg bell: swings, goblet squats, presses" swings the 20 kg bell.
    """
    if "bell" not in text and "kb" not in text and "db" not in text and "dumbbell" not in text:
        return
    taken = [item.load_span for item in items if item.load_span]
    for match in _IMPLEMENT_LOAD.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        kind = "kettlebell" if match["tool"].startswith(("k", "b")) else "dumbbell"
        for item in items:
            if item.load is None and item.movement.movement_type == kind:
                item.load = make_load(match[1], match[2])


def vest_spans(text: str) -> list[tuple[int, int]]:
    """Weights that describe a vest ("20lb vest"), not a movement's load."""
    return [(s.start, s.end) for s in find_weights(text) if _VEST.match(text, s.end)]


def _item(text: str, mention: Mention, before: str, after_start: int, end: int) -> Item:
    after = text[after_start:end]
    item = Item(mention.movement, text[mention.start : mention.end], mention.start)
    calories = _CALORIES_BEFORE.search(before) or _CALORIES_AFTER.match(after)
    if calories:
        item.calories = float(calories[1])
    elif (distance := _DISTANCE_BEFORE.search(before)) and (spans := find_distances(distance[0])):
        item.distance, item.distance_unit = spans[0].value, spans[0].unit  # type: ignore[assignment]
    elif (weight := _WEIGHT_BEFORE.search(before)) is not None:
        offset = mention.start - len(before)
        item.load = make_load(weight[1], weight[2])
        item.load_span = (offset + weight.start(), offset + weight.end())
    elif (number := _NUMBER_BEFORE.search(before)) is not None:
        item.bare_number = int(number[1])
        item.reps = item.bare_number
    if (reps := _REPS_AFTER.match(after)) is not None and item.reps is None:
        item.reps = int(reps[1])
    if item.distance is None and (spans := find_distances(after)):
        item.distance, item.distance_unit = spans[0].value, spans[0].unit  # type: ignore[assignment]
    if item.load is None:
        _load_after(item, text, after_start, end)
    item.movement = mention.resolve(item.load is not None)
    return item


def _load_after(item: Item, text: str, start: int, end: int) -> None:
    unloaded = item.movement.movement_type in ("gymnastics", "bodyweight")
    for span in find_weights(text[start:end]):
        if unloaded and not _ADDED_LOAD.fullmatch(text, start, start + span.start):
            continue  # "pullups (fran basically) 95#": the bar's load, not the pull-ups'
        if not _VEST.match(text, start + span.end):
            item.load = make_load(str(span.value), span.unit)
            item.load_span = (start + span.start, start + span.end)
            return
    bare = _BARE_AFTER.match(text, start)
    loadable = item.movement.movement_type in ("barbell", "dumbbell", "kettlebell", "other")
    if bare and _counts_the_next(text, bare.end(), end):
        return  # "100 cal row 80 wall balls 60 burpees": each number counts the next movement
    if bare and bare.end(1) <= end and loadable and float(bare[1]) >= 20:
        item.load = make_load(bare[1], None)
        item.load_span = (bare.start(1), bare.end(1))
    elif loadable and _SETS.search(text, start, end):
        # a class's strength part in set notation: "back squat 5x3 @ 275"
        groups, _ = read_groups(text[start:end])
        item.load = next((g.load for g in groups if g.load), None)


def _counts_the_next(text: str, after: int, end: int) -> bool:
    """Whether a number after a movement runs straight into the next movement's name."""
    return (
        end < len(text)
        and not text[after:end].strip()
        and _SEPARATOR.match(text, end) is None
        and not text[end].isspace()
    )


def _bounds(text: str, mentions: list[Mention], index: int) -> tuple[int, int]:
    """The list item around mention `index`: from the separator before it to the next one."""
    mention = mentions[index]
    low = mentions[index - 1].end if index else 0
    start = low
    for match in _SEPARATOR.finditer(text, low, mention.start):
        start = match.end()
    high = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
    depth = 0
    for position in range(mention.end, high):
        depth += (text[position] == "(") - (text[position] == ")")
        if depth <= 0 and _SEPARATOR.match(text, position, high):
            return start, position
    return start, high
