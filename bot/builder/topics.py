"""Grouping: which topics a sentence belongs to, from the keywords in seeds/topics.toml."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from bot.builder.text import tokens
from bot.models import Topic

MAX_PHRASE = 4


class TopicMatcher:
    """Matches keyword phrases on stemmed tokens; rarer keywords weigh more (IDF over the corpus)."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._phrases: dict[tuple[str, ...], set[str]] = {}
        for topic in topics:
            for kw in topic.keywords:
                key = tuple(tokens(kw))
                if key:
                    self._phrases.setdefault(key[:MAX_PHRASE], set()).add(topic.id)
        self._lengths = sorted({len(k) for k in self._phrases}, reverse=True)
        self._weight: dict[tuple[str, ...], float] = {}

    def phrases(self, text: str, toks: list[str] | None = None) -> set[tuple[str, ...]]:
        """The keyword phrases found in text (or in its already computed tokens)."""
        toks = tokens(text) if toks is None else toks
        found: set[tuple[str, ...]] = set()
        for n in self._lengths:
            for i in range(len(toks) - n + 1):
                key = tuple(toks[i : i + n])
                if key in self._phrases:
                    found.add(key)
        return found

    def fit(self, texts: Iterable[set[tuple[str, ...]]]) -> None:
        """Set keyword weights from document frequencies over the matched phrase sets."""
        df: dict[tuple[str, ...], int] = {}
        n = 0
        for found in texts:
            n += 1
            for key in found:
                df[key] = df.get(key, 0) + 1
        self._weight = {k: math.log(1 + (n + 1) / (1 + df.get(k, 0))) for k in self._phrases}

    def scores(self, found: set[tuple[str, ...]]) -> dict[str, float]:
        """Topic id → relevance: the summed weights of the distinct keywords found."""
        out: dict[str, float] = {}
        for key in sorted(found):  # a fixed order: float sums must not depend on hash seeds
            w = self._weight.get(key, 1.0) * (1.0 + 0.25 * (len(key) - 1))
            for tid in sorted(self._phrases[key]):
                out[tid] = out.get(tid, 0.0) + w
        return out


def assign(scores: dict[str, float], minimum: float, ratio: float = 0.6) -> tuple[str, ...]:
    """Topics a sentence goes under: those scoring at least `minimum` and `ratio` of the best."""
    if not scores:
        return ()
    best = max(scores.values())
    return tuple(sorted(t for t, s in scores.items() if s >= minimum and s >= ratio * best))
