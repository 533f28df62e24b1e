"""Pure digest content: what one channel's digest says, as Block Kit.

Inputs are plain data (`DigestContent`: topics with their top points, articles), the channel's
previous digest (which article ids it covered) and its spotlight history; the output is a
`Digest` with the channel message, its thread reply, and what to record. No I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.slack.mrkdwn import escape, link

HEADER_PREFIX = "DeepSeek digest"
MAX_NEW_LINES = 8  # in the channel message; the rest go in the thread
MAX_POINTS = 3
SECTION_LIMIT = 2900  # Slack allows 3,000; keep a margin
THREAD_BUDGET = 10_000  # characters in the thread reply: well under reported ~13k failures
METADATA_EVENT = "deepseek_digest"

# Action ids of the digest's buttons: the Slack app's `open_topic(:.*)?` and
# `show_sources(:.*)?` handlers (bot/slack/listeners/actions), value = topic id.
ACTION_OPEN_BRIEF = "open_topic:digest"
ACTION_SOURCES = "show_sources:digest"

_CITE = re.compile(r"\s*\[\d+\](?:\s*\[\d+\])*$")  # trailing citation markers


@dataclass(frozen=True)
class ArticleLine:
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    summary: str = ""


@dataclass(frozen=True)
class TopicCard:
    id: str
    title: str
    description: str = ""
    points: tuple[str, ...] = ()  # the brief's key points, citation markers included
    sources: tuple[str, ...] = ()  # article ids, in the brief's numbered order


@dataclass(frozen=True)
class DigestContent:
    topics: tuple[TopicCard, ...]
    articles: tuple[ArticleLine, ...]

    def article(self, article_id: str) -> ArticleLine | None:
        for a in self.articles:
            if a.id == article_id:
                return a
        return None


@dataclass(frozen=True)
class Digest:
    text: str  # notification / accessibility fallback
    blocks: list[dict[str, Any]]
    thread_text: str | None
    thread_blocks: list[dict[str, Any]] | None
    article_ids: tuple[str, ...]  # every article on file now: the next digest's baseline
    new_ids: tuple[str, ...]
    spotlight: str | None
    first: bool
    extra: dict[str, Any] = field(default_factory=dict)


def pick_spotlight(topic_ids: Sequence[str], history: Sequence[str]) -> str | None:
    """The next spotlight: the first topic (in index order) not shown in the current round.

    `history` is the channel's past spotlights, oldest first. A round ends once every current
    topic has been shown; then a new round starts. Topics no longer on file are ignored.
    """
    if not topic_ids:
        return None
    wanted = set(topic_ids)
    shown: set[str] = set()
    for t in history:
        if t in wanted:
            shown.add(t)
            if shown >= wanted:
                shown = set()
    last = history[-1] if history else None
    for t in topic_ids:
        if t not in shown and t != last:
            return t
    for t in topic_ids:  # only one topic left in the round, or only one topic at all
        if t not in shown:
            return t
    return topic_ids[0]  # pragma: no cover - shown is never all topics here


def _article_line(a: ArticleLine, *, with_summary: bool = False, bullet: str = "•") -> str:
    title = escape(a.title)
    head = link(a.url, title)
    if head == title:
        head = f"*{title}*"
    bits = [b for b in (escape(a.publisher) if a.publisher else None, _day(a.published)) if b]
    line = f"{bullet} {head}" + (f" — {' · '.join(bits)}" if bits else "")
    if with_summary and a.summary:
        line += f"\n   {escape(_clip(a.summary, 280))}"
    return line


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _clip_point(point: str, n: int) -> str:
    """Clip a key point's sentence to about n characters, keeping its citation markers."""
    marks = _CITE.search(point)
    if marks is None:
        return _clip(point, n)
    return _clip(point[: marks.start()], n) + marks.group(0)


def cited_points(
    topic: TopicCard, shown: Sequence[str], limit: int, known: Collection[str]
) -> tuple[list[str], list[str]]:
    """The spotlight's points, their [n] markers renumbered to the list shown above them.

    A point's markers number the brief's own sources (`topic.sources`). In the digest,
    [n] is the n-th article of the numbered list above; an article the list does not show
    gets the next free number. Returns (points as mrkdwn, ids of those extra articles).
    """
    numbers = {aid: i for i, aid in enumerate(shown, 1)}
    extra: list[str] = []

    def number(m: int) -> int | None:
        aid = topic.sources[m - 1] if 0 < m <= len(topic.sources) else ""
        if aid not in known:
            return None
        if aid not in numbers:
            extra.append(aid)
            numbers[aid] = len(numbers) + 1
        return numbers[aid]

    out: list[str] = []
    for point in topic.points[:limit]:
        marks = _CITE.search(point)
        sentence = point[: marks.start()] if marks else point
        refs = sorted(
            {
                n
                for m in re.findall(r"\d+", marks.group(0) if marks else "")
                if (n := number(int(m))) is not None
            }
        )
        text = escape(_clip(sentence, 400)) + "".join(f" [{n}]" for n in refs)
        out.append(f"• {text}")
    return out, extra


def _sorted_new(articles: Sequence[ArticleLine]) -> list[ArticleLine]:
    return sorted(articles, key=lambda a: (a.published or date.min, a.title), reverse=True)


def _join_limited(lines: Sequence[str], limit: int = SECTION_LIMIT) -> list[str]:
    """Pack lines into section texts of at most `limit` characters each."""
    chunks: list[str] = []
    cur = ""
    for line in lines:
        line = _clip(line, limit)
        if cur and len(cur) + 1 + len(line) > limit:
            chunks.append(cur)
            cur = line
        else:
            cur = f"{cur}\n{line}" if cur else line
    if cur:
        chunks.append(cur)
    return chunks


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, SECTION_LIMIT)}}


