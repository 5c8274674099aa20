"""The interactive API reference: Swagger UI at ``/docs``, served from the copy of its
files that the fastapi-offline package ships (never a CDN, which the Content-Security-Policy
forbids and an offline instance cannot reach).

The page and the schema it shows, ``/openapi.json``, are readable by whoever may read
``/api/v1`` (signed-in users and API tokens, and anonymous visitors when
PLEDGEWATCH_ANONYMOUS_READ is on): Swagger UI fetches the schema and tries operations with
the browser's session cookie. FastAPI's own schema route would answer anyone, so the app
turns it off and this module serves the schema. ReDoc, which the package ships too, is not
offered: it injects inline styles, which the policy forbids on every page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from pledgewatch.web.app import CONTENT_SECURITY_POLICY
from pledgewatch.web.deps import Reader

ASSETS_URL = "/static/api-docs"
OPENAPI_URL = "/openapi.json"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

router = APIRouter(include_in_schema=False)


def mount_api_docs(app: FastAPI) -> None:
    """Adds the page and its assets; call before mounting ``/static`` itself, which
    would otherwise answer (with 404) for the assets' paths too."""
    assets = StaticFiles(directory=str(files("fastapi_offline") / "static"))
    app.mount(ASSETS_URL, assets, name="api-docs-assets")
    app.include_router(router)


def policy_allowing_inline_scripts(policy: str, html: bytes) -> str:
    """``policy`` with the page's own inline scripts allowed by their SHA-256 hashes: the
    script FastAPI writes to start Swagger UI runs, and no other inline script could."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in INLINE_SCRIPT.findall(html.decode())
    ]
    return policy.replace("script-src 'self'", " ".join(["script-src 'self'", *hashes]), 1)


@router.get(OPENAPI_URL)
def openapi_schema(request: Request, _: Reader) -> JSONResponse:
    """The OpenAPI description of /api/v1 (built once per process by FastAPI)."""
    return JSONResponse(request.app.openapi())


@router.get("/docs")
def swagger_ui(request: Request, _: Reader) -> HTMLResponse:
    """Swagger UI: every operation of /api/v1 with its parameters, and "Try it out"."""

    page = get_swagger_ui_html(
        openapi_url=OPENAPI_URL,
        title=f"{request.app.title} API",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
    )
    page.headers["content-security-policy"] = policy_allowing_inline_scripts(
        CONTENT_SECURITY_POLICY, page.body
    )
    return page
