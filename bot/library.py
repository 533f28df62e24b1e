"""The briefings as typed objects: `briefings/index.json` plus the Markdown briefs it lists.

    library = Library.load(Path("briefings"))      # raises LibraryError with a one-line fix
    library.overview.points[0].text                # "The Chinese firm said ..."
    library.brief("training-cost").sources[0].url
    library.article(3)                             # by number (1-based, index order) or by id

`LibraryHolder` keeps the current Library for a long-running server. A daemon thread checks
the files' size and mtime every `interval` seconds and swaps in a freshly loaded Library when
they change (a half-written build fails its sha256 check and is retried on the next tick).
`holder.get()` never does I/O, so handlers can call it before they ack.

The Markdown shape is README's "Briefings format"; it is parsed with markdown-it-py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import ValidationError

from bot.models import INDEX_FILE, INDEX_SCHEMA, POINTS_FILE, Article, Index, Topic

log = logging.getLogger(__name__)

_MD = MarkdownIt("commonmark")
_CITES = re.compile(r"(?:\s*\[(\d+)\])+\s*$")
_CITE = re.compile(r"\[(\d+)\]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BOTTOM = re.compile(r"^\*\*(?:Bottom line|In brief):?\*\*:?\s*", re.IGNORECASE)
_PLAIN_BOTTOM = re.compile(r"^(?:Bottom line|In brief):?\s*:?\s*", re.IGNORECASE)
# the citations closing each sentence of a multi-sentence lead: "A. [1] B. [2] [3]"
_LEAD_SPLIT = re.compile(r"((?:\s*\[\d+\])+)(?=\s+\S)")
BUILD_HINT = "run `deepseek-bot build`"


class LibraryError(Exception):
    """One line: what is wrong with briefings/ and how to fix it."""


@dataclass(frozen=True)
class Point:
    """A sentence from a brief and the source numbers it cites."""

    markdown: str  # inline Markdown, citation markers removed
    text: str  # plain text, citation markers removed
    citations: tuple[int, ...] = ()


@dataclass(frozen=True)
class CatalogPoint:
    """One line of points.jsonl: a cited point the app can rank to answer a question."""

    id: str  # "<article id>:<sentence position>"
    text: str  # plain text, as in the source (bracketed insertions allowed)
    sources: tuple[str, ...]  # article ids, oldest first
    published: str | None = None  # newest ISO date among its articles
    when: str | None = None  # ISO date of the event it reports
    figures: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    quality: float = 1.0
    updated_by: str | None = None  # id of the newer point that updates this one
    asked: str | None = None  # the question it answers in an interview: words that find it


@dataclass(frozen=True)
class Difference:
    """One `### aspect` under `## Where sources differ`, with the competing claims."""

    aspect: str
    claims: tuple[Point, ...]


@dataclass(frozen=True)
class Source:
    """One entry of a brief's numbered `## Sources` list."""

    number: int
    title: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date
    article_id: str | None = None


@dataclass(frozen=True)
class Brief:
    """overview.md or topics/<id>.md."""

    id: str
    title: str
    description: str
    bottom_line: Point | None
    points: tuple[Point, ...]
    differences: tuple[Difference, ...]
    sources: tuple[Source, ...]
    markdown: str
    path: str
    topics: tuple[Point, ...] = ()  # the overview's `## Topics` lines
    lead: tuple[Point, ...] = ()  # "In brief": 1–2 sentences (bottom_line is the first)
    more: tuple[Point, ...] = ()  # `## More`: points behind the "More" button
    timeline: tuple[Point, ...] = ()  # `## Timeline`: "**date**: event" lines

    def source(self, number: int) -> Source | None:
        return self.sources[number - 1] if 0 < number <= len(self.sources) else None

    @property
    def plain_text(self) -> str:
        """Every sentence of the brief, for search."""
        parts = [self.title, self.description]
        parts += [p.text for p in self.lead]
        parts += [p.text for p in self.points]
        parts += [p.text for p in self.more]
        parts += [d.aspect for d in self.differences]
        parts += [c.text for d in self.differences for c in d.claims]
        return "\n".join(parts)


@dataclass(frozen=True)
class ArticleBrief:
    """articles/<id>.md: the per-article summary."""

    id: str
    title: str
    source_line: str
    summary: str
    figures: tuple[str, ...]
    quoted: tuple[str, ...]
    topics: tuple[str, ...]
    markdown: str


