"""Selecting points: which sentences qualify, how fact-dense they are, near-duplicate merging
(with citations from every article that states the fact) and MMR for non-redundant key points.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.builder.differ import find_figures
from bot.builder.text import content_tokens, jaccard, normalise

MIN_CHARS, MAX_CHARS, MIN_WORDS = 45, 400, 7
LABEL = re.compile(r"^([A-Z][\w/&’'.-]*(?:\s+[A-Za-z(][\w/&’'.,()-]*){0,4}):\s+(?=[“\"A-Z0-9$])")
VERBISH = re.compile(r"^(?:[A-Z][a-z]+(?:ed|es|ing)|Face|Must|Expect|Notes?)\b")
ENDS = re.compile(r"[.!][\"”’)]?$|[\"”’][.!]?$")
DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?\b|\b\d{1,2}\s+(?:January|February|March|April|June|July|August|September|"
    r"October|November|December)\b|\b(?:19|20)\d{2}\b"
)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|claim(?:s|ed)?|alleg(?:es|ed|ation)|according to|stated|told|suggested|"
    r"reported|announced|accus\w+|estimated|disclosed|uncovered|revealed|warned)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"\b(?:I|we|We|you|You|our|Our|your|us)\b")
HEDGE = re.compile(
    r"\b(?:may|might|could|perhaps|probably|likely|seemingly|arguably|possibly)\b", re.I
)
CAPWORD = re.compile(r"(?<=\s)[A-Z][\w’'.-]*[A-Za-z0-9]|\b[A-Z]+\d\w*|\$\d")
DIGIT = re.compile(r"\d")
CONNECTIVE = re.compile(
    r"^(?:Further(?:more)?|Additionally|Moreover|Remarkably|However|Meanwhile|In fact|Still|Yet|"
    r"Also|Indeed|Notably|Certainly|Now|In other words|Beyond the technical details),\s+"
)
SEE_ALSO = re.compile(r"\s*\(see [^)]*\)\.?$")
DANGLING = re.compile(
    r"^(?:[A-Z][\w ]{0,25},\s+)?(?:[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose|[Ii]ts?|[Tt]hey|[Tt]heir|[Ss]uch|[Hh]e|[Ss]he)\b"
    r"|\b(?:this|these|that) (?:claim|claims|trend|story|issue|approach|process)\b"
    r"|^.{0,60}\b(?:these|those)\b"
)


def point_text(sentence: str, bullet: bool = False) -> tuple[str, bool] | None:
    """The sentence as a point (leading label, connective, stray quote marks and a trailing
    "(see ...)" trimmed), and whether it is a fragment (of a quotation, or a labelled note);
    None when it is not a usable point (question, heading, too short or too long)."""
    text = sentence.strip()
    m = LABEL.match(text)
    labelled = False
    if m and not VERBISH.match(text[m.end() :]):
        text = text[m.end() :]
    elif m:
        labelled = True
    c = CONNECTIVE.match(text)
    if c and text[c.end() : c.end() + 1].isupper():
        text = text[c.end() :]
    see = SEE_ALSO.search(text)
    if see:
        text = text[: see.start()].rstrip()
    opens, closes = text.count("“"), text.count("”")
    fragment = opens != closes or text.count('"') % 2 == 1
    if text.startswith("“") and opens > closes:
        text = text[1:]
    elif text.endswith("”") and closes > opens:
        text = text[:-1]
    elif text.count('"') % 2 and text[0] == '"':
        text = text[1:]
    if not (MIN_CHARS <= len(text) <= MAX_CHARS) or len(text.split()) < MIN_WORDS:
        return None
    if text.endswith("?") or not (ENDS.search(text) or see):
        return None
    if not (text[0].isupper() or text[0].isdigit() or text[0] in '$“"'):
        return None
    return text, fragment or labelled


def quality(text: str, fragment: bool) -> float:
    """Fact density: figures, dates, names and attribution up; pronouns, hedges and fragments down."""
    figures = len(find_figures(text)) if DIGIT.search(text) or " times " in text else 0
    dates = len(DATE.findall(text))
    names = len(CAPWORD.findall(text))
    q = 1.0 + 0.6 * min(figures, 3) + 0.3 * min(dates, 2) + 0.07 * min(names, 8)
    q += 0.35 if ATTRIBUTION.search(text) else 0.0
    if PRONOUN.search(text):
        q *= 0.55
    q *= 0.85 ** min(len(HEDGE.findall(text)), 3)
    if fragment:
        q *= 0.5
    if DANGLING.search(text):
        q *= 0.7
    if len(text) > 200:
        q *= (200 / len(text)) ** 0.5
    return q


@dataclass(eq=False)
class Candidate:
    """One point: its text and every article that states it (exact text, modulo quotes/spaces)."""

    text: str
    sources: list[str]
    rank: tuple[int, int]  # (article order, sentence position) of the first occurrence
    score: float = 0.0
    figures: frozenset[str] = frozenset()
    bottom: float = 0.0  # score as a bottom line
    _tokens: frozenset[str] | None = field(default=None, repr=False)
    _weight: float | None = field(default=None, repr=False)

    def weight(self, idf: Mapping[str, float], rare: float) -> float:
        """Summed rarity of the candidate's words (cached: idf is fixed for a build)."""
        if self._weight is None:
            self._weight = sum(idf.get(t, rare) for t in self.tokens)
        return self._weight

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = content_tokens(self.text)
        return self._tokens


