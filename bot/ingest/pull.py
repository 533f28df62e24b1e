"""`feeds pull`: each feed with a conditional GET, each new relevant entry added like `add`.

Per feed: 304 → nothing fetched beyond the feed. Otherwise every entry not seen before is
judged by its title and summary (the article page is fetched only for a relevant entry, or to
judge an entry that has no summary), then added through `bot.ingest.add`. An entry that failed
for now (timeout, 5xx) is not remembered, and the feed's validators are not stored, so the
next pull retries it; one that cannot work (a paywall, a PDF, a 404) is remembered as failed.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import feedparser

from bot.ingest import DEFAULT_TIMEOUT
from bot.ingest.add import Added, Overrides, draft_from_page, save
from bot.ingest.dedupe import normalize_url
from bot.ingest.errors import DuplicateError, IngestError
from bot.ingest.extract import parse_date
from bot.ingest.feeds import FEEDS_FILE, Feed, default_keywords, keyword_pattern, read_feeds
from bot.ingest.feedstate import State
from bot.ingest.fetch import Fetcher, safe_url
from bot.ingest.seedfile import Corpus, shown

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class FeedReport:
    feed: Feed
    added: list[Added] = field(default_factory=list)
    duplicate: int = 0
    not_relevant: int = 0
    failed: int = 0
    seen_before: int = 0
    not_modified: bool = False
    retry: bool = False  # an entry failed for now (timeout, 5xx): try it again next pull
    error: str | None = None  # the feed itself failed
    entry_errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.feed.name
        if self.error:
            return f"{name}: failed, {self.error}"
        if self.not_modified:
            return f"{name}: not modified since the last pull, nothing fetched"
        line = (
            f"{name}: {len(self.added)} new, {self.duplicate} duplicate, "
            f"{self.not_relevant} not relevant, {self.failed} failed"
        )
        if self.seen_before:
            line += f" ({self.seen_before} seen before)"
        if self.entry_errors:
            line += f"; first failure: {self.entry_errors[0]}"
        return line


def _entry_date(entry: Any) -> date | None:
    raw = entry.get("published")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError):
        pass
    try:
        return parse_date(raw)  # Atom: RFC 3339
    except ValueError:
        return None


def _entry_text(entry: Any) -> str:
    parts = [entry.get("title", ""), entry.get("summary", "")]
    parts += [t.get("term", "") for t in entry.get("tags", []) if isinstance(t, dict)]
    return _TAG.sub(" ", " ".join(p for p in parts if isinstance(p, str)))


def pull_feed(
    feed: Feed,
    state: State,
    corpus: Corpus,
    fetcher: Fetcher,
    default_keywords: tuple[str, ...],
) -> FeedReport:
    report = FeedReport(feed)
    fs = state.feed(feed.url)
    try:
        fetched = fetcher.get(
            feed.url, accept=FEED_ACCEPT, etag=fs.etag, last_modified=fs.last_modified
        )
    except IngestError as exc:
        report.error = str(exc)
        return report
    if fetched.status == 304:
        report.not_modified = True
        return report
    parsed = feedparser.parse(
        fetched.body,
        response_headers={
            "content-type": fetched.media_type
            + (f"; charset={fetched.charset}" if fetched.charset else ""),
            "content-location": fetched.url,
        },
    )
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).splitlines()[0][:120]})" if why else ""
        report.error = (
            f"{safe_url(feed.url)}: not a readable RSS or Atom feed{detail}; "
            "check the url in feeds.toml"
        )
        return report
    pattern = keyword_pattern(feed.keywords or default_keywords)
    for entry in parsed.entries:
        key = entry.get("id") or entry.get("link") or entry.get("title")
        if not key:
            continue
        if key in fs.seen:
            report.seen_before += 1
            continue
        outcome = _entry(entry, pattern, corpus, fetcher, report)
        if outcome is None:
            report.retry = True
        else:
            fs.seen[key] = outcome
    if report.retry:  # fetch the whole feed next time, to retry the failed entries
        fs.etag = fs.last_modified = None
    else:
        fs.etag, fs.last_modified = fetched.etag, fetched.last_modified
    return report


def _entry(
    entry: Any, pattern: re.Pattern[str], corpus: Corpus, fetcher: Fetcher, report: FeedReport
) -> str | None:
    """Handle one new entry; the outcome to remember, or None to retry it next pull."""
    link = entry.get("link")
    title = entry.get("title") or None
    summary_text = _entry_text(entry)
    judged = bool(pattern.search(summary_text))
    if not judged and entry.get("summary"):
        report.not_relevant += 1
        return "not relevant"
    if not link:
        report.not_relevant += 1
        return "no link"
    if any(a.url and normalize_url(a.url) == normalize_url(link) for a in corpus.articles):
        report.duplicate += 1
        return "duplicate"
    try:
        draft = draft_from_page(fetcher.get(link), link)
        if not judged and not pattern.search(" ".join(draft.extracted.paragraphs)):
            report.not_relevant += 1
            return "not relevant"
        fallback = Overrides(
            title=" ".join(title.split()) if title else None, published=_entry_date(entry)
        )
        report.added.append(save(draft, Overrides(), corpus, fallback=fallback))
    except DuplicateError:
        report.duplicate += 1
        return "duplicate"
    except IngestError as exc:
        report.failed += 1
        report.entry_errors.append(str(exc))
        return None if exc.transient else "failed"  # a paywall or a PDF will not change
    return "new"


def pull(
    feeds: tuple[Feed, ...],
    state: State,
    corpus: Corpus,
    fetcher: Fetcher,
    default_keywords: tuple[str, ...],
) -> list[FeedReport]:
    """Pull every feed; a feed that fails is reported and the others still run. The state is
    saved after each feed, so an interrupted pull keeps what it did."""
    reports = []
    for feed in feeds:
        reports.append(pull_feed(feed, state, corpus, fetcher, default_keywords))
        state.save()
    return reports


@dataclass
class FeedsRun:
    """Everything one `feeds pull` needs, read and checked before any feed is fetched."""

    feeds: tuple[Feed, ...]
    feeds_shown: str
    state: State
    seeds_dir: Path
    keywords: tuple[str, ...]  # for feeds without keywords of their own
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def open(
        cls,
        seeds_dir: Path,
        feeds_file: Path | None,
        state_path: Path,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> FeedsRun:
        from bot.builder.errors import BuildError
        from bot.builder.readers import TOPICS_FILE, parse_topics

        path = feeds_file or seeds_dir / FEEDS_FILE
        feeds = read_feeds(path, shown(path))
        keywords: tuple[str, ...] = ()
        if any(not f.keywords for f in feeds):
            topics_path = seeds_dir / TOPICS_FILE
            try:
                topics = parse_topics(topics_path.read_bytes(), shown(topics_path))
            except OSError:
                raise IngestError(
                    f"{shown(topics_path)}: missing; feeds without keywords use the topics' keywords"
                ) from None
            except BuildError as exc:
                raise IngestError(str(exc)) from None
            keywords = default_keywords(k for t in topics for k in t.keywords)
        return cls(feeds, shown(path), State.load(state_path), seeds_dir, keywords, timeout)

    def pull(self) -> list[FeedReport]:
        corpus = Corpus.load(self.seeds_dir)
        with Fetcher(timeout=self.timeout) as fetcher:
            return pull(self.feeds, self.state, corpus, fetcher, self.keywords)
