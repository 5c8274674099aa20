"""The web app: ``create_app()`` wires the JSON API (``/api/v1``), the HTML pages and the
static files to one database. `pledgewatch serve` runs it with uvicorn."""

from __future__ import annotations

import threading
import time
from importlib.resources import files
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from pledgewatch import __version__
from pledgewatch.config import Settings, get_settings
from pledgewatch.store.db import open_store
from pledgewatch.web.deps import CsrfFailed, Forbidden, LoginRequired

# No inline script or style anywhere: even text that slipped past escaping could not run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """A plain ASGI middleware (cheaper than BaseHTTPMiddleware) adding the headers above."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                present = {name for name, _ in message["headers"]}
                message["headers"].extend(h for h in SECURITY_HEADERS if h[0] not in present)
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD as GET without the body (RFC 9110: a server that supports GET supports
    HEAD). FastAPI's routes accept only the methods they declare, and declaring HEAD on
    each would also list it in the OpenAPI description as an operation of its own."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_without_body(message):
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        # a copy: the server still sees HEAD, and so sends no body itself either
        return await self.app(dict(scope, method="GET"), receive, send_without_body)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes before they are spooled to disk: by the
    declared Content-Length, or while a body without one streams in."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(send)
        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise RequestTooLarge()
            return message

        try:
            return await self.app(scope, counted_receive, send)
        except RequestTooLarge:
            return await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = b'{"detail": "request body too large"}'
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class RequestTooLarge(Exception):
    pass


class StatsCache:
    """The home page's counts, kept for a few seconds and dropped on every write, so the
    busiest page does not recount the record on each visit."""

    def __init__(self, ttl_s: float = 30.0) -> None:
        self.ttl_s = ttl_s
        self._value = None
        self._at = 0.0
        self._lock = threading.Lock()

    def get(self, compute):
        with self._lock:
            if self._value is not None and time.monotonic() - self._at < self.ttl_s:
                return self._value
        value = compute()
        with self._lock:
            self._value, self._at = value, time.monotonic()
        return value

    def invalidate(self) -> None:
        with self._lock:
            self._value = None


API_DESCRIPTION = """
The pledgewatch record as JSON: documents, entities, facts with their evidence, search and
review decisions. Ids are those of `pledgewatch export --format json`.

Authenticate with a personal API token (create one on your account page, or with
`pledgewatch user token NAME`): `Authorization: Bearer pw_…`. A browser that is signed in
may also call the API with its session cookie; writes then need the `X-CSRF-Token` header.
"""


def create_app(database_url: str | None = None, settings: Settings | None = None) -> FastAPI:
    from pledgewatch.web.api import router as api_router
    from pledgewatch.web.api.documents import MAX_UPLOAD_FILES
    from pledgewatch.web.apidocs import mount_api_docs
    from pledgewatch.web.pages import router as pages_router

    settings = settings or get_settings()
    engine = open_store(database_url or settings.database_url)
    app = FastAPI(
        title="pledgewatch",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url=None,  # served by apidocs.py, to readers only, like /docs
        docs_url=None,  # FastAPI's own pages load their scripts from a CDN: see apidocs.py
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.stats_cache = StatsCache()
    # an upload request holds at most MAX_UPLOAD_FILES files of the allowed size
    app.add_middleware(
        BodyLimit, limit=int(settings.max_file_mb * 1024 * 1024 * MAX_UPLOAD_FILES) + 1024 * 1024
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    mount_api_docs(app)
    app.mount(
        "/static", StaticFiles(directory=str(files("pledgewatch.web") / "static")), name="static"
    )
    app.include_router(api_router, prefix="/api/v1")
    app.include_router(pages_router)
    _install_error_handlers(app)
    return app


def create_app_from_environment() -> FastAPI:
    """The app each `pledgewatch serve` worker runs. Settings are read afresh, not from
    ``get_settings()``'s cache: serve puts ``--db`` into the environment after the CLI has
    already read (and cached) the settings once."""
    return create_app(settings=Settings())


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _install_error_handlers(app: FastAPI) -> None:
    from pledgewatch.web.render import render

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": exc.detail}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=403)
        return render(
            request, "error.html", {"title_key": "forbidden", "text_key": "forbidden_text"}, 403
        )

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=403)
        return render(request, "error.html", {"title_key": "error", "text_key": "csrf_failed"}, 403)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request) or exc.status_code not in (404, 405, 413):
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        if exc.status_code == 404:
            return render(
                request, "error.html", {"title_key": "not_found", "text_key": "not_found_text"}, 404
            )
        return render(
            request,
            "error.html",
            {"title_key": "error", "text_key": None, "detail": str(exc.detail)},
            exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        detail = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
        return render(
            request, "error.html", {"title_key": "error", "text_key": None, "detail": detail}, 422
        )
