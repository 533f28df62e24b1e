"""Block Kit builders. Pure: library objects in, JSON-ready dicts out, no I/O.

Built with slack_sdk.models.blocks, so every limit slack_sdk knows is checked as the payload
is made; `fit()` then keeps a message within Slack's message limits (50 blocks, and well
under the ~12,000 characters where `msg_blocks_too_long` starts).

Action ids (the listeners in listeners/actions/ answer them):
    open_topic:<id>     value = topic id             -> that topic's brief
    open_overview                                    -> the overview brief
    show_sources:<id>   value = brief id             -> the sources of that brief, with summaries
    share               value = "<subcommand> <args>" -> the same reply, in the channel
    run:<n>             value = "<subcommand> <args>" -> that reply (for "did you mean")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.library import ArticleBrief, Brief, CatalogPoint, Library, Point, Source
from bot.models import Article, Topic
from bot.slack.answer import Answer
from bot.slack.mrkdwn import escape, inline_mrkdwn, link, plain, quote_user, safe_url, truncate

Payload = dict[str, Any]
MAX_BLOCKS = 50
MAX_SURFACE_BLOCKS = 100  # modals and App Home
SECTION_LIMIT = 3000
CONTEXT_LIMIT = 2000
HEADER_LIMIT = 150
BUTTON_LIMIT = 75
TEXT_BUDGET = 10_000  # total characters of block text per message; Slack errors near 12-13k
FALLBACK_LIMIT = 3000


# --- small pieces ---------------------------------------------------------------------------

MODAL_TITLE_LIMIT = 24


def plain_line(text: str, limit: int) -> str:
    """One line of plain_text, cut at a word boundary with an ellipsis to fit `limit`."""
    text = plain(" ".join(text.split()))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def md(text: str) -> MarkdownTextObject:
    # verbatim: Slack must not auto-link names or mentions in text the bot did not mark up
    return MarkdownTextObject(text=text, verbatim=True)


def header(text: str) -> HeaderBlock:
    text = plain_line(text, HEADER_LIMIT) or "DeepSeek"
    return HeaderBlock(text=PlainTextObject(text=text, emoji=False))


def button(
    label: str, action_id: str, value: str = "", *, primary: bool = False, url: str | None = None
) -> ButtonElement:
    label = plain_line(label, BUTTON_LIMIT)
    return ButtonElement(
        text=PlainTextObject(text=label, emoji=True),
        action_id=action_id[:255],
        value=value[:2000] or None,
        style="primary" if primary else None,
        url=url,
    )


def sections(text: str, limit: int = SECTION_LIMIT) -> list[SectionBlock]:
    """One or more sections; splits on lines, so no section passes `limit`."""
    out: list[SectionBlock] = []
    chunk = ""
    for line in text.split("\n"):
        if len(line) > limit:
            line = truncate(line, limit)
        if chunk and len(chunk) + 1 + len(line) > limit:
            out.append(SectionBlock(text=md(chunk)))
            chunk = line
        else:
            chunk = f"{chunk}\n{line}" if chunk else line
    if chunk.strip():
        out.append(SectionBlock(text=md(chunk)))
    return out


def context(lines: Sequence[str]) -> list[ContextBlock]:
    """Lines packed into context elements (≤2,000 chars each, ≤10 per block)."""
    elements: list[str] = []
    for line in lines:
        line = truncate(line, CONTEXT_LIMIT)
        if elements and len(elements[-1]) + 1 + len(line) <= CONTEXT_LIMIT:
            elements[-1] += "\n" + line
        else:
            elements.append(line)
    return [
        ContextBlock(elements=[md(e) for e in elements[i : i + 10]])
        for i in range(0, len(elements), 10)
    ]


def actions(buttons: Sequence[ButtonElement]) -> list[ActionsBlock]:
    return [ActionsBlock(elements=list(buttons[i : i + 25])) for i in range(0, len(buttons), 25)]


def message(
    text: str, blocks: Iterable[Block | Payload], *, response_type: str = "ephemeral"
) -> Payload:
    """A reply payload: plain `text` fallback (always set), blocks, response_type."""
    dicts = [b.to_dict() if isinstance(b, Block) else b for b in blocks]
    fallback = " ".join(text.split()) or "DeepSeek briefing"
    return fit(
        {
            "response_type": response_type,
            "text": truncate(fallback, FALLBACK_LIMIT),
            "blocks": dicts,
        }
    )


def block_text_length(block: Payload) -> int:
    n = 0
    for key in ("text",):
        obj = block.get(key)
        if isinstance(obj, dict):
            n += len(obj.get("text", ""))
    for el in block.get("elements", []) or []:
        if isinstance(el, dict) and isinstance(el.get("text"), (str, dict)):
            t = el["text"]
            n += len(t if isinstance(t, str) else t.get("text", ""))
    return n


def fit(payload: Payload, max_blocks: int = MAX_BLOCKS, budget: int = TEXT_BUDGET) -> Payload:
    """Trim blocks from the middle so a message keeps its header and its closing buttons."""
    blocks: list[Payload] = payload["blocks"]
    total = sum(block_text_length(b) for b in blocks)
    if len(blocks) <= max_blocks and total <= budget:
        return payload
    n_tail = 0  # keep the closing context/actions run (sources, buttons), at most two blocks
    while (
        n_tail < 2
        and n_tail < len(blocks)
        and blocks[-1 - n_tail].get("type") in ("actions", "context")
    ):
        n_tail += 1
    head, tail = blocks[: len(blocks) - n_tail], blocks[len(blocks) - n_tail :]
    note = ContextBlock(
        elements=[md("_Trimmed to fit Slack. Use `/deepseek sources` for every article._")]
    ).to_dict()
    room = max_blocks - len(tail) - 1
    kept: list[Payload] = []
    used = sum(block_text_length(b) for b in tail) + 80
    for b in head[:room]:
        size = block_text_length(b)
        if used + size > budget:
            break
        kept.append(b)
        used += size
    return {**payload, "blocks": [*kept, note, *tail]}


# --- rendering ------------------------------------------------------------------------------


def cite(numbers: Sequence[int], sources: Sequence[Source]) -> str:
    marks = []
    for n in numbers:
        src = sources[n - 1] if 0 < n <= len(sources) else None
        marks.append(link(src.url if src is not None else None, f"[{n}]"))
    return " ".join(marks)


def point_line(p: Point, sources: Sequence[Source], bullet: str = "• ") -> str:
    refs = cite(p.citations, sources)
    return f"{bullet}{inline_mrkdwn(p.markdown)}" + (f" {refs}" if refs else "")


def source_line(src: Source) -> str:
    title = escape(src.title) or "Untitled"
    title = link(src.url, title)
    bits = [b for b in (src.publisher, src.published) if b]
    tail = " · ".join(escape(b) for b in bits)
    if not safe_url(src.url):
        tail = f"{tail} · no link on file" if tail else "no link on file"
    return f"*[{src.number}]* {title}" + (f" · {tail}" if tail else "")


def article_line(n: int, a: Article, *, summary: bool = True) -> str:
    title = escape(a.title)
    title = link(a.url, title)
    meta = " · ".join(
        escape(b) for b in (a.publisher, a.published and a.published.isoformat()) if b
    )
    line = f"*{n}.* {title}" + (f" — {meta}" if meta else "")
    if summary and a.summary:
        line += "\n" + truncate(escape(a.summary), 300)
    return line


SOURCE_TITLE = 40  # a source's title in a first-screen reply
COMPACT_MEASURES = 2  # "Where sources differ" on the first screen: measures …
COMPACT_GROUPS = 3  # … and the figures set side by side for each


def compact_source(src: Source) -> str:
    """ "[1] Title · 2025-01-31": a short source line for the first screen."""
    title = link(src.url, escape(truncate(src.title or "Untitled", SOURCE_TITLE)))
    date = f" · {escape(src.published)}" if src.published else ""
    return f"[{src.number}] {title}{date}"


EARLIER = re.compile(r"(earlier(?: \(\d{4}-\d{2}-\d{2}\))?): ")


def compact_difference(p: Point, sources: Sequence[Source]) -> str:
    """A "Where sources differ" line without its clause: figures, label and citations."""
    head = p.markdown
    earlier = EARLIER.match(p.text)
    if earlier:  # an older statement a newer one updated: "earlier (2025-01-30): …"
        refs = cite(p.citations, sources)
        said = escape(truncate(p.text[earlier.end() :], 90))
        return f"_{escape(earlier.group(1))}:_ {said} {refs}"
    cut = head.find("): ")
    if cut >= 0:
        head = head[: cut + 1]
    elif ": " in head:
        head = head.split(": ", 1)[0]
    figures = re.findall(r"\*\*.+?\*\*", head)
    if len(figures) > 2:  # agreeing figures: the lowest and highest as a range
        head = f"{figures[0]}–{figures[-1]}" + head[head.rfind("**") + 2 :]
    refs = cite(p.citations, sources)
    return inline_mrkdwn(head) + (f" {refs}" if refs else "")


FIRST_SCREEN = 1200  # characters a brief's first screen shows, as a reader sees them
MIN_SHOWN_POINTS = 3


def _brief_body(
    brief: Brief,
    library: Library,
    *,
    full: bool = False,
    points: int = 5,
    groups: int = COMPACT_GROUPS,
    measures: int = COMPACT_MEASURES,
) -> list[Block]:
    """Header to sources: everything (`full`), or the first screen with so many key points,
    difference lines and figures per line."""
    blocks: list[Block] = [header(brief.title)]
    if brief.description and full:
        blocks += context([escape(brief.description)])
    if brief.lead:
        said = " ".join(point_line(p, brief.sources, "") for p in brief.lead)
        blocks += sections("*In brief:* " + said)
    shown_points = brief.points if full else brief.points[:points]
    if shown_points:
        lines = [point_line(p, brief.sources) for p in shown_points]
        blocks += sections("*Key points*\n" + "\n".join(lines))
    shown = {n for p in (*brief.lead, *shown_points) for n in p.citations}
    if brief.differences:
        diff = ["*Where sources differ*"]
        for d in brief.differences if full else brief.differences[:measures]:
            if full:
                diff.append(f"_{escape(d.aspect)}_")
                diff += [point_line(c, brief.sources) for c in d.claims]
            else:
                # the figure most sources agree on first, the others after it, newest first
                claims = sorted(d.claims, key=lambda c: -len(c.citations))[:groups]
                shown |= {n for c in claims for n in c.citations}
                parts = " · ".join(compact_difference(c, brief.sources) for c in claims)
                diff.append(f"• _{escape(d.aspect)}:_ {parts}")
        blocks += sections("\n".join(diff))
    if full and brief.timeline:
        lines = [point_line(p, brief.sources) for p in brief.timeline]
        blocks += sections("*Timeline*\n" + "\n".join(lines))
    if full and brief.more:
        lines = [point_line(p, brief.sources) for p in brief.more]
        blocks += sections("*More*\n" + "\n".join(lines))
    if brief.id == "overview" and library.topics and not full:
        blocks += actions([button(t.title, f"open_topic:{t.id}", t.id) for t in library.topics])
    if brief.sources:
        if full:
            blocks += context(["*Sources*", *(source_line(s) for s in brief.sources)])
        else:  # only the sources this screen cites
            cited = [s for s in brief.sources if s.number in shown] or list(brief.sources[:1])
            blocks += context([" ".join(compact_source(s) for s in cited)])
    return blocks


LINK = re.compile(r"<[^|>]+\|([^>]+)>")


def _visible_length(blocks: Sequence[Block]) -> int:
    """Characters of text a reader sees in these blocks: links by their label."""
    total = 0
    for b in blocks:
        d = b.to_dict()
        if d["type"] in ("header", "section") and "text" in d:
            total += len(LINK.sub(r"\1", d["text"]["text"]))
        elif d["type"] == "context":
            total += sum(len(LINK.sub(r"\1", e.get("text", ""))) for e in d["elements"])
    return total


def brief_blocks(
    brief: Brief, library: Library, *, surface: bool = False, full: bool = False
) -> list[Block]:
    """One screen: header, "In brief", up to five key points, the differences in one line
    each, compact sources and a "More" button; within FIRST_SCREEN characters, the last key
    points and difference figures give way first. `full` (behind "More"): everything."""
    if full:
        blocks, cut = _brief_body(brief, library, full=True), False
    else:
        points, groups, measures = len(brief.points), COMPACT_GROUPS, COMPACT_MEASURES
        while True:
            blocks = _brief_body(brief, library, points=points, groups=groups, measures=measures)
            if _visible_length(blocks) <= FIRST_SCREEN:
                break
            if points > MIN_SHOWN_POINTS:
                points -= 1
            elif groups > 2:  # two figures side by side are still a difference
                groups -= 1
            elif measures > 1:
                measures -= 1
            elif points > MIN_SHOWN_POINTS - 1 and groups > 1 and brief.differences:
                points -= 1  # a difference shown as one figure is no difference
            elif groups > 1:
                groups -= 1
            else:
                break
        cut = points < len(brief.points)
    is_overview = brief.id == "overview"
    buttons = []
    if not full and (cut or brief.more or brief.timeline or brief.differences):
        buttons.append(button("More", f"more:{brief.id}", brief.id))
    buttons.append(button("Sources & summaries", f"show_sources:{brief.id}", brief.id))
    if not is_overview:
        buttons.append(button("Overview", "open_overview", "overview"))
    if not surface:
        share_value = "brief" if is_overview else f"brief {brief.id}"
        buttons.append(button("Share in channel", "share", share_value, primary=True))
    blocks += actions(buttons)
    return blocks


def brief_fallback(brief: Brief) -> str:
    lead = brief.bottom_line.text if brief.bottom_line else brief.description
    return f"{brief.title}: {lead}"


def brief_message(brief: Brief, library: Library, *, full: bool = False) -> Payload:
    return message(escape(brief_fallback(brief)), brief_blocks(brief, library, full=full))


def answer_message(ans: Answer, library: Library) -> Payload:
    """A question's answer: the best point as the lead, up to four more, compact sources and
    buttons to the briefs the points belong to."""
    number = {a: n for n, a in enumerate(ans.sources, 1)}
    articles = [library.article(a) for a in ans.sources]
    sources = [
        Source(
            n, a.title, a.url, a.publisher, a.published.isoformat() if a.published else None, a.id
        )
        for n, a in enumerate(articles, 1)
        if a is not None
    ]

    def line(p: CatalogPoint, bullet: str) -> str:
        refs = cite([number[a] for a in p.sources if a in number], sources)
        return f"{bullet}{escape(p.text)} {refs}".rstrip()

    blocks: list[Block] = [header(f"“{plain_line(ans.query, HEADER_LIMIT - 2)}”")]
    blocks += sections("*In brief:* " + line(ans.lead, ""))
    if ans.points:
        blocks += sections("\n".join(line(p, "• ") for p in ans.points))
    blocks += context([" ".join(compact_source(s) for s in sources)])
    topics = [t for t in (library.topic(i) for i in ans.topics) if t is not None]
    buttons = [button(f"Brief: {t.title}", f"open_topic:{t.id}", t.id) for t in topics]
    if not buttons:
        buttons.append(button("Overview", "open_overview", "overview"))
    buttons.append(button("Share in channel", "share", f"brief {ans.query}", primary=True))
    blocks += actions(buttons)
    return message(escape(f"{ans.query}: {ans.lead.text}"), blocks)


def no_match_message(query: str, closest: Sequence[Topic]) -> Payload:
    q = quote_user(query)
    blocks: list[Block] = [
        *sections(f"No brief matches “{q}” closely. These topics are nearest:"),
        *actions([button(t.title, f"open_topic:{t.id}", t.id) for t in closest]),
        *context(["Try a topic word, like `/deepseek brief chips`, or see `/deepseek topics`."]),
    ]
    return message(f"No brief matches “{q}”. Try /deepseek topics.", blocks)


def with_note(payload: Payload, note: str, *, after_header: bool = True) -> Payload:
    """Insert a context note under the header (e.g. "Showing results for …")."""
    blocks = list(payload["blocks"])
    at = 1 if after_header and blocks and blocks[0].get("type") == "header" else 0
    blocks.insert(at, ContextBlock(elements=[md(note)]).to_dict())
    return fit({**payload, "blocks": blocks})


def with_buttons(payload: Payload, label: str, topics: Sequence[Topic]) -> Payload:
    if not topics:
        return payload
    blocks = list(payload["blocks"])
    extra = [
        *context([label]),
        *actions([button(t.title, f"open_topic:{t.id}", t.id) for t in topics]),
    ]
    blocks[-1:-1] = [b.to_dict() for b in extra]
    return fit({**payload, "blocks": blocks})


def topics_message(library: Library) -> Payload:
    lines = [f"• *{escape(t.title)}* — {escape(t.description)} `{t.id}`" for t in library.topics]
    blocks: list[Block] = [
        header(f"Topics ({len(library.topics)})"),
        *sections("\n".join(lines)),
        *actions([button(t.title, f"open_topic:{t.id}", t.id) for t in library.topics]),
        *context(["Open one with `/deepseek brief [topic]`, e.g. `/deepseek brief chips`."]),
    ]
    text = "Topics: " + ", ".join(t.title for t in library.topics)
    return message(escape(text), blocks)


def sources_message(
    library: Library, start: int = 1, per_page: int = 15, *, title: str | None = None
) -> Payload:
    arts = list(library.articles)
    total = len(arts)
    if total == 0:
        return message("No articles yet.", sections("No articles yet. Run `deepseek-bot build`."))
    start = min(max(start, 1), total)
    end = min(start + per_page - 1, total)
    lines = [article_line(n, arts[n - 1]) for n in range(start, end + 1)]
    blocks: list[Block] = [header(title or f"Sources ({total} articles)")]
    for line in lines:
        blocks += sections(line)
    notes = ["One article: `/deepseek sources 3` or `/deepseek sources [words]`."]
    if start > 1 or end < total:
        nxt = (
            f" Next: `/deepseek sources {end + 1}-{min(end + per_page, total)}`."
            if end < total
            else ""
        )
        notes.insert(0, f"Showing {start}–{end} of {total}.{nxt}")
    blocks += context(notes)
    share = "sources" if start == 1 else f"sources {start}-{end}"
    blocks += actions([button("Share in channel", "share", share, primary=True)])
    return message(f"Sources: {total} articles", blocks)


def brief_sources_message(brief: Brief, library: Library) -> Payload:
    """A brief's numbered sources with each article's one-line summary."""
    if brief.id == "overview":
        return sources_message(library)
    blocks: list[Block] = [header(f"Sources: {brief.title}")]
    for src in brief.sources:
        line = source_line(src)
        art = library.article(src.article_id) if src.article_id else None
        if art is not None and art.summary:
            line += "\n" + truncate(escape(art.summary), 300)
        blocks += sections(line)
    if not brief.sources:
        blocks += sections("This brief cites no sources.")
    blocks += actions(
        [
            button("Open brief", f"open_topic:{brief.id}", brief.id),
            button("Share in channel", "share", f"sources {brief.id}", primary=True),
        ]
    )
    return message(escape(f"Sources for {brief.title}"), blocks)


def article_message(
    n: int, article: Article, summary: ArticleBrief | None, library: Library
) -> Payload:
    blocks: list[Block] = [header(article.title)]
    meta = [
        b for b in (article.publisher, article.published and article.published.isoformat()) if b
    ]
    meta_line = " · ".join(escape(m) for m in meta)
    read = link(article.url, "Read the article") if safe_url(article.url) else "No link on file"
    blocks += context([f"Source {n}" + (f" · {meta_line}" if meta_line else "") + f" · {read}"])
    text = summary.summary if summary and summary.summary else article.summary
    blocks += sections("*Summary*\n" + escape(text))
    if summary and summary.figures:
        blocks += sections(
            "*Figures*\n" + "\n".join("• " + inline_mrkdwn(f) for f in summary.figures)
        )
    if summary and summary.quoted:
        blocks += sections(
            "*Quoted*\n" + "\n".join("• " + inline_mrkdwn(q) for q in summary.quoted)
        )
    topics = [t for t in (library.topic(tid) for tid in article.topics) if t is not None]
    buttons = [button(t.title, f"open_topic:{t.id}", t.id) for t in topics[:5]]
    buttons.append(button("Share in channel", "share", f"sources {n}", primary=True))
    blocks += actions(buttons)
    return message(escape(f"{article.title}: {article.summary}"), blocks)


def article_choices(query: str, articles: Sequence[tuple[int, Article]]) -> Payload:
    q = quote_user(query)
    lines = [article_line(n, a, summary=False) for n, a in articles]
    blocks: list[Block] = [
        *sections(f"No single article matches “{q}”. Closest:\n" + "\n".join(lines)),
        *context(
            ["Pick one by number, e.g. `/deepseek sources 2`, or list all: `/deepseek sources`."]
        ),
    ]
    return message(f"No single article matches “{q}”.", blocks)


def help_message(
    usages: Sequence[tuple[str, str, str]],
    library: Library | None,
    *,
    unknown: str | None = None,
    suggestion: str | None = None,
) -> Payload:
    """usages: (usage, summary, example). `unknown`: what the user typed; `suggestion`: a command."""
    blocks: list[Block] = []
    if unknown is not None:
        q = quote_user(unknown, 40)
        line = f"I don't know `{q}`." if q else "I didn't catch that."
        if suggestion:
            line += f" Did you mean `/deepseek {escape(suggestion)}`?"
        blocks += sections(line)
        if suggestion:
            blocks += actions(
                [button(f"/deepseek {suggestion}", "run:0", suggestion, primary=True)]
            )
        blocks.append(DividerBlock())
    n_art = len(library.articles) if library else 0
    blocks.append(header("/deepseek: cited DeepSeek briefings"))
    blocks += sections(
        f"Briefings on DeepSeek built from {n_art} news articles, every point cited. "
        "Replies are only visible to you; *Share in channel* posts one for everyone."
    )
    lines = [
        f"*/deepseek {escape(usage)}*: {escape(summary)}\nExample: `{escape(example)}`"
        for usage, summary, example in usages
    ]
    blocks += sections("\n".join(lines))
    blocks += context(
        [
            "Ask in your own words: `/deepseek brief how did they train it so cheaply`. "
            "The newest news: `/deepseek brief what's new`"
        ]
    )
    text = "/deepseek commands: " + ", ".join(u for u, _, _ in usages)
    if unknown is not None:
        text = f"Unknown command. {text}"
    return message(escape(text), blocks)


def notice(text: str) -> Payload:
    """A one-section ephemeral reply (already-escaped mrkdwn)."""
    return message(text, sections(text))


def home_view(library: Library, extra: Sequence[Payload] = ()) -> Payload:
    """The App Home tab: intro, topics with Open buttons, sources, then `extra` blocks."""
    blocks: list[Block] = [
        header("DeepSeek briefings"),
        *sections(
            f"Cited briefings on DeepSeek from {len(library.articles)} news articles. "
            "In any channel, type `/deepseek brief` for the overview or `/deepseek help`."
        ),
        DividerBlock(),
        header(f"Topics ({len(library.topics)})"),
    ]
    for t in library.topics[:40]:
        blocks.append(
            SectionBlock(
                text=md(
                    f"*{escape(truncate(t.title, 150))}*\n{escape(truncate(t.description, 300))}"
                ),
                accessory=button("Open", f"open_topic:{t.id}", t.id),
            )
        )
    blocks += [DividerBlock(), header(f"Sources ({len(library.articles)})")]
    lines = [article_line(n, a, summary=False) for n, a in enumerate(library.articles, 1)]
    blocks += sections("\n".join(lines) or "No articles yet.")
    dicts = [b.to_dict() for b in blocks] + list(extra)
    return {"type": "home", "blocks": dicts[:MAX_SURFACE_BLOCKS]}


def modal_view(payload: Payload, title: str = "DeepSeek") -> Payload:
    """A message payload shown in a modal (from App Home, which has no response_url)."""
    blocks = [b for b in payload["blocks"] if b.get("type") != "actions"]
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": plain_line(title, MODAL_TITLE_LIMIT) or "DeepSeek"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": blocks[:MAX_SURFACE_BLOCKS],
    }
