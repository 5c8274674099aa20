"""Accounts: users and roles, password hashing, sign-in sessions, personal API tokens and
the sign-in rate limit. Plain functions over a SQLAlchemy session; the CLI (`user add`)
and the web app both call these.

Passwords are hashed with Argon2id (argon2-cffi, its current default parameters). Session
cookies and API tokens are random 256-bit secrets of which only the SHA-256 is stored, so a
copy of the database does not let anyone sign in.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pledgewatch.config import Settings
from pledgewatch.store.models import ApiToken, LoginFailure, User, WebSession

ROLES = ("viewer", "editor", "admin")  # each role may do everything the ones before it may
MIN_PASSWORD_LENGTH = 8
FIRST_ADMIN = "admin"
TOKEN_PREFIX = "pw_"
_NAME = re.compile(r"^[\w.@+-]{1,120}$")

_hasher = PasswordHasher()
# Verified against when the user does not exist, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """A request about accounts that cannot be done (bad name, short password, …)."""


class LoginFailed(Exception):
    """Wrong user name or password (deliberately not saying which)."""


class LoginThrottled(Exception):
    """Too many failed sign-ins for this user name from this address; try again later."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many failed sign-ins; try again in {retry_after_s} s")
        self.retry_after_s = retry_after_s


def now() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """SQLite gives timestamps back without a zone; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def role_allows(role: str | None, needed: str) -> bool:
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- passwords and users -----------------------------------------------------------------


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def random_password() -> str:
    return secrets.token_urlsafe(15)


def get_user(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == name))


def create_user(session: Session, *, name: str, password: str, role: str) -> User:
    name = name.strip()
    if not _NAME.match(name):
        raise AccountError(
            "a user name is 1-120 letters, digits or the characters . _ @ + - (no spaces)"
        )
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r} (use {', '.join(ROLES)})")
    check_password_rules(password)
    if get_user(session, name) is not None:
        raise AccountError(f"a user named {name!r} exists already")
    moment = now()
    user = User(
        name=name,
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=moment,
        password_changed_at=moment,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password signs the user out everywhere else."""
    check_password_rules(password)
    user.password_hash = hash_password(password)
    user.password_changed_at = now()
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def set_role(session: Session, user: User, role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r} (use {', '.join(ROLES)})")
    if user.role == "admin" and role != "admin":
        _keep_one_admin(session, user)
    user.role = role


def set_active(session: Session, user: User, active: bool) -> None:
    if not active and user.role == "admin":
        _keep_one_admin(session, user)
    user.active = active
    if not active:
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
        session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))


def _keep_one_admin(session: Session, leaving: User) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.active.is_(True), User.id != leaving.id)
    )
    if not others:
        raise AccountError("there must stay at least one active admin")


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def ensure_first_admin(session: Session) -> tuple[str, str] | None:
    """On a database with no user at all, creates ``admin`` with a random password and
    returns (name, password) so the caller can print it once; otherwise None."""
    if count_users(session):
        return None
    password = random_password()
    create_user(session, name=FIRST_ADMIN, password=password, role="admin")
    return FIRST_ADMIN, password


def verify_password(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and (
            user is not None
        )
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# --- sign-in with a rate limit -------------------------------------------------------------


def authenticate(
    session: Session, *, name: str, password: str, ip: str, settings: Settings
) -> User:
    """The user, or LoginFailed / LoginThrottled. Failures are counted per user name and
    address in a sliding window; once the limit is reached even the right password is
    refused until the oldest failure leaves the window."""
    name = name.strip()[:120]
    moment = now()
    window = timedelta(minutes=settings.login_window_minutes)
    session.execute(delete(LoginFailure).where(LoginFailure.at < moment - window))
    failures = session.scalars(
        select(LoginFailure.at)
        .where(
            LoginFailure.username == name,
            LoginFailure.ip == ip,
            LoginFailure.at >= moment - window,
        )
        .order_by(LoginFailure.at)
    ).all()
    if len(failures) >= settings.login_max_failures:
        oldest = aware(failures[len(failures) - settings.login_max_failures])
        raise LoginThrottled(max(1, int((oldest + window - moment).total_seconds()) + 1))
    user = get_user(session, name)
    if not verify_password(user, password) or not user.active:
        session.add(LoginFailure(username=name, ip=ip[:64], at=moment))
        raise LoginFailed()
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.execute(
        delete(LoginFailure).where(LoginFailure.username == name, LoginFailure.ip == ip)
    )
    return user


# --- sessions ------------------------------------------------------------------------------


def start_session(session: Session, user: User, settings: Settings) -> tuple[str, WebSession]:
    """A new sign-in: returns the cookie token (shown to the browser only) and the row."""
    token = secrets.token_urlsafe(32)
    moment = now()
    row = WebSession(
        id=_sha256(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=moment,
        expires_at=moment + timedelta(hours=settings.session_hours),
    )
    session.add(row)
    session.execute(delete(WebSession).where(WebSession.expires_at < moment))
    return token, row


def session_for_token(session: Session, token: str | None) -> WebSession | None:
    if not token:
        return None
    row = session.get(WebSession, _sha256(token))
    if row is None or aware(row.expires_at) < now() or not row.user.active:
        return None
    return row


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.id == _sha256(token)))


def same_secret(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


# --- API tokens ----------------------------------------------------------------------------


def create_api_token(session: Session, user: User, label: str) -> tuple[str, ApiToken]:
    """Returns the token (shown once, never stored) and its row."""
    label = " ".join(label.split())[:120] or "token"
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user.id,
        label=label,
        token_hash=_sha256(token),
        prefix=token[:10],
        created_at=now(),
    )
    session.add(row)
    session.flush()
    return token, row


def user_for_api_token(session: Session, token: str | None) -> User | None:
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _sha256(token)))
    if row is None or not row.user.active:
        return None
    moment = now()
    # one write a minute at most, so reads through the API stay reads
    if row.last_used_at is None or moment - aware(row.last_used_at) > timedelta(minutes=1):
        row.last_used_at = moment
    return row.user


def revoke_api_token(session: Session, user: User, token_id: int) -> bool:
    result = session.execute(
        delete(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id)
    )
    return bool(result.rowcount)


def api_tokens(session: Session, user: User) -> list[ApiToken]:
    return list(
        session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)
        )
    )
