"""Fixtures of the web tests: one SQLite file with a few sample documents and three users
(built once per run), copied for each test that needs its own, and in-process clients."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLES

from web.webhelpers import (
    HOSTILE_NAME,
    HOSTILE_TEXT,
    WEB_SAMPLES,
    TestClient,
    add_users,
    ingest_files,
    login,
    make_client,
)


@pytest.fixture(scope="session")
def master_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("webdb")
    hostile = folder / HOSTILE_NAME
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    path = folder / "master.sqlite"
    ingest_files(str(path), [SAMPLES / name for name in WEB_SAMPLES] + [hostile])
    add_users(str(path))
    from pledgewatch.store.db import get_engine

    get_engine(str(path)).dispose()
    with sqlite3.connect(path) as connection:  # everything into the main file, for copying
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def web_db(master_db, tmp_path) -> Path:
    """A private copy of the prepared database (tests may write to it)."""
    path = tmp_path / "web.sqlite"
    shutil.copy(master_db, path)
    return path


@pytest.fixture
def client(web_db) -> TestClient:
    return make_client(web_db)


@pytest.fixture
def editor(web_db) -> TestClient:
    client = make_client(web_db)
    assert login(client, "editor").status_code == 303
    return client


@pytest.fixture
def viewer(web_db) -> TestClient:
    client = make_client(web_db)
    assert login(client, "viewer").status_code == 303
    return client


@pytest.fixture
def admin(web_db) -> TestClient:
    client = make_client(web_db)
    assert login(client, "admin").status_code == 303
    return client
