"""Fixtures for the ingest tests: a local HTTP server, and a seeds folder to add to."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_server import LocalServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the project's seeds (topics and articles) that tests may add to."""
    dest = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", dest, ignore=shutil.ignore_patterns("README.md", "feeds.toml"))
    return dest
