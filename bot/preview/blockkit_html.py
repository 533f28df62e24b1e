"""Render Slack Block Kit payloads as HTML for the local preview.

Pure functions: a message payload (``text``, ``blocks``, ``attachments``) or a list of blocks
goes in, an HTML string comes out. Every piece of text is HTML-escaped, so article text or user
input cannot inject markup or script; only ``http`` and ``https`` URLs become links.
A block or element type the renderer does not know is shown as a visible placeholder, never
dropped.

Interactive elements carry ``data-*`` attributes (block id, action id, value) that the preview
page sends back to the server, which rebuilds the exact ``block_actions`` payload Slack would.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

JSON = Mapping[str, Any]

SAFE_SCHEMES = ("http://", "https://")

# A few emoji the bot is likely to use; anything else stays as its :name: text.
EMOJI = {
    "newspaper": "📰",
    "rolled_up_newspaper": "🗞️",
    "calendar": "📅",
    "date": "📅",
    "spiral_calendar_pad": "🗓️",
    "bulb": "💡",
    "mag": "🔍",
    "mag_right": "🔎",
    "link": "🔗",
    "books": "📚",
    "book": "📖",
    "memo": "📝",
    "pushpin": "📌",
    "round_pushpin": "📍",
    "star": "⭐",
    "sparkles": "✨",
    "warning": "⚠️",
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "x": "❌",
    "bell": "🔔",
    "no_bell": "🔕",
    "clock9": "🕘",
    "alarm_clock": "⏰",
    "wave": "👋",
    "eyes": "👀",
    "thinking_face": "🤔",
    "point_right": "👉",
    "information_source": "ℹ️",
    "chart_with_upwards_trend": "📈",
    "chart_with_downwards_trend": "📉",
    "moneybag": "💰",
    "speech_balloon": "💬",
    "loudspeaker": "📢",
    "mega": "📣",
    "robot_face": "🤖",
    "thread": "🧵",
    "new": "🆕",
    "tada": "🎉",
    "globe_with_meridians": "🌐",
    "lock": "🔒",
    "key": "🔑",
    "gear": "⚙️",
    "hourglass": "⌛",
    "page_facing_up": "📄",
    "scroll": "📜",
    "bookmark": "🔖",
    "label": "🏷️",
    "arrow_right": "➡️",
    "small_blue_diamond": "🔹",
    "small_orange_diamond": "🔸",
    "large_blue_circle": "🔵",
    "red_circle": "🔴",
    "zap": "⚡",
    "fire": "🔥",
    "rocket": "🚀",
    "brain": "🧠",
    "question": "❓",
    "grey_question": "❔",
    "exclamation": "❗",
    "thumbsup": "👍",
    "+1": "👍",
    "thumbsdown": "👎",
    "-1": "👎",
}

# Display names for user and channel ids, set for the duration of one render_message() call.
_NAMES: ContextVar[Mapping[str, str]] = ContextVar("names", default=MappingProxyType({}))

_BROADCAST_LABEL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def esc(text: object) -> str:
    """HTML-escape anything, quotes included (safe in text and in attribute values)."""
    return html.escape(str(text), quote=True)


def safe_url(url: object) -> str | None:
    """The URL when it is http(s), else None. Never a javascript:, data: or mailto: URL."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    # Browsers ignore tabs and newlines inside a scheme ("java\tscript:"); reject them outright.
    if any(c in u for c in "\t\r\n\x00") or not u.lower().startswith(SAFE_SCHEMES):
        return None
    return u


def _link(url: str, label_html: str) -> str:
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{label_html}</a>'


def _placeholder(
    kind: str, type_name: object, raw: object = None, label: str = "Unsupported"
) -> str:
    """A visible stand-in for a block or element the renderer does not know."""
    detail = ""
    if raw is not None:
        detail = f"<pre>{esc(json.dumps(raw, indent=1, ensure_ascii=False)[:600])}</pre>"
    return (
        f'<div class="bk-unknown" data-unknown-type="{esc(type_name)}">'
        f"<strong>{esc(label)} {esc(kind)}: <code>{esc(type_name)}</code></strong>"
        f"<span> Slack may show this; the preview cannot.</span>{detail}</div>"
    )


