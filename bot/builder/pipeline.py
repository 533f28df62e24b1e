"""The pure part of the build: Seeds in, briefing files (path → bytes) out. No I/O here.

Stages: analyse each article on its own (bot.builder.analyse), merge identical points across
articles, then per topic pick a lead, key points and "more" from that topic's own pool (so a
brief changes only when its own material does), line up figures that differ, and write an
overview with a timeline, a summary per article, and `points.jsonl`, the catalogue of every
cited point that the app ranks at request time to answer questions.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple, Protocol

from bot.builder import BUILDER_VERSION, render
from bot.builder.analyse import Analysis, Sent, analyse, trim
from bot.builder.clean import DroppedLine
from bot.builder.differ import Difference, Earlier, Row, about, clause_for, differences
from bot.builder.errors import BuildError
from bot.builder.names import subject
from bot.builder.readers import SeedArticle, Seeds
from bot.builder.select import Candidate, mmr
from bot.builder.standalone import dependent
from bot.builder.text import content_tokens
from bot.builder.topics import TopicMatcher
from bot.builder.unmatched import Unmatched, unmatched
from bot.builder.updates import catalogue_updates, updates
from bot.models import POINTS_FILE, Article, BriefRef, BuildInfo, Index, Topic

KEY_POINTS = 5
MORE_POINTS = 6
KEY_BUDGET = 620  # characters of key points shown on the first screen
MORE_BUDGET = 1100
LEAD_MAX = 240
LEAD_RELEVANCE = 0.5  # a lead's topic relevance, as a share of the most relevant lead's
WEAK_POINT = 0.15  # a point scoring under this share of the topic's best is left out
TIMELINE_MAX = 10
TIMELINE_NEWEST = 3  # the newest days always on the timeline: the bot keeps a team current
EARLIER_REPORTS = "Earlier reports"  # the "Where sources differ" heading for updated points
MAX_EARLIER = 3
SUBJECT = "DeepSeek"  # what the bot briefs on: the overview's lead says what it is
DEFINES = re.compile(
    rf"(?P<copula>\b{SUBJECT}\s+(?:is|was)\s+(?:a|an)\s)"
    rf"|(?P<apposition>\b{SUBJECT}\b\s*,\s+(?:a|an|the)\s+[^,]{{0,60}}\b(?:company|startup|start-up|firm|lab|developer|maker|upstart)\b)"
    rf"|\b(?:company|startup|start-up|firm|lab|developer|upstart)\s+{SUBJECT}\b"
)


def quoted(text: str, pos: int) -> bool:
    """Whether a position in the text falls inside quotation marks."""
    head = text[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


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
    unmatched: tuple[Unmatched, ...] = ()  # coverage that fits no topic

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


def article_order(articles: Sequence[SeedArticle]) -> list[SeedArticle]:
    """Oldest first; undated articles count as oldest; ties by id."""
    return sorted(articles, key=lambda a: (a.meta.published or date.min, a.meta.id))


@dataclass(eq=False)
class Pool:
    """Every candidate point, merged across articles by identical text."""

    cands: list[Candidate]
    sents: dict[int, list[Sent]]  # id(candidate) -> the sentences stating it
    _used: dict[int, frozenset[tuple[str, int]]] = field(default_factory=dict)

    def first(self, c: Candidate) -> Sent:
        return self.sents[id(c)][0]

    def alias(self, copy: Candidate, of: Candidate) -> None:
        """A re-scored copy of a candidate states what the original states."""
        self.sents[id(copy)] = self.sents[id(of)]
        self._used[id(copy)] = self.used(of)  # (an id may be reused once an object is gone)

    def used(self, c: Candidate) -> frozenset[tuple[str, int]]:
        """The source sentences a candidate shows (two when joined to the one before; a
        table's rows before it when it gives them too)."""
        found = self._used.get(id(c))
        if found is None:
            sents = self.sents[id(c)]
            found = frozenset(
                (s.article, s.pos - back) for s in sents for back in range(s.back + 1)
            )
            self._used[id(c)] = found
        return found


def _pool(analyses: Sequence[Analysis], rank: dict[str, int]) -> Pool:
    by_text: dict[str, Candidate] = {}
    sents: dict[int, list[Sent]] = {}
    for an in analyses:
        for s in an.sents:
            if s.point is None:
                continue
            key = s.key
            c = by_text.get(key)
            if c is None:
                c = by_text[key] = Candidate(
                    s.point, [s.article], (rank[s.article], s.pos), figures=s.figures
                )
                sents[id(c)] = [s]
            else:
                if s.article not in c.sources:
                    c.sources.append(s.article)
                sents[id(c)].append(s)
    return Pool(list(by_text.values()), sents)


class Cache(Protocol):
    """Where per-article analyses are kept between builds (bot.builder.cache)."""

    def get(self, art: SeedArticle) -> Analysis | None: ...

    def put(self, art: SeedArticle, analysis: Analysis) -> None: ...


def build(
    seeds: Seeds,
    progress: Progress = _no_progress,
    *,
    skip_unusable: bool = False,
    cache: Cache | None = None,
) -> Output:
    """Turn the seeds into every file of briefings/. `progress` wraps the per-article loops.

    An article with no usable sentence is an error naming the reason, unless `skip_unusable`.
    With a `cache`, an unchanged article's analysis is reused: the output is the same."""
    matcher = TopicMatcher(seeds.topics)
    warnings: list[Warning_] = []
    ordered = article_order(seeds.articles)
    analyses: list[Analysis] = []
    for i in progress(range(len(ordered)), "reading"):
        an = cache.get(ordered[i]) if cache is not None else None
        if an is None:
            an = analyse(ordered[i], matcher)
            if cache is not None:
                cache.put(ordered[i], an)
        if an.reason is not None:
            if not skip_unusable:
                raise BuildError(
                    f"{an.article.path}: no usable sentences ({an.reason}); "
                    "or build with --skip-unusable to leave it out"
                )
            warnings.append(Warning_(an.article.path, f"skipped: {an.reason}"))
            continue
        analyses.append(an)
    if not analyses:
        raise BuildError("no article has usable sentences; check the files in seeds/articles")
    kept = [an.article for an in analyses]
    order = [a.meta.id for a in kept]
    rank = {a: i for i, a in enumerate(order)}
    dates = {a.meta.id: a.meta.published for a in kept}
    dropped = [(an.article.path, d) for an in analyses for d in an.dropped]
    pool = _pool(analyses, rank)

    per_topic: dict[str, list[Candidate]] = {t.id: [] for t in seeds.topics}
    for c in pool.cands:
        for tid in pool.first(c).topics:
            per_topic[tid].append(c)
    topics: list[Topic] = []
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

    diffs_by_topic = _differences(pool, topics, matcher, order, dates)

    files: dict[str, bytes] = {}
    briefs: list[BriefRef] = []
    leads: dict[str, Candidate] = {}
    article_topics: dict[str, set[str]] = {a: set() for a in order}
    superseded: dict[tuple[str, int], tuple[str, int]] = {}  # old point → the newer one
    total_points = 0
    for t in topics:
        diffs = diffs_by_topic.get(t.id, [])
        lead, points, more, earlier, updated = _select(per_topic[t.id], pool, t.id, diffs, dates)
        superseded.update(updated)
        for d in diffs:  # "has not disclosed …", then a figure: the newest figure updates it
            for e in d.earlier:
                newest = max(
                    about(d.rows, e.text),
                    key=lambda r: (r.published or date.min, r.article),
                    default=None,
                )
                if newest is not None and newest.pos is not None and e.pos is not None:
                    superseded[(e.article, e.pos)] = (newest.article, newest.pos)
        if earlier:
            diffs = [*diffs, Difference(EARLIER_REPORTS, (), earlier)]
        if lead is not None:
            leads[t.id] = lead
        md, sources = render.topic_brief(t, lead, points, more, diffs, kept, order)
        data = md.encode()
        path = f"topics/{t.id}.md"
        files[path] = data
        total_points += len(points) + len(more)
        for aid in sources:
            article_topics[aid].add(t.id)
        briefs.append(
            BriefRef(
                id=t.id,
                title=t.title,
                path=path,
                sha256=_sha(data),
                sources=sources,
                points=len(points) + len(more),
            )
        )

    ov_lead, ov_points, ov_more = _overview(pool, topics, leads, per_topic, _latest(pool, dates))
    timeline = _timeline(
        pool,
        {p for c in (ov_lead + ov_points + ov_more) for p in pool.used(c)},
    )
    md, sources = render.overview(topics, ov_lead, ov_points, ov_more, timeline, kept, order)
    data = md.encode()
    files["overview.md"] = data
    total_points += len(ov_points) + len(ov_more)
    briefs.insert(
        0,
        BriefRef(
            id="overview",
            title=render.OVERVIEW_TITLE,
            path="overview.md",
            sha256=_sha(data),
            sources=sources,
            points=len(ov_points) + len(ov_more),
        ),
    )

    articles: list[Article] = []
    for i in progress(range(len(analyses)), "summarising"):
        an = analyses[i]
        art = an.article
        aid = art.meta.id
        feeds = [t for t in topics if t.id in article_topics[aid]]
        md = render.article_brief(art, an.summary, an.figures[:12], an.people, feeds)
        data = md.encode()
        path = f"articles/{aid}.md"
        files[path] = data
        articles.append(
            Article(**art.meta.model_dump(), path=path, summary=an.headline,
                    topics=tuple(t.id for t in feeds), sha256=art.sha256)
        )  # fmt: skip

    by_id = {id(c): c for c in pool.cands}
    for old_id, new in catalogue_updates(pool.cands, dates).items():
        first, newer = pool.first(by_id[old_id]), pool.first(new)
        superseded.setdefault((first.article, first.pos), (newer.article, newer.pos))
    points_data = _points_file(pool, dates, order, superseded)
    files[POINTS_FILE] = points_data
    index = Index(
        build=BuildInfo(
            builder_version=BUILDER_VERSION, seeds_sha256=seeds.sha256, articles=len(articles),
            topics=len(topics), points=total_points, dropped_lines=len(dropped),
            points_sha256=_sha(points_data),
        ),
        topics=tuple(topics), articles=tuple(articles), briefs=tuple(briefs),
    )  # fmt: skip
    payload = json.dumps(
        index.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False
    )
    files["index.json"] = (payload + "\n").encode()
    loose = unmatched(
        [(c.sources[0], c.text, bool(pool.first(c).topics), c.tokens) for c in pool.cands],
        len(pool.cands),
    )
    return Output(
        files=files,
        index=index,
        dropped=tuple(dropped),
        warnings=tuple(warnings),
        unmatched=loose,
    )


# --- per topic ---------------------------------------------------------------------------------


def _recency(aid: str, dates: dict[str, date | None], span: tuple[int, int] | None) -> float:
    """1.0 for the oldest (or undated) article of a pool, up to 1.35 for its newest."""
    d = dates.get(aid)
    if span is None or d is None or span[0] == span[1]:
        return 1.0
    return 1.0 + 0.35 * (d.toordinal() - span[0]) / (span[1] - span[0])


class Selection(NamedTuple):
    """What a topic brief shows, and which older points newer ones updated."""

    lead: Candidate | None
    points: list[Candidate]  # key points
    more: list[Candidate]
    earlier: tuple[Earlier, ...]  # updated points shown as history beside their updates
    updates: dict[tuple[str, int], tuple[str, int]]  # (article, pos) of old → of new


def _select(
    cands: list[Candidate],
    pool: Pool,
    tid: str,
    diffs: Sequence[Difference],
    dates: dict[str, date | None],
) -> Selection:
    """A topic's lead, up to KEY_POINTS key points and up to MORE_POINTS more, from the topic's
    own candidates only (rarity weights over this pool), never repeating a source sentence;
    the older points a newer article updates, shown as history beside them; and every such
    update as (article, position) of the old point → of the new one."""
    taken: set[tuple[str, int]] = {p for d in diffs for r in d.rows for p in r.positions}
    taken |= {(e.article, e.pos) for d in diffs for e in d.earlier if e.pos is not None}
    ordinals = [d.toordinal() for c in cands for a in c.sources if (d := dates.get(a))]
    span = (min(ordinals), max(ordinals)) if ordinals else None
    df: dict[str, int] = {}
    for c in cands:
        for w in c.tokens:
            df[w] = df.get(w, 0) + 1
    n = len(cands)
    idf = {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}
    rare = math.log(n + 2)
    scored: list[Candidate] = []
    # points already under "Where sources differ" are no key points, but they still update
    # and are updated ("down from $0.07" makes the $0.07 report history)
    in_diffs: set[int] = set()
    for c in cands:
        s0 = pool.first(c)
        raw = s0.scores.get(tid, 0.0)
        rel = raw / max(1.0, len(c.text.split()) / 22) ** 0.5
        boost = (1 + 0.25 * (len(c.sources) - 1)) * max(_recency(a, dates, span) for a in c.sources)
        own = Candidate(c.text, list(c.sources), c.rank, s0.quality * rel**0.7 * boost, c.figures)
        own._tokens = c.tokens  # the same words: computed once per point, not once per topic
        own.bottom = s0.quality * raw * boost * (0.6 if "“" in c.text or '"' in c.text else 1.0)
        if "[" in c.text:
            own.bottom *= 0.7  # a lead reads best in the source's own words
        scored.append(own)
        pool.alias(own, c)
        if pool.used(c) & taken:
            in_diffs.add(id(own))
    everything = {id(c): c for c in scored}
    updated = updates(scored, dates, idf, rare)
    for old_id, new in updated.items():
        old = everything[old_id]
        new.bottom = max(new.bottom, old.bottom)  # the update stands where the old report did
        new.score = max(new.score, old.score)
    scored = [c for c in scored if id(c) not in updated and id(c) not in in_diffs]
    leads = [c for c in scored if len(c.text) <= LEAD_MAX and not dependent(c.text)]
    # a lead is about the topic: a newer, denser point that only touches it ("cut prices … for
    # V3 and R1" in the models brief) does not lead it
    relevance = {id(c): pool.first(c).scores.get(tid, 0.0) for c in leads}
    floor = LEAD_RELEVANCE * max(relevance.values(), default=0.0)
    leads = [c for c in leads if relevance[id(c)] >= floor]
    ours = [c for c in leads if SUBJECT.lower() in c.text.lower()]
    leads = ours or leads  # a brief on DeepSeek leads with a point that names it
    lead = min(leads, key=lambda c: (-c.bottom, c.rank)) if leads else None
    rest = [c for c in scored if c is not lead and not (lead and pool.used(c) & pool.used(lead))]
    picked = mmr(
        rest,
        KEY_POINTS + MORE_POINTS,
        KEY_BUDGET + MORE_BUDGET,
        fixed=[lead] if lead else [],
        idf=idf,
        rare=rare,
        floor=WEAK_POINT,
        min_points=3,
    )
    picked = _distinct_sources(picked, pool, {*(pool.used(lead) if lead else set())})
    points: list[Candidate] = []
    used = 0
    for c in picked:
        if len(points) < KEY_POINTS and used + len(c.text) <= KEY_BUDGET:
            points.append(c)
            used += len(c.text)
    more = [c for c in picked if c not in points]
    shown = {id(c) for c in (lead, *points) if c is not None}  # history beside news on screen
    history: list[Candidate] = []
    for old in sorted(
        (
            c
            for c in everything.values()
            if id(c) in updated and id(updated[id(c)]) in shown and id(c) not in in_diffs
        ),
        key=lambda c: c.rank,
    ):
        if not any(
            pool.used(old) & pool.used(h) or old.text in h.text or h.text in old.text
            for h in history
        ):
            history.append(old)  # a point, or it with the figure after it: once
    earlier = tuple(
        Earlier(old.text, old.sources[0], pool.first(old).pos) for old in history[:MAX_EARLIER]
    )
    pairs = {
        (pool.first(old).article, pool.first(old).pos): (
            pool.first(newer).article,
            pool.first(newer).pos,
        )
        for old in everything.values()
        if (newer := updated.get(id(old))) is not None
    }
    return Selection(lead, points, more, earlier, pairs)


def _distinct_sources(
    cands: list[Candidate], pool: Pool, seen: set[tuple[str, int]]
) -> list[Candidate]:
    """Drop any candidate whose source sentence another chosen one already uses."""
    out = []
    for c in cands:
        used = pool.used(c)
        if used & seen:
            continue
        seen |= used
        out.append(c)
    return out


def _differences(
    pool: Pool,
    topics: Sequence[Topic],
    matcher: TopicMatcher,
    order: Sequence[str],
    dates: dict[str, date | None],
) -> dict[str, list[Difference]]:
    """Figures per measure across the corpus, shown in the topic the measure belongs to."""
    rows: dict[str, list[Row]] = {}
    measure_home: dict[str, dict[str, int]] = {}
    seen: set[tuple[str, int]] = set()
    for c in pool.cands:
        for s in pool.sents[id(c)]:
            if s.fragment or (s.article, s.pos) in seen or not s.mentions:
                continue
            seen.add((s.article, s.pos))
            text = s.whole or s.text
            about_other = SUBJECT.lower() not in text.lower() and subject(text, strict=False)
            for m in s.mentions:
                if m.model is None and about_other:
                    continue  # "Altman said training had cost more than $100 million": not ours
                cheaper = m.measure == "How much cheaper to use" and any(
                    w in text.lower() for w in ("less", "cheaper", "lower")
                )
                clause = trim(clause_for(text, m.figure, 200))
                rows.setdefault(m.measure, []).append(
                    Row(m.figure, m.model, clause, s.article, m.scope, dates.get(s.article),
                        cheaper, s.pos, s.back)
                )  # fmt: skip
                counts = measure_home.setdefault(m.measure, {})
                for tid in s.topics:
                    counts[tid] = counts.get(tid, 0) + 1
    topic_rank = {t.id: i for i, t in enumerate(topics)}
    home: dict[str, str] = {}
    for measure, per in measure_home.items():
        named = matcher.scores(matcher.phrases(measure))
        named = {t: v for t, v in named.items() if t in topic_rank}
        if named:
            home[measure] = min(named, key=lambda t: (-named[t], -per.get(t, 0), topic_rank[t]))
        elif per:
            per = {t: v for t, v in per.items() if t in topic_rank}
            if per:
                home[measure] = min(per, key=lambda t: (-per[t], topic_rank[t]))
    # "not disclosed", then a dated figure: the statement shows as history under the figures
    silent: dict[str, list[Sent]] = {}
    for c in pool.cands:
        s = pool.first(c)
        if s.undisclosed:
            silent.setdefault(s.undisclosed, []).append(s)
    out: dict[str, list[Difference]] = {}
    for d in differences(rows, order):
        said: list[Earlier] = []
        for s in silent.get(d.measure, []):
            text = trim(s.point or s.text)
            if (dates.get(s.article) or date.min) < max(
                (r.published for r in about(d.rows, s.text) if r.published), default=date.min
            ) and not any(text in e.text or e.text in text for e in said):
                said.append(Earlier(text, s.article, s.pos))  # a point, or it and more: once
        earlier = tuple(said)
        if earlier:
            d = replace(d, earlier=earlier[:2])
        if d.measure in home:
            out.setdefault(home[d.measure], []).append(d)
    return out


# --- overview ----------------------------------------------------------------------------------


def _event_day(pool: Pool, c: Candidate) -> date | None:
    """The day the first of a point's sentences that gives one says its event happened."""
    return next((x.when for x in pool.sents[id(c)] if x.when), None)


def _latest(pool: Pool, dates: dict[str, date | None]) -> Candidate | None:
    """The newest event the coverage reports (a dated statement of what happened, on or before
    its article's date): the overview's first key point, so the first screen is current."""
    best: tuple[date, float] | None = None
    latest: Candidate | None = None
    for c in pool.cands:
        s = pool.first(c)
        when = _event_day(pool, c)
        published = max((d for a in c.sources if (d := dates.get(a))), default=None)
        if when is None or not s.event or published is None or when > published:
            continue
        if len(c.text) > LEAD_MAX or dependent(c.text):
            continue
        key = (when, s.quality)
        if best is None or key > best:  # ties: the first in article order
            best, latest = key, c
    return latest


def _overview(
    pool: Pool,
    topics: Sequence[Topic],
    leads: dict[str, Candidate],
    per_topic: dict[str, list[Candidate]],
    latest: Candidate | None = None,
) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
    """Lead: what the subject is, then the most widely covered news. Points: the newest event
    (`latest`), then each topic's lead, topics with the most articles first; KEY_POINTS shown,
    the rest under "More"."""

    best: tuple[int, float, tuple[int, int]] | None = None
    definition: Candidate | None = None
    for c in pool.cands:
        m = DEFINES.search(c.text)
        if len(c.text) > LEAD_MAX or dependent(c.text) or m is None or quoted(c.text, m.start()):
            continue  # a definition inside a quotation is someone's praise, not what it is
        # "DeepSeek is a …" says what it is; "developer DeepSeek on Monday released …" is news
        form = 0 if m.group("copula") else 1 if m.group("apposition") else 2
        key = (form, -pool.first(c).quality * (1 + 0.25 * (len(c.sources) - 1)), c.rank)
        if best is None or key < best:
            best, definition = key, c
    weight = {t.id: len({a for c in per_topic[t.id] for a in c.sources}) for t in topics}
    ranked = sorted(
        (t for t in topics if t.id in leads), key=lambda t: (-weight[t.id], topics.index(t))
    )
    lead = [definition] if definition else []
    seen = {s for c in lead for s in pool.used(c)}
    chosen: list[Candidate] = []
    for t in ranked:
        c = leads[t.id]
        if pool.used(c) & seen or any(_overlap(c, other) >= 0.5 for other in (*lead, *chosen)):
            continue
        seen |= pool.used(c)
        chosen.append(c)
    if (chosen and len(lead) == 1 and len(lead[0].text) + len(chosen[0].text) <= 2 * LEAD_MAX) or (
        not lead and chosen
    ):
        lead.append(chosen.pop(0))
    if latest is not None:
        # a topic's lead already (as its own copy): it moves to the front
        same = next((c for c in chosen if pool.used(c) & pool.used(latest)), None)
        if same is not None:
            chosen.remove(same)
            chosen.insert(0, same)
        elif not (
            pool.used(latest) & {s for c in lead for s in pool.used(c)}
            or any(_overlap(latest, other) >= 0.5 for other in (*lead, *chosen))
        ):
            chosen.insert(0, latest)
    return lead, chosen[:KEY_POINTS], chosen[KEY_POINTS:]


def _overlap(a: Candidate, b: Candidate) -> float:
    ta, tb = content_tokens(a.text), content_tokens(b.text)
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


def _timeline(pool: Pool, taken: set[tuple[str, int]]) -> list[tuple[date, Candidate]]:
    """Dated events across all articles, one per day, oldest first."""
    by_day: dict[date, tuple[float, Candidate]] = {}
    support: dict[date, set[str]] = {}  # the articles that report something on that day
    for c in pool.cands:
        s = pool.first(c)
        when = _event_day(pool, c)
        if when is None or not s.event:
            continue
        support.setdefault(when, set()).update(c.sources)
        if len(c.text) > 260 or pool.used(c) & taken:
            continue
        score = s.quality * (1 + 0.3 * (len(c.sources) - 1))
        current = by_day.get(when)
        if current is None or (-score, c.rank) < (-current[0], current[1].rank):
            by_day[when] = (score, c)
    shown: set[tuple[str, int]] = set()
    for day in sorted(by_day, key=lambda d: (-by_day[d][0], by_day[d][1].rank)):
        used = pool.used(by_day[day][1])
        if used & shown:
            del by_day[day]  # a sentence and its join dated apart: the sentence shows once
        else:
            shown |= used
    days = sorted(by_day)
    if len(days) > TIMELINE_MAX:  # the newest days, then those most articles report
        older = days[:-TIMELINE_NEWEST]
        keep = sorted(older, key=lambda d: (-len(support[d]), -by_day[d][0], d))
        days = sorted(keep[: TIMELINE_MAX - TIMELINE_NEWEST] + days[-TIMELINE_NEWEST:])
    return [(d, by_day[d][1]) for d in days]


# --- points.jsonl ------------------------------------------------------------------------------


def _points_file(
    pool: Pool,
    dates: dict[str, date | None],
    order: Sequence[str],
    superseded: dict[tuple[str, int], tuple[str, int]],
) -> bytes:
    """One JSON object per line: every candidate point with its articles, dates, figures and
    topics, in article order, and for a point a newer article updates, "updated_by": that
    point's id. The app ranks these at request time; it never reads seeds/."""
    rank = {a: i for i, a in enumerate(order)}
    lines: list[bytes] = []
    for c in sorted(pool.cands, key=lambda c: c.rank):
        sents = pool.sents[id(c)]
        s = sents[0]
        sources = sorted(c.sources, key=lambda a: rank[a])
        published = [d.isoformat() for a in sources if (d := dates.get(a))]
        when = next((x.when for x in sents if x.when), None)
        record = {
            "id": f"{s.article}:{s.pos}",
            "text": c.text,
            "sources": sources,
            "published": max(published) if published else None,
            "when": when.isoformat() if when else None,
            "figures": sorted({m.figure.text for m in s.mentions}),
            "topics": list(s.topics),
            "quality": round(s.quality, 3),
        }
        if s.asked is not None:
            record["asked"] = s.asked  # the interviewer's question: words that find the answer
        if (newer := superseded.get((s.article, s.pos))) is not None:
            record["updated_by"] = f"{newer[0]}:{newer[1]}"
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True).encode() + b"\n")
    return b"".join(lines)  # bytes per line, joined once: the largest file, built lean
