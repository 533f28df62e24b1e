"""Markdown for the briefs, in the shape README's "Briefings format" fixes. Pure string building."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.builder.differ import Difference
from bot.builder.readers import SeedArticle, Seeds
from bot.builder.select import Candidate
from bot.models import Topic

OVERVIEW_TITLE = "DeepSeek: the overview"
OVERVIEW_DESCRIPTION = (
    "The top points across every topic, with the figures the sources disagree on."
)
ESCAPE = re.compile(r"([\\`*_\[\]<>])")


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


def _body(
    title: str,
    description: str,
    bottom: Candidate | None,
    points: Sequence[Candidate],
    diffs: Sequence[Difference],
    seeds: Seeds,
    order: Sequence[str],
    extra: Sequence[str] = (),
) -> tuple[str, tuple[str, ...]]:
    used = [a for c in ([bottom] if bottom else []) + list(points) for a in c.sources]
    used += [r.article for d in diffs for r in d.rows]
    num = _numbering(used, order)
    lines = [f"# {esc(title)}", "", esc(description), ""]
    if bottom is not None:
        lines += [f"**Bottom line:** {esc(bottom.text)} {_marks(bottom.sources, num)}", ""]
    lines += ["## Key points", ""]
    lines += [f"- {esc(c.text)} {_marks(c.sources, num)}" for c in points] or ["- No points yet."]
    lines.append("")
    if diffs:
        lines += ["## Where sources differ", ""]
        for d in diffs:
            lines += [f"### {d.measure}"]
            for r in d.rows:
                model = f" ({esc(r.model)})" if r.model else ""
                lines.append(
                    f"- **{esc(r.figure.text)}**{model}: {esc(r.text)} {_marks([r.article], num)}"
                )
            lines.append("")
    lines += list(extra)
    by_id = {a.meta.id: a for a in seeds.articles}
    lines += ["## Sources", ""]
    lines += [f"{n}. {source_entry(by_id[a])}" for a, n in num.items()]
    return "\n".join(lines) + "\n", tuple(num)


def topic_brief(
    topic: Topic,
    bottom: Candidate | None,
    points: Sequence[Candidate],
    diffs: Sequence[Difference],
    seeds: Seeds,
    order: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """briefings/topics/<id>.md and the article ids of its Sources list."""
    return _body(topic.title, topic.description, bottom, points, diffs, seeds, order)


def overview(
    topics: Sequence[Topic],
    bottom: Candidate | None,
    points: Sequence[Candidate],
    diffs: Sequence[Difference],
    seeds: Seeds,
    order: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """briefings/overview.md: like a topic brief, with a Topics list before Sources."""
    extra = ["## Topics", ""]
    extra += [f"- [{esc(t.title)}](topics/{t.id}.md): {esc(t.description)}" for t in topics]
    extra.append("")
    return _body(OVERVIEW_TITLE, OVERVIEW_DESCRIPTION, bottom, points, diffs, seeds, order, extra)


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
