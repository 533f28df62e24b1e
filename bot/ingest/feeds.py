"""seeds/feeds.toml and what makes a feed entry relevant. Pure: no network.

    [[feed]]
    name = "Daily Ledger tech"
    url = "https://www.dailyledger.example/tech/rss.xml"
    keywords = ["DeepSeek", "Hangzhou"]   # optional

Without keywords, the topics' keywords plus "DeepSeek" decide relevance. Keywords match whole
words, case-insensitively, with or without a plural "s"; phrases match as phrases.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.errors import IngestError

FEEDS_FILE = "feeds.toml"
ALWAYS = "DeepSeek"
_KEYS = {"name", "url", "keywords"}


@dataclass(frozen=True, slots=True)
class Feed:
    name: str
    url: str
    keywords: tuple[str, ...] = ()


def parse_feeds(data: bytes, shown: str) -> tuple[Feed, ...]:
    """[[feed]] tables; IngestError naming the file, the feed and the fix."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IngestError(f"{shown}: not valid TOML ({exc}); fix the file") from None
    items = raw.get("feed", [])
    if not isinstance(items, list):
        raise IngestError(f"{shown}: 'feed' must be [[feed]] tables, each with name and url")
    feeds: list[Feed] = []
    names: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"{shown}: feed {n}"
        if not isinstance(item, dict):
            raise IngestError(f"{where}: must be a [[feed]] table with name and url")
        extra = sorted(set(item) - _KEYS)
        if extra:
            raise IngestError(f"{where}: unknown key {extra[0]!r}; use name, url and keywords")
        name, url, keywords = item.get("name"), item.get("url"), item.get("keywords", [])
        if not isinstance(name, str) or not name.strip():
            raise IngestError(f'{where}: no name; add name = "Daily Ledger tech"')
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            raise IngestError(f"{where} ({name}): url must be the feed's http(s) address")
        if not isinstance(keywords, list) or not all(
            isinstance(k, str) and k.strip() for k in keywords
        ):
            raise IngestError(
                f'{where} ({name}): keywords must be a list of words, e.g. ["DeepSeek"]'
            )
        if name in names:
            raise IngestError(f"{where}: name {name!r} appears twice; give each feed its own name")
        names.add(name)
        feeds.append(Feed(name.strip(), url.strip(), tuple(k.strip() for k in keywords)))
    return tuple(feeds)


def read_feeds(path: Path, shown: str) -> tuple[Feed, ...]:
    if not path.is_file():
        raise IngestError(f"{shown}: missing; create it with [[feed]] tables (see README, 'Feeds')")
    return parse_feeds(path.read_bytes(), shown)


def keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str]:
    """One regex: any keyword as a whole word or phrase, optional plural 's', any case."""
    parts = sorted(
        {r"\s+".join(re.escape(w) for w in k.split()) for k in keywords if k.strip()},
        key=len,
        reverse=True,
    )
    if not parts:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")s?(?!\w)", re.IGNORECASE)


def default_keywords(topic_keywords: Iterable[str]) -> tuple[str, ...]:
    return (ALWAYS, *topic_keywords)
