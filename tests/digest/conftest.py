"""Digest test fixtures: a store on SQLite (always) and PostgreSQL (when TEST_DATABASE_URL is set).

Every test gets its own table prefix and drops its tables afterwards, so a shared PostgreSQL
database is left as it was found.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest_helpers import DB, PG_SKIP, make_content, pg_url

from bot.digest.compose import DigestContent
from bot.digest.store import Store


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DB]:
    prefix = f"t{uuid.uuid4().hex[:10]}_"
    if request.param == "sqlite":
        path = tmp_path / "digest.sqlite3"
        yield DB("sqlite", f"sqlite:///{path}", None, path, prefix)
        return
    url = pg_url()
    if url is None:
        pytest.skip(PG_SKIP)
    database = DB("postgres", url, os.environ["TEST_DATABASE_URL"], None, prefix)
    yield database
    cleanup = database.store()
    try:
        cleanup.drop_schema()
    finally:
        cleanup.close()


@pytest.fixture
def store(db: DB) -> Iterator[Store]:
    s = db.store()
    s.create_schema()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def content() -> DigestContent:
    return make_content()
