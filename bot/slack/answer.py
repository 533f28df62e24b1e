"""Answer a question from the whole corpus: rank every cited point the builder catalogued
(briefings/points.jsonl) and keep the best few that say different things.

    index = point_index(library)                 # built once per Library (cached)
    ans = answer(library, "italy ban")           # None when nothing answers it
    ans.lead, ans.points, ans.topics

Ranking is BM25 (k1=1.2, b=0.75) over each point's stemmed words, vectorised with numpy so a
question over 100,000+ points takes about a millisecond, plus how close the point's meaning is
to the question's (sentence vectors, bot.slack.semantic: other words for the same thing),
times the point's fact density and a small boost for newer coverage. Then:
- points of the article that answers best, and of the brief the question leans to, count for
  more; the sentences right after the best points join in;
- when one article answers far better than any other, or answers best and its headline is
  the one the question echoes (a question about one story), its lede leads (not a
  commentary opening), points from other articles must hold half of what the best points
  hold of the question (a stray "ban" elsewhere is no answer), and when few of its points
  hold the question's words its densest others fill the reply;
- asked "when", what says when comes first;
- a question naming something (a word the coverage writes as a name: "Cisco", "R1-0528") is
  answered from the articles that name it (unless a part of it, after "and", names nothing),
  one naming a release ("nvidia stock v4.5") from those naming the release; a word no article
  uses ("specs") does not veto a question the rest of it makes clear;
- a place is found by the word for its people and back ("korea fine" → "Korean users"), a
  word the coverage lacks by the others of its family ("react" → "reactions");
- when too few points hold the question's words, the best article's densest fill the reply;
- who leads among close matches: an update of an older report ("lifted its block"), not a
  lead that only says what was not said; for "what is X", what X is; for "now", the newest;
- a point a newer one updates gives it its place;
- redundant points (same rare words, most of their words already given, or the same figures
  as one already kept) are skipped.
Pure: no I/O.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
import numpy.typing as npt

from bot.builder.select import VOICED
from bot.library import CatalogPoint, Library
from bot.slack import semantic
from bot.slack.search import (
    EXPAND,
    STOPWORDS,
    SUBJECT,
    alternatives,
    covers,
    family,
    find_topic,
    relatives,
    stem,
    tokens,
)

K1, B = 1.2, 0.75
LEAD_MAX = 330
POINT_MAX = 330
BUDGET = 1000  # characters of lead + points: the reply stays on one screen
MAX_POINTS = 5  # after the lead
POOL = 40
TITLE_TF = 0.5  # how often a speaker's turn counts its headline's words as its own
TRANSCRIPT_SHARE = 0.5  # a story with more than this share of speakers' turns is a transcript
MIN_COVERAGE = 0.5  # share of the question's weight the ranked candidates must hold
DUPLICATE = 0.4
CONTAINED = 0.7  # … or this share of its words are in a point already given
HEADLINE_SHARE = 0.5  # a headline holding this share of a question's weight …
HEADLINE_LEAD = 0.6  # … with the next best holding at most this share of it: the story asked
PHRASE_GAP = 3  # … or, as close, holding them this many words closer together
AGENT = ("er", "or")  # "founder", "investor": agents, whose roots are other words
HEADLINE_FEW, HEADLINE_SHARE_FEW = 3, 0.05  # a name this few headlines hold is a story's
STORY = 2.0  # an article with this many times the runner-up's evidence is what is asked about
POINT_COVER = 0.5  # …and a point from elsewhere must hold this share of what its best do
STORY_DENSE = 1  # the story's densest point the question's words do not reach …
UNREACHED = 0.3  # (scoring under this share of the best) …
DENSE_SHARE = 0.4  # … are candidates at this share of the best score
LEDE = 3  # opening points of the story that may lead
LEDE_QUALITY = 1.0  # … unless commentary: no figure, date, name or source (select.quality)
UPDATE_HOPS = 4
NEIGHBOURS = 3
DEFINES_WEIGHT = 2.0
MIN_POINTS = 3
TOPIC_WEIGHT = 0.3  # a point filed under the brief the question leans to
QUALITY_WEIGHT = 0.75  # how much fact density (figures, names, dates) counts beside relevance
NEWNESS_WEIGHT = 0.3  # the newest coverage counts this much more than the oldest
ARTICLE_POOL = 200  # points scored to judge which articles answer best
ARTICLE_WEIGHT = 0.8
DOMINANT = 0.5  # an article with this share of the evidence answers the question on its own
DOMINANT_MATCHES = 3  # … when that many of its points match (one stray mention is no story)
ARTICLE_SHARE = 0.5
MEANING_WEIGHT = 1.0  # a point that means what the question asks, beside the best word match
MEANING_FLOOR = 0.1  # vector similarity below this is unrelated text
LEAD_SHARE = 0.5  # a lead may give its place to a point with this share of its score
SPEAKER_SHARE = 0.2  # … or, asked what someone said, to their words with this share
NOW_SHARE = 0.75  # … and, asked for the current state, to a newer one with this share
NEWEST_STORY = 1.0  # … whose article's other points then count this much more
# "has not said which hardware it used", "declined to comment": true, but nothing to lead with
UNSAID = re.compile(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:said|say|disclosed|disclose|revealed|reveal|confirmed|"
    r"confirm|commented|comment|named|name|responded)\b|\bdeclined to\b",
    re.IGNORECASE,
)
# a question after one particular: "how long was it down", "who found the database"
PARTICULAR = re.compile(
    r"^\s*(?:how\s+(?:long|many|much|big|large|fast|old|often)|who|whom|whose|where|which)\b",
    re.IGNORECASE,
)
# "when can Europeans buy one": what says when comes first
WHEN_ASKED = re.compile(r"^\s*(?:when|what date|how soon|by when)\b", re.IGNORECASE)
TIME_TEXT = re.compile(  # a date a reader can place: not "last week" or "on Monday"
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d|January|February|March|"
    r"April|May\s+\d|June|July|August|September|October|November|December|"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|Q[1-4]|(?:19|20)\d\d)\b"
)
RECENT = frozenset(
    ["now", "latest", "current", "currently", "today", "newest", "recent", "recently"]
)
# … or as a question of whether something changed: "is it still banned", "is it back yet"
STILL = re.compile(r"\b(?:still|back|anymore|yet)\b", re.I)


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
    """An inverted index of the catalogue: per word, the points holding it and their weight;
    and, given an embedder, each point's sentence vector."""

    def __init__(
        self,
        points: tuple[CatalogPoint, ...],
        embed: semantic.Embedder | None = None,
        headlines: Mapping[str, str] | None = None,
    ) -> None:
        self.points = points
        self.embed = embed if points else None
        self.vectors = embed([p.text for p in points]) if embed and points else None
        self.bags: list[frozenset[str]] = []
        postings: dict[str, tuple[list[int], list[float]]] = {}
        lengths: list[int] = []
        counts: list[Counter[str]] = []
        self.by_id = {p.id: i for i, p in enumerate(points)}
        for p in points:
            c = Counter(index_tokens(p.text))
            lengths.append(sum(c.values()))
            self.bags.append(frozenset(c))
            if p.asked:  # the question it answers finds it too, each word once
                c.update(set(index_tokens(p.asked)) - c.keys())
            if p.asked or VOICED.match(p.text):
                # an interview's or a transcript's turn ("[Katrin Albers:] We run it …")
                # counts, a little, its headline's words: who the speaker speaks for
                titled = index_tokens((headlines or {}).get(p.sources[0], ""))
                c.update(dict.fromkeys(set(titled) - c.keys(), TITLE_TF))
            counts.append(c)
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
        # 0 for the oldest (or undated) coverage, 1 for the newest
        self.newness = np.asarray(
            [rank[p.published] / max(1, len(dates) - 1) if p.published else 0.0 for p in points],
            dtype=np.float64,
        )
        self.prior = np.asarray(
            [max(0.05, p.quality) ** QUALITY_WEIGHT for p in points], dtype=np.float64
        ) * (1.0 + NEWNESS_WEIGHT * self.newness)
        self.article = [p.sources[0] for p in points]
        self.of_article: dict[str, list[int]] = {}
        for i, a in enumerate(self.article):
            self.of_article.setdefault(a, []).append(i)
        self.max_idf = max(self.idf.values(), default=1.0)
        self.families = family(self.idf)  # by root: "react": ("react", "reaction")
        # points that update an older one: the news, where a question's best matches hold one
        self.updaters = frozenset(
            j for p in points if (j := self.by_id.get(p.updated_by or "")) is not None
        )
        self.names, self.part_names = _names(points)
        # "over-the-air (OTA)": an abbreviation of ordinary words names nothing; and one of a
        # name ("Open Weights Foundation (OWF)") is found as the name, written out
        self.spelled = _abbreviations(points)
        self.names = self.names - {a for a, (_, common) in self.spelled.items() if common}
        # what an article says, its headline included ("Inner Mongolia" only in the title)
        self.title_words = {a: tokens(t) for a, t in (headlines or {}).items()}
        self.title_bag = {a: frozenset(index_tokens(t)) for a, t in (headlines or {}).items()}
        self.article_bag = {
            a: self.title_bag.get(a, frozenset()).union(*(self.bags[i] for i in ids))
            for a, ids in self.of_article.items()
        }
        self._topic_masks: dict[tuple[str, ...], npt.NDArray[np.float64]] = {}
        # per word, the articles whose headline holds it (`headlines`: article id → title)
        by_word: dict[str, list[str]] = {}
        for article, title in sorted((headlines or {}).items()):
            for w in dict.fromkeys(index_tokens(title)):
                by_word.setdefault(w, []).append(article)
        self.headline_postings = {w: tuple(a) for w, a in by_word.items()}
        # a roundup's headline lists its items ("The Token Digest: DeepSeek cuts V4 prices
        # again, R3 verified, Corvane rallies"): each says what one part of it is about
        self.title_items = {
            a: [frozenset(index_tokens(item)) for item in items]
            for a, t in (headlines or {}).items()
            if len(items := title_items(t)) >= ROUNDUP_ITEMS
        }

    def rank(
        self,
        words: list[str],
        k: int = POOL,
        *,
        recent: bool = False,
        topics: frozenset[str] = frozenset(),
        meaning: semantic.Vectors | None = None,
        favour: re.Pattern[str] | None = None,
        headlined: str | None = None,
    ) -> tuple[list[tuple[int, float]], str | None]:
        """The k best points for these (stemmed) words: (position, score), best first, and
        the article the question is about when one answers it far better than any other.

        A point's BM25 score is weighted by its fact density and newness, then raised by how
        well its article as a whole answers (its best points' scores): passages from the
        article about the question beat stray mentions elsewhere. `recent`: the question asks
        for the current state ("now", "latest"), so newer coverage counts for more. `topics`:
        the briefs the question leans to; their points count for more. `meaning`: the
        question's sentence vector; points close to it gain up to MEANING_WEIGHT times the best
        word match, so other words for the same thing count. Some word must match: a question
        none of whose words the coverage holds gets nothing. `favour`: points it matches (a
        definition of what "what is X" asks about) count DEFINES_WEIGHT times, before their
        articles' strength is judged. `headlined`: the article whose headline the question
        echoes; when its points answer best, it is the story asked about. The story's
        STORY_DENSE densest points are candidates too."""
        if not self.points or not words:
            return [], None
        scores = np.zeros(len(self.points), dtype=np.float64)
        for w in dict.fromkeys(words):
            hit = self.postings.get(w)
            if hit is not None:
                scores[hit[0]] += hit[1]
        if not scores.any():
            return [], None
        scores /= scores.max()
        if meaning is not None and self.vectors is not None:
            close = self.vectors @ meaning - MEANING_FLOOR
            scores += MEANING_WEIGHT * np.maximum(close, 0.0)
        nonzero = int(np.count_nonzero(scores))
        scores *= self.prior
        if topics:
            scores *= 1.0 + TOPIC_WEIGHT * self.in_topics(topics)
        if recent:
            scores *= 1.0 + 1.5 * self.newness
        wide = min(nonzero, max(k, ARTICLE_POOL))
        top = np.argpartition(-scores, wide - 1)[:wide].tolist()
        if favour is not None:
            for i in top:
                if favour.search(self.points[i].text):
                    scores[i] *= DEFINES_WEIGHT
        top.sort(key=lambda i: (-scores[i], i))
        per_article: dict[str, list[float]] = {}
        for i in top:
            per_article.setdefault(self.article[i], []).append(float(scores[i]))
        strength = {a: sum(v[:3]) for a, v in per_article.items()}
        best = max(strength.values())
        final = {
            i: float(scores[i]) * (1.0 + ARTICLE_WEIGHT * strength[self.article[i]] / best)
            for i in top
        }
        lead_article = max(strength, key=lambda a: (strength[a], a))
        runner_up = max((v for a, v in strength.items() if a != lead_article), default=0.0)
        story = (
            lead_article
            if strength[lead_article] >= STORY * runner_up or lead_article == headlined
            else None
        )
        if (
            strength[lead_article] >= DOMINANT * sum(strength.values())
            and len(per_article[lead_article]) >= DOMINANT_MATCHES
        ):
            # one article is about the question: its densest points are candidates too
            top_score = max(final.values())
            for i in self.of_article[lead_article]:
                share = ARTICLE_SHARE * top_score * min(1.0, float(self.prior[i]) / 1.5)
                if final.get(i, 0.0) < share:
                    final[i] = share
        if story is not None:
            # the story asked about: its densest facts are candidates, though they may not
            # repeat the question's words ("indiana school ban" → "takes effect July 1"; "ulanqab
            # data centre" → "[…] Power capacity: 300 megawatts · Accelerators: 40,000")
            top_score = max(final.values())
            dense = sorted(
                (i for i in self.of_article[story] if final.get(i, 0.0) < UNREACHED * top_score),
                key=lambda i: (-float(self.prior[i]), i),
            )
            for i in dense[:STORY_DENSE]:
                final[i] = DENSE_SHARE * top_score
        ranked = sorted(final.items(), key=lambda x: (-x[1], x[0]))
        return ranked[:k], story

    def in_topics(self, topics: frozenset[str]) -> npt.NDArray[np.float64]:
        """1.0 for each point filed under one of these topics, else 0.0."""
        key = tuple(sorted(topics))
        cached = self._topic_masks.get(key)
        if cached is None:
            cached = np.asarray(
                [1.0 if topics.intersection(p.topics) else 0.0 for p in self.points],
                dtype=np.float64,
            )
            self._topic_masks[key] = cached
        return cached

    def coverage(
        self,
        words: list[str],
        hits: list[int],
        alts: dict[str, tuple[str, ...]] | None = None,
        titled: bool = False,
    ) -> float:
        """Share of the question's weight (rarity; unknown words weigh as the rarest) that the
        given points contain, a word counting when a word it points at is there. `titled`:
        their articles' headlines count too."""
        bag = set().union(*(self.bags[i] for i in hits)) if hits else set()
        if titled:
            bag = bag.union(*(self.title_bag.get(a, ()) for a in {self.article[i] for i in hits}))
        weights = {w: self.idf.get(w, self.max_idf) for w in words}
        total = sum(weights.values())
        got = sum(v for w, v in weights.items() if covers(w, bag, alts or {}))
        return got / total if total else 0.0


