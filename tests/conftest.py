"""Shared fixtures: real SQLite files, and the real PostgreSQL server where one runs.

PostgreSQL tests skip with a reason when no server is reachable; with
PLEDGEWATCH_REQUIRE_POSTGRES=1 (set by .ci/run) they fail instead, so CI cannot pass
without them.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_0075bcf27b629686.txt"
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

PG_ADMIN_URL = os.environ.get(
    "PLEDGEWATCH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _postgres_admin():
    import sqlalchemy

    engine = sqlalchemy.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(sqlalchemy.text("SELECT 1"))
    except Exception as exc:  # no server reachable
        engine.dispose()
        return None, exc
    return engine, None


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "pledgewatch.sqlite")


@pytest.fixture
def postgres_url():
    """A fresh, empty database on the real server, dropped afterwards."""
    import sqlalchemy

    admin, error = _postgres_admin()
    if admin is None:
        message = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {error}"
        if os.environ.get("PLEDGEWATCH_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    name = f"pledgewatch_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    from pledgewatch.store.db import get_engine

    get_engine(url).dispose()
    get_engine.cache_clear()
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """Every storage test runs on both backends."""
    if request.param == "sqlite":
        return str(tmp_path / "pledgewatch.sqlite")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed statement is not here ({SEED}); it lives in ../shared")
    return SEED.read_text(encoding="utf-8")