@dataclass(eq=False)
class Library:
    root: Path
    index: Index
    overview: Brief
    briefs: dict[str, Brief]  # topic id -> brief
    article_markdown: dict[str, str]  # article id -> articles/<id>.md, parsed when first asked
    signature: tuple[tuple[str, int, int], ...] = ()
    points: tuple[CatalogPoint, ...] = ()  # points.jsonl; empty for builds that predate it
    _topics: dict[str, Topic] = field(default_factory=dict, repr=False)
    _article_briefs: dict[str, ArticleBrief] = field(default_factory=dict, repr=False)
    _articles: dict[str, Article] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._topics = {t.id: t for t in self.index.topics}
        self._articles = {a.id: a for a in self.index.articles}

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.index.topics

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.index.articles

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def brief(self, brief_id: str) -> Brief:
        """A topic's brief, or the overview for "overview". KeyError for an unknown id."""
        if brief_id == "overview":
            return self.overview
        return self.briefs[brief_id]

    def get_brief(self, brief_id: str) -> Brief | None:
        try:
            return self.brief(brief_id)
        except KeyError:
            return None

    def article(self, ref: str | int) -> Article | None:
        """An article by id or by its number in `/deepseek sources` (1-based, index order)."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            n = int(ref)
            return self.articles[n - 1] if 0 < n <= len(self.articles) else None
        return self._articles.get(ref)

    def article_number(self, article_id: str) -> int | None:
        for n, a in enumerate(self.articles, 1):
            if a.id == article_id:
                return n
        return None

    def article_brief(self, article_id: str) -> ArticleBrief | None:
        """An article's summary brief, parsed on first use (no I/O: the text is in memory)."""
        found = self._article_briefs.get(article_id)
        if found is None and article_id in self.article_markdown:
            found = parse_article(article_id, self.article_markdown[article_id])
            self._article_briefs[article_id] = found
        return found

    @classmethod
    def load(cls, root: Path | str, *, verify: bool = True) -> Library:
        """Load and parse everything under `root`; LibraryError names the problem and fix."""
        root = Path(root)
        signature = scan(root)
        index_path = root / INDEX_FILE
        try:
            raw = index_path.read_bytes()
        except FileNotFoundError:
            raise LibraryError(f"{_rel(index_path)} not found: {BUILD_HINT}") from None
        except OSError as e:
            raise LibraryError(
                f"cannot read {_rel(index_path)} ({e.strerror}): {BUILD_HINT}"
            ) from None
        try:
            index = Index.model_validate_json(raw)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "file"
            raise LibraryError(
                f"{_rel(index_path)} is invalid at {where} ({first['msg']}): {BUILD_HINT}"
            ) from None
        if index.schema_version != INDEX_SCHEMA:
            raise LibraryError(
                f"{_rel(index_path)} has schema {index.schema_version}, this bot reads {INDEX_SCHEMA}: {BUILD_HINT}"
            )
        articles = {a.id: a for a in index.articles}
        overview: Brief | None = None
        briefs: dict[str, Brief] = {}
        for ref in index.briefs:
            text = _read(root, ref.path, ref.sha256 if verify else None)
            brief = parse_brief(
                ref.id, text, path=ref.path, source_ids=ref.sources, articles=articles
            )
            if ref.id == "overview":
                overview = brief
            else:
                briefs[ref.id] = brief
        if overview is None:
            raise LibraryError(f"{_rel(index_path)} lists no overview brief: {BUILD_HINT}")
        article_markdown = {a.id: _read(root, a.path, None) for a in index.articles}
        points: tuple[CatalogPoint, ...] = ()
        if index.build.points_sha256 is not None:
            sha = index.build.points_sha256 if verify else None
            points = parse_points(_read(root, POINTS_FILE, sha), POINTS_FILE)
        return cls(root, index, overview, briefs, article_markdown, signature, points)


def parse_points(text: str, shown: str) -> tuple[CatalogPoint, ...]:
    """points.jsonl: one JSON object per line."""
    out: list[CatalogPoint] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            out.append(
                CatalogPoint(
                    id=str(raw["id"]),
                    text=str(raw["text"]),
                    sources=tuple(raw["sources"]),
                    published=raw.get("published"),
                    when=raw.get("when"),
                    figures=tuple(raw.get("figures") or ()),
                    topics=tuple(raw.get("topics") or ()),
                    quality=float(raw.get("quality", 1.0)),
                    updated_by=raw.get("updated_by"),
                    asked=raw.get("asked"),
                )
            )
        except (ValueError, KeyError, TypeError):
            raise LibraryError(f"{shown} line {n} is not a valid point: {BUILD_HINT}") from None
    return tuple(out)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read(root: Path, rel: str, sha256: str | None) -> str:
    path = root / rel
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError(
            f"{_rel(path)} is listed in index.json but missing: {BUILD_HINT}"
        ) from None
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise LibraryError(f"{_rel(path)} does not match index.json: {BUILD_HINT}")
    return data.decode("utf-8")


