"""`make test` never skips the PostgreSQL tests in silence: it finds the local server, or says
in the summary why they skipped and how to enable them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from postgres_support import LOCAL_PG, find_postgres

ROOT = Path(__file__).resolve().parents[1]


def run_postgres_tests(**env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "postgres",
            "tests/digest/test_digest_store.py",
        ],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return out.stdout + out.stderr


def test_the_local_server_is_found_or_the_skip_is_explained() -> None:
    url, why = find_postgres()
    output = run_postgres_tests()
    if url is not None:
        assert " skipped" not in output and " passed" in output, output[-2000:]
        assert "PostgreSQL tests ran against 127.0.0.1:5432/test" in output, output[-2000:]
    else:
        assert f"PostgreSQL tests skipped: {why}" in output, output[-2000:]
        assert f"set TEST_DATABASE_URL, e.g. {LOCAL_PG}" in output
