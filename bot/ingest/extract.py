"""The article in a page: its text, one paragraph per line, and only the metadata it states.

trafilatura finds the main text (dropping navigation, banners, share links, captions,
newsletter boxes, related stories and footers) and reads title, date, site name and canonical
URL from JSON-LD, OpenGraph, <time> and the page. Nothing is guessed: no date from the body
text, no site name made from the host name. Pure: no I/O.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin

import trafilatura

# The libraries log "discarding data" and the like; this package reports outcomes itself, in
# one line, so their records would only repeat it (or print a second line on a terminal).
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MIN_WORDS = 50  # below this a page is a teaser, a paywall or an app shell, not an article
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Extracted:
    title: str | None
    published: date | None
    publisher: str | None
    url: str | None
    paragraphs: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def clean_paragraphs(lines: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Whitespace collapsed, empty lines dropped."""
    out = (_SPACE.sub(" ", line).strip() for line in lines)
    return tuple(p for p in out if p)


def paragraphs_from_text(text: str) -> tuple[str, ...]:
    """Plain text as pasted: each non-empty line is a paragraph."""
    return clean_paragraphs(text.removeprefix("\ufeff").splitlines())


def parse_date(text: str) -> date:
    """'2025-01-28', or an ISO datetime with or without offset ('2025-01-28T09:30:00+08:00'),
    as the calendar date it names in its own offset. Raises ValueError."""
    value = text.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    return datetime.fromisoformat(value).date()


def _stated_site(site: str | None, page: str) -> str | None:
    """The site name only as the page's metadata states it (og:site_name, application-name,
    JSON-LD publisher): trafilatura otherwise falls back to parts of <title> or the host name."""
    if not site:
        return None
    quoted = re.escape(html.escape(site, quote=False)) + "|" + re.escape(html.escape(site))
    stated = re.search(
        rf"""content\s*=\s*["'](?:{quoted})["']|"name"\s*:\s*"(?:{re.escape(site)})\"""", page, re.I
    )
    return site if stated else None


def _stated_url(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = urljoin(base, url) if base else url
    return url if url.lower().startswith(("http://", "https://")) else None


def extract_html(page: str, base_url: str | None = None) -> Extracted:
    """Main text and stated metadata of an HTML page. `base_url` only resolves a relative
    canonical link; it is never reported as the page's URL here."""
    doc = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params={
            "extensive_search": False,  # dates from markup only, never from the body text
            "original_date": True,  # published, not updated
            "max_date": date.today().isoformat(),
        },
    )
    if doc is None or isinstance(doc, dict):  # no text found
        return Extracted(None, None, None, None, ())
    published: date | None = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date)
        except ValueError:
            published = None
    title = _SPACE.sub(" ", doc.title).strip() if doc.title else None
    return Extracted(
        title=title or None,
        published=published,
        publisher=_stated_site(doc.sitename, page),
        url=_stated_url(doc.url, base_url),
        paragraphs=clean_paragraphs((doc.text or "").splitlines()),
    )
