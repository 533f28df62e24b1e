"""Helpers shared by the digest tests (imported as `digest_helpers`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.digest.compose import ArticleLine, DigestContent, TopicCard
from bot.digest.store import Store

FIXTURE_BRIEFINGS = Path(__file__).resolve().parent.parent / "slack" / "fixtures" / "briefings"
PG_SKIP = "TEST_DATABASE_URL is not set: PostgreSQL tests need a server (CI sets one)"


def pg_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return None
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class DB:
    kind: str  # "sqlite" | "postgres"
    url: str  # SQLAlchemy URL
    env_url: str | None  # DATABASE_URL for subprocesses (None: use DIGEST_DB_PATH)
    sqlite_path: Path | None
    prefix: str

    def env(self) -> dict[str, str]:
        out = {"DIGEST_TABLE_PREFIX": self.prefix}
        if self.env_url:
            out["DATABASE_URL"] = self.env_url
        else:
            assert self.sqlite_path is not None
            out["DIGEST_DB_PATH"] = str(self.sqlite_path)
            out["DATABASE_URL"] = ""
        return out

    def store(self) -> Store:
        return Store(self.url, prefix=self.prefix)


def make_content(n_articles: int = 3, n_topics: int = 3) -> DigestContent:
    articles = tuple(
        ArticleLine(
            f"a{i}",
            f"Article {i} <b>&",
            "Publisher",
            f"https://example.com/{i}",
            date(2025, 1, min(28, i + 1)),
            f"Summary of article {i}.",
        )
        for i in range(n_articles)
    )
    topics = tuple(
        TopicCard(
            f"topic-{i}",
            f"Topic {i}",
            f"About topic {i}.",
            (f"First point of {i}. [1]", f"Second point of {i}. [1] [2]", "Third. [2]", "Fourth."),
            tuple(a.id for a in articles[:2]),
        )
        for i in range(n_topics)
    )
    return DigestContent(topics, articles)