# a word as written, to tell names ("Cisco", "R1-0528") from ordinary words
WRITTEN = re.compile(r"[\w][\w.’'-]*[\w]|\w")
NAME_SHARE = 0.8


def _names(points: tuple[CatalogPoint, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the coverage writes as names: capitalised (or with a digit) at least NAME_SHARE
    of the times they appear mid-sentence; and of those, the ones written only inside a
    hyphenated name ("Max" of "Qwen2.5-Max", "OCR" of "DeepSeek-OCR")."""
    forms: Counter[str] = Counter()
    for p in points:
        forms.update(WRITTEN.findall(p.text)[1:])  # a sentence's first word is capitalised anyway
    alone = frozenset(w for raw in forms for w in tokens(raw) if "-" not in raw)
    for raw, n in list(forms.items()):
        for part in raw.split("-")[1:] if "-" in raw else ():
            forms[part] += n  # "DeepSeek-OCR": OCR is a name too ("deepseek ocr")
    written: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for raw, n in forms.items():
        word = tokens(raw)
        if len(word) == 1:
            written[word[0]] += n
            if raw[0].isupper() or any(ch.isdigit() for ch in raw):
                named[word[0]] += n
    names = frozenset(w for w, n in written.items() if named[w] >= NAME_SHARE * n)
    return names, names - alone


# "over-the-air (OTA)", "large language model (LLM)": words, then their initials in brackets
ABBREVIATED = re.compile(r"((?:[A-Za-z][\w’']*[\s-]+){1,6}?)\(([A-Z]{2,6})s?\)")


def _abbreviations(points: tuple[CatalogPoint, ...]) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Abbreviations the coverage spells out ("over-the-air (OTA)", "Open Weights Foundation
    (OWF)"), by token: the words they stand for, and whether those are ordinary words (what
    they stand for is then no name)."""
    out: dict[str, tuple[tuple[str, ...], bool]] = {}
    for p in points:
        for m in ABBREVIATED.finditer(p.text):
            short = m.group(2)
            words = re.split(r"[\s-]+", m.group(1).strip())[-len(short) :]
            if len(words) == len(short) and "".join(w[0] for w in words).upper() == short:
                for t in tokens(short):
                    out.setdefault(
                        t, (tuple(tokens(" ".join(words))), all(w[0].islower() for w in words))
                    )
    return out


def warm(library: Library) -> None:
    """Build the index ahead of the first question (LibraryHolder on_load hook)."""
    point_index(library)


# a word's letters before its version number: "HBM3" is HBM memory, "Qwen3" a Qwen model
VERSIONED = re.compile(r"([a-z]{3,})\d[\w.]*")


def index_tokens(text: str) -> list[str]:
    """Stemmed words, and the parts of hyphenated ones ("co-founder" also counts as
    "founder"; "R1-0528" as "r1") and the parts joined ("sign-ups" as "signup"); a versioned
    name also by its letters ("HBM2E" as "hbm")."""
    out = tokens(text)
    hyphenated = [t for t in out if "-" in t]
    out += [stem(part) for t in hyphenated for part in t.split("-") if len(part) > 1]
    out += [stem(t.replace("-", "")) for t in hyphenated if t.replace("-", "").isalpha()]
    return out + [m.group(1) for t in out if (m := VERSIONED.fullmatch(t))]


@lru_cache(maxsize=4)
def point_index(library: Library) -> PointIndex:
    headlines = {a.id: a.title for a in library.articles}
    return PointIndex(library.points, semantic.embedder(), headlines)


# verbs and adjectives a question is phrased with, which name no subject ("is it safe to use
# at work", "what changed"): left out unless nothing else is asked
FILLERS = frozenset(
    stem(w)
    for w in [
        "use",
        "used",
        "using",
        "work",
        "works",
        "working",
        "change",
        "changed",
        "changes",
        "happen",
        "happened",
        "happening",
        "mean",
        "means",
        "meant",
        "think",
        "know",
        "like",
        "get",
        "got",
        "make",
        "made",
        "put",
        "puts",
        "go",
        "going",
        "come",
        "comes",
        "coming",
        "want",
        "new",
        "latest",
        "big",
        "good",
        "bad",
        "real",
        "long",
        "really",
        "actually",
        "exactly",
        "basically",
        "truly",
        "honestly",
        "ever",
        "number",
        "numbers",
        "figures",
        "thing",
        "things",
        "anything",
        "something",
        "way",
        "say",
        "said",
        "says",
        "tell",
        "told",
        "yesterday",
        "tonight",
        "tomorrow",
        "anywhere",
        "everywhere",
        "somewhere",
        "anyone",
        "everyone",
        "someone",
        "details",
        # what kind of piece is asked for, not what about: "moe explainer", "v5 news"
        "explainer",
        "explained",
        "article",
        "story",
        "news",
        "recap",
        "roundup",
        "summary",
        "overview",
        "guide",
        "breakdown",
        "piece",
        "column",
        "op-ed",
        "editorial",
        "opinion",
    ]
)


def joined(word: str, index: PointIndex) -> str:
    """A hyphenated question word the coverage only writes joined ("sign-ups" → "signup"),
    as written there; any other word as it is."""
    if "-" not in word or word in index.idf:
        return word
    one = stem(word.replace("-", ""))
    return one if one in index.idf else word


def question_words(query: str) -> tuple[list[str], list[str]]:
    """(words as typed, stemmed and without stopwords or fillers; the same plus expansions).
    With nothing else left, a stopword that points at news words is the question ("is it
    down" → outage)."""
    words = index_tokens(query)
    alts = meant(query)
    content = [w for w in words if w not in FILLERS] or list(alts) or words
    # "why was widget listed": words of a cause ("attributed", "due") find nothing on their
    # own (an unrelated "attributes the gain to …" is no answer); a story told puts its
    # sentences giving a cause first instead
    pointing = [
        e for w, pointed in alts.items() if w not in WHY_WORDS or w in content for e in pointed
    ]
    return content, content + pointing


def meant(query: str) -> dict[str, tuple[str, ...]]:
    """`alternatives`, but "how much" means a cost only when no other word says what money is
    asked ("how much are the authors suing for" asks for damages, not prices)."""
    alts = alternatives(query)
    if MONEY_ASKED.search(query):
        alts.pop(stem("much"), None)
    return alts


def _similar(index: PointIndex, a: frozenset[str], b: frozenset[str]) -> float:
    """Rarity-weighted word overlap (Jaccard): sharing rare words is what makes a repeat."""
    if not a or not b:
        return 0.0
    idf = index.idf
    inter = sum(idf.get(w, 0.0) for w in a & b)
    union = sum(idf.get(w, 0.0) for w in a | b)
    return inter / union if union else 0.0


def _contained(index: PointIndex, a: frozenset[str], b: frozenset[str]) -> float:
    """Share of a's rarity-weighted words that b holds too: a headline its lede restates."""
    idf = index.idf
    total = sum(idf.get(w, 0.0) for w in a)
    return sum(idf.get(w, 0.0) for w in a & b) / total if total else 0.0


def headline(text: str) -> bool:
    """A headline: a statement with no closing full stop."""
    return not text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))


