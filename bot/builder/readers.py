"""Read seed articles (TOML front matter + text) and seeds/topics.toml."""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError

from bot.builder.errors import BuildError
from bot.models import ArticleMeta, Topic

FENCE = "+++"
MAX_BYTES = 2_000_000  # a news article is a few tens of KB; anything bigger is a mistake
ARTICLES_DIR = "articles"
TOPICS_FILE = "topics.toml"


@dataclass(frozen=True, slots=True)
class SeedArticle:
    """One seed file: metadata, the article text after the front matter, and a hash of the file."""

    meta: ArticleMeta
    body: str
    sha256: str
    path: str  # as shown in messages, e.g. "seeds/articles/x.txt"
    offset: int = 0  # lines before the body: body line n is file line n + offset


@dataclass(frozen=True, slots=True)
class Seeds:
    articles: tuple[SeedArticle, ...]
    topics: tuple[Topic, ...]
    sha256: str  # over every seed file and topics.toml, sorted by name


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "front matter"
    return f"{loc}: {err['msg']}"


def parse_article(data: bytes, shown: str) -> SeedArticle:
    """Parse one seed file's bytes; raise BuildError naming `shown` and the fix."""
    if len(data) > MAX_BYTES:
        raise BuildError(
            f"{shown}: file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit; "
            "keep only the article text"
        )
    if not data.strip():
        raise BuildError(
            f"{shown}: file is empty; add front matter and the article text, or delete it"
        )
    if b"\x00" in data:
        raise BuildError(f"{shown}: binary file, not text; save the article as UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"{shown}: not UTF-8 (bad byte at offset {exc.start}); re-save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise BuildError(
            f"{shown}: no front matter; start the file with a '+++' line, id and title, then '+++'"
        )
    close = next((n for n in range(1, len(lines)) if lines[n].strip() == FENCE), None)
    if close is None:
        raise BuildError(f"{shown}: front matter is not closed; add a '+++' line after it")
    head = "".join(lines[1:close])
    body = "".join(lines[close + 1 :])
    try:
        raw = tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"{shown}: front matter is not valid TOML ({exc}); fix the TOML") from None
    raw = {k: v for k, v in raw.items() if v not in ("", None)}
    try:
        meta = ArticleMeta.model_validate(raw)
    except ValidationError as exc:
        raise BuildError(f"{shown}: bad front matter, {_first_error(exc)}") from None
    if meta.url is not None:
        check_url(meta.url, shown)
    if not body.strip():
        raise BuildError(
            f"{shown}: no article text after the front matter; paste the text below '+++'"
        )
    offset = close + 1
    return SeedArticle(
        meta=meta, body=body, sha256=hashlib.sha256(data).hexdigest(), path=shown, offset=offset
    )


def check_url(url: str, shown: str) -> None:
    """Only absolute http(s) links are ever rendered: anything else is an input error."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or url != url.strip():
        example = 'url = "https://example.com/story"'
        raise BuildError(
            f"{shown}: url must start with http:// or https:// (got {url[:60]!r}); e.g. {example}"
        )


def parse_topics(data: bytes, shown: str) -> tuple[Topic, ...]:
    """Parse topics.toml: a list of [[topic]] tables."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BuildError(f"{shown}: not valid TOML ({exc}); fix the file") from None
    items = raw.get("topic")
    if not isinstance(items, list) or not items:
        raise BuildError(f"{shown}: no [[topic]] tables; add at least one topic with id and title")
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            topic = Topic.model_validate(item)
        except ValidationError as exc:
            raise BuildError(f"{shown}: topic {n}: {_first_error(exc)}") from None
        if topic.id == "overview":
            raise BuildError(
                f"{shown}: topic id 'overview' is reserved for the overview; rename it"
            )
        if topic.id in seen:
            raise BuildError(
                f"{shown}: topic id '{topic.id}' appears twice; give each topic its own id"
            )
        if not topic.keywords:
            raise BuildError(f"{shown}: topic '{topic.id}' has no keywords; add keywords = [...]")
        seen.add(topic.id)
        topics.append(topic)
    return tuple(topics)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _unreadable(path: Path, exc: OSError) -> BuildError:
    reason = exc.strerror or type(exc).__name__
    return BuildError(
        f"{_shown(path)}: cannot read it ({reason}); check its permissions, e.g. chmod -R a+rX seeds"
    )


def _read_file(path: Path) -> bytes:
    """A seed file's bytes; a folder, an over-size or an unreadable file is a BuildError."""
    shown = _shown(path)
    try:
        if path.is_dir():
            raise BuildError(
                f"{shown}: is a folder, not an article file; rename it (no .txt) or move it out"
            )
        size = path.stat().st_size
        if size > MAX_BYTES:  # do not read 50 MB just to reject it
            raise BuildError(
                f"{shown}: file is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit; "
                "keep only the article text"
            )
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None


def read_seeds(seeds_dir: Path) -> Seeds:
    """Read seeds_dir/articles/*.txt and seeds_dir/topics.toml. Other files are ignored."""
    try:
        return _read_seeds(seeds_dir)
    except OSError as exc:  # a folder that cannot be listed or entered
        where = Path(exc.filename) if isinstance(exc.filename, str) else seeds_dir
        raise _unreadable(where, exc) from None


def _article_paths(art_dir: Path) -> list[Path]:
    if not art_dir.is_dir():
        return []
    if not os.access(art_dir, os.R_OK | os.X_OK):
        raise PermissionError(13, "Permission denied", str(art_dir))
    # Path.glob swallows a PermissionError and finds nothing: list the folder ourselves.
    names = os.listdir(art_dir)
    return sorted(art_dir / n for n in names if n.endswith(".txt") and not n.startswith("."))


def _read_seeds(seeds_dir: Path) -> Seeds:
    if not seeds_dir.is_dir():
        raise BuildError(f"{_shown(seeds_dir)}: no such folder; pass --seeds DIR or set SEEDS_DIR")
    os.listdir(seeds_dir)  # unreadable: PermissionError, reported with the folder's name
    topics_path = seeds_dir / TOPICS_FILE
    if not topics_path.exists():
        raise BuildError(f"{_shown(topics_path)}: missing; create it (see README, 'Change topics')")
    art_dir = seeds_dir / ARTICLES_DIR
    paths = _article_paths(art_dir)
    if not paths:
        raise BuildError(
            f"{_shown(art_dir)}: no *.txt articles; add one (see README, 'Add an article')"
        )
    digest = hashlib.sha256()
    articles: list[SeedArticle] = []
    ids: dict[str, str] = {}
    for path in paths:
        shown = _shown(path)
        data = _read_file(path)
        article = parse_article(data, shown)
        if article.meta.id in ids:
            raise BuildError(
                f"{shown}: id '{article.meta.id}' is already used by {ids[article.meta.id]}; pick another id"
            )
        ids[article.meta.id] = shown
        digest.update(f"{ARTICLES_DIR}/{path.name}\0".encode())
        digest.update(data)
        articles.append(article)
    if topics_path.is_dir():
        raise BuildError(f"{_shown(topics_path)}: is a folder; it must be a TOML file")
    topics_data = _read_file(topics_path)
    topics = parse_topics(topics_data, _shown(topics_path))
    digest.update(f"{TOPICS_FILE}\0".encode())
    digest.update(topics_data)
    articles.sort(key=lambda a: a.meta.id)
    return Seeds(articles=tuple(articles), topics=topics, sha256=digest.hexdigest())