def similarity(
    a: Candidate, b: Candidate, idf: Mapping[str, float] | None = None, rare: float = 1.0
) -> float:
    """Word overlap (weighted by rarity when idf is given; unknown words weigh `rare`), raised
    when both state the same figure."""
    if idf is None:
        sim = jaccard(a.tokens, b.tokens)
    else:
        inter = sum(idf.get(t, rare) for t in a.tokens & b.tokens)
        union = a.weight(idf, rare) + b.weight(idf, rare) - inter
        sim = inter / union if union > 0 else 0.0
    if a.figures & b.figures:
        sim = min(1.0, sim + 0.3)
    return sim


WORDS = re.compile(r"\S+")


def common_clause(a: str, b: str, min_words: int = 8) -> str | None:
    """The longest run of words `a` and `b` share (quotes/spaces normalised), as it appears in `a`;
    None if shorter than min_words. Used to cite two articles that word a fact the same way."""
    wa = list(WORDS.finditer(a))
    ta = [normalise(m.group()).rstrip(".,;:") for m in wa]
    tb = [normalise(m.group()).rstrip(".,;:") for m in WORDS.finditer(b)]
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    match = matcher.find_longest_match(0, len(ta), 0, len(tb))
    if match.size < min_words:
        return None
    clause = a[wa[match.a].start() : wa[match.a + match.size - 1].end()].rstrip(".,;:—–- ")
    return clause if normalise(clause) in normalise(b) else None


DUPLICATE = 0.5  # plain word overlap
DUPLICATE_WEIGHTED = 0.25  # rarity-weighted overlap: sharing the rare words is what counts
LAMBDA = 0.7
POOL = 60


def mmr(
    candidates: Sequence[Candidate],
    max_points: int,
    budget: int,
    fixed: Sequence[Candidate] = (),
    order: Sequence[str] = (),
    idf: Mapping[str, float] | None = None,
    rare: float = 10.0,
) -> list[Candidate]:
    """Pick up to max_points candidates, relevant but not redundant (Maximal Marginal Relevance),
    within a character budget. Near-duplicates of a chosen point are merged into it when the two
    share a long enough clause; otherwise they are dropped."""
    pool = sorted(candidates, key=lambda c: (-c.score, c.rank))[:POOL]
    if not pool:
        return []
    top = pool[0].score or 1.0
    rank = {a: i for i, a in enumerate(order)}
    chosen: list[Candidate] = []
    out: set[int] = set()
    used = 0
    while len(chosen) < max_points:
        best: tuple[float, tuple[int, int], int] | None = None
        for i, c in enumerate(pool):
            if i in out:
                continue
            sims = [(similarity(c, s, idf, rare), s) for s in (*fixed, *chosen)]
            sim, near = max(sims, key=lambda x: x[0], default=(0.0, None))
            if sim >= (DUPLICATE if idf is None else DUPLICATE_WEIGHTED):
                out.add(i)
                if near is not None and near in chosen:
                    _merge(near, c, rank)
                continue
            value = c.score / top - LAMBDA * sim
            if best is None or (-value, c.rank) < (-best[0], best[1]):
                best = (value, c.rank, i)
        if best is None:
            break
        c = pool[best[2]]
        out.add(best[2])
        if used + len(c.text) > budget:
            continue
        chosen.append(c)
        used += len(c.text)
    return chosen


def _merge(kept: Candidate, dup: Candidate, rank: dict[str, int]) -> None:
    """Cite dup's articles on kept when both state the same clause (kept's text becomes that clause)."""
    new = [a for a in dup.sources if a not in kept.sources]
    if not new:
        return
    clause = common_clause(kept.text, dup.text)
    if clause is None or not (clause[0].isupper() and len(clause) >= 0.6 * len(kept.text)):
        return
    kept.text = clause
    kept._tokens = None
    kept._weight = None
    kept.sources = sorted({*kept.sources, *new}, key=lambda a: rank.get(a, 0))
