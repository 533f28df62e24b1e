"""The data contract between the builder and everything that reads briefings/.

The builder writes `briefings/index.json` as an `Index`; the Slack app, the digests and
the preview load it at start-up. Markdown files hold the prose; the index holds metadata.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

INDEX_FILE = "index.json"
INDEX_SCHEMA = 1
POINTS_FILE = "points.jsonl"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Topic(_Frozen):
    """A thread of the coverage, from seeds/topics.toml."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    description: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


class ArticleMeta(_Frozen):
    """Front matter of one seed file. Optional fields stay empty unless the text states them."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    publisher: str | None = None
    url: str | None = None
    published: date | None = None


class Article(ArticleMeta):
    """An article as the index lists it."""

    path: str  # briefing path relative to briefings/, e.g. "articles/<id>.md"
    summary: str  # one line, a source sentence
    topics: tuple[str, ...] = ()
    sha256: str  # of the seed file's bytes


class Citation(_Frozen):
    """A point and the articles that state it."""

    text: str
    sources: tuple[str, ...]  # article ids


class BriefRef(_Frozen):
    """Where a generated brief is and what it holds, for the app's buttons and search."""

    id: str  # "overview" or a topic id
    title: str
    path: str  # relative to briefings/
    sha256: str  # of the Markdown file's bytes
    sources: tuple[str, ...]  # article ids, in the order of the brief's numbered list
    points: int


class BuildInfo(_Frozen):
    builder_version: str
    seeds_sha256: str  # over every seed file and topics.toml, sorted by name
    articles: int
    topics: int
    points: int
    dropped_lines: int
    points_sha256: str | None = None  # of points.jsonl, the catalogue questions are ranked over


class Index(_Frozen):
    """briefings/index.json. Deterministic: no timestamps, sorted keys."""

    schema_version: int = INDEX_SCHEMA
    build: BuildInfo
    topics: tuple[Topic, ...]
    articles: tuple[Article, ...]
    briefs: tuple[BriefRef, ...]  # overview first, then topics in topics.toml order
