"""One settings object. Every option is an environment variable ``PLEDGEWATCH_*``
(or a line in ``.env``) with a default and help text; `pledgewatch settings` lists them."""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLEDGEWATCH_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "pledgewatch.sqlite",
        description="SQLAlchemy URL of the database, or a bare path to a SQLite file.",
    )
    max_file_mb: float = Field(
        50, gt=0, description="Largest file ingest accepts, in MB; larger files are refused."
    )
    max_text_chars: int = Field(
        2_000_000, gt=0, description="Longest text kept from one document, in characters."
    )
    keep_originals: bool = Field(
        True, description="Keep each ingested file's bytes so a better extractor can re-read it."
    )
    anonymous_read: bool = Field(
        False,
        description="Web app: let visitors who are not signed in read (never write); "
        "for a public instance.",
    )
    session_hours: float = Field(
        336, gt=0, description="Web app: how long a sign-in lasts, in hours (default 14 days)."
    )
    trust_proxy_headers: bool = Field(
        False,
        description="Web app: trust X-Forwarded-Proto/-For from a reverse proxy in front of "
        "`pledgewatch serve` (HTTPS there makes cookies Secure; the client address there "
        "is the one rate limits count).",
    )
    login_max_failures: int = Field(
        5,
        gt=0,
        description="Web app: failed sign-ins allowed per user name and address "
        "within the login window before further attempts are refused.",
    )
    login_window_minutes: float = Field(
        15, gt=0, description="Web app: the sliding window of the sign-in rate limit, in minutes."
    )


@cache
def get_settings() -> Settings:
    return Settings()


def settings_table() -> list[tuple[str, str, str]]:
    """(variable, default, help) for every setting, for `pledgewatch settings` and the docs."""
    rows = []
    for name, field in Settings.model_fields.items():
        rows.append((f"PLEDGEWATCH_{name.upper()}", repr(field.default), field.description or ""))
    return rows
