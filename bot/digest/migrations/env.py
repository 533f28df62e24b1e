"""Alembic environment: runs on the connection Store gives it (no alembic.ini, no URL)."""

from __future__ import annotations

import zlib

from alembic import context

connection = context.config.attributes["connection"]
prefix = context.config.attributes["prefix"]

context.configure(
    connection=connection,
    version_table=f"{prefix}alembic_version",
    transaction_per_migration=False,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two processes starting at once: the second waits, then finds nothing to do.
        # (SQLite: the store's BEGIN IMMEDIATE already serialises them.)
        key = zlib.crc32(f"{prefix}alembic".encode()) & 0x7FFFFFFF
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({key})")
    context.run_migrations()
