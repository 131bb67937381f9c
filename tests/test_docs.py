"""docs/ names everything the code exposes: routes, settings, error codes, table keys."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pydantic import AliasChoices

from api.main import create_app
from api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
API_DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
LAYOUT_DOC = (ROOT / "docs" / "data-layout.md").read_text(encoding="utf-8")
ERROR_MODULES = ("storage/errors.py", "agent/errors.py", "api/errors.py")
KEY_PIECE = re.compile(r"[\w.]*[#/][\w#/.]*|\w+\.json")
"""A string in storage/keys.py that is part of a key: has `#` or `/`, or names a document."""


def routes() -> list[str]:
    """`METHOD /path` of every operation the app serves (OpenAPI leaves out /docs & co.)."""
    app = create_app(Settings(jwt_secret="x" * 32, log_level="WARNING"))
    paths = app.openapi()["paths"]
    return [f"{method.upper()} {path}" for path, ops in paths.items() for method in ops]


def settings_variables() -> list[str]:
    """The `COACH_*` environment variable of every Settings field."""
    names = []
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else []
        names += [c for c in choices if isinstance(c, str) and c.startswith("COACH_")]
        names += [] if choices else [f"COACH_{field.upper()}"]
    return names


def error_codes() -> list[str]:
    """Every `code = "..."` class attribute of the error modules."""
    codes = []
    for module in ERROR_MODULES:
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
            for statement in cls.body:
                match statement:
                    case ast.Assign(
                        targets=[ast.Name(id="code")], value=ast.Constant(value=str() as code)
                    ):
                        codes.append(code)
    return codes


def key_literals() -> set[str]:
    """Every key piece written literally in storage/keys.py (constants and f-string parts)."""
    tree = ast.parse((ROOT / "storage" / "keys.py").read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    return {s for s in strings if isinstance(s, str) and KEY_PIECE.fullmatch(s)}


def test_every_route_is_in_api_doc() -> None:
    found = routes()
    assert "POST /v1/coaches/{coach_id}/conversations/{conversation_id}/messages" in found
    assert [route for route in found if f"`{route}`" not in API_DOC] == []


def test_every_setting_is_in_api_doc() -> None:
    found = settings_variables()
    assert {"COACH_STORAGE", "COACH_AWS_ENDPOINT_URL"} <= set(found)
    assert [name for name in found if f"`{name}`" not in API_DOC] == []


def test_every_error_code_is_in_api_doc() -> None:
    found = error_codes()
    assert {"not_found", "model_unavailable", "message_too_long"} <= set(found)
    assert [code for code in found if f"`{code}`" not in API_DOC] == []


def test_every_error_code_has_one_status() -> None:
    from api.errors import STATUS_BY_CODE

    assert [code for code in error_codes() if code not in STATUS_BY_CODE] == []


def test_every_key_literal_is_in_data_layout_doc() -> None:
    found = key_literals()
    assert {"user#", "coachConversation#", "rate#m#", "athletes/"} <= found
    assert sorted(literal for literal in found if literal not in LAYOUT_DOC) == []