WHAT_IS = re.compile(
    r"^\s*(?:what|who)(?:\s+(?:is|are|was|were)|'s|’s)\s+(?P<rest>.+?)\??\s*$", re.I
)


def _asked_name(query: str) -> str | None:
    """For "what is X" / "who is X": a pattern for the name X as written ("deepseek v4" also
    matches DeepSeek-V4)."""
    m = WHAT_IS.match(query)
    if m is None:
        return None
    words = [w for w in re.findall(r"[\w.-]+", m.group("rest")) if w.lower() not in STOPWORDS]
    return r"[\s-]+".join(re.escape(w) for w in words[-2:]) if words else None


def _describing(name: str) -> str:
    """Sentences that say what X is: "X, a …", "X, its new …", "X is a …", "… called X"."""
    return (
        # "X, a …": the comma right after the name (or its suffix, or an aside in brackets),
        # not "X was released, the authority said"
        rf"\b{name}\b(?:[^.;\s]{{0,25}}?|\s+\([^)]{{1,40}}\)),\s+(?:a|an|the|its|their)\s"
        rf"|\b{name}\b[^.;]{{0,25}}?\s+(?:is|was|are)\s+(?:a|an|the)\s"
        rf"|\b(?:called|named|dubbed)\s+(?:the\s+)?{name}\b"
        # "its R1 reasoning model", "the Tidewater coding agent": what kind of thing X is
        rf"|\b{name}\s+(?:[a-z][\w-]*\s+)?(?:model|chatbot|app|assistant|agent|tool|platform)s?\b"
    )


