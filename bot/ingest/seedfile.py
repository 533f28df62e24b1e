"""Seed files: the bytes of `seeds/articles/<id>.txt`, a unique id, and an atomic write.

The format is the builder's (bot.builder.readers): TOML front matter between '+++' lines,
then the article text, one paragraph per line. Every file is parsed back with the builder's
own reader before it is written, so `deepseek-bot build` reads exactly what was meant.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.builder.errors import BuildError
from bot.builder.readers import ARTICLES_DIR, FENCE, MAX_BYTES, parse_article
from bot.ingest import dedupe
from bot.ingest.errors import DuplicateError, IngestError
from bot.models import ArticleMeta

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_SLUG = 60


def slugify(title: str) -> str:
    """'DeepSeek’s V3: $5.6M?' → 'deepseeks-v3-5-6m'; at most 60 characters, cut at a dash."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_ = re.sub(r"['’]", "", ascii_.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[20:] else slug[:MAX_SLUG]
        slug = slug.strip("-")
    return slug or "article"


def _toml_str(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def render(meta: ArticleMeta, paragraphs: tuple[str, ...]) -> bytes:
    """The seed file's bytes. Unknown fields are left out, never filled in."""
    head = [FENCE, f"id = {_toml_str(meta.id)}", f"title = {_toml_str(meta.title)}"]
    if meta.publisher:
        head.append(f"publisher = {_toml_str(meta.publisher)}")
    if meta.url:
        head.append(f"url = {_toml_str(meta.url)}")
    if meta.published:
        head.append(f"published = {meta.published.isoformat()}")
    head.append(FENCE)
    body = [p for p in paragraphs if p.strip() != FENCE]
    return ("\n".join(head + body) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Existing:
    path: str  # as shown, e.g. "seeds/articles/x.txt"
    url: str | None
    shingles: frozenset[int]


@dataclass
class Corpus:
    """The seed articles already on disk: ids, URLs and text shingles, for ids and duplicates."""

    folder: Path  # seeds/articles
    ids: set[str] = field(default_factory=set)
    articles: list[Existing] = field(default_factory=list)

    @classmethod
    def load(cls, seeds_dir: Path) -> Corpus:
        folder = seeds_dir / ARTICLES_DIR
        corpus = cls(folder)
        if not folder.is_dir():
            return corpus
        for path in sorted(folder.glob("*.txt")):
            corpus.ids.add(path.stem)
            if path.name.startswith(".") or path.stat().st_size > MAX_BYTES:
                continue
            try:
                seed = parse_article(path.read_bytes(), shown(path))
            except BuildError:
                continue  # `deepseek-bot build` reports a broken seed; it cannot be a duplicate
            corpus.ids.add(seed.meta.id)
            corpus.articles.append(
                Existing(shown(path), seed.meta.url, dedupe.shingles(seed.body.splitlines()))
            )
        return corpus

    def unique_id(self, base: str) -> str:
        if base not in self.ids:
            return base
        n = 2
        while f"{base}-{n}" in self.ids:
            n += 1
        return f"{base}-{n}"

    def duplicate_of(
        self, urls: tuple[str, ...], paragraphs: tuple[str, ...]
    ) -> DuplicateError | None:
        wanted = {dedupe.normalize_url(u) for u in urls if u}
        for art in self.articles:
            if art.url and dedupe.normalize_url(art.url) in wanted:
                return DuplicateError(
                    f"already in {art.path} (same URL); pass --force to add it anyway", art.path
                )
        new = dedupe.shingles(paragraphs)
        for art in self.articles:
            if dedupe.same_text(new, art.shingles):
                return DuplicateError(
                    f"already in {art.path} (substantially the same text); pass --force to add it anyway",
                    art.path,
                )
        return None

    def write(self, meta: ArticleMeta, paragraphs: tuple[str, ...]) -> Path:
        """Write seeds/articles/<id>.txt atomically; never replaces an existing file."""
        data = render(meta, paragraphs)
        path = self.folder / f"{meta.id}.txt"
        try:
            parsed = parse_article(data, shown(path))
        except BuildError as exc:
            raise IngestError(f"{exc}") from None
        if parsed.meta != meta:  # the reader must see exactly what we meant
            raise IngestError(
                f"{shown(path)}: front matter did not read back as written; not saved"
            )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{meta.id}-", suffix=".tmp", dir=self.folder)
        except OSError as exc:
            raise IngestError(
                f"{shown(self.folder)}: cannot write there ({exc.strerror or exc}); check the folder"
            ) from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            _publish(tmp, path)
        except OSError as exc:
            raise IngestError(
                f"{shown(path)}: cannot write it ({exc.strerror or exc}); nothing was saved"
            ) from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        self.ids.add(meta.id)
        self.articles.append(Existing(shown(path), meta.url, dedupe.shingles(paragraphs)))
        return path


def _publish(tmp: str, path: Path) -> None:
    """Move the finished temporary file to `path`, refusing to replace an existing file."""
    try:
        os.link(tmp, path)  # atomic, and fails if the file appeared meanwhile
    except FileExistsError:
        raise IngestError(f"{shown(path)}: already exists; pick another --id") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise IngestError(f"{shown(path)}: already exists; pick another --id") from None
        os.replace(tmp, path)


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