# --------------------------------------------------------------------------------------------
# mrkdwn


def _decode_entities(text: str) -> str:
    """Slack's three entities. Anything else stays as typed (Slack decodes only these)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _emoji(text_html: str) -> str:
    def sub(m: re.Match[str]) -> str:
        return EMOJI.get(m.group(1), m.group(0))

    return re.sub(r":([a-z0-9_+\-]+):", sub, text_html)


def _control(seq: str) -> str:
    """Render one ``<...>`` control sequence (link, mention, channel, broadcast, date)."""
    target, _, label = seq.partition("|")
    label_html = esc(_decode_entities(label))
    if target.startswith(("@", "#")):
        shown = label_html or esc(_NAMES.get().get(target[1:], target[1:]))
        return f'<span class="bk-mention">{target[0]}{shown}</span>'
    if target.startswith("!subteam^"):
        return f'<span class="bk-mention">{label_html or "@" + esc(target[9:])}</span>'
    if target.startswith("!date^"):
        return f'<span class="bk-date">{label_html or esc(target)}</span>'
    if target.startswith("!"):
        name = target[1:]
        shown = _BROADCAST_LABEL.get(name, (label and _decode_entities(label)) or "@" + name)
        return f'<span class="bk-mention bk-broadcast">{esc(shown)}</span>'
    url = safe_url(_decode_entities(target))
    if url is None:
        # Not a link Slack would make: show the raw text, escaped.
        return esc("<" + _decode_entities(seq) + ">")
    shown_label = label_html or esc(url)
    return _link(url, shown_label)


_EMPHASIS = [
    # (marker, tag): opening marker at a word boundary, no space inside the markers.
    ("\\*", "b"),
    ("_", "i"),
    ("~", "s"),
]


def _inline_mrkdwn(text: str) -> str:
    """Inline mrkdwn (no code blocks or quotes) to HTML."""
    text = text.replace("\x00", "")
    pieces: list[str] = []

    def stash(fragment: str) -> str:
        pieces.append(fragment)
        return f"\x00{len(pieces) - 1}\x00"

    # Code spans and control sequences first: their content is never formatted further.
    def code(m: re.Match[str]) -> str:
        return stash(f"<code>{esc(_decode_entities(m.group(1)))}</code>")

    text = re.sub(r"`([^`\n]+)`", code, text)
    text = re.sub(r"<([^<>\n]+)>", lambda m: stash(_control(m.group(1))), text)
    # Escape the rest; markers (* _ ~) survive escaping unchanged.
    out = esc(_decode_entities(text))
    for marker, tag in _EMPHASIS:
        # *x* or *a b*: no space just inside the markers, no word character just outside.
        inner = rf"[^\s{marker}](?:[^\n]*?[^\s{marker}])??"
        pattern = rf"(?<![\w{marker}]){marker}({inner}){marker}(?![\w{marker}])"
        out = re.sub(pattern, rf"<{tag}>\1</{tag}>", out)
    out = _emoji(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: pieces[int(m.group(1))], out)


def _quote_lines(lines: list[str]) -> list[str]:
    """Inline-render lines, grouping runs of `>` lines into one blockquote."""
    rendered: list[str] = []
    quote: list[str] = []
    for line in [*lines, None]:
        m = re.match(r"^(?:&gt;|>)\s?(.*)$", line) if line is not None else None
        if m:
            quote.append(_inline_mrkdwn(m.group(1)))
            continue
        if quote:
            rendered.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote = []
        if line is not None:
            rendered.append(_inline_mrkdwn(line))
    return rendered


def mrkdwn_to_html(text: str) -> str:
    """Slack mrkdwn to HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes,
    <url|links>, <@U…> and <#C…> mentions, and the &amp; &lt; &gt; entities."""
    parts = re.split(r"```(.*?)```", text, flags=re.DOTALL)
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2 == 1:
            body = part.strip("\n")
            out.append(f"<pre>{esc(_decode_entities(body))}</pre>")
            continue
        if not part:
            continue
        rendered = _quote_lines(part.split("\n"))
        joined = ""
        for j, piece in enumerate(rendered):
            if (
                j
                and not piece.startswith("<blockquote>")
                and not rendered[j - 1].startswith("<blockquote>")
            ):
                joined += "<br>"
            joined += piece
        out.append(joined)
    return "".join(out)