def definition(query: str) -> re.Pattern[str] | None:
    """For "what is X" / "who is X": a pattern for sentences about X, what it is or what it
    does ("X is a …", "X accepts …")."""
    name = _asked_name(query)
    if name is None:
        return None
    return re.compile(
        _describing(name)
        + rf"|^\[?{name}\]?\s+(?!(?:also|has not|had not|did not|does not)\b)[a-z]",
        re.I,
    )


def description(query: str) -> re.Pattern[str] | None:
    """For "what is X": a pattern for sentences that say what X is, which lead."""
    name = _asked_name(query)
    return re.compile(_describing(name), re.I) if name is not None else None


# "how much did it cost", "how much power", "how many users": the kind of figure that answers
HOW_MUCH = re.compile(
    r"\bhow\s+(?P<kind>much|many|big|large|huge|small)\b(?:\s+(?P<noun>[a-z][\w-]*))?", re.I
)
SIZED = ("big", "large", "huge", "small")  # "how big is the power deal": its figures
MONEY_ASKED = re.compile(
    r"\b(?:cost\w*|price\w*|pay\w*|paid|spen[dt]\w*|rais\w*|worth|valu\w*|fine[sd]?|"
    r"revenue|sales|charg\w*|expensive|budget|earn\w*|invest\w*|su(?:e|es|ed|ing)|"
    r"damages|money|funding)\b",
    re.I,
)
COMPARED_ASKED = re.compile(
    r"\b(?:cheaper|costlier|faster|slower|better|worse|bigger|smaller)\b", re.I
)
RATIO = re.compile(r"\d[\d.]*\s*(?:%|percent\b|per\s?cent\b|times\b|x\b|-fold\b)", re.I)
# "how much is deepseek plus": what it costs (not "how much is it relying on …")
PRICE_ASKED = re.compile(
    r"\bhow\s+much\s+(?:is|are|was|were|does|do)\s+(?:(?![a-z]+ing\b)[\w.’'-]+\s*){1,4}\??\s*$",
    re.I,
)
SHARE_ASKED = re.compile(r"\bhow\s+much\s+of\b", re.I)
SHARE = re.compile(
    rf"{RATIO.pattern}|\b(?:a|one|two|three)[- ](?:third|quarter|fifth|tenth)s?\b|\bhalf\b"
    r"|\bmajority\b|\bmost\b",
    re.I,
)
POWER_ASKED = re.compile(r"\b(?:power|electricity|energy|grid)\b", re.I)
NUMBER = r"\d[\d,.]*\s*"
MONEY = re.compile(
    r"[$€£¥₩₹]\s?\d|\b(?:US\$|USD|RMB|CNY|EUR|GBP|JPY|KRW|INR|MYR|SGD|CHF|RM|Rs\.?|[ACHS]\$)\s?\d"
    rf"|{NUMBER}(?:(?:million|billion|trillion|thousand|bn|mn|tn)\s+)?"
    r"(?:yuan|won|euros?|dollars?|yen|rupees?|ringgit|riyals?|pounds)\b",
    re.I,
)
POWER = re.compile(rf"{NUMBER}(?:megawatts?|MW|gigawatts?|GW|kilowatts?|kW)\b")
# a size: an amount of money or power, a magnitude or a count ("1.4 gigawatts", "9,000 cars")
SIZE = re.compile(
    rf"{MONEY.pattern}|{POWER.pattern}|{NUMBER}(?:million|billion|thousand|[a-z]+s)\b"
)


# "what did X say about Y": what someone said, in quotes, a transcript's answers or "X said"
SAY_ASKED = re.compile(r"\b(?:say|said|says|think|thinks|thought|tell|told)\b", re.I)
# a verb of saying, in the past or the present a feature writes in ("…," argues Dr Kamau)
SAYING = (
    r"(?:said|says|told|tells|wrote|writes|argued|argues|added|adds|stated|states|called|"
    r"calls|described|describes|warned|warns|noted|notes|insisted|insists|explained|explains|"
    r"admitted|admits|acknowledged|acknowledges|cautioned|cautions|recalled|recalls)"
)
SPEECH = re.compile(rf"^\[[^\]]+:\]|[“\"]\w|\b(?:{SAYING}|according to)\b")


def spoken_by(names: Sequence[str]) -> re.Pattern[str] | None:
    """For "what did nvidia say": a pattern for what the named say — "[Nvidia] said …",
    '"…," an Nvidia spokesperson said', "according to Nvidia", "[Ana Ruiz:] …"."""
    if not names:
        return None
    who = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"^\[[^\]]*\b(?:{who})\w*[^\]]*:\]"
        rf"|\b(?:{who})\w*(?:[’']s)?\]?(?:\s+[\w-]+){{0,3}}?\s+{SAYING}\b"
        rf"|\b{SAYING}\s+(?:[\w-]+\s+){{0,4}}?(?:{who})\w*\b"
        rf"|\baccording to\s+(?:[\w-]+\s+){{0,3}}?(?:{who})\w*",
        re.I,
    )


COUNTED = re.compile(r"\s+([a-z][\w-]*)", re.I)


def _speakers(index: PointIndex, query: str, words: list[str]) -> list[str]:
    """The names a "what did X say (about Y)" question asks to hear: those before its verb of
    saying ("what did peter kamau say about somo hub": Peter Kamau, not Somo Hub; "what did
    deepseek say about …": the coverage's subject, no word to rank by), or, when none is
    there, every name it holds."""
    names = [w for w in words if w in index.names]
    m = SAY_ASKED.search(query)
    if m is None:
        return names
    before = {joined(w, index) for w in question_words(query[: m.start()])[0]}
    if not before and (asked := SUBJECT.search(query[: m.start()])):
        return [asked.group().lower()]  # "what did deepseek say about the lanting leak"
    return [w for w in names if w in before] or names


def counted(rest: str) -> str | None:
    """What "how many" counts: the last word of the noun phrase after it, before a verb or
    a preposition ("how many huaxin cars were affected" → "cars"); None when there is none."""
    noun = None
    for m in COUNTED.finditer(rest):
        word = m.group(1).lower()
        if word in STOPWORDS or (noun is not None and word.endswith("ed")):
            break
        noun = word
        if m.end() < len(rest) and rest[m.end()] not in " ":
            break  # "how many users, and …"
    return noun if noun is not None and len(noun) >= 3 else None


CAUSAL = re.compile(  # a sentence giving a cause: "Because of an error in our tooling, …"
    r"\b(?:because|caus(?:e|es|ed|ing)|due to|reasons?|blam(?:e|es|ed)|attribut(?:e|es|ed)|"
    r"trigger(?:s|ed)?|led to|result(?:s|ed)? (?:of|from))\b",
    re.I,
)
WHY_WORDS = frozenset(stem(w) for w in ("why", "cause", "caused", "causes", "reason", "reasons"))


# "what did the guidance require": what it says someone must, may not or may only do
OBLIGED_ASKED = re.compile(
    r"\b(?:requir\w*|rules?|must|oblig\w*|allowed|permitted|mandat\w*|have to)\b", re.I
)
OBLIGATION = re.compile(
    r"\b(?:must|required|requires|(?:have|has|need|needs) to|may (?:not|only)|cannot|can only|"
    r"(?:is|are) (?:not )?(?:allowed|permitted)|(?:banned|barred) from|prohibit\w*|obliged)\b",
    re.I,
)


# "who won", "who was charged": a name, then who or what it is ("Sprout Relay, a team of
# three medical students", "Desmond Koh, 38, a director of …", "Shen Yiru, who headed …")
WHO_ASKED = re.compile(r"^\s*who\s+(?!(?:is|are|'s)\b)", re.I)  # ("who is X": what X is)


