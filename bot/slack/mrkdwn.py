"""Markdown -> Slack mrkdwn, through markdown-it-py's token stream (no regex rewriting).

    to_mrkdwn("**$6 million** (R1): see [FT](https://ft.com)")
    -> "*$6 million* (R1): see <https://ft.com|FT>"

The one escaping function for every Slack surface (briefs, sources, digests and their
fallback `text`, App Home, modals, the preview):

- `escape()` for text the bot did not write (user input, article and topic text) in mrkdwn
  and in a message's `text`: it escapes exactly &, < and >, so `<!channel>`, `<!here>`,
  `<!everyone>`, `<@U…>` and `<#C…>` can never form, and it breaks `@channel`/`@here`/
  `@everyone` with a word joiner. `plain()` is its half for plain_text fields (headers,
  buttons, modal titles), where entities would show as typed.
- `link(url, label)` is the only way a URL becomes a link: http(s) only; anything else
  (`javascript:`, `data:`, `mailto:`, a relative path) leaves just the label.
- `unescape_slack()` undoes Slack's own escaping of slash-command text, once, so what a user
  typed is echoed as typed.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable("strikethrough")
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_CONTROL = re.compile(r"<([!@#])")
ZWJ = "\u2060"  # word joiner: invisible, stops Slack from reading "@here" as a broadcast


def plain(text: str) -> str:
    """Text for a plain_text field: `@here` and `<!here>`-style sequences broken by an
    invisible word joiner, nothing else changed (plain_text shows entities as typed)."""
    text = _CONTROL.sub(lambda m: "<" + ZWJ + m.group(1), text)
    return _BROADCAST.sub(lambda m: "@" + ZWJ + m.group(1), text)


def escape(text: str) -> str:
    """Make any text safe to show inside mrkdwn (and in a message's `text` fallback)."""
    return plain(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def unescape_slack(text: str) -> str:
    """Slash-command text as the user typed it: Slack sends &, < and > as entities."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_SAFE_URL = re.compile(r"https?://[^\s<>|\x00-\x1f\x7f]+", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else None."""
    url = (url or "").strip()
    if not _SAFE_URL.fullmatch(url) or len(url.split("/", 3)[2]) == 0:
        return None
    return url


def link(url: str | None, label: str) -> str:
    """`<url|label>` (label: mrkdwn, already escaped) for an http(s) URL; else the label."""
    safe = safe_url(url)
    if safe is None:
        return label
    return f"<{_url(safe)}|{label.replace('|', '¦')}>"


def quote_user(text: str, limit: int = 80) -> str:
    """User input repeated back: one line, trimmed, escaped."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return escape(line)


def _url(href: str) -> str:
    # `|` and `>` end a Slack link
    href = href.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20")
    return href.replace("&", "&amp;")


def inline(children: list[Token]) -> str:
    out: list[str] = []
    link_stack: list[tuple[str, int]] = []
    for tok in children:
        t = tok.type
        if t == "text":
            out.append(escape(tok.content))
        elif t == "code_inline":
            out.append("`" + escape(tok.content.replace("`", "'")) + "`")
        elif t in ("strong_open", "strong_close"):
            out.append("*")
        elif t in ("em_open", "em_close"):
            out.append("_")
        elif t in ("s_open", "s_close"):
            out.append("~")
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t == "link_open":
            link_stack.append((str(tok.attrs.get("href") or ""), len(out)))
        elif t == "link_close" and link_stack:
            href, start = link_stack.pop()
            label = "".join(out[start:]).replace("|", "¦").strip()
            del out[start:]
            out.append(link(href, label or escape(href)))
        elif t == "image":
            href = str(tok.attrs.get("src") or "")
            out.append(link(href, escape(tok.content) or "image"))
        elif t in ("html_inline",):
            out.append(escape(tok.content))
    return "".join(out)


def to_mrkdwn(markdown: str) -> str:
    """Block-level Markdown (paragraphs, lists, headings, quotes, code) to mrkdwn."""
    tokens = _MD.parse(markdown)
    lines: list[str] = []
    prefix: list[str] = []  # active list/quote prefixes
    counters: list[int | None] = []
    pending_item = ""
    for tok in tokens:
        t = tok.type
        if t == "bullet_list_open":
            counters.append(None)
        elif t == "ordered_list_open":
            counters.append(int(tok.attrs.get("start") or 1))
        elif t in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
            if not counters:
                lines.append("")
        elif t == "list_item_open":
            indent = "    " * (len(counters) - 1)
            n = counters[-1] if counters else None
            if n is None:
                pending_item = indent + "• "
            else:
                pending_item = f"{indent}{n}. "
                counters[-1] = n + 1
        elif t == "blockquote_open":
            prefix.append("> ")
        elif t == "blockquote_close":
            prefix.pop()
        elif t == "inline":
            text = inline(tok.children or [])
            if pending_item:
                text, pending_item = pending_item + text, ""
            lines.append("".join(prefix) + text.replace("\n", "\n" + "".join(prefix)))
        elif t == "heading_open":
            lines.append("")
        elif t == "heading_close":
            if lines:
                lines[-1] = f"*{lines[-1].strip()}*"
        elif t == "paragraph_close" and not counters:
            lines.append("")
        elif t in ("fence", "code_block"):
            lines.append("```\n" + escape(tok.content.rstrip("\n")) + "\n```")
            lines.append("")
        elif t == "hr":
            lines.append("———")
        elif t == "html_block":
            lines.append(escape(tok.content.rstrip("\n")))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def inline_mrkdwn(markdown: str) -> str:
    """One line of inline Markdown (a bullet, a title) to mrkdwn."""
    tokens = _MD.parseInline(markdown)
    return inline(tokens[0].children or []) if tokens else ""


def truncate(text: str, limit: int) -> str:
    """Cut mrkdwn at a line or word boundary, never inside an `&amp;` entity or a <link>."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for sep in ("\n", " "):
        pos = cut.rfind(sep)
        if pos > limit * 0.6:
            cut = cut[:pos]
            break
    amp, semi = cut.rfind("&"), cut.rfind(";")
    if amp > semi:
        cut = cut[:amp]
    lt, gt = cut.rfind("<"), cut.rfind(">")
    if lt > gt:
        cut = cut[:lt]
    return cut.rstrip() + "…"
