"""The web app's files and the offline API docs, served by the app itself."""

from __future__ import annotations

import re

from httpx import AsyncClient

ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
IMPORT = re.compile(r"""^import .* from "\./([^"]+)";$""", re.MULTILINE)


async def _assets_load(client: AsyncClient, html: str) -> list[str]:
    """Every file the page references is served here; returns their paths."""
    paths = ASSET.findall(html)
    for path in paths:
        assert path.startswith("/"), f"{path} is not on this origin"
        assert (await client.get(path)).status_code == 200, path
    return paths


async def test_index_is_the_app_with_a_same_origin_policy(client: AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert 'aria-label="Message"' in html and ">Send</button>" in html
    for heading in ("Workouts", "Memories", "Progress"):
        assert f">{heading}</h2>" in html
    assert "/static/app.js" in await _assets_load(client, html)


async def test_every_module_the_app_imports_is_served(client: AsyncClient) -> None:
    seen: set[str] = set()
    pending = ["app.js"]
    while pending:
        name = pending.pop()
        response = await client.get(f"/static/{name}")
        assert response.status_code == 200, name
        assert "javascript" in response.headers["content-type"]
        seen.add(name)
        folder = name.rpartition("/")[0]
        for imported in IMPORT.findall(response.text):
            path = f"{folder}/{imported}" if folder else imported
            if path not in seen:
                pending.append(path)
    assert {"api.js", "chat.js", "charts.js", "vendor/uplot/uPlot.esm.js"} <= seen


async def test_docs_load_swagger_ui_from_this_service(client: AsyncClient) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "http://" not in response.text and "https://" not in response.text
    paths = await _assets_load(client, response.text)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in paths
    assert (await client.get("/redoc")).status_code == 404


async def test_unknown_paths_are_still_json_errors(client: AsyncClient) -> None:
    response = await client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await client.get("/static/../api/main.py")).status_code == 404