def introduced(query: str) -> re.Pattern[str] | None:
    """For "who won the hackathon": a pattern for sentences that introduce someone, by a name
    the question does not hold ("Sprout Relay, a team of …", not "The Builders Hackathon, a
    48-hour event")."""
    if not WHO_ASKED.match(query):
        return None
    asked = "|".join(re.escape(w) for w in re.findall(r"[a-z][\w’'-]{2,}", query.lower()))
    word = rf"(?!(?i:{asked})\b)[A-Z][\w’'&.-]*"
    return re.compile(rf"\b{word}(?:\s+{word}){{0,4}},\s+(?:a|an|the|who|\d{{2}},)\s")


def obliged(query: str) -> re.Pattern[str] | None:
    """For "what does the rule require": a pattern for what someone must or may not do."""
    return OBLIGATION if OBLIGED_ASKED.search(query) else None


def said(query: str) -> re.Pattern[str] | None:
    """For "what did X say about Y": a pattern for what someone said; None otherwise."""
    return SPEECH if SAY_ASKED.search(query) else None


def quantity(query: str) -> re.Pattern[str] | None:
    """For "how much …" / "how many <things>": a pattern for the figures that answer (money,
    power, or a count of the things), which count for more; None for other questions."""
    m = HOW_MUCH.search(query)
    if m is None:
        return None
    if m.group("kind").lower() == "many":
        noun = counted(query[m.end("kind") :])
        if noun is None:
            return None
        roots = "|".join(
            re.escape(r) for r in dict.fromkeys((stem(noun), *map(stem, EXPAND.get(noun, ()))))
        )
        # "9,300 vehicles", "the number of affected vehicles at about 9,000"; not a year
        # ("the 2027 Huaxin Aurel")
        count = rf"(?<![\d,.])(?!(?:19|20)\d\d\b){NUMBER}"
        return re.compile(
            rf"{count}(?:(?:million|billion|thousand)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{roots})\w*"
            rf"|\b(?:{roots})\w*\s+(?:[\w-]+\s+){{0,2}}?(?:at|to|was|were|is|are|reached|"
            rf"totall?ed|numbered)\s+(?:about|around|roughly|nearly|some|almost|over|more than|"
            rf"just over|just under)?\s*{count}",
            re.I,
        )
    if m.group("kind").lower() in SIZED:  # "how big is the power deal": GW, money, counts
        return POWER if POWER_ASKED.search(query) else MONEY if MONEY_ASKED.search(query) else SIZE
    if COMPARED_ASKED.search(query):
        return RATIO  # "how much cheaper": by what share or multiple
    if SHARE_ASKED.search(query):
        return SHARE  # "how much of its compute will be domestic chips": what share
    if POWER_ASKED.search(query):
        return POWER
    if MONEY_ASKED.search(query) or PRICE_ASKED.search(query):
        return MONEY
    return None


