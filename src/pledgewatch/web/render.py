"""Server-rendered pages: one Jinja2 environment (autoescape always on) and ``render``,
which adds what every page needs (language, translator, who is signed in, CSRF token)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pledgewatch import __version__
from pledgewatch.web.deps import (
    CSRF_COOKIE,
    csrf_token_for,
    is_https,
)
from pledgewatch.web.i18n import LANGUAGES, Translator, language_of

TEMPLATES = files("pledgewatch.web") / "templates"


def query_string(params: dict, **changes) -> str:
    """``?a=1&b=2`` from params with changes applied; None or "" drops a key."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return "?" + urlencode(pairs) if pairs else "?"


def short_date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def plain_number(value):
    """84.0 -> 84: JSON numbers that happen to be whole read better without the point."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(qs=query_string, version=__version__, languages=LANGUAGES)
    env.filters["when"] = short_date
    env.filters["num"] = plain_number
    return env


def render(
    request: Request, template: str, context: dict | None = None, status_code: int = 200
) -> HTMLResponse:
    principal = getattr(request.state, "principal", None)
    lang = language_of(request)
    csrf = csrf_token_for(request, principal) if principal is not None else ""
    page = {
        "request": request,
        "path": request.url.path,
        "full_path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        "lang": lang,
        "t": Translator(lang),
        "principal": principal,
        "user": {"name": principal.name, "role": principal.role}
        if principal is not None and principal.name
        else None,
        "csrf_token": csrf,
        "flash": None,
        **(context or {}),
    }
    html = environment().get_template(template).render(page)
    response = HTMLResponse(html, status_code=status_code)
    new_cookie = getattr(request.state, "new_csrf_cookie", None)
    if new_cookie:
        response.set_cookie(
            CSRF_COOKIE,
            new_cookie,
            httponly=True,
            samesite="lax",
            secure=is_https(request),
            path="/",
        )
    return response
