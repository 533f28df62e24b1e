"""Find the local PostgreSQL server the tests use when TEST_DATABASE_URL is unset."""

from __future__ import annotations

import socket

LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/test"


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def find_postgres(url: str = LOCAL_PG) -> tuple[str | None, str]:
    """(url, "") when PostgreSQL at `url` takes a connection, else (None, why not)."""
    if not _answers("127.0.0.1", 5432):
        return None, "nothing answers on 127.0.0.1:5432"
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("select 1")
    except psycopg.Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return None, f"127.0.0.1:5432 answers but {url} refused: {first[:160]}"
    return url, ""
