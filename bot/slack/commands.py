"""Parse `/deepseek <text>` into a subcommand name and its arguments. Pure.

parse("  Brief   how did they train it? ") == Command("brief", "how did they train it?", ...)
parse("") == Command("help", "", "")
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_TEXT = 500  # Slack sends up to 4,000 characters; nothing useful needs more than this

ALIASES = {
    "": "help",
    "?": "help",
    "h": "help",
    "-h": "help",
    "--help": "help",
    "usage": "help",
    "overview": "brief",
    "briefing": "brief",
    "b": "brief",
    "topic": "topics",
    "t": "topics",
    "source": "sources",
    "articles": "sources",
    "article": "sources",
    "s": "sources",
    "digests": "digest",
}


@dataclass(frozen=True)
class Command:
    name: str  # canonical subcommand ("help", "brief", ...) or the unknown word as typed
    args: str  # the rest, whitespace-collapsed
    raw: str  # the cleaned full text

    @property
    def argv(self) -> list[str]:
        return self.args.split()


def clean(text: str) -> str:
    """Drop control and format characters, collapse whitespace, cap the length."""
    text = text or ""
    if text.isascii() and text.isprintable():  # the common case, without a per-character scan
        return " ".join(text.split())[:MAX_TEXT]
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cf", "Cs", "Co")
    )
    return " ".join(kept.split())[:MAX_TEXT]


def parse(text: str) -> Command:
    cleaned = clean(text)
    head, _, rest = cleaned.partition(" ")
    word = head.casefold().lstrip("/")
    name = ALIASES.get(word, word)
    if word == "overview":  # `/deepseek overview` = `/deepseek brief`
        rest = ""
    return Command(name, rest.strip(), cleaned)
