"""One article, end to end: read a source, extract it, refuse duplicates, write the seed file.

`deepseek-bot add` and `deepseek-bot feeds pull` both come through `read_source` (or
`draft_from_page`) and `save`, so a feed entry is added exactly as a URL would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from bot.ingest import MAX_BYTES
from bot.ingest.decode import decode_html, decode_text, kind_of
from bot.ingest.errors import IngestError
from bot.ingest.extract import MIN_WORDS, Extracted, extract_html, paragraphs_from_text
from bot.ingest.fetch import Fetched, Fetcher
from bot.ingest.seedfile import ID_PATTERN, Corpus, shown, slugify
from bot.models import ArticleMeta


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the operator states (`--title` …), or what a feed entry states as a fallback."""

    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    id: str | None = None

    def check(self) -> None:
        if self.id is not None and not ID_PATTERN.match(self.id):
            raise IngestError(
                f"--id {self.id!r}: use lowercase letters, digits, - and _ (e.g. reuters-chip-curbs)"
            )
        if self.url is not None and not self.url.lower().startswith(("http://", "https://")):
            raise IngestError(f"--url {self.url!r}: give the article's http(s) address")
        if self.title is not None and not self.title.strip():
            raise IngestError("--title is empty; give the article's headline")


@dataclass(frozen=True, slots=True)
class Draft:
    """An article read from a source, before it becomes a seed file."""

    source: str  # as the user gave it, for messages
    kind: str  # "html" or "text"
    extracted: Extracted
    urls: tuple[str, ...]  # every address it is known by (canonical, final, as asked)


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    meta: ArticleMeta
    words: int

    def line(self) -> str:
        """title · date · publisher · words"""
        m = self.meta
        return " · ".join(
            (
                m.title,
                m.published.isoformat() if m.published else "no date",
                m.publisher or "no publisher",
                f"{self.words:,} words",
            )
        )


def draft_from_page(fetched: Fetched, source: str) -> Draft:
    """A fetched page (or feed entry's page) as a draft."""
    kind = kind_of(fetched.body, fetched.media_type, fetched.url, source)
    if kind == "text":
        text = decode_html(fetched.body, fetched.charset, source)
        ex = Extracted(None, None, None, None, paragraphs_from_text(text))
    else:
        ex = extract_html(decode_html(fetched.body, fetched.charset, source), fetched.url)
    url = ex.url or fetched.url  # the page's canonical URL, else the final URL after redirects
    ex = Extracted(ex.title, ex.published, ex.publisher, url, ex.paragraphs)
    urls = tuple(dict.fromkeys(u for u in (url, fetched.url, source) if u))
    return Draft(source, kind, ex, urls)


def _read_file(source: str) -> bytes:
    path = Path(source)
    if not path.is_file():
        raise IngestError(
            f"{source}: no such file; give an http(s) URL, a saved .html page, a .txt file or '-'"
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(
            f"{source}: the file is {size / 1e6:.1f} MB, over the 5 MB limit; this is not an article"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{source}: cannot read it ({exc.strerror or exc})") from None


def read_source(source: str, fetcher: Fetcher, stdin: BinaryIO) -> Draft:
    """A URL, a saved .html page, a .txt file, or '-' (standard input) as a draft."""
    if source.lower().startswith(("http://", "https://")):
        return draft_from_page(fetcher.get(source), source)
    if source == "-":
        data = stdin.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise IngestError("standard input: over the 5 MB limit; this is not an article")
        shown_as, name = "standard input", ""
    else:
        data = _read_file(source)
        shown_as, name = source, source
    if not data.strip():
        raise IngestError(f"{shown_as}: is empty; give the article's text or page")
    kind = kind_of(data, "", name, shown_as)
    if kind == "html":
        ex = extract_html(decode_html(data, None, shown_as))
    else:
        ex = Extracted(None, None, None, None, paragraphs_from_text(decode_text(data, shown_as)))
    return Draft(shown_as, kind, ex, tuple(u for u in (ex.url,) if u))


def save(
    draft: Draft,
    overrides: Overrides,
    corpus: Corpus,
    *,
    force: bool = False,
    fallback: Overrides | None = None,
) -> Added:
    """Write the draft as a seed file. Overrides win over what the page states; `fallback`
    (a feed entry's title and date) only fills what the page does not state."""
    ex = draft.extracted
    fb = fallback or Overrides()
    words = ex.words
    if words < MIN_WORDS:
        if draft.kind == "text":
            raise IngestError(
                f"{draft.source}: only {words} words of text; paste the whole article"
            )
        raise IngestError(
            f"{draft.source}: no article text found ({words} words; a paywall, or a page that "
            "needs JavaScript?); save the article's text to a .txt file and add that with --title"
        )
    title = overrides.title or ex.title or fb.title
    if not title:
        raise IngestError(f'{draft.source}: no title found; pass --title "the headline"')
    url = overrides.url or ex.url or fb.url
    if not force:
        dup = corpus.duplicate_of(tuple(u for u in (url, *draft.urls) if u), ex.paragraphs)
        if dup is not None:
            dup.args = (f"{draft.source}: {dup}",)
            raise dup
    if overrides.id is not None:
        if overrides.id in corpus.ids:
            raise IngestError(
                f"--id {overrides.id!r} is already used in {shown(corpus.folder)}; pick another id"
            )
        article_id = overrides.id
    else:
        article_id = corpus.unique_id(slugify(title))
    meta = ArticleMeta(
        id=article_id,
        title=" ".join(title.split()),
        publisher=overrides.publisher or ex.publisher,
        url=url,
        published=overrides.published or ex.published or fb.published,
    )
    path = corpus.write(meta, ex.paragraphs)
    return Added(path, meta, words)
