"""Markdown for the briefs, in the shape README's "Briefings format" fixes. Pure string building.

A brief leads with what a chat screen shows: "In brief" (1–2 sentences), up to five key
points and the figures sources give differently, compactly. "More" holds the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.builder.dates import date_label
from bot.builder.differ import Difference, Group
from bot.builder.readers import SeedArticle
from bot.builder.select import Candidate
from bot.models import Topic

OVERVIEW_TITLE = "DeepSeek: the overview"
OVERVIEW_DESCRIPTION = "What DeepSeek is, the biggest stories, and what happened when."
ESCAPE = re.compile(r"([\\`*_\[\]<>])")
AGREE_FIGURES = 3
AGREE_CITES = 4  # citations shown for figures that agree: the newest sources


def esc(text: str) -> str:
    """Escape Markdown punctuation so source text renders literally (and [n] stays a citation)."""
    out = ESCAPE.sub(r"\\\1", text)
    return "\\" + out if out[:1] in "#+-" or re.match(r"\d+[.)]\s", out) else out


def _numbering(used: Sequence[str], order: Sequence[str]) -> dict[str, int]:
    ids = sorted(set(used), key=order.index)
    return {a: i + 1 for i, a in enumerate(ids)}


def _marks(sources: Sequence[str], num: dict[str, int]) -> str:
    return " ".join(f"[{num[a]}]" for a in sorted(set(sources), key=lambda a: num[a]))


def source_entry(art: SeedArticle) -> str:
    m = art.meta
    parts = [f"[{esc(m.title)}]({m.url})" if m.url else esc(m.title)]
    if m.publisher:
        parts.append(esc(m.publisher))
    if m.published:
        parts.append(m.published.isoformat())
    if not m.url:
        parts.append("no link on file")
    return " · ".join(parts)


def cited(g: Group) -> tuple[str, ...]:
    """The sources a group's line cites: all, or the newest AGREE_CITES of many."""
    if len(g.articles) <= AGREE_CITES:
        return g.articles
    newest = sorted(g.rows, key=lambda r: (r.published or date.min, r.article), reverse=True)
    return tuple(dict.fromkeys(r.article for r in newest))[:AGREE_CITES]


def _group_line(measure: str, g: Group, num: dict[str, int], shown: set[tuple[str, int]]) -> str:
    """One line of "Where sources differ": agreeing figures once with every citation; a lone
    figure with its clause. Labels say model, scope and date."""
    label = [x for x in (g.model, g.scope) if x]
    if g.newest:
        label.append(g.newest.isoformat())
    tag = f" ({esc('; '.join(label))})" if label else ""
    if len(g.articles) > 1:
        # one wording per value: "2,048 Nvidia H800 GPUs" and "… chips" are one figure
        first = {r.figure.key: r.figure.text for r in reversed(g.rows)}  # the first wording
        texts = list(dict.fromkeys(first[r.figure.key] for r in g.rows))[:AGREE_FIGURES]
        figs = ", ".join(f"**{esc(t)}**" for t in texts)
        n = len(g.articles)
        among = "" if n <= AGREE_CITES else ", among them"
        return f"- {figs}{tag}: {n:,} sources agree{among} {_marks(cited(g), num)}"
    r = g.rows[0]
    if r.positions & shown:  # another figure of a sentence already shown
        return f"- **{esc(r.figure.text)}**{tag} {_marks([r.article], num)}"
    shown |= r.positions
    return f"- **{esc(r.figure.text)}**{tag}: {esc(r.text)} {_marks([r.article], num)}"


def _undated(text: str) -> str:
    """The text without a list's own date label ("January 20: R1 released …"), which a
    timeline line already gives."""
    end = date_label(text)
    if end is None:
        return text
    rest = text[end:]
    return rest[:1].upper() + rest[1:]


def _dated(art: SeedArticle) -> str:
    """ " (2025-01-30)" for a dated article, else nothing."""
    return f" ({art.meta.published.isoformat()})" if art.meta.published else ""


