"""Request dependencies: the database session, who is asking (session cookie, API token or
anonymous), role checks and CSRF checks. Routes declare what they need with the
``Annotated`` aliases at the bottom (``DbSession``, ``Reader``, ``Editor``, ``Admin``).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from pledgewatch import auth
from pledgewatch.config import Settings
from pledgewatch.store.db import session_scope
from pledgewatch.store.models import User, WebSession

SESSION_COOKIE = "pw_session"
CSRF_COOKIE = "pw_csrf"  # double-submit token for forms shown before signing in
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LoginRequired(Exception):
    def __init__(self, detail: str = "sign in, or send a personal API token") -> None:
        super().__init__(detail)
        self.detail = detail


class Forbidden(Exception):
    def __init__(self, detail: str = "your role does not allow this") -> None:
        super().__init__(detail)
        self.detail = detail


class CsrfFailed(Exception):
    detail = "CSRF token missing or wrong"


@dataclass
class Principal:
    """Who a request acts as. Name, role and CSRF token are copied out of the rows, so that
    an error page rendered after the transaction ended can still use them."""

    user: User | None
    via: str  # session, token, anonymous
    web_session: WebSession | None = None
    name: str | None = field(init=False)
    role: str | None = field(init=False)
    csrf: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.name = self.user.name if self.user else None
        self.role = self.user.role if self.user else None
        self.csrf = self.web_session.csrf_token if self.web_session else None

    def switch_session(self, row: WebSession) -> None:
        self.web_session = row
        self.csrf = row.csrf_token

    def can(self, role: str) -> bool:
        return self.name is not None and auth.role_allows(self.role, role)


def get_settings_(request: Request) -> Settings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.engine) as session:
        yield session


DbSession = Annotated[Session, Depends(get_db)]


def client_ip(request: Request) -> str:
    """The client's address; behind a trusted proxy uvicorn has already put the
    X-Forwarded-For address here (``--proxy-headers``)."""
    return request.client.host if request.client else "unknown"


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def get_principal(request: Request, db: DbSession) -> Principal:
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise LoginRequired("use 'Authorization: Bearer <personal API token>'")
        user = auth.user_for_api_token(db, token.strip())
        if user is None:
            raise LoginRequired("invalid or revoked API token")
        principal = Principal(user, "token")
    else:
        row = auth.session_for_token(db, request.cookies.get(SESSION_COOKIE))
        principal = Principal(row.user, "session", row) if row else Principal(None, "anonymous")
    request.state.principal = principal
    return principal


def expected_csrf(request: Request, principal: Principal) -> str | None:
    if principal.csrf is not None:
        return principal.csrf
    return request.cookies.get(CSRF_COOKIE)


def csrf_token_for(request: Request, principal: Principal) -> str:
    """The token forms on this page carry: the session's, or (before signing in) the
    double-submit cookie's, made here when the browser has none yet."""
    token = expected_csrf(request, principal)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf_cookie = token
    return token


async def check_csrf(request: Request, principal: Principal) -> None:
    """Unsafe requests made with a cookie must carry the CSRF token (form field or
    X-CSRF-Token header). Requests with an API token carry no cookie and need none."""
    if request.method not in UNSAFE_METHODS or principal.via == "token":
        return
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not auth.same_secret(sent, expected_csrf(request, principal)):
        raise CsrfFailed()


async def page_csrf(request: Request, principal: Annotated[Principal, Depends(get_principal)]):
    await check_csrf(request, principal)


def require(role: str):
    """A dependency: the principal, when it may act as ``role``. "viewer" also admits
    anonymous visitors when PLEDGEWATCH_ANONYMOUS_READ is on (for safe methods only)."""

    async def dependency(
        request: Request, principal: Annotated[Principal, Depends(get_principal)]
    ) -> Principal:
        if principal.user is None:
            anonymous_ok = (
                role == "viewer"
                and request.method not in UNSAFE_METHODS
                and request.app.state.settings.anonymous_read
            )
            if not anonymous_ok:
                raise LoginRequired()
            return principal
        if not principal.can(role):
            raise Forbidden(f"needs the {role} role (yours is {principal.role})")
        await check_csrf(request, principal)
        return principal

    return dependency


Reader = Annotated[Principal, Depends(require("viewer"))]
Editor = Annotated[Principal, Depends(require("editor"))]
Admin = Annotated[Principal, Depends(require("admin"))]
AnyPrincipal = Annotated[Principal, Depends(get_principal)]


async def form_data(request: Request) -> FormData:
    """The posted form, read once (the CSRF check reads the same cached form)."""
    return await request.form()


PostedForm = Annotated[FormData, Depends(form_data)]
