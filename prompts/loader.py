"""Load prompt files from this package and fill `$placeholders` (string.Template)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template


@cache
def load(name: str) -> str:
    """The text of `prompts/<name>` (cached: prompt files never change at run time)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render(name: str, **values: str) -> str:
    """Render a prompt file; a missing placeholder is a bug, so it raises KeyError."""
    return Template(load(name)).substitute(values).strip()


@cache
def catalogue(folder: str) -> dict[str, str]:
    """Ids and one-line descriptions of the files in `prompts/<folder>/` (first `# ` line)."""
    entries: dict[str, str] = {}
    for item in sorted(resources.files(__package__).joinpath(folder).iterdir(), key=str):
        if item.name.endswith(".md"):
            first = item.read_text(encoding="utf-8").split("\n", 1)[0]
            entries[item.name.removesuffix(".md")] = first.lstrip("# ").strip()
    return entries