def compose(
    content: DigestContent,
    *,
    day: date,
    previous_ids: frozenset[str] | None,
    spotlight_history: Sequence[str] = (),
    on_empty: str = "spotlight",
    footer: str | None = None,
) -> Digest | None:
    """The digest for `day`, or None when nothing is new and the channel skips empty digests.

    `previous_ids` are the article ids the channel's previous digest covered (None: this is
    the channel's first digest). `footer` is a short context line (e.g. the schedule).
    """
    first = previous_ids is None
    current_ids = tuple(a.id for a in content.articles)
    if first:
        new = _sorted_new(content.articles)
    else:
        assert previous_ids is not None
        new = _sorted_new([a for a in content.articles if a.id not in previous_ids])
    if not new and not first and on_empty == "skip":
        return None
    topic_ids = [t.id for t in content.topics if t.points or t.description]
    spotlight_id = pick_spotlight(topic_ids, spotlight_history)
    topic = next((t for t in content.topics if t.id == spotlight_id), None)
    if not new and topic is None:
        return None  # nothing to say at all

    date_text = f"{day:%a} {day.day} {day:%b %Y}"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"{HEADER_PREFIX} · {date_text}"}}
    ]
    shown = new[:MAX_NEW_LINES] if not first else new[:5]
    if new:
        n = len(new)
        if first:
            title = f"*Latest coverage* ({n} article{'s' if n != 1 else ''} on file)"
        else:
            title = f"*New since the last digest* ({n})"
        lines = [title, *(_article_line(a, bullet=f"{i}.") for i, a in enumerate(shown, 1))]
        if n > len(shown):
            lines.append(f"_…and {n - len(shown)} more in the thread._")
        blocks.extend(_section(t) for t in _join_limited(lines))
    else:
        blocks.append(_section("Nothing new since the last digest. Here is a topic to revisit."))

    if topic is not None:
        blocks.append({"type": "divider"})
        pts, extra = cited_points(
            topic, [a.id for a in shown], MAX_POINTS, {a.id for a in content.articles}
        )
        desc = f"_{escape(_clip(topic.description, 300))}_" if topic.description else ""
        also = [
            _article_line(a, bullet=f"{i}.")
            for i, aid in enumerate(extra, len(shown) + 1)
            if (a := content.article(aid)) is not None
        ]
        cited = ["_Also cited:_", *also] if also else []
        body = "\n".join(
            x for x in (f"*Spotlight: {escape(topic.title)}*", desc, *pts, *cited) if x
        )
        blocks.append(_section(body))
        blocks.append(
            {
                "type": "actions",
                "block_id": "digest_actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": ACTION_OPEN_BRIEF,
                        "text": {"type": "plain_text", "text": "Open full brief"},
                        "value": topic.id,
                        "style": "primary",
                    },
                    {
                        "type": "button",
                        "action_id": ACTION_SOURCES,
                        "text": {"type": "plain_text", "text": "Sources"},
                        "value": topic.id,
                    },
                ],
            }
        )
    if footer:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(footer, 300)}]}
        )

    summary_bits = []
    if new:
        noun = "article" if len(new) == 1 else "articles"
        summary_bits.append(f"{len(new)} {'new ' if not first else ''}{noun}")
    else:
        summary_bits.append("nothing new")
    if topic is not None:
        summary_bits.append(f"spotlight: {topic.title}")
    text = escape(f"{HEADER_PREFIX} for {date_text}: " + "; ".join(summary_bits))

    thread_text, thread_blocks = _thread(content, new, topic, first=first)
    return Digest(
        text=text,
        blocks=blocks,
        thread_text=thread_text,
        thread_blocks=thread_blocks,
        article_ids=current_ids,
        new_ids=tuple(a.id for a in new),
        spotlight=topic.id if topic else None,
        first=first,
    )


def _thread(
    content: DigestContent, new: Sequence[ArticleLine], topic: TopicCard | None, *, first: bool
) -> tuple[str | None, list[dict[str, Any]] | None]:
    """The thread reply: every new article with its summary, and the spotlight's citations."""
    lines: list[str] = []
    if new:
        lines.append("*Latest coverage*" if first else "*New articles*")
        lines.extend(_article_line(a, with_summary=True) for a in new[:30])
        if len(new) > 30:
            lines.append(f"_…and {len(new) - 30} more: `/deepseek sources`._")
    if topic is not None and topic.points:
        lines.append(f"*{escape(topic.title)}: key points*")
        lines.extend(f"• {escape(_clip_point(p, 600))}" for p in topic.points[:6])
        if topic.sources:
            lines.append("*Sources*")
            for i, aid in enumerate(topic.sources, 1):
                a = content.article(aid)
                if a is None:
                    continue
                lines.append(f"{i}. " + link(a.url, escape(a.title)))
    if not lines:
        return None, None
    chunks: list[str] = []
    total = 0
    for chunk in _join_limited(lines):
        if total + len(chunk) > THREAD_BUDGET or len(chunks) == 45:
            chunks.append("_More in `/deepseek sources`._")
            break
        chunks.append(chunk)
        total += len(chunk)
    blocks = [_section(c) for c in chunks]
    parts = []
    if new:
        parts.append(f"{len(new)} {'' if first else 'new '}article{'s' if len(new) != 1 else ''}")
    if topic is not None and topic.points:
        parts.append(f"the key points and sources for {topic.title}")
    text = escape("Details: " + " and ".join(parts))
    return text, blocks
