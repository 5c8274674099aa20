"""Signing in and out, the interface language, and one's own account (password, personal
API tokens)."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from pledgewatch import auth
from pledgewatch.web.deps import (
    SESSION_COOKIE,
    AnyPrincipal,
    DbSession,
    LoginRequired,
    PostedForm,
    Principal,
    client_ip,
    is_https,
)
from pledgewatch.web.i18n import LANG_COOKIE, LANGUAGES
from pledgewatch.web.render import render

router = APIRouter()


def safe_next(value: str | None) -> str:
    """Only a path on this site: never an absolute or protocol-relative URL."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    return value


def _set_session_cookie(request: Request, response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(request.app.state.settings.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/",
    )


@router.get("/login")
def login_form(request: Request, principal: AnyPrincipal, next: str | None = None):
    if principal.user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login")
def login(request: Request, db: DbSession, principal: AnyPrincipal, form: PostedForm):
    name = str(form.get("username") or "")
    password = str(form.get("password") or "")
    target = safe_next(str(form.get("next") or ""))
    settings = request.app.state.settings
    try:
        user = auth.authenticate(
            db, name=name, password=password, ip=client_ip(request), settings=settings
        )
    except auth.LoginThrottled as exc:
        db.commit()
        minutes = max(1, round(exc.retry_after_s / 60))
        response = render(
            request,
            "login.html",
            {"next": target, "error": ("login_throttled", {"minutes": minutes}), "name": name},
            429,
        )
        response.headers["Retry-After"] = str(exc.retry_after_s)
        return response
    except auth.LoginFailed:
        db.commit()  # the failure counts towards the rate limit
        return render(
            request,
            "login.html",
            {"next": target, "error": ("login_failed", {}), "name": name},
            401,
        )
    auth.end_session(db, request.cookies.get(SESSION_COOKIE))
    token, _ = auth.start_session(db, user, settings)
    db.commit()
    response = RedirectResponse(target, status_code=303)
    _set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def logout(request: Request, db: DbSession, _: AnyPrincipal):
    auth.end_session(db, request.cookies.get(SESSION_COOKIE))
    db.commit()
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/lang/{code}")
def set_language(code: str, next: str | None = None):
    response = RedirectResponse(safe_next(next), status_code=303)
    if code in LANGUAGES:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="lax", path="/")
    return response


def _signed_in(principal: Principal) -> Principal:
    if principal.user is None:
        raise LoginRequired()
    return principal


def _account(request: Request, db, principal: Principal, status_code: int = 200, **extra):
    context = {
        "tokens": auth.api_tokens(db, principal.user),
        "new_token": None,
        "message": None,
        "error": None,
        **extra,
    }
    return render(request, "account.html", context, status_code)


@router.get("/account")
def account(request: Request, db: DbSession, principal: AnyPrincipal):
    return _account(request, db, _signed_in(principal))


@router.post("/account/password")
def change_password(request: Request, db: DbSession, principal: AnyPrincipal, form: PostedForm):
    user = _signed_in(principal).user
    if not auth.verify_password(user, str(form.get("current") or "")):
        return _account(request, db, principal, 400, error="login_failed")
    try:
        auth.set_password(db, user, str(form.get("new") or ""))
    except auth.AccountError as exc:
        return _account(request, db, principal, 400, error=str(exc))
    token, row = auth.start_session(db, user, request.app.state.settings)
    db.commit()
    principal.switch_session(row)  # the forms on the page answer to the new session
    response = _account(request, db, principal, message="password_changed")
    _set_session_cookie(request, response, token)
    return response


@router.post("/account/tokens")
def create_token(request: Request, db: DbSession, principal: AnyPrincipal, form: PostedForm):
    user = _signed_in(principal).user
    token, _ = auth.create_api_token(db, user, str(form.get("label") or ""))
    db.commit()
    return _account(request, db, principal, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(token_id: int, db: DbSession, principal: AnyPrincipal):
    auth.revoke_api_token(db, _signed_in(principal).user, token_id)
    db.commit()
    return RedirectResponse("/account", status_code=303)
