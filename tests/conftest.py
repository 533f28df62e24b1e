"""Shared fixtures. `slack_stub`: a running local Slack Web API stand-in (tests/slack_stub.py).

PostgreSQL: the digest tests run against TEST_DATABASE_URL. When it is unset and a server
answers at LOCAL_PG (the local cluster `make test` and CI use), that server is used; when none
does, the PostgreSQL tests skip and the summary says so, with how to enable them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from postgres_support import LOCAL_PG, find_postgres
from slack_stub import SlackStub

_PG_NOTE: list[str] = []  # why PostgreSQL tests skip, for the summary


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("TEST_DATABASE_URL"):
        return
    url, why = find_postgres()
    if url is not None:
        os.environ["TEST_DATABASE_URL"] = url
    else:
        _PG_NOTE.append(why)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "postgres" in r.keywords]
    url = os.environ.get("TEST_DATABASE_URL", "")
    if skipped and _PG_NOTE:
        terminalreporter.write_line(
            f"{len(skipped)} PostgreSQL tests skipped: {_PG_NOTE[0]}. To run them, start "
            f"PostgreSQL (CI does) or set TEST_DATABASE_URL, e.g. {LOCAL_PG}",
            yellow=True,
        )
    elif url and not skipped:
        ran = [
            r
            for kind in ("passed", "failed")
            for r in terminalreporter.stats.get(kind, [])
            if "postgres" in getattr(r, "keywords", {})
        ]
        if ran:
            host = url.rsplit("@", 1)[-1]
            terminalreporter.write_line(f"{len(ran)} PostgreSQL tests ran against {host}")


@pytest.fixture
def slack_stub() -> Iterator[SlackStub]:
    with SlackStub() as stub:
        yield stub
