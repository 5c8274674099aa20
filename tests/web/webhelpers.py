"""Helpers of the web tests (fixtures are in conftest.py)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

with warnings.catch_warnings():  # Starlette suggests httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from pledgewatch.config import Settings

WEB_SAMPLES = [
    "01_zhylanbayev-sentence-ru.txt",
    "02_toregozhina-fine-ru.txt",
    "11_elshibayev-freedom-now-ru.txt",
    "12_temirov-live-verdict-ru.txt",
    "17_mamadshoeva-sentence-en.txt",
    "21_summit-pledges-statement-en.txt",
]
USERS = {
    "admin": ("admin-password-1", "admin"),
    "editor": ("editor-password-1", "editor"),
    "viewer": ("viewer-password-1", "viewer"),
}
# A document whose text is markup: it must be shown as text, never run.
HOSTILE_NAME = "hostile-markup-ru.txt"
HOSTILE_TEXT = (
    'Журналист Данияр Адилбеков <script>alert("xss")</script> был задержан в Алматы '
    "3 марта 2024 года. <img src=x onerror=alert(1)> Его обвиняют по статье 274 УК РК.\n"
)

# A later statement naming «Айгерим Тлеужановой»: the resolver can only call her 'possibly
# the same person' as the Aigerim Tleuzhan of the samples (the merge queue's one pair).
LATER_STATEMENT_NAME = "tleuzhanova-ru.txt"
LATER_STATEMENT = (
    "Алматы, 2 декабря 2025 года. Адвокат журналистки Айгерим Тлеужановой потребовала "
    "провести независимое медицинское обследование.\n"
)


def ingest_files(url: str, paths: list[Path]) -> None:
    from pledgewatch.ingest.pipeline import ingest_one
    from pledgewatch.store.db import open_store

    engine = open_store(url)
    for path in paths:
        outcome = ingest_one(engine, path, Settings())
        assert outcome.status == "added", outcome


def add_users(url: str) -> None:
    from pledgewatch.auth import create_user
    from pledgewatch.store.db import open_store, session_scope

    with session_scope(open_store(url)) as session:
        for name, (password, role) in USERS.items():
            create_user(session, name=name, password=password, role=role)


def make_client(db_path, base_url: str = "http://testserver", **settings) -> TestClient:
    from pledgewatch.web.app import create_app

    app = create_app(str(db_path), Settings(**settings))
    return TestClient(app, base_url=base_url, follow_redirects=False)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def login(client: TestClient, name: str, password: str | None = None):
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": name,
            "password": password if password is not None else USERS[name][0],
            "csrf_token": csrf_of(page.text),
            "next": "/",
        },
    )
    return response


def api_token(db_path, name: str) -> str:
    from pledgewatch.auth import create_api_token, get_user
    from pledgewatch.store.db import open_store, session_scope

    with session_scope(open_store(str(db_path))) as session:
        token, _ = create_api_token(session, get_user(session, name), "test")
    return token


def export_of(db_path) -> dict:
    from pledgewatch.report.export import build_export
    from pledgewatch.store.db import open_store, session_scope

    with session_scope(open_store(str(db_path))) as session:
        return build_export(session)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