def text_to_html(obj: object) -> str:
    """A composition text object (plain_text or mrkdwn) to HTML."""
    if isinstance(obj, str):
        return esc(obj)
    if not isinstance(obj, Mapping):
        return ""
    value = str(obj.get("text", ""))
    if obj.get("type") == "mrkdwn":
        # `verbatim` only turns off Slack's auto-linking of bare names and URLs, which this
        # renderer never does; formatting and <url|links> still apply.
        return mrkdwn_to_html(value)
    return _emoji(esc(value)).replace("\n", "<br>") if obj.get("emoji", True) else esc(value)


def plain(obj: object) -> str:
    """The raw text of a text object, for labels and attribute values (escape before use)."""
    if isinstance(obj, Mapping):
        return str(obj.get("text", ""))
    return "" if obj is None else str(obj)


# --------------------------------------------------------------------------------------------
# Markdown (the `markdown` block)


def _render_image_as_link(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    src = safe_url(token.attrGet("src"))
    if src is None:
        return esc(alt)
    return _link(src, esc(alt or src))


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    token.attrSet("target", "_blank")
    token.attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def _markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.enable(["table", "strikethrough"])

    def validate(url: str) -> bool:
        return safe_url(url) is not None or url.startswith("#")

    md.validateLink = validate  # type: ignore[method-assign]
    md.add_render_rule("image", _render_image_as_link)
    md.add_render_rule("link_open", _render_link_open)
    return md


_MD = _markdown_parser()


def markdown_to_html(text: str) -> str:
    """Standard Markdown (Slack's `markdown` block) to HTML, raw HTML disabled."""
    return '<div class="bk-md">' + str(_MD.render(text)) + "</div>"


# --------------------------------------------------------------------------------------------
# Elements


def _data_attrs(element: JSON, block_id: str) -> str:
    attrs = {
        "data-block-id": block_id,
        "data-action-id": str(element.get("action_id", "")),
        "data-type": str(element.get("type", "")),
    }
    confirm = element.get("confirm")
    if isinstance(confirm, Mapping):
        attrs["data-confirm"] = " ".join(
            t for t in (plain(confirm.get("title")), plain(confirm.get("text"))) if t
        )
    return " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items())


def _option_list(element: JSON) -> list[tuple[str | None, list[JSON]]]:
    groups: list[tuple[str | None, list[JSON]]] = []
    options = element.get("options")
    if isinstance(options, list):
        groups.append((None, [o for o in options if isinstance(o, Mapping)]))
    for group in element.get("option_groups") or []:
        if isinstance(group, Mapping):
            opts = [o for o in group.get("options") or [] if isinstance(o, Mapping)]
            groups.append((plain(group.get("label")), opts))
    return groups


def _button(element: JSON, block_id: str) -> str:
    style = element.get("style")
    cls = "bk-button" + (f" bk-{style}" if style in ("primary", "danger") else "")
    value = element.get("value")
    attrs = _data_attrs(element, block_id)
    if value is not None:
        attrs += f' data-value="{esc(value)}"'
    url = safe_url(element.get("url"))
    if url is not None:
        attrs += f' data-url="{esc(url)}"'
    label = text_to_html(element.get("text"))
    return f'<button type="button" class="{cls}" {attrs}>{label}</button>'


def _select(element: JSON, block_id: str) -> str:
    initial = element.get("initial_option")
    initial_value = initial.get("value") if isinstance(initial, Mapping) else None
    placeholder = plain(element.get("placeholder")) or "Select an item"
    opts = [
        f'<option value="" disabled{"" if initial_value else " selected"}>{esc(placeholder)}</option>'
    ]
    for label, group in _option_list(element):
        rendered = []
        for o in group:
            v = str(o.get("value", ""))
            sel = " selected" if initial_value is not None and v == initial_value else ""
            rendered.append(f'<option value="{esc(v)}"{sel}>{esc(plain(o.get("text")))}</option>')
        if label is None:
            opts.extend(rendered)
        else:
            opts.append(f'<optgroup label="{esc(label)}">{"".join(rendered)}</optgroup>')
    attrs = _data_attrs(element, block_id)
    return f'<select class="bk-select" {attrs}>{"".join(opts)}</select>'


def _overflow(element: JSON, block_id: str) -> str:
    opts = ['<option value="" selected disabled>⋯</option>']
    for _, group in _option_list(element):
        for o in group:
            v = str(o.get("value", ""))
            opts.append(f'<option value="{esc(v)}">{esc(plain(o.get("text")))}</option>')
    attrs = _data_attrs(element, block_id)
    return f'<select class="bk-select bk-overflow" {attrs}>{"".join(opts)}</select>'


def _image_element(element: JSON, cls: str) -> str:
    alt = esc(element.get("alt_text", ""))
    src = safe_url(element.get("image_url"))
    if src is None:
        return f'<span class="{cls} bk-img-missing" title="{alt}">🖼</span>'
    return f'<img class="{cls}" src="{esc(src)}" alt="{alt}" loading="lazy">'


def _element(element: object, block_id: str) -> str:
    """An interactive or image element (accessory or actions item)."""
    if not isinstance(element, Mapping):
        return _placeholder("element", type(element).__name__)
    kind = element.get("type")
    if kind == "button":
        return _button(element, block_id)
    if kind == "static_select":
        return _select(element, block_id)
    if kind == "overflow":
        return _overflow(element, block_id)
    if kind == "image":
        return _image_element(element, "bk-accessory-img")
    if kind in ("plain_text", "mrkdwn"):
        return f"<span>{text_to_html(element)}</span>"
    return _placeholder("element", kind, element)


# --------------------------------------------------------------------------------------------
# Rich text


def _rich_inline(elements: Iterable[object]) -> str:
    out: list[str] = []
    for el in elements:
        if not isinstance(el, Mapping):
            continue
        kind = el.get("type")
        style = el.get("style") if isinstance(el.get("style"), Mapping) else {}
        assert isinstance(style, Mapping)
        if kind == "text":
            piece = esc(el.get("text", "")).replace("\n", "<br>")
        elif kind == "link":
            url = safe_url(el.get("url"))
            label = esc(el.get("text") or el.get("url", ""))
            piece = _link(url, label) if url else label
        elif kind == "emoji":
            name = str(el.get("name", ""))
            code = el.get("unicode")
            points = code.split("-") if isinstance(code, str) else []
            if (
                points
                and all(re.fullmatch(r"[0-9a-fA-F]{1,6}", c) for c in points)
                and all(int(c, 16) < 0x110000 for c in points)
            ):
                piece = esc("".join(chr(int(c, 16)) for c in points))
            else:
                piece = EMOJI.get(name, f":{esc(name)}:")
        elif kind == "user":
            uid = str(el.get("user_id", ""))
            piece = f'<span class="bk-mention">@{esc(_NAMES.get().get(uid, uid))}</span>'
        elif kind == "channel":
            cid = str(el.get("channel_id", ""))
            piece = f'<span class="bk-mention">#{esc(_NAMES.get().get(cid, cid))}</span>'
        elif kind == "usergroup":
            piece = f'<span class="bk-mention">@{esc(el.get("usergroup_id", ""))}</span>'
        elif kind == "broadcast":
            rng = str(el.get("range", ""))
            piece = f'<span class="bk-mention bk-broadcast">{esc(_BROADCAST_LABEL.get(rng, "@" + rng))}</span>'
        elif kind == "date":
            piece = (
                f'<span class="bk-date">{esc(el.get("fallback") or el.get("timestamp", ""))}</span>'
            )
        else:
            piece = _placeholder("rich text element", kind, el)
        if style.get("code"):
            piece = f"<code>{piece}</code>"
        if style.get("bold"):
            piece = f"<b>{piece}</b>"
        if style.get("italic"):
            piece = f"<i>{piece}</i>"
        if style.get("strike"):
            piece = f"<s>{piece}</s>"
        out.append(piece)
    return "".join(out)


def _rich_text(block: JSON) -> str:
    out: list[str] = []
    for part in block.get("elements") or []:
        if not isinstance(part, Mapping):
            continue
        kind = part.get("type")
        inner = part.get("elements") or []
        if kind == "rich_text_section":
            out.append(f'<div class="bk-rt-section">{_rich_inline(inner)}</div>')
        elif kind == "rich_text_quote":
            out.append(f"<blockquote>{_rich_inline(inner)}</blockquote>")
        elif kind == "rich_text_preformatted":
            out.append(f"<pre>{_rich_inline(inner)}</pre>")
        elif kind == "rich_text_list":
            tag = "ol" if part.get("style") == "ordered" else "ul"
            raw_indent = part.get("indent")
            indent = raw_indent if isinstance(raw_indent, int) and 0 <= raw_indent <= 8 else 0
            items = "".join(
                f"<li>{_rich_inline(s.get('elements') or [])}</li>"
                for s in inner
                if isinstance(s, Mapping)
            )
            out.append(
                f'<{tag} class="bk-rt-list" style="margin-left:{indent * 1.5}em">{items}</{tag}>'
            )
        else:
            out.append(_placeholder("rich text part", kind, part))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Blocks


def _section(block: JSON, block_id: str) -> str:
    body: list[str] = []
    if block.get("text") is not None:
        body.append(f'<div class="bk-section-text">{text_to_html(block.get("text"))}</div>')
    fields = block.get("fields")
    if isinstance(fields, list) and fields:
        cells = "".join(f'<div class="bk-field">{text_to_html(f)}</div>' for f in fields)
        body.append(f'<div class="bk-fields">{cells}</div>')
    accessory = block.get("accessory")
    acc = (
        f'<div class="bk-accessory">{_element(accessory, block_id)}</div>'
        if accessory is not None
        else ""
    )
    return f'<div class="bk-section-body">{"".join(body)}</div>{acc}'


def _context(block: JSON) -> str:
    items: list[str] = []
    for el in block.get("elements") or []:
        if isinstance(el, Mapping) and el.get("type") == "image":
            items.append(_image_element(el, "bk-context-img"))
        elif isinstance(el, Mapping) and el.get("type") in ("plain_text", "mrkdwn"):
            items.append(f"<span>{text_to_html(el)}</span>")
        else:
            kind = el.get("type") if isinstance(el, Mapping) else type(el).__name__
            items.append(_placeholder("context element", kind, el))
    return "".join(items)


def _image_block(block: JSON) -> str:
    title = block.get("title")
    caption = f'<div class="bk-image-title">{text_to_html(title)}</div>' if title else ""
    return caption + _image_element(block, "bk-image")


def render_block(block: object) -> str:
    """One block to HTML, wrapped in a div that carries its type and block id. A block that
    cannot be rendered (malformed) becomes a visible placeholder; rendering never raises."""
    try:
        return _render_block(block)
    except Exception as exc:  # a malformed payload must show, not break the page
        kind = block.get("type") if isinstance(block, Mapping) else type(block).__name__
        return _placeholder(f"block ({type(exc).__name__})", kind, block, "Malformed")


def _render_block(block: object) -> str:
    if not isinstance(block, Mapping):
        return _placeholder("block", type(block).__name__)
    kind = block.get("type")
    block_id = str(block.get("block_id", ""))
    if kind == "header":
        inner = text_to_html(block.get("text"))
    elif kind == "section":
        inner = _section(block, block_id)
    elif kind == "markdown":
        inner = markdown_to_html(str(block.get("text", "")))
    elif kind == "rich_text":
        inner = _rich_text(block)
    elif kind == "context":
        inner = _context(block)
    elif kind == "divider":
        inner = "<hr>"
    elif kind == "actions":
        inner = "".join(_element(el, block_id) for el in block.get("elements") or [])
    elif kind == "image":
        inner = _image_block(block)
    else:
        return _placeholder("block", kind, block)
    return f'<div class="bk-block bk-{esc(kind)}" data-block-id="{esc(block_id)}">{inner}</div>'


def render_blocks(blocks: Iterable[object]) -> str:
    return "".join(render_block(b) for b in blocks)


def _attachment(att: object) -> str:
    if not isinstance(att, Mapping):
        return _placeholder("attachment", type(att).__name__)
    color = att.get("color")
    style = ""
    if isinstance(color, str):
        named = {"good": "#2eb67d", "warning": "#ecb22e", "danger": "#e01e5a"}
        hexcolor = named.get(color) or (color if re.fullmatch(r"#?[0-9a-fA-F]{6}", color) else "")
        if hexcolor:
            style = f' style="border-left-color:#{hexcolor.lstrip("#")}"'
    parts: list[str] = []
    if att.get("pretext"):
        parts.append(f'<div class="bk-att-pretext">{mrkdwn_to_html(str(att["pretext"]))}</div>')
    if att.get("title"):
        url = safe_url(att.get("title_link"))
        title = esc(att["title"])
        parts.append(f'<div class="bk-att-title">{_link(url, title) if url else title}</div>')
    if att.get("text"):
        parts.append(f"<div>{mrkdwn_to_html(str(att['text']))}</div>")
    blocks = att.get("blocks")
    if isinstance(blocks, list):
        parts.append(render_blocks(blocks))
    for field in att.get("fields") or []:
        if isinstance(field, Mapping):
            parts.append(
                f'<div class="bk-field"><b>{esc(field.get("title", ""))}</b><br>'
                f"{mrkdwn_to_html(str(field.get('value', '')))}</div>"
            )
    if att.get("footer"):
        parts.append(f'<div class="bk-context">{mrkdwn_to_html(str(att["footer"]))}</div>')
    return f'<div class="bk-attachment"{style}>{"".join(parts)}</div>'


def render_message(payload: JSON, names: Mapping[str, str] | None = None) -> str:
    """A whole message payload to HTML. Blocks win over ``text``, as in Slack; ``text`` alone
    is rendered as mrkdwn (or plain when ``mrkdwn`` is false). ``names`` maps user and channel
    ids to the names mentions show."""
    token = _NAMES.set(names or {})
    try:
        return _render_message(payload)
    except Exception as exc:  # a malformed payload must show, not break the page
        return _placeholder(
            f"message ({type(exc).__name__})", "message", dict(payload), "Malformed"
        )
    finally:
        _NAMES.reset(token)


def _render_message(payload: JSON) -> str:
    out: list[str] = []
    blocks = payload.get("blocks")
    if isinstance(blocks, list) and blocks:
        out.append(render_blocks(blocks))
    elif payload.get("text"):
        text = str(payload["text"])
        body = (
            mrkdwn_to_html(text)
            if payload.get("mrkdwn", True)
            else esc(_decode_entities(text)).replace("\n", "<br>")
        )
        out.append(f'<div class="bk-text">{body}</div>')
    elif blocks is not None and not isinstance(blocks, list):
        out.append(_placeholder("blocks value", type(blocks).__name__, blocks))
    for att in payload.get("attachments") or []:
        out.append(_attachment(att))
    if not out:
        out.append('<div class="bk-empty">(empty message: no text and no blocks)</div>')
    return "".join(out)


def render_view(view: JSON, names: Mapping[str, str] | None = None) -> str:
    """An App Home or modal view: its title (modals) and blocks."""
    token = _NAMES.set(names or {})
    try:
        return _render_view(view)
    finally:
        _NAMES.reset(token)


def _render_view(view: JSON) -> str:
    title = view.get("title")
    head = f'<div class="bk-view-title">{text_to_html(title)}</div>' if title else ""
    return head + render_blocks(view.get("blocks") or [])
