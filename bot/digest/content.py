"""Digest content from the briefings: topics with their key points, and the articles.

`content_from_library(library)` turns a `bot.library.Library` into the plain
`DigestContent` that bot.digest.compose works on; `load_content(dir)` loads one first.
"""

from __future__ import annotations

from pathlib import Path

from bot.digest.compose import ArticleLine, DigestContent, TopicCard
from bot.library import Library, LibraryError

__all__ = ["ContentError", "content_from_library", "load_content"]


class ContentError(RuntimeError):
    """The briefings could not be loaded; the message says how to fix it."""


def content_from_library(library: Library) -> DigestContent:
    topics: list[TopicCard] = []
    for t in library.topics:
        brief = library.get_brief(t.id)
        points: tuple[str, ...] = ()
        sources: tuple[str, ...] = ()
        if brief is not None:
            points = tuple(p.text + "".join(f" [{n}]" for n in p.citations) for p in brief.points)
            sources = tuple(s.article_id or "" for s in brief.sources)
        topics.append(TopicCard(t.id, t.title, t.description, points, sources))
    articles = tuple(
        ArticleLine(a.id, a.title, a.publisher, a.url, a.published, a.summary)
        for a in library.articles
    )
    return DigestContent(tuple(topics), articles)


def load_content(briefings_dir: Path | str) -> DigestContent:
    try:
        return content_from_library(Library.load(briefings_dir))
    except LibraryError as e:
        raise ContentError(str(e)) from None
