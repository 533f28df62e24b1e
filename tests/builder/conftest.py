"""Fixtures for the builder tests: the repository's seeds, built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

# tests/corpus/corpus_tools.py: the development corpus, queries and content checks
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))

import shutil
from pathlib import Path
from typing import Protocol

import pytest

from bot.builder.pipeline import Output, build
from bot.builder.readers import Seeds, read_seeds

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
BRIEFINGS = ROOT / "briefings"

ARTICLE_HEAD = '+++\nid = "{id}"\ntitle = "{title}"\n+++\n'


@pytest.fixture(scope="session")
def repo_seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def repo_briefings() -> Path:
    return BRIEFINGS


@pytest.fixture(scope="session")
def seeds() -> Seeds:
    return read_seeds(SEEDS)


@pytest.fixture(scope="session")
def built(seeds: Seeds) -> Output:
    return build(seeds)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of seeds/."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


class ArticleWriter(Protocol):
    def __call__(self, seeds_dir: Path, aid: str, title: str, body: str) -> Path: ...


@pytest.fixture
def write_article() -> ArticleWriter:
    """Write seeds_dir/articles/<aid>.txt with minimal front matter."""

    def write(seeds_dir: Path, aid: str, title: str, body: str) -> Path:
        path = seeds_dir / "articles" / f"{aid}.txt"
        path.write_text(ARTICLE_HEAD.format(id=aid, title=title) + body, encoding="utf-8")
        return path

    return write
