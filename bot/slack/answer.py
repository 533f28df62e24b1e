"""Answer a question from the whole corpus: rank every cited point the builder catalogued
(briefings/points.jsonl) and keep the best few that say different things.

    index = point_index(library)                 # built once per Library (cached)
    ans = answer(library, "italy ban")           # None when nothing answers it
    ans.lead, ans.points, ans.topics

Ranking is BM25 (k1=1.2, b=0.75) over each point's stemmed words, vectorised with numpy so a
question over 100,000+ points takes about a millisecond, times the point's fact density and
a small boost for newer coverage. Redundant points (same words or same figures as one already
kept) are skipped. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from bot.library import CatalogPoint, Library
from bot.slack.search import EXPAND, stem, tokens

K1, B = 1.2, 0.75
LEAD_MAX = 260
POINT_MAX = 260
BUDGET = 950  # characters of lead + points: the reply stays on one screen
MAX_POINTS = 5  # after the lead
POOL = 40
MIN_COVERAGE = 0.6  # share of the question's words a good answer's best point contains
DUPLICATE = 0.45


@dataclass(frozen=True)
class Answer:
    query: str
    lead: CatalogPoint
    points: tuple[CatalogPoint, ...]
    topics: tuple[str, ...]  # related topic ids, most related first

    @property
    def all_points(self) -> tuple[CatalogPoint, ...]:
        return (self.lead, *self.points)

    @property
    def sources(self) -> tuple[str, ...]:
        """Article ids in citation order: first cited first."""
        return tuple(dict.fromkeys(a for p in self.all_points for a in p.sources))


class PointIndex:
    """An inverted index of the catalogue: per word, the points holding it and their weight."""

    def __init__(self, points: tuple[CatalogPoint, ...]) -> None:
        self.points = points
        self.bags: list[frozenset[str]] = []
        postings: dict[str, tuple[list[int], list[float]]] = {}
        lengths: list[int] = []
        counts: list[Counter[str]] = []
        for p in points:
            c = Counter(tokens(p.text))
            counts.append(c)
            lengths.append(sum(c.values()))
            self.bags.append(frozenset(c))
        n = len(points)
        avgdl = (sum(lengths) / n) if n else 1.0
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        self.idf = {t: float(np.log(1 + (n - f + 0.5) / (f + 0.5))) for t, f in df.items()}
        for i, c in enumerate(counts):
            norm = K1 * (1 - B + B * lengths[i] / avgdl)
            for t, tf in c.items():
                ids, weights = postings.setdefault(t, ([], []))
                ids.append(i)
                weights.append(self.idf[t] * tf * (K1 + 1) / (tf + norm))
        self.postings: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]] = {
            t: (np.asarray(ids, dtype=np.int64), np.asarray(w, dtype=np.float64))
            for t, (ids, w) in postings.items()
        }
        dates = sorted({p.published for p in points if p.published})
        rank = {d: i for i, d in enumerate(dates)}
        recency = [
            1.0 + 0.3 * (rank[p.published] / max(1, len(dates) - 1)) if p.published else 1.0
            for p in points
        ]
        self.prior = np.asarray(
            [max(0.05, p.quality) ** 0.5 * r for p, r in zip(points, recency, strict=True)],
            dtype=np.float64,
        )

    def rank(self, words: list[str], k: int = POOL) -> list[tuple[int, float]]:
        """The k best points for these (stemmed) words: (position, score), best first."""
        if not self.points or not words:
            return []
        scores = np.zeros(len(self.points), dtype=np.float64)
        for w in dict.fromkeys(words):
            hit = self.postings.get(w)
            if hit is not None:
                scores[hit[0]] += hit[1]
        nonzero = int(np.count_nonzero(scores))
        if not nonzero:
            return []
        scores *= self.prior
        k = min(k, nonzero)
        top = np.argpartition(-scores, k - 1)[:k]
        order = sorted(top.tolist(), key=lambda i: (-scores[i], i))
        return [(i, float(scores[i])) for i in order]


@lru_cache(maxsize=4)
def point_index(library: Library) -> PointIndex:
    return PointIndex(library.points)


def question_words(query: str) -> tuple[list[str], list[str]]:
    """(words as typed, stemmed and without stopwords; the same plus expansions)."""
    words = tokens(query)
    expanded = words + [stem(e) for w in words for e in EXPAND.get(w, ())]
    return words, expanded


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def answer(library: Library, query: str) -> Answer | None:
    """The most relevant, non-redundant cited points for a question; None when no point
    contains enough of its words to count as an answer."""
    index = point_index(library)
    words, expanded = question_words(query)
    ranked = index.rank(expanded)
    if not ranked or not words:
        return None
    known = [w for w in words if w in index.idf]
    covered = set().union(*(index.bags[i] for i, _ in ranked[:5]))
    if len(known) / len(words) < MIN_COVERAGE or (
        sum(1 for w in words if w in covered) / len(words) < MIN_COVERAGE
    ):
        return None  # the question's words are mostly not in the coverage
    top = ranked[0][1]
    chosen: list[int] = []
    figures: set[str] = set()
    used = 0
    for i, score in ranked:
        p = index.points[i]
        if score < 0.12 * top:
            break
        limit = LEAD_MAX if not chosen else POINT_MAX
        if len(p.text) > limit or used + len(p.text) > BUDGET:
            continue
        if any(_similar(index.bags[i], index.bags[j]) >= DUPLICATE for j in chosen):
            continue
        if p.figures and figures.issuperset(p.figures):
            continue  # its figures are already given
        chosen.append(i)
        figures.update(p.figures)
        used += len(p.text)
        if len(chosen) > MAX_POINTS:
            break
    if not chosen:
        return None
    picked = [index.points[i] for i in chosen]
    weight: dict[str, float] = {}
    for rank, p in enumerate(picked):
        for t in p.topics:
            weight[t] = weight.get(t, 0.0) + 1.0 / (1 + rank)
    topics = tuple(t for t, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])))
    return Answer(query, picked[0], tuple(picked[1:]), topics[:3])