def scan(root: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime_ns) of index.json, points.jsonl and the briefs: a cheap change
    signature. Article summaries are not stat'ed (thousands of files, every few seconds): a
    build that changes one also changes index.json, which lists its topics and summary."""
    out: list[tuple[str, int, int]] = []
    for dirpath in (root, root / "topics"):
        try:
            entries = list(os.scandir(dirpath))
        except OSError:
            continue
        for entry in entries:
            if entry.is_file() and (
                entry.name.endswith(".md") or entry.name in (INDEX_FILE, POINTS_FILE)
            ):
                st = entry.stat()
                out.append((entry.path, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


# --- Markdown ---------------------------------------------------------------------------------


@dataclass
class Section:
    title: str
    paragraphs: list[Token] = field(default_factory=list)  # inline tokens
    items: list[Token] = field(default_factory=list)  # inline tokens of list items
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Doc:
    title: str = ""
    lead: list[Token] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def section(self, *names: str) -> Section | None:
        wanted = {n.lower() for n in names}
        for s in self.sections:
            if s.title.lower() in wanted:
                return s
        return None


def outline(markdown: str) -> Doc:
    """Split a briefing into its title, lead paragraphs and (sub)sections of inline tokens."""
    doc = Doc()
    h2: Section | None = None
    h3: Section | None = None
    heading: str | None = None
    list_depth = 0
    for tok in _MD.parse(markdown):
        if tok.type == "heading_open":
            heading = tok.tag
        elif tok.type == "heading_close":
            heading = None
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "inline":
            if heading == "h1":
                doc.title = plain(tok)
            elif heading == "h2":
                h2, h3 = Section(tok.content.strip()), None
                doc.sections.append(h2)
            elif heading is not None:  # h3 and deeper
                if h2 is None:
                    h2 = Section("")
                    doc.sections.append(h2)
                h3 = Section(tok.content.strip())
                h2.subsections.append(h3)
            else:
                target = h3 or h2
                if target is None:
                    doc.lead.append(tok)
                elif list_depth:
                    target.items.append(tok)
                else:
                    target.paragraphs.append(tok)
    return doc


def plain(tok: Token) -> str:
    """The text of an inline token, without markup."""
    out: list[str] = []
    for child in tok.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out).strip()


def split_citations(markdown: str) -> tuple[str, tuple[int, ...]]:
    """'Text. [1] [3]' -> ('Text.', (1, 3))."""
    m = _CITES.search(markdown)
    if not m:
        return markdown.strip(), ()
    numbers = tuple(int(n) for n in _CITE.findall(m.group(0)))
    return markdown[: m.start()].rstrip(), numbers


def point(tok: Token, *, strip: re.Pattern[str] | None = None) -> Point:
    source = tok.content
    if strip is not None:
        source = strip.sub("", source, count=1)
    body, cites = split_citations(source)
    # plain text from the tokens already parsed (no second parse): drop the same prefix/markers
    text = plain(tok)
    if strip is not None:
        text = _PLAIN_BOTTOM.sub("", text, count=1)
    text = split_citations(text)[0] if cites else text.strip()
    return Point(body, text, cites)


def lead_points(tok: Token) -> tuple[Point, ...]:
    """The "In brief" paragraph as one Point per cited sentence."""
    source = _BOTTOM.sub("", tok.content, count=1)
    pieces = _LEAD_SPLIT.split(source)
    out: list[Point] = []
    for i in range(0, len(pieces), 2):
        chunk = pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "")
        if not chunk.strip():
            continue
        body, cites = split_citations(chunk.strip())
        text = plain(_MD.parseInline(body)[0]) if body else ""
        out.append(Point(body, text, cites))
    return tuple(out)


def _source(number: int, tok: Token, article: Article | None) -> Source:
    title: str = ""
    url: str | None = None
    children = tok.children or []
    i = 0
    if children and children[0].type == "link_open":
        url = str(children[0].attrs.get("href") or "") or None
        i = 1
        while i < len(children) and children[i].type != "link_close":
            title += children[i].content
            i += 1
        i += 1
    tail = "".join(c.content for c in children[i:] if c.type in ("text", "code_inline"))
    parts = [p.strip() for p in tail.split(" · ")]
    if not url and parts:
        title, parts = parts[0], parts[1:]
    publisher = published = None
    for part in parts:
        if _DATE.match(part):
            published = part
        elif part and part.lower() != "no link on file":
            publisher = part
    if article is not None:  # the index is authoritative; the Markdown is the fallback
        return Source(
            number,
            article.title,
            article.url,
            article.publisher,
            article.published.isoformat() if article.published else None,
            article.id,
        )
    return Source(number, title.strip(), url, publisher, published, None)


def parse_brief(
    brief_id: str,
    markdown: str,
    *,
    path: str = "",
    source_ids: Sequence[str] = (),
    articles: dict[str, Article] | None = None,
) -> Brief:
    doc = outline(markdown)
    if not doc.title:
        raise LibraryError(f"{path or brief_id} has no `# Title` line: {BUILD_HINT}")
    description = ""
    lead: tuple[Point, ...] = ()
    for tok in doc.lead:
        if _BOTTOM.match(tok.content):
            lead = lead_points(tok)
        elif not description:
            description = plain(tok)
    points = doc.section("Key points")
    more = doc.section("More")
    timeline = doc.section("Timeline")
    differ = doc.section("Where sources differ")
    topics = doc.section("Topics")
    sources = doc.section("Sources")
    articles = articles or {}
    source_list: list[Source] = []
    for n, tok in enumerate(sources.items if sources else [], 1):
        aid = source_ids[n - 1] if n <= len(source_ids) else None
        source_list.append(_source(n, tok, articles.get(aid) if aid else None))
    return Brief(
        id=brief_id,
        title=doc.title,
        description=description,
        bottom_line=lead[0] if lead else None,
        lead=lead,
        more=tuple(point(t) for t in (more.items if more else [])),
        timeline=tuple(point(t) for t in (timeline.items if timeline else [])),
        points=tuple(point(t) for t in (points.items if points else [])),
        differences=tuple(
            Difference(sub.title, tuple(point(t) for t in sub.items))
            for sub in (differ.subsections if differ else [])
        ),
        sources=tuple(source_list),
        markdown=markdown,
        path=path,
        topics=tuple(point(t) for t in (topics.items if topics else [])),
    )


def parse_article(article_id: str, markdown: str) -> ArticleBrief:
    doc = outline(markdown)

    def items(name: str) -> tuple[str, ...]:
        s = doc.section(name)
        return tuple(t.content.strip() for t in s.items) if s else ()

    summary = doc.section("Summary")
    return ArticleBrief(
        id=article_id,
        title=doc.title,
        source_line=doc.lead[0].content.strip() if doc.lead else "",
        summary=" ".join(t.content.strip() for t in summary.paragraphs) if summary else "",
        figures=items("Figures"),
        quoted=items("Quoted"),
        topics=items("Topics"),
        markdown=markdown,
    )


# --- Reloading --------------------------------------------------------------------------------


class LibraryHolder:
    """The current Library, swapped for a new one when briefings/ changes on disk."""

    def __init__(
        self,
        root: Path | str | None,
        *,
        interval: float | None = 2.0,
        library: Library | None = None,
        on_load: Iterable[Callable[[Library], object]] = (),
    ) -> None:
        if library is None:
            if root is None:
                raise ValueError("LibraryHolder needs a briefings directory or a library")
            library = Library.load(root)
        self.root = Path(root) if root is not None else library.root
        self.interval = interval
        self._library = library
        self._on_load = list(on_load)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._failed_signature: tuple[tuple[str, int, int], ...] | None = None
        self._notify(library)

    @classmethod
    def fixed(cls, library: Library) -> LibraryHolder:
        """A holder that never reloads (for `ask`, tests and the preview)."""
        return cls(None, interval=None, library=library)

    def on_load(self, hook: Callable[[Library], object]) -> None:
        """Run `hook(library)` now and after every reload (e.g. to warm search caches)."""
        self._on_load.append(hook)
        hook(self._library)

    def _notify(self, library: Library) -> None:
        for hook in self._on_load:
            try:
                hook(library)
            except Exception:
                log.exception("library on_load hook failed")

    def get(self) -> Library:
        """The current Library. No I/O: safe before ack()."""
        if self.interval is not None and self._pid != os.getpid():
            self.start()
        return self._library

    def check(self) -> bool:
        """Reload now if the files changed. True when a new Library was swapped in."""
        signature = scan(self.root)
        if signature == self._library.signature or signature == self._failed_signature:
            return False
        try:
            library = Library.load(self.root)
        except LibraryError as e:
            self._failed_signature = signature
            log.warning("briefings changed but did not load, keeping the previous ones: %s", e)
            return False
        self._notify(library)
        self._library = library
        self._failed_signature = None
        log.info(
            "briefings reloaded: %d topics, %d articles", len(library.topics), len(library.articles)
        )
        return True

    def start(self) -> None:
        """Start the watcher thread in this process (again after a fork)."""
        with self._lock:
            if self.interval is None or (self._pid == os.getpid() and self._thread):
                return
            self._pid = os.getpid()
            self._stop.clear()
            self._thread = threading.Thread(target=self._watch, name="briefings-watch", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        assert self.interval is not None
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # the watcher must outlive a bad file
                log.exception("briefings check failed")