def _with_neighbours(index: PointIndex, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The best points' next sentences join the running at a share of their score: the fact
    asked about often continues right after the sentence that names it."""
    score = dict(ranked)
    for i, s in ranked[:NEIGHBOURS]:
        article, _, pos = index.points[i].id.rpartition(":")
        for step, share in ((1, 0.55), (2, 0.4)):
            j = index.by_id.get(f"{article}:{int(pos) + step}")
            if j is not None and score.get(j, 0.0) < share * s:
                score[j] = share * s
    return sorted(score.items(), key=lambda x: (-x[1], x[0]))


def _extends(longer: CatalogPoint, shorter: CatalogPoint) -> bool:
    """Whether a point is another joined to the sentence after it (same article, same start)."""
    return (
        longer.sources[0] == shorter.sources[0]
        and len(longer.text) > len(shorter.text)
        and longer.text.startswith(shorter.text.rstrip("."))
    )


def _updated(
    index: PointIndex, ranked: list[tuple[int, float]], past: bool = False
) -> list[tuple[int, float]]:
    """A point a newer article updates ("has not disclosed" → the disclosed figure; a ban →
    its lifting) gives its place to the update: an answer never states the old as current.
    `past`: the question asks about the event itself ("why did brazil suspend it", "when
    …"): the old report keeps its place, and its update follows it."""
    out: list[tuple[int, float]] = []
    seen: set[int] = set()
    for i, score in ranked:
        j = i
        for _ in range(UPDATE_HOPS):  # an update updated in turn: the newest
            newer = index.by_id.get(index.points[j].updated_by or "")
            if newer is None:
                break
            j = newer
        for k in (i, j) if past else (j,):
            if k not in seen:
                seen.add(k)
                out.append((k, score))
    return out


def _lede_first(
    index: PointIndex,
    ranked: list[tuple[int, float]],
    story: str,
    top: float,
    asks: frozenset[str],
) -> list[tuple[int, float]]:
    """A question about one story is led by that story's lede: the first of its opening
    sentences (not the headline) that holds a word of the question (`asks`, with the words
    they point at), written to say what happened. "Here is what we know" holds none."""
    score = dict(ranked)
    for i in index.of_article[story][:LEDE]:
        text = index.points[i].text
        if headline(text) or len(text) > LEAD_MAX or score.get(i, 0.0) <= 0.0:
            continue
        if index.points[i].quality < LEDE_QUALITY:
            continue  # "Leaderboards are the closest thing the industry has to …": no news
        if index.bags[i] & asks:
            return _to_front(ranked, i, top)
    return ranked


def _story_filled(
    index: PointIndex, ranked: list[tuple[int, float]], story: str
) -> list[tuple[int, float]]:
    """The ranking with the story's other points after it, densest in facts first: when few
    of its points hold the question's words ("westbrook deepseek cheating"), the reply still
    gives MIN_POINTS of the story, not one line. They score nothing, so they are taken only
    while the reply has fewer than MIN_POINTS."""
    have = {i for i, _ in ranked}
    rest = sorted(
        (i for i in index.of_article[story] if i not in have),
        key=lambda i: (-index.points[i].quality, i),
    )
    return [*ranked, *((i, 0.0) for i in rest)]


def _names_only_the_story(
    index: PointIndex, story: str, words: list[str], alts: dict[str, tuple[str, ...]]
) -> bool:
    """Whether every word of the question is in the story's headline or opening points ("what
    does the eu ai office want from deepseek" of "EU AI Office demands documents from …"):
    the question asks for the story, not a detail of it."""
    opening = index.title_bag.get(story, frozenset()).union(
        *(index.bags[i] for i in index.of_article[story][:LEDE])
    )
    return bool(words) and all(covers(w, opening, alts) for w in words)


def sections(index: PointIndex, story: str) -> list[list[int]]:
    """An article's points split at its headings ("2. Qiantang cuts the QT-7 price"); one
    part when it has none."""
    parts: list[list[int]] = [[]]
    for i in index.of_article[story]:
        if headline(index.points[i].text) and parts[-1]:
            parts.append([])
        parts[-1].append(i)
    return parts


def _item_asked(
    index: PointIndex, story: str, words: list[str], alts: dict[str, tuple[str, ...]]
) -> list[int]:
    """The story's points to tell: of a roundup, the one item (a part under a heading) that
    alone holds every word of the question the story holds ("why did qiantang cut the qt-7
    price" of a newsletter's "HBM rule delayed, Qiantang cuts QT-7 price, …"); else all."""
    whole = index.of_article[story]
    held = [w for w in words if covers(w, index.article_bag[story], alts)]
    answering = [
        part
        for part in sections(index, story)
        if all(covers(w, frozenset().union(*(index.bags[i] for i in part)), alts) for w in held)
    ]
    return answering[0] if len(answering) == 1 and len(answering[0]) < len(whole) else whole


def _transcript(index: PointIndex, part: list[int]) -> bool:
    """Whether these points are a conversation's: most are speakers' turns, and they answer
    questions or take turns ("[Ana Ruiz:] …", "[Leo Park:] …"); not a company's own report,
    all "[Widget:] We …", told in order."""
    voices = [v.group() for i in part if (v := VOICED.match(index.points[i].text))]
    return len(voices) > TRANSCRIPT_SHARE * len(part) and (
        len(set(voices)) > 1 or any(index.points[i].asked for i in part)
    )


def _section_asked(
    index: PointIndex, best: int, words: list[str], alts: dict[str, tuple[str, ...]]
) -> list[int]:
    """The part of its article the best point is in, when a heading opens that part and holds
    HEADLINE_SHARE of the question's weight (rarity, as in `coverage`) and the part says more
    than its heading; else nothing."""
    part = next(p for p in sections(index, index.article[best]) if best in p)
    heading = part[0]
    if len(part) < MIN_POINTS or not headline(index.points[heading].text):
        return []
    return part if index.coverage(words, [heading], alts) >= HEADLINE_SHARE else []


def _story_told(
    index: PointIndex,
    ranked: list[tuple[int, float]],
    part: list[int],
    asks: frozenset[str],
    why: bool = False,
) -> list[tuple[int, float]]:
    """The best-ranked point of the story (`part` of it: a roundup's item, a heading's part),
    then its other points in reading order, then the rest of the ranking: asked about a story
    as a whole, the reply tells it. A transcript, most of whose points are speakers' turns,
    puts its most important first no more than a conversation does: its points holding a
    word of the question (`asks`) come first; so do a story's giving a cause, asked `why`."""
    first = next((i for i, _ in ranked if i in part), None)
    best = [] if first is None else [first]
    rest = [i for i in part if i not in best]
    if why:
        rest.sort(key=lambda i: not CAUSAL.search(index.points[i].text))
    elif _transcript(index, part):
        rest.sort(key=lambda i: not index.bags[i] & asks)
    told = [*best, *rest]
    top = ranked[0][1] if ranked else 1.0
    score = {i: top * (1.01 - 0.01 * n) for n, i in enumerate(told)}
    return [*((i, score[i]) for i in told), *((i, s) for i, s in ranked if i not in score)]


def _with_candidates(
    ranked: list[tuple[int, float]], more: list[int], score: float
) -> list[tuple[int, float]]:
    """The ranking with these points in it, each at `score` at least."""
    have = dict(ranked)
    for i in more:
        have[i] = max(have.get(i, 0.0), score)
    return sorted(have.items(), key=lambda x: (-x[1], x[0]))


def fits_first(
    ranked: list[tuple[int, float]], fit: Callable[[int], bool], share: float
) -> list[tuple[int, float]]:
    """The ranking with the points that fit, scoring within `share` of the best, first (in
    their order), just above the best score."""
    if not ranked:
        return ranked
    top = ranked[0][1]
    fits = [i for i, s in ranked if s >= share * top and fit(i)]
    score = {i: top * (1.01 - 0.001 * n) for n, i in enumerate(fits)}
    return [*((i, score[i]) for i in fits), *((i, s) for i, s in ranked if i not in score)]


def _to_front(ranked: list[tuple[int, float]], i: int, top: float) -> list[tuple[int, float]]:
    """The ranking with point i first, just above the best score `top`."""
    return [(i, top * 1.01), *((j, s) for j, s in ranked if j != i)]


def _lead_if(
    index: PointIndex,
    ranked: list[tuple[int, float]],
    fit: Callable[[int], bool],
    share: float = LEAD_SHARE,
) -> list[tuple[int, float]]:
    """The ranking led by the best point that fits, when the lead does not and that point
    scores within `share` of it; the old lead stays a point."""
    if not ranked or fit(ranked[0][0]):
        return ranked
    top = ranked[0][1]
    for i, s in ranked[1:]:
        if s < share * top:
            break
        if len(index.points[i].text) <= LEAD_MAX and fit(i):
            return _to_front(ranked, i, top)
    return ranked


def _names_subject(text: str) -> bool:
    """Whether a point that may lead names the coverage's subject, as a statement (not a
    headline): "… ordered the two companies behind the DeepSeek chatbot to stop …"."""
    return SUBJECT.search(text) is not None and not headline(text)


def _stated_first(index: PointIndex, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """A lead that only says what was not said ("[DeepSeek] has not said which hardware it
    used") gives its place to a close point that states something."""
    return _lead_if(index, ranked, lambda i: not UNSAID.search(index.points[i].text))


def _update_first(
    index: PointIndex, ranked: list[tuple[int, float]], asks: frozenset[str]
) -> list[tuple[int, float]]:
    """A close point that updates an older report ("lifted its block") leads: the latest
    development first, as in the briefs; one that holds a word of the question (`asks`), not
    a price the story gives beside the batch discount asked about."""
    return _lead_if(index, ranked, lambda i: i in index.updaters and bool(index.bags[i] & asks))


def _defined_first(
    index: PointIndex, ranked: list[tuple[int, float]], defines: re.Pattern[str]
) -> list[tuple[int, float]]:
    """Asked "what is X", a close point that says what X is leads ("DeepSeek-V4, its
    next-generation large language model, …")."""
    return _lead_if(index, ranked, lambda i: defines.search(index.points[i].text) is not None)


def _newest_first(index: PointIndex, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """For a question about the current state ("now", "latest"), the newest report among the
    points within NOW_SHARE of the best leads: the price list of September, not of February."""
    if not ranked:
        return ranked
    top = ranked[0][1]
    near = [
        (n, i)
        for n, (i, s) in enumerate(ranked)
        if s >= NOW_SHARE * top and len(index.points[i].text) <= LEAD_MAX
    ]
    if not near:
        return ranked
    _, _, newest = max((index.points[i].published or "", -n, i) for n, i in near)
    return ranked if newest == ranked[0][0] else _to_front(ranked, newest, top)


def lead_told(index: PointIndex, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The lead's article's other points count NEWEST_STORY times more: asked "is it back in
    the dutch app store", the newest report leads and tells its story, before the older one."""
    if not ranked:
        return ranked
    lead = index.article[ranked[0][0]]
    weighted = [(i, s * (1.0 + NEWEST_STORY) if index.article[i] == lead else s) for i, s in ranked]
    return sorted(weighted, key=lambda x: -x[1])


def _naming(
    index: PointIndex,
    ranked: list[tuple[int, float]],
    named: list[str],
    alts: dict[str, tuple[str, ...]],
) -> list[tuple[int, float]]:
    """The ranking kept to the articles that name what the question names ("Cisco"), and,
    when it names a release ("nvidia stock v4.5") some article names, to those naming it."""
    versions = [w for w in named if any(ch.isdigit() for ch in w)]

    def fits(article: str, need: list[str]) -> bool:
        bag = index.article_bag[article]
        return all(covers(w, bag, alts) for w in need) and any(covers(w, bag, alts) for w in named)

    articles = {index.article[i] for i, _ in ranked}
    need = versions if any(fits(a, versions) for a in articles) else []
    return [(i, s) for i, s in ranked if fits(index.article[i], need)]


# a month or a day is written capitalised, but names no one: "since march" holds no story
CALENDAR = frozenset(
    stem(w.lower())
    for w in (*calendar.month_name[1:], *calendar.day_name)  # (C locale)
)

# where a question asks a second thing: "monthly users worldwide and in germany"
PARTS = re.compile(r"\s*(?:\band\b|[,;&+])\s*", re.IGNORECASE)


def _unnamed_part(query: str, names: frozenset[str]) -> bool:
    """Whether the question asks two things and one of them, in two words or more, names
    nothing ("deepseek monthly users worldwide and in germany"): that part is open to any
    article, so the question is not held to the articles naming the other part's name."""
    parts = [question_words(p)[0] for p in PARTS.split(query) if p.strip()]
    return len(parts) > 1 and any(len(p) >= 2 and not any(w in names for w in p) for p in parts)


def headlined(index: PointIndex, words: list[str], alts: dict[str, tuple[str, ...]]) -> str | None:
    """The article whose headline the question echoes ("indiana school ban" → "Indiana bans
    Chinese AI apps from its public schools"): its headline holds HEADLINE_SHARE of the
    question's weight (rarity, as in `coverage`), and no other headline holds near as much."""
    weights = {w: index.idf.get(w, index.max_idf) for w in dict.fromkeys(words)}
    total = sum(weights.values())
    held: dict[str, float] = {}
    for w, weight in weights.items():
        for article in {
            a for t in (w, *alts.get(w, ())) for a in index.headline_postings.get(t, ())
        }:
            held[article] = held.get(article, 0.0) + weight
    for article in held.keys() & index.title_items.keys():  # a roundup: its best item's share
        held[article] = max(
            sum(v for w, v in weights.items() if covers(w, item, alts))
            for item in index.title_items[article]
        )
    if not held:
        return None
    ranked = sorted(held.items(), key=lambda kv: (-kv[1], kv[0]))
    best, got = ranked[0]
    if got < HEADLINE_SHARE * total:
        return None
    close = [a for a, v in ranked[1:] if v > HEADLINE_LEAD * got]
    if not close:
        return best
    # as close: the headline that says it as a phrase ("Nimbara Cloud outage takes …", not
    # "Nimbara Cloud profit rises …, but trims … after Singapore outage")
    spans = {a: _span(index, a, weights, alts) for a in (best, *close)}
    phrase = min(spans, key=lambda a: (spans[a], a))
    apart = all(spans[a] >= spans[phrase] + PHRASE_GAP for a in spans if a != phrase)
    return phrase if apart and held[phrase] == got else None


# "…: A, B, and more": a headline's list of items, after the newsletter's name
ITEMS = re.compile(r",\s+(?:and\s+)?|;\s+|\s+\|\s+")
ROUNDUP_ITEMS = 3


def title_items(title: str) -> list[str]:
    """The items a headline lists ("HBM rule delayed to July 1", "Qiantang cuts QT-7 price",
    "Singapore verdict date set"); one item when it lists none."""
    _, _, after = title.rpartition(": ")
    return [item for item in ITEMS.split(after or title) if item.strip()]


def _span(
    index: PointIndex, article: str, weights: Mapping[str, float], alts: dict[str, tuple[str, ...]]
) -> int:
    """How many words of an article's headline the question's words it holds spread over."""
    at = [
        n
        for n, t in enumerate(index.title_words.get(article, []))
        if any(t == w or t in alts.get(w, ()) for w in weights)
    ]
    return at[-1] - at[0] + 1 if at else 10**6


# a place and the word for its people, as stemmed: korea/korean, brazil/brazilian,
# italy/italian, germany/german, japan/japanes(e), china/chines(e), europ(e)/european
PLACE_TO_PEOPLE = ("n", "an", "ean", "ian", "es", "y")  # added to the place
PLACE_END_TO_PEOPLE = (("y", "ian"), ("a", "ian"), ("a", "es"), ("o", "an"), ("y", ""))


def place_forms(word: str, names: frozenset[str], known: Mapping[str, float]) -> tuple[str, ...]:
    """Other forms of a place's name the coverage writes as names: "korea" ↔ "korean",
    "italy" ↔ "italian". Only a name (or a word the coverage lacks) has them."""
    if len(word) < 4 or not word.isalpha() or (word in known and word not in names):
        return ()
    found = [word + end for end in PLACE_TO_PEOPLE]
    found += [word[: -len(a)] + b for a, b in PLACE_END_TO_PEOPLE if word.endswith(a)]
    found += [word[: -len(end)] for end in PLACE_TO_PEOPLE if word.endswith(end)]
    found += [word[: -len(b)] + a for a, b in PLACE_END_TO_PEOPLE if b and word.endswith(b)]
    return tuple(dict.fromkeys(f for f in found if f != word and len(f) >= 4 and f in names))


def judged(index: PointIndex, words: list[str], alts: dict[str, tuple[str, ...]]) -> list[str]:
    """The words whether the coverage answers a question is judged on. A word the coverage
    never uses ("specs", "hearing") is left out when the rest says what is asked: two words
    it knows, or a model's name ("v4.5"). Alone beside one known word ("weather in paris")
    it counts, as the rarest word would."""
    known = [w for w in words if w in index.idf or alts.get(w) or w in index.headline_postings]
    if len(known) >= 2 or any(ch.isdigit() for w in known for ch in w):
        return known
    if any(
        w in index.names and w in index.headline_postings and _rare_heading(index, w) for w in known
    ):
        return known  # "why did harrowgate bump its number up": a name few headlines hold
    return words


def _rare_heading(index: PointIndex, word: str) -> bool:
    """Whether few of the coverage's headlines hold this word: a story's own name ("Harrowgate
    revises …"), not "DeepSeek", which most hold, nor "Paris", which none does."""
    return len(index.headline_postings[word]) <= max(
        HEADLINE_FEW, HEADLINE_SHARE_FEW * len(index.title_bag)
    )


# "what's new", "latest", "any news this week": asks for the newest coverage, whatever it is
NEWS_ASKED = frozenset(
    stem(w)
    for w in (
        *("latest", "new", "news", "newest", "recent", "recently", "update", "updates"),
        *("today", "week", "happening", "happened", "lately", "what", "any", "anything"),
    )
)


def news_only(query: str) -> bool:
    """Whether the question asks only for the news ("what's new", "latest updates")."""
    words = tokens(query)
    return bool(words) and all(w in NEWS_ASKED or w in FILLERS for w in words)


def latest(index: PointIndex) -> list[int]:
    """Each dated article's lede (its first statement that fits, denser than commentary),
    newest article first: what is new, whatever the words. Undated articles are oldest: none."""
    newest: dict[str, str] = {}
    for p in index.points:
        if p.published and p.published > newest.get(p.sources[0], ""):
            newest[p.sources[0]] = p.published
    out: list[int] = []
    for article in sorted(newest, key=lambda a: (newest[a], a), reverse=True):
        fits = [
            i
            for i in index.of_article.get(article, [])
            if len(index.points[i].text) <= POINT_MAX
            and not headline(index.points[i].text)
            and index.points[i].updated_by is None  # not old news a newer report replaced
        ]
        lede = next((i for i in fits if index.points[i].quality >= LEDE_QUALITY), None)
        if lede is None and fits:
            lede = fits[0]
        if lede is not None:
            out.append(lede)
    return out


def _news(index: PointIndex, query: str) -> Answer | None:
    """The newest articles' ledes, newest first, within the reply's room."""
    chosen: list[CatalogPoint] = []
    taken: list[int] = []
    used = 0
    for i in latest(index):
        p = index.points[i]
        if used + len(p.text) > BUDGET or any(
            _similar(index, index.bags[i], index.bags[j]) >= DUPLICATE for j in taken
        ):
            continue  # too long for the room left, or an older report of a story given
        chosen.append(p)
        taken.append(i)
        used += len(p.text)
        if len(chosen) > MAX_POINTS:
            break
    if not chosen:
        return None
    topics = tuple(dict.fromkeys(t for p in chosen for t in p.topics))
    return Answer(query, chosen[0], tuple(chosen[1:]), topics[:3])


def answer(library: Library, query: str) -> Answer | None:
    """The most relevant, non-redundant cited points for a question; None when no point
    contains enough of its words to count as an answer. "What's new" gets the newest dated
    articles' ledes."""
    index = point_index(library)
    if news_only(query):
        return _news(index, query)  # None with no dated article: the overview says it all
    words, expanded = question_words(query)
    # a hyphenated word the coverage knows (or writes joined) counts once; else by its parts
    whole = {t for t in tokens(query) if "-" in t and (t in index.idf or joined(t, index) != t)}
    parts = {p for t in whole for p in t.split("-")}
    words = [joined(w, index) for w in words if w not in parts]
    expanded = [joined(w, index) for w in expanded if w not in parts]
    recent = any(w in RECENT for w in tokens(query, keep_stopwords=True)) or bool(
        STILL.search(query)
    )
    leaning = find_topic(library, query)
    top_hit = leaning.hits[0].score if leaning.hits else 0.0
    near = frozenset(
        h.id for h in leaning.hits[:2] if leaning.confident and h.score >= 0.6 * top_hit
    )
    meaning = index.embed([query])[0] if index.embed is not None else None
    defines = definition(query)  # "what is R1": sentences that say what it is come first
    timed = TIME_TEXT if WHEN_ASKED.match(query) else None  # "when …": those that say when
    alts = meant(query)
    for w in words:  # "korea fine" finds "Korean users"; "brazilian users", "Brazil"
        kin = relatives(w, index.families) if w not in index.idf else ()
        if forms := place_forms(w, index.names, index.idf) + kin:
            alts[w] = (*alts.get(w, ()), *forms)
            expanded += forms
    # what the question is about: "what caused the widget outage" asks about the outage
    about = [w for w in words if w not in WHY_WORDS] or words
    story_asked = headlined(index, about, alts)
    for w, pointed in list(alts.items()):  # "down" → "disruption", and so "disrupted"
        # … not an agent's other forms: a founder did not find, a worker is no work
        kin = tuple(
            r
            for a in pointed
            if not a.endswith(AGENT)
            for r in relatives(a, index.families)
            if r not in pointed and not r.endswith(AGENT)
        )
        if kin:
            alts[w] = (*pointed, *kin)
            expanded += kin
    for w in words:  # "owf vote" finds "the Open Weights Foundation's vote" too
        if (spelled := index.spelled.get(w)) is not None and not spelled[1]:
            alts[w] = (*alts.get(w, ()), *spelled[0])
    ranked, story = index.rank(
        expanded,
        recent=recent,
        topics=near,
        meaning=meaning,
        favour=defines
        or timed
        or quantity(query)
        or said(query)
        or obliged(query)
        or introduced(query),
        headlined=story_asked,
    )
    if not ranked or not words:
        return None
    hits = [i for i, _ in ranked]
    if index.coverage(judged(index, words, alts), hits, alts, titled=True) < MIN_COVERAGE:
        return None  # what the question is mostly about is not in the coverage
    top = ranked[0][1]
    ranked = _with_neighbours(index, ranked)
    if story is not None and defines is None and timed is None:
        ranked = _lede_first(index, ranked, story, top, frozenset(expanded))
    # "when …", "why …", "what caused …" ("why" is a stopword: the words as typed)
    past = timed is not None or not WHY_WORDS.isdisjoint(tokens(query, keep_stopwords=True))
    ranked = _stated_first(index, _updated(index, ranked, past))
    if SUBJECT.search(query):  # "is deepseek banned in italy": not ChatGPT's 2023 ban
        ranked = _lead_if(index, ranked, lambda i: _names_subject(index.points[i].text))
    voiced = False  # led by the words of whom the question asks what they said
    if said(query) is not None and (
        speaking := spoken_by(speakers := _speakers(index, query, words))
    ):
        # "what did nvidia say": Nvidia's words lead, not a chip count that names Nvidia; and
        # "what did gao say about open weights": her words about them, when she gave some,
        # else her words in an article about them ("… about somo hub": a quote in the Somo
        # Hub story need not name it)
        topic = [w for w in words if w not in speakers]

        def on_topic(i: int, whole_article: bool) -> bool:
            bag = index.article_bag[index.article[i]] if whole_article else index.bags[i]
            return speaking.search(index.points[i].text) is not None and (
                not topic or any(covers(w, bag, alts) for w in topic)
            )

        if (asked_of := story or story_asked) is not None and ranked:
            # the story asked about: all its words of theirs are candidates ("DeepSeek says its
            # own systems were not affected", in the leak's live blog, names no leak)
            ranked = _with_candidates(
                ranked,
                [i for i in index.of_article[asked_of] if speaking.search(index.points[i].text)],
                SPEAKER_SHARE * ranked[0][1],
            )
        for whole_article in (False, True):
            if ranked and on_topic(ranked[0][0], whole_article):
                break
            fit = partial(on_topic, whole_article=whole_article)
            ranked = _lead_if(index, ranked, fit, SPEAKER_SHARE)
        voiced = bool(ranked) and speaking.search(index.points[ranked[0][0]].text) is not None
        if voiced:  # … and their other words on it follow, before anyone else's: those
            # naming it first, then those in an article about it
            ranked = fits_first(ranked, partial(on_topic, whole_article=True), SPEAKER_SHARE)
            ranked = fits_first(ranked, partial(on_topic, whole_article=False), SPEAKER_SHARE)
    if not voiced:  # (asked what DeepSeek said, not "Lanting said it would not appeal")
        ranked = _update_first(index, ranked, frozenset(expanded))
    if (describes := description(query)) is not None:
        ranked = _defined_first(index, ranked, describes)
    if recent:
        ranked = lead_told(index, _newest_first(index, ranked))
    named = [w for w in words if w in index.names and w not in CALENDAR]
    if ranked:
        # "bug bounty max payout": "max" is written only inside "Qwen2.5-Max", and the story
        # asked about (or the article that answers best) does not hold it: a word here, and
        # nothing is held to it
        bag = index.article_bag[story or index.article[ranked[0][0]]]
        named = [w for w in named if "-" in w or w not in index.part_names or covers(w, bag, alts)]
    if named and not _unnamed_part(query, index.names):
        # "cisco jailbreak test": answered from the articles that name Cisco
        ranked = _naming(index, ranked, named, alts)
    item: list[int] = []  # a roundup's item asked about: its other items are stray mentions
    if (
        story is not None
        and defines is None
        and timed is None
        and said(query) is None  # "what did X say": X's weightiest words, not the first
        and not PARTICULAR.match(query)  # "how long was it down": one fact, not the story
        and any(w in index.names for w in words)  # "australia ban", not "how did it train"
        # "what caused the widget outage": the story explains itself, in order
        and _names_only_the_story(index, story, about, alts)
    ):
        told = _item_asked(index, story, about, alts)
        item = told if len(told) < len(index.of_article[story]) else []
        # "what caused the outage": its causes first ("Because of an error in our tooling, …")
        why = past and timed is None
        ranked = _story_told(index, ranked, told, frozenset(expanded), why)
    elif (
        story is None
        and ranked
        and defines is None
        and timed is None
        and said(query) is None
        and not PARTICULAR.match(query)  # "how many records …": a figure, not the story
        and (part := _section_asked(index, ranked[0][0], about, alts))
    ):
        # "why did deepseek extend the migration deadline": the best point is under a heading
        # that asks it ("DeepSeek extends the V4 migration deadline to September 15"), in a
        # newsletter about other things too: that part is the story, told
        story, item = index.article[ranked[0][0]], part
        ranked = _story_told(index, ranked, part, frozenset(expanded), past)
    if story is not None:
        ranked = _story_filled(index, ranked, story)
    elif ranked:
        # too few points hold the question's words ("why is v5 delayed"): the article that
        # answers best gives the rest, densest first
        ranked = _story_filled(index, ranked, index.article[ranked[0][0]])
    chosen: list[int] = []
    figures: set[str] = set()
    used = 0
    best_cover = max((index.coverage(words, [i], alts) for i, _ in ranked[:5]), default=0.0)
    for i, score in ranked:
        p = index.points[i]
        if (
            story
            and (index.article[i] != story or (item and i not in item))
            and index.coverage(words, [i], alts) < POINT_COVER * best_cover
        ):
            continue  # beside the story the question is about, a stray mention elsewhere
        if score < 0.12 * top and len(chosen) >= MIN_POINTS:
            break  # the rest is too far from the question (one standout does not end it)
        limit = LEAD_MAX if not chosen else POINT_MAX
        if len(p.text) > limit or used + len(p.text) > BUDGET:
            continue
        extended = next((n for n, j in enumerate(chosen) if _extends(p, index.points[j])), None)
        if extended is not None:  # the same sentences and the next: it says more in its place
            used += len(p.text) - len(index.points[chosen[extended]].text)
            chosen[extended] = i
            figures.update(p.figures)
            continue
        if any(
            _similar(index, index.bags[i], index.bags[j]) >= DUPLICATE
            or _contained(index, index.bags[i], index.bags[j]) >= CONTAINED
            or _extends(index.points[j], p)
            for j in chosen
        ):
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
