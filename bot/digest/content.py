"""Load digest content (topics with their key points, articles) from briefings/.

Reads `index.json` (bot.models.Index) and the bullets under `## Key points` of each topic's
brief, the format README documents. Returns plain `DigestContent` for bot.digest.compose.
"""

from __future__ import annotations

from pathlib import Path

from bot.digest.compose import ArticleLine, DigestContent, TopicCard
from bot.models import INDEX_FILE, Index


class ContentError(RuntimeError):
    pass


def key_points(markdown: str) -> tuple[str, ...]:
    """The top-level bullets of the `## Key points` section."""
    points: list[str] = []
    inside = False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = line[3:].strip().lower() == "key points"
            continue
        if inside and line.startswith(("- ", "* ")):
            points.append(line[2:].strip())
        elif inside and points and line.startswith("  ") and line.strip():
            points[-1] += " " + line.strip()  # wrapped bullet
    return tuple(points)


def load_content(briefings_dir: Path) -> DigestContent:
    path = Path(briefings_dir) / INDEX_FILE
    try:
        index = Index.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ContentError(f"{path} is missing: run `deepseek-bot build` first.") from e
    except ValueError as e:
        raise ContentError(f"{path} is not a valid briefings index: {e}") from e
    briefs = {b.id: b for b in index.briefs}
    topics: list[TopicCard] = []
    for t in index.topics:
        ref = briefs.get(t.id)
        points: tuple[str, ...] = ()
        sources: tuple[str, ...] = ()
        if ref is not None:
            sources = ref.sources
            md = Path(briefings_dir) / ref.path
            if md.is_file():
                points = key_points(md.read_text(encoding="utf-8"))
        topics.append(TopicCard(t.id, t.title, t.description, points, sources))
    articles = tuple(
        ArticleLine(a.id, a.title, a.publisher, a.url, a.published, a.summary)
        for a in index.articles
    )
    return DigestContent(tuple(topics), articles)
