"""Grouping: which topics a sentence belongs to, from the keywords in seeds/topics.toml."""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.builder.text import tokens
from bot.models import Topic

MAX_PHRASE = 4


class TopicMatcher:
    """Matches keyword phrases on stemmed tokens. A keyword's weight is fixed by the topic list
    alone (longer phrases and keywords fewer topics share weigh more), never by the articles,
    so adding an article cannot move another article's sentences between topics."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._phrases: dict[tuple[str, ...], set[str]] = {}
        self._core: dict[str, set[tuple[str, ...]]] = {}
        for topic in topics:
            core = self._core.setdefault(topic.id, set())
            for name in (*topic.aliases, topic.id.replace("-", " ")):
                key = tuple(tokens(name))
                if key:
                    core.add(key[:MAX_PHRASE])
            for kw in topic.keywords:
                key = tuple(tokens(kw))
                if key:
                    self._phrases.setdefault(key[:MAX_PHRASE], set()).add(topic.id)
        self._lengths = sorted({len(k) for k in self._phrases}, reverse=True)
        n = max(1, len(self.topics))
        self._weight = {
            k: math.log(1 + 2 * n / len(ids)) * (1.0 + 0.25 * (len(k) - 1))
            for k, ids in self._phrases.items()
        }

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

    def scores(self, found: set[tuple[str, ...]]) -> dict[str, float]:
        """Topic id → relevance: the summed weights of the distinct keywords found."""
        out: dict[str, float] = {}
        for key in sorted(found):  # a fixed order: float sums must not depend on hash seeds
            for tid in sorted(self._phrases[key]):
                out[tid] = out.get(tid, 0.0) + self._weight[key]
        return out

    def assign(
        self, found: set[tuple[str, ...]], minimum: float, ratio: float = 0.6
    ) -> tuple[str, ...]:
        """Topics a sentence goes under: those scoring at least `minimum` and `ratio` of the
        best, on more than incidental words: a keyword phrase, a word that names the topic
        (its id or an alias), or three distinct keywords. A place name and "published" are
        not enough."""
        scores = self.scores(found)
        if not scores:
            return ()
        best = max(scores.values())
        out = []
        for tid, score in scores.items():
            if score < minimum or score < ratio * best:
                continue
            mine = [k for k in found if tid in self._phrases[k]]
            strong = len(mine) >= 3 or any(len(k) > 1 or k in self._core[tid] for k in mine)
            if strong:
                out.append(tid)
        return tuple(sorted(out))
