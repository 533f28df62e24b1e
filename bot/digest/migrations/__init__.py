"""Alembic migrations of the digest tables (run by `Store.create_schema()`, never by hand).

Table names carry the store's prefix (DIGEST_TABLE_PREFIX), passed in
`config.attributes["prefix"]`; the version table is `<prefix>alembic_version`.
- 0001: the single-workspace schema (meta, subscriptions, deliveries). Databases made before
  migrations existed already have these tables: 0001 creates only what is missing.
- 0002: everything keyed by workspace; a `workspaces` table (name, pause, install state).
  Existing rows become workspace '' (the SLACK_BOT_TOKEN workspace).
"""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

HERE = Path(__file__).resolve().parent
_LOCK = threading.Lock()  # Alembic loads its scripts into module state: one at a time


def config(connection: Connection, prefix: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    cfg.attributes["prefix"] = prefix
    return cfg


def head() -> str:
    script = ScriptDirectory(str(HERE))
    current = script.get_current_head()
    assert current is not None
    return current


def upgrade(connection: Connection, prefix: str) -> None:
    with _LOCK:
        command.upgrade(config(connection, prefix), "head")