def _body(
    title: str,
    description: str,
    lead: Sequence[Candidate],
    points: Sequence[Candidate],
    more: Sequence[Candidate],
    diffs: Sequence[Difference],
    articles: Sequence[SeedArticle],
    order: Sequence[str],
    timeline: Sequence[tuple[date, Candidate]] = (),
    extra: Sequence[str] = (),
) -> tuple[str, tuple[str, ...]]:
    used = [a for c in (*lead, *points) for a in c.sources]
    used += [a for d in diffs for g in d.groups for a in cited(g)]
    used += [e.article for d in diffs for e in d.earlier]
    used += [a for c in more for a in c.sources]
    used += [a for _, c in timeline for a in c.sources]
    num = _numbering(used, order)
    by_id = {a.meta.id: a for a in articles}
    lines = [f"# {esc(title)}", "", esc(description), ""]
    if lead:
        said = " ".join(f"{esc(c.text)} {_marks(c.sources, num)}" for c in lead)
        lines += [f"**In brief:** {said}", ""]
    lines += ["## Key points", ""]
    lines += [f"- {esc(c.text)} {_marks(c.sources, num)}" for c in points] or ["- No points yet."]
    lines.append("")
    if diffs:
        lines += ["## Where sources differ", ""]
        shown: set[tuple[str, int]] = set()
        for d in diffs:
            lines += [f"### {d.measure}"]
            lines += [_group_line(d.measure, g, num, shown) for g in d.groups]
            lines += [
                f"- earlier{_dated(by_id[e.article])}: {esc(e.text)} {_marks([e.article], num)}"
                for e in d.earlier
            ]
            lines.append("")
    if timeline:
        lines += ["## Timeline", ""]
        lines += [
            f"- **{when.isoformat()}**: {esc(_undated(c.text))} {_marks(c.sources, num)}"
            for when, c in timeline
        ]
        lines.append("")
    if more:
        lines += ["## More", ""]
        lines += [f"- {esc(c.text)} {_marks(c.sources, num)}" for c in more]
        lines.append("")
    lines += list(extra)
    lines += ["## Sources", ""]
    lines += [f"{n}. {source_entry(by_id[a])}" for a, n in num.items()]
    return "\n".join(lines) + "\n", tuple(num)


def topic_brief(
    topic: Topic,
    lead: Candidate | None,
    points: Sequence[Candidate],
    more: Sequence[Candidate],
    diffs: Sequence[Difference],
    articles: Sequence[SeedArticle],
    order: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """briefings/topics/<id>.md and the article ids of its Sources list."""
    return _body(
        topic.title, topic.description, [lead] if lead else [], points, more, diffs, articles,
        order,
    )  # fmt: skip


def overview(
    topics: Sequence[Topic],
    lead: Sequence[Candidate],
    points: Sequence[Candidate],
    more: Sequence[Candidate],
    timeline: Sequence[tuple[date, Candidate]],
    articles: Sequence[SeedArticle],
    order: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """briefings/overview.md: like a topic brief, with a Timeline and a Topics list."""
    extra = ["## Topics", ""]
    extra += [f"- [{esc(t.title)}](topics/{t.id}.md): {esc(t.description)}" for t in topics]
    extra.append("")
    return _body(
        OVERVIEW_TITLE, OVERVIEW_DESCRIPTION, lead, points, more, (), articles, order,
        timeline, extra,
    )  # fmt: skip


def article_brief(
    art: SeedArticle,
    summary: Sequence[str],
    figures: Sequence[tuple[Sequence[tuple[str, str]], str]],
    people: Sequence[str],
    topics: Sequence[Topic],
) -> str:
    """briefings/articles/<id>.md: title, source line, Summary, Figures, Quoted, Topics."""
    m = art.meta
    source = [esc(m.publisher) if m.publisher else "Publisher not stated"]
    source.append(m.published.isoformat() if m.published else "date not stated")
    source.append(f"[link]({m.url})" if m.url else "no link on file")
    lines = [f"# {esc(m.title)}", "", " · ".join(source), "", "## Summary", ""]
    lines.append(" ".join(esc(s) for s in summary) or "No summary: no usable sentences.")
    lines += ["", "## Figures", ""]
    for labels, text in figures:
        what = "; ".join(f"**{esc(f)}** ({esc(label)})" for f, label in labels)
        lines.append(f"- {what}: {esc(text)}")
    if not figures:
        lines.append("- None stated.")
    lines += ["", "## Quoted", ""]
    lines += [f"- {esc(p)}" for p in people] or ["- Nobody is quoted by name."]
    lines += ["", "## Topics", ""]
    lines += [f"- [{esc(t.title)}](../topics/{t.id}.md)" for t in topics] or ["- None."]
    return "\n".join(lines) + "\n"
