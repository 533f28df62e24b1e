"""Small text helpers shared by the stages: tokens, stems, normalisation for comparisons."""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN = re.compile(r"[a-z0-9$]+(?:[.'’&/-][a-z0-9]+)*")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
SPACE = re.compile(r"\s+")
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "one",
        "may",
        "might",
        "must",
        "would",
        "like",
        "well",
        "even",
        "still",
        "already",
        "since",
        "however",
        "though",
        "although",
        "many",
        "much",
        "per",
        "via",
    ]
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lowercase word with possessive and plural endings removed (chips → chip, DeepSeek’s → deepseek)."""
    w = word.lower()
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Stemmed lowercase tokens, stopwords kept (phrase matching needs them)."""
    return [stem(t) for t in TOKEN.findall(text.lower())]


def content_tokens(text: str) -> frozenset[str]:
    """Stemmed tokens without stopwords: the bag used for similarity."""
    return frozenset(t for t in tokens(text) if t not in STOPWORDS and len(t) > 1)


def normalise(text: str) -> str:
    """Whitespace and quote styles unified: how points are compared with their sources."""
    return SPACE.sub(" ", text.translate(QUOTES)).strip()


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
