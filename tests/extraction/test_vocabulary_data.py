"""The vocabulary's data files: every alias reads as its own movement, and only as it."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from pydantic import ValidationError

from extraction.movement_data import MovementRow, load_movements
from extraction.vocabulary import MOVEMENTS, find_mentions

ROWS = load_movements()
_WORDS = re.compile(r"[a-z0-9]+|[&+]")


def _written(alias: str) -> str:
    """The alias as an athlete types it: without its marks and its unloaded reading."""
    return alias.partition("~")[0].rstrip("?!")


ALIASES = [
    (name, alias) for name, row in ROWS.items() for alias in (*row.aliases, *row.other_languages)
]


def test_the_vocabulary_is_broad() -> None:
    assert len(MOVEMENTS) >= 330
    families = {row.family for row in ROWS.values()}
    assert families == {
        "powerlifting", "olympic", "bodybuilding", "calisthenics", "conditioning", "cardio",
    }  # fmt: skip


@pytest.mark.parametrize(("name", "alias"), ALIASES, ids=[a for _, a in ALIASES])
def test_every_alias_reads_as_its_movement(name: str, alias: str) -> None:
    # "3x5" after it: the aliases of everyday words ("clean!") need a number next to them.
    mentions = find_mentions(f"{_written(alias)} 3x5")
    assert [m.resolve(loaded=True).name for m in mentions][:1] == [name]


def test_no_alias_is_claimed_by_two_movements() -> None:
    claims: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for name, alias in ALIASES:
        claims[tuple(_WORDS.findall(_written(alias)))].add(name)
    shared = {" ".join(words): names for words, names in claims.items() if len(names) > 1}
    assert shared == {}


def test_a_name_as_written_is_its_movement() -> None:
    # The written alias wins over another movement's name: "row" is written for the barbell
    # row (the rower when nothing is loaded), so it is the one name that yields.
    for name in ROWS:
        (mention,) = find_mentions(name.replace("_", " ") + " 3x5")
        assert mention.movement.name == name or name == "row"


@pytest.mark.parametrize(
    "row",
    [
        {"type": "barbell", "family": "olympic", "category": "compound", "muscle": "quads"},
        {"type": "machine", "family": "bodybuilding", "category": "compound", "muscle": "quads"},
        {"type": "barbell", "family": "powerlifting", "category": "main_lift", "muscle": "toes"},
        {
            "type": "other",
            "family": "cardio",
            "category": "rowing",
            "muscle": "back",
            "aliases": ["Row"],
        },
        {"type": "other", "family": "cardio", "category": "rowing", "muscle": "back", "sets": 3},
    ],
)
def test_a_malformed_row_is_refused(row: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        MovementRow.model_validate(row)
