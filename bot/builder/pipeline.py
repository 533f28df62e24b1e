"""The pure part of the build: Seeds in, briefing files (path → bytes) out. No I/O here."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from bot.builder import BUILDER_VERSION, render
from bot.builder.clean import DroppedLine, clean_text
from bot.builder.differ import Difference, Row, clause_for, differences, find_figures, mentions
from bot.builder.errors import BuildError
from bot.builder.quotes import quoted_people
from bot.builder.readers import Seeds
from bot.builder.select import DANGLING, Candidate, leans_on_context, mmr, point_text, quality
from bot.builder.split import split_sentences
from bot.builder.text import STOPWORDS, normalise, tokens
from bot.builder.topics import TopicMatcher, assign
from bot.models import Article, BriefRef, BuildInfo, Index, Topic

MAX_POINTS = 8
BUDGET = 1500
MIN_POINTS = 3
WEAK_POINT = 0.15  # a key point scoring under this share of the topic's best is left out
MIN_RELEVANCE = 2.0
ARTICLE_SUMMARY = 4
BOTTOM_LINE_MAX = 260
OVERVIEW_POINT_MAX = 230
CHIP_HINT = re.compile(r"\b[A-Z]\d{2,4}")
FIGURE_HINT = re.compile(r"\d|\btimes\b|thousands|hundreds")


@dataclass(slots=True)
class Sent:
    article: str
    pos: int
    text: str
    point: str | None
    fragment: bool
    prev: str | None
    phrases: set[tuple[str, ...]]
    topics: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    quality: float = 0.0


@dataclass(frozen=True, slots=True)
class Warning_:
    path: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Output:
    files: dict[str, bytes]
    index: Index
    dropped: tuple[tuple[str, DroppedLine], ...]  # (seed path, line numbered in the file)
    warnings: tuple[Warning_, ...]

    def summary(self) -> str:
        b = self.index.build
        return (
            f"built {b.articles} articles, {b.topics} topics, {b.points} points; "
            f"dropped {b.dropped_lines} boilerplate lines"
        )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _no_progress(items: Iterable[int], stage: str) -> Iterable[int]:
    return items


Progress = Callable[[Iterable[int], str], Iterable[int]]


def build(seeds: Seeds, progress: Progress = _no_progress) -> Output:
    """Turn the seeds into every file of briefings/. `progress` wraps the per-article loops."""
    matcher = TopicMatcher(seeds.topics)
    warnings: list[Warning_] = []
    df: dict[str, int] = {}  # sentences each content word occurs in
    n_sents = 0
    sents: dict[str, list[Sent]] = {}
    dropped: list[tuple[str, DroppedLine]] = []
    for i in progress(range(len(seeds.articles)), "reading"):
        art = seeds.articles[i]
        cleaned = clean_text(art.body)
        dropped += [(art.path, replace(d, number=d.number + art.offset)) for d in cleaned.dropped]
        out: list[Sent] = []
        for line in cleaned.lines:
            prev: str | None = None
            if line.kind == "heading":
                continue
            quoting = 0  # open curly quotes so far in this paragraph
            for text in split_sentences(line.text):
                toks = tokens(text)
                for word in {w for w in toks if w not in STOPWORDS and len(w) > 1}:
                    df[word] = df.get(word, 0) + 1
                n_sents += 1
                pt = point_text(text, line.kind == "bullet")
                inside = quoting > 0 and not text.startswith("“")  # the middle of a quotation
                out.append(
                    Sent(art.meta.id, len(out), text, pt[0] if pt else None,
                         bool(pt and (pt[1] or inside)), prev, matcher.phrases(text, toks))
                )  # fmt: skip
                quoting = max(0, quoting + text.count("“") - text.count("”"))
                prev = text
        if not any(s.point for s in out):
            warnings.append(
                Warning_(art.path, "no usable sentences after cleaning; skipped (check the text)")
            )
            continue
        sents[art.meta.id] = out

    idf = {w: math.log((n_sents + 1) / (k + 1)) for w, k in df.items()}
    rare = math.log(n_sents + 1)  # the weight of a word seen nowhere else
    kept = [a for a in seeds.articles if a.meta.id in sents]
    if not kept:
        raise BuildError("no article has usable sentences; check the files in seeds/articles")
    order = [a.meta.id for a in kept]
    rank = {a: i for i, a in enumerate(order)}
    everything = [s for a in order for s in sents[a]]
    matcher.fit(s.phrases for s in everything)
    for s in everything:
        s.scores = matcher.scores(s.phrases)
        if s.point is not None:
            s.topics = assign(s.scores, MIN_RELEVANCE)
            s.quality = quality(s.point, s.fragment)

    # exact duplicates (modulo quotes and spaces) across articles become one candidate
    by_text: dict[str, Candidate] = {}
    cand_sents: dict[int, list[Sent]] = {}
    for s in everything:
        if s.point is None or not s.topics:
            continue
        key = normalise(s.point)
        c = by_text.get(key)
        if c is None:
            c = by_text[key] = Candidate(s.point, [s.article], (rank[s.article], s.pos))
            c.figures = (
                frozenset(f.key for f in find_figures(s.point))
                if FIGURE_HINT.search(s.point)
                else frozenset()
            )
            cand_sents[id(c)] = [s]
        else:
            if s.article not in c.sources:
                c.sources.append(s.article)
            cand_sents[id(c)].append(s)

    topics: list[Topic] = []
    per_topic: dict[str, list[Candidate]] = {t.id: [] for t in seeds.topics}
    for c in by_text.values():
        s0 = cand_sents[id(c)][0]
        for tid in s0.topics:
            per_topic[tid].append(c)
    for t in seeds.topics:
        if per_topic[t.id]:
            topics.append(t)
        else:
            warnings.append(
                Warning_(
                    "seeds/topics.toml",
                    f"topic '{t.id}' matches no article; skipped (add keywords the articles use)",
                )
            )
    if not topics:
        raise BuildError(
            "seeds/topics.toml: no topic matches any article; add keywords the articles use"
        )

    # differences: figures per measure across the corpus, shown in the topic that mentions the
    # measure most (and in the overview)
    rows: dict[str, list[Row]] = {}
    measure_home: dict[str, dict[str, int]] = {}
    for c in by_text.values():
        if not c.figures and not CHIP_HINT.search(c.text):
            continue
        for s in cand_sents[id(c)]:
            if s.fragment:
                continue  # a piece of a quotation: too little context to set beside other figures
            for m in mentions(s.point or s.text, s.prev):
                rows.setdefault(m.measure, []).append(
                    Row(m.figure, m.model, clause_for(s.point or s.text, m.figure), s.article)
                )
                counts = measure_home.setdefault(m.measure, {})
                for tid in s.topics:
                    counts[tid] = counts.get(tid, 0) + 1
    topic_rank = {t.id: i for i, t in enumerate(topics)}
    home: dict[str, str] = {}
    for measure, per in measure_home.items():
        # "Chips used" goes to the topic with the keyword "chip"; else where it is mentioned most
        named = matcher.scores(matcher.phrases(measure))
        named = {t: v for t, v in named.items() if t in topic_rank}
        if named:
            home[measure] = min(named, key=lambda t: (-named[t], -per.get(t, 0), topic_rank[t]))
        elif per:
            home[measure] = min(per, key=lambda t: (-per[t], topic_rank[t]))
    all_diffs = differences(rows, order)

    files: dict[str, bytes] = {}
    briefs: list[BriefRef] = []
    chosen_by_topic: dict[str, tuple[Candidate | None, list[Candidate]]] = {}
    diffs_by_topic: dict[str, list[Difference]] = {}
    article_topics: dict[str, set[str]] = {a: set() for a in order}
    for t in topics:
        diffs = [d for d in all_diffs if home.get(d.measure) == t.id]
        diffs_by_topic[t.id] = diffs
        shown = [normalise(r.text) for d in diffs for r in d.rows]
        shown_figures = {(r.article, r.figure.key) for d in diffs for r in d.rows}
        cands: list[Candidate] = []
        for c in per_topic[t.id]:
            s0 = cand_sents[id(c)][0]
            key = normalise(c.text)
            if any(r in key for r in shown):
                continue  # that sentence is already under "Where sources differ"
            # relevance per length: a long sentence touching many keywords in passing should
            # not beat a short one about the topic
            raw = s0.scores.get(t.id, 0.0)
            rel = raw / max(1.0, len(c.text.split()) / 25) ** 0.5
            boost = 1 + 0.25 * (len(c.sources) - 1)
            own = Candidate(
                c.text, list(c.sources), c.rank, s0.quality * rel**0.7 * boost, c.figures
            )
            own.bottom = (
                s0.quality * raw**1.5 * boost * (0.6 if "“" in c.text or '"' in c.text else 1.0)
            )
            if s0.fragment or DANGLING.search(c.text) or leans_on_context(c.text):
                own.bottom *= 0.4  # a bottom line must stand on its own
            cands.append(own)
        bottom = _bottom_line(cands)
        # key points skip figures "Where sources differ" already shows from the same article
        rest = [
            c
            for c in cands
            if not any((a, f) in shown_figures for a in c.sources for f in c.figures)
        ]
        points = mmr(
            rest,
            MAX_POINTS,
            BUDGET,
            fixed=[bottom] if bottom else [],
            order=order,
            idf=idf,
            rare=rare,
            floor=WEAK_POINT,
            min_points=MIN_POINTS,
        )
        chosen_by_topic[t.id] = (bottom, points)

    total_points = 0
    for t in topics:
        bottom, points = chosen_by_topic[t.id]
        md, sources = render.topic_brief(t, bottom, points, diffs_by_topic[t.id], seeds, order)
        data = md.encode()
        path = f"topics/{t.id}.md"
        files[path] = data
        total_points += len(points)
        for aid in sources:
            article_topics[aid].add(t.id)
        briefs.append(
            BriefRef(
                id=t.id,
                title=t.title,
                path=path,
                sha256=_sha(data),
                sources=sources,
                points=len(points),
            )
        )

    # overview: the broadest sentence as bottom line, then each topic's best points
    ov_bottom = _overview_bottom(everything, by_text, cand_sents)
    ov_pool: list[Candidate] = []
    topic_of: dict[int, int] = {}
    for n, t in enumerate(topics):
        bottom, pts = chosen_by_topic[t.id]
        pool = [c for c in ([bottom] if bottom else []) + pts if len(c.text) <= OVERVIEW_POINT_MAX]
        if not pool:
            continue
        top = max(c.score for c in pool) or 1.0
        best = min(pool, key=lambda c: (-c.score, c.rank))
        weight = len({a for c in [*pts, *([bottom] if bottom else [])] for a in c.sources})
        pick = Candidate(
            best.text, list(best.sources), best.rank, best.score / top * weight, best.figures
        )
        topic_of[id(pick)] = n
        ov_pool.append(pick)
    ov_points = mmr(
        ov_pool,
        MAX_POINTS,
        BUDGET,
        fixed=[ov_bottom] if ov_bottom else [],
        order=order,
        idf=idf,
        rare=rare,
    )
    ov_points.sort(key=lambda p: topic_of[id(p)])  # in topic order, one point per topic
    md, sources = render.overview(topics, ov_bottom, ov_points, all_diffs, seeds, order)
    data = md.encode()
    files["overview.md"] = data
    total_points += len(ov_points)
    briefs.insert(
        0,
        BriefRef(
            id="overview",
            title=render.OVERVIEW_TITLE,
            path="overview.md",
            sha256=_sha(data),
            sources=sources,
            points=len(ov_points),
        ),
    )

    articles: list[Article] = []
    for i in progress(range(len(kept)), "summarising"):
        art = kept[i]
        aid = art.meta.id
        summary, headline = _article_summary(sents[aid], idf, rare)
        figs: list[tuple[list[tuple[str, str]], str]] = []
        seen: set[str] = set()
        for s in sents[aid]:
            text = s.point or s.text
            if not FIGURE_HINT.search(text):
                continue
            found = [m for m in mentions(text, s.prev) if m.figure.text + m.measure not in seen]
            if not found:
                continue
            seen.update(m.figure.text + m.measure for m in found)
            labels = [
                (m.figure.text, m.measure + (f", {m.model}" if m.model else "")) for m in found
            ]
            clauses = {clause_for(text, m.figure, 160, lower_ok=True) for m in found}
            figs.append((labels, clauses.pop() if len(clauses) == 1 else text))
        people = quoted_people([s.text for s in sents[aid]])
        feeds = [t for t in topics if t.id in article_topics[aid]]
        md = render.article_brief(art, summary, figs[:12], people, feeds)
        data = md.encode()
        path = f"articles/{aid}.md"
        files[path] = data
        articles.append(
            Article(**art.meta.model_dump(), path=path, summary=headline,
                    topics=tuple(t.id for t in feeds), sha256=art.sha256)
        )  # fmt: skip

    index = Index(
        build=BuildInfo(
            builder_version=BUILDER_VERSION, seeds_sha256=seeds.sha256, articles=len(articles),
            topics=len(topics), points=total_points, dropped_lines=len(dropped),
        ),
        topics=tuple(topics), articles=tuple(articles), briefs=tuple(briefs),
    )  # fmt: skip
    payload = json.dumps(
        index.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False
    )
    files["index.json"] = (payload + "\n").encode()
    return Output(files=files, index=index, dropped=tuple(dropped), warnings=tuple(warnings))


def _bottom_line(cands: list[Candidate]) -> Candidate | None:
    """The best short candidate: a one-sentence bottom line."""
    short = [c for c in cands if len(c.text) <= BOTTOM_LINE_MAX]
    if not short:
        return None
    return min(short, key=lambda c: (-c.bottom, c.rank))


def _overview_bottom(
    everything: list[Sent], by_text: dict[str, Candidate], cand_sents: dict[int, list[Sent]]
) -> Candidate | None:
    """The sentence that touches most topics, weighted by quality."""
    best: tuple[float, tuple[int, int]] | None = None
    pick: Candidate | None = None
    for c in by_text.values():
        if len(c.text) > BOTTOM_LINE_MAX:
            continue
        s = cand_sents[id(c)][0]
        breadth = sum(1 for v in s.scores.values() if v >= MIN_RELEVANCE)
        score = s.quality**0.5 * breadth * (1 + 0.25 * (len(c.sources) - 1))
        if best is None or (-score, c.rank) < (-best[0], best[1]):
            best, pick = (score, c.rank), c
    return Candidate(pick.text, list(pick.sources), pick.rank, 1.0, pick.figures) if pick else None


def _article_summary(
    sents: list[Sent], idf: dict[str, float], rare: float
) -> tuple[list[str], str]:
    """3–5 sentences of one article (dense, on-topic, early, not redundant) in reading order,
    and the best of them as a one-line summary."""
    cands: list[Candidate] = []
    n = len(sents)
    for s in sents:
        if s.point is None:
            continue
        rel = sum(s.scores.values())
        position = 1.3 if s.pos < 3 else (1.0 if s.pos < n / 2 else 0.85)
        position *= 0.75 if len(s.point) > 220 else 1.0
        c = Candidate(
            s.point,
            [s.article],
            (0, s.pos),
            (s.quality or quality(s.point, s.fragment)) * (1 + rel) ** 0.5 * position,
        )
        c.figures = (
            frozenset(f.key for f in find_figures(s.point))
            if FIGURE_HINT.search(s.point)
            else frozenset()
        )
        cands.append(c)
    chosen = mmr(cands, ARTICLE_SUMMARY, 1100, idf=idf, rare=rare)
    headline = chosen[0].text if chosen else ""  # the best one: the index's one-line summary
    chosen.sort(key=lambda c: c.rank)
    return [c.text for c in chosen], headline
