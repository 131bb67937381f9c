"""The web app at `/` and the API docs at `/docs`, both from files in this package.

Nothing is loaded from another host: the app's ES modules, its stylesheet and the vendored
uPlot and Swagger UI (`api/web/vendor/`) are served under `/static`, so the app and the
docs work offline. The app's page forbids any other origin with its Content-Security-Policy.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB_DIR = Path(__file__).parent / "web"
STATIC = "/static"
APP_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def mount_web(app: FastAPI, *, docs: bool = True) -> None:
    """Serve the app's page at `/` and its files under `/static`.

    With `docs`, Swagger UI at `/docs` too.
    """
    app.mount(STATIC, StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(
            WEB_DIR / "index.html",
            headers={"Content-Security-Policy": APP_POLICY, "Cache-Control": "no-cache"},
        )

    if docs:
        _mount_docs(app)


def _mount_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} - docs",
            swagger_js_url=f"{STATIC}/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{STATIC}/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url=f"{STATIC}/favicon.svg",
        )
