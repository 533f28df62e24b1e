"""bot.preview.blockkit_html: every block and element type, mrkdwn, Markdown, and escaping."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.preview.blockkit_html import (
    markdown_to_html,
    mrkdwn_to_html,
    render_block,
    render_message,
    render_view,
    safe_url,
    text_to_html,
)


def pt(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def md(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


# ---------------------------------------------------------------------------------------------
# mrkdwn


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*bold*", "<b>bold</b>"),
        ("_italic_", "<i>italic</i>"),
        ("~strike~", "<s>strike</s>"),
        ("`code`", "<code>code</code>"),
        ("*two words* and _more words_", "<b>two words</b> and <i>more words</i>"),
        ("*a* *b*", "<b>a</b> <b>b</b>"),
        ("snake_case_name", "snake_case_name"),
        ("2*3*4", "2*3*4"),
        ("* not bold *", "* not bold *"),
        ("*unclosed", "*unclosed"),
        ("line one\nline two", "line one<br>line two"),
        ("AT&amp;T &lt;tag&gt;", "AT&amp;T &lt;tag&gt;"),
        ("`*not bold*`", "<code>*not bold*</code>"),
        ("x :newspaper: y", "x 📰 y"),
        (":not_an_emoji_we_know:", ":not_an_emoji_we_know:"),
    ],
)
def test_mrkdwn_inline(source: str, expected: str) -> None:
    assert mrkdwn_to_html(source) == expected


def test_mrkdwn_links_and_mentions() -> None:
    html = mrkdwn_to_html(
        "<https://example.com/a?x=1&amp;y=2|the *article*> by <@U123> in <#C9|general>"
    )
    assert hrefs(html) == ["https://example.com/a?x=1&amp;y=2"]
    assert ">the *article*</a>" in html
    assert '<span class="bk-mention">@U123</span>' in html
    assert '<span class="bk-mention">#general</span>' in html
    bare = mrkdwn_to_html("<https://example.com>")
    assert ">https://example.com</a>" in bare
    assert hrefs(mrkdwn_to_html("<mailto:a@b.c|mail>")) == []  # only http(s) becomes a link


def test_mrkdwn_names_mentions_when_given() -> None:
    html = render_message({"text": "<@U1> in <#C1>"}, {"U1": "ana", "C1": "news"})
    assert "@ana" in html and "#news" in html


def test_mrkdwn_broadcasts_and_dates() -> None:
    html = mrkdwn_to_html("<!here> <!channel> <!everyone> <!date^1392734382^{date}|Feb 18, 2014>")
    assert html.count("bk-broadcast") == 3
    assert "@here" in html and "@channel" in html and "@everyone" in html
    assert "Feb 18, 2014" in html


def test_mrkdwn_bold_around_link() -> None:
    html = mrkdwn_to_html("*<https://x.com|link>*")
    assert html.startswith("<b><a ") and html.endswith("</a></b>")


def test_mrkdwn_quotes_and_code_blocks() -> None:
    assert (
        mrkdwn_to_html("&gt; quoted\n&gt; two\nafter")
        == "<blockquote>quoted<br>two</blockquote>after"
    )
    assert mrkdwn_to_html("> raw quote") == "<blockquote>raw quote</blockquote>"
    html = mrkdwn_to_html("```\n<b>x</b> *y*\n```")
    assert html == "<pre>&lt;b&gt;x&lt;/b&gt; *y*</pre>"


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        '<img src=x onerror="alert(1)">',
        "<javascript:alert(1)|click me>",
        "<JavaScript:alert(1)>",
        "<java\tscript:alert(1)|x>",
        "<data:text/html;base64,PHNjcmlwdD4=|x>",
        "<vbscript:msgbox(1)|x>",
        '<https://ok.com|"><script>alert(1)</script>>',
        '<https://ok.com/"onmouseover="alert(1)|x>',
        "*<b onclick=alert(1)>*",
        "`<script>`",
        "```<iframe src=javascript:alert(1)>```",
        "<@U1|<script>> <#C1|<img src=x onerror=alert(1)>>",
        "\x00<script>\x00",
    ],
)
def test_mrkdwn_never_injects_markup(attack: str) -> None:
    html = mrkdwn_to_html(attack)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<iframe" not in html.lower()
    assert not re.search(r"<[a-z]+[^>]*\son\w+=", html, re.I)
    assert all(h.startswith(("https://", "http://")) for h in hrefs(html))


def test_javascript_url_is_not_a_link() -> None:
    html = mrkdwn_to_html("<javascript:alert(1)|click me>")
    assert "<a" not in html
    assert "click me" in html  # still visible, as text


def test_safe_url() -> None:
    assert safe_url("https://a.b/c") == "https://a.b/c"
    assert safe_url(" HTTP://A.B ") == "HTTP://A.B"
    assert safe_url("mailto:x@y.z") is None
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.com",
        "/relative",
        "ftp://x",
        "java\nscript:x",
        None,
        3,
    ):
        assert safe_url(bad) is None


ALLOWED_TAGS = {
    "a", "b", "i", "s", "code", "pre", "br", "blockquote", "span", "div", "strong",
}  # fmt: skip


@given(st.text(max_size=300))
def test_mrkdwn_fuzz_only_our_tags(text: str) -> None:
    html = mrkdwn_to_html(text)
    for tag in re.findall(r"<\s*/?\s*([a-zA-Z][\w-]*)", html):
        assert tag in ALLOWED_TAGS, (text, html)
    assert all(h.startswith(("https://", "http://")) for h in hrefs(html))


# ---------------------------------------------------------------------------------------------
# Markdown (the markdown block)


def test_markdown_renders_standard_markdown() -> None:
    html = markdown_to_html(
        "# Title\n\n**Bottom line:** cost $5.6M. [2]\n\n- one\n- two\n\n1. first\n\n"
        "> quoted\n\n`code` ~~gone~~ [link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    for fragment in (
        "<h1>Title</h1>",
        "<strong>Bottom line:</strong>",
        "<li>one</li>",
        "<ol>",
        "<blockquote>",
        "<code>code</code>",
        "<s>gone</s>",
        '<a href="https://example.com" target="_blank" rel="noopener noreferrer">link</a>',
        "<table>",
    ):
        assert fragment in html
    assert "[2]" in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "![i](javascript:alert(1))",
        '![i](https://x.com/a.png "t\\" onerror=\\"alert(1)")',
        "<img src=x onerror=alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.com></iframe>",
    ],
)
def test_markdown_never_injects_markup(attack: str) -> None:
    html = markdown_to_html(attack)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "<iframe" not in html.lower()
    assert not re.search(r"<[a-z]+[^>]*\son\w+=", html, re.I)
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs(html))


def test_markdown_image_becomes_link_not_fetch() -> None:
    html = markdown_to_html("![chart](https://example.com/c.png)")
    assert "<img" not in html
    assert hrefs(html) == ["https://example.com/c.png"] and ">chart</a>" in html


# ---------------------------------------------------------------------------------------------
# Blocks


def test_header() -> None:
    html = render_block({"type": "header", "block_id": "h", "text": pt("Cost & <efficiency>")})
    assert (
        html
        == '<div class="bk-block bk-header" data-block-id="h">Cost &amp; &lt;efficiency&gt;</div>'
    )


def test_section_text_fields_and_button_accessory() -> None:
    html = render_block(
        {
            "type": "section",
            "block_id": "s1",
            "text": md("*Bottom line* here"),
            "fields": [md("*Publisher*\nReuters"), pt("2025-01-28")],
            "accessory": {
                "type": "button",
                "action_id": "open_topic",
                "text": pt("Open"),
                "value": "cost",
            },
        }
    )
    assert "<b>Bottom line</b> here" in html
    assert html.count('class="bk-field"') == 2 and "Reuters" in html
    assert 'class="bk-accessory"' in html
    assert 'data-action-id="open_topic"' in html and 'data-block-id="s1"' in html
    assert 'data-value="cost"' in html


def test_section_with_select_and_overflow_and_image_accessories() -> None:
    select = render_block(
        {
            "type": "section",
            "block_id": "b",
            "text": md("Pick"),
            "accessory": {
                "type": "static_select",
                "action_id": "pick",
                "placeholder": pt("Choose a topic"),
                "options": [{"text": pt("Cost"), "value": "cost"}],
                "option_groups": [
                    {"label": pt("More"), "options": [{"text": pt("Chips"), "value": "chips"}]}
                ],
                "initial_option": {"text": pt("Cost"), "value": "cost"},
            },
        }
    )
    assert '<select class="bk-select"' in select and "Choose a topic" in select
    assert '<option value="cost" selected>Cost</option>' in select
    assert '<optgroup label="More"><option value="chips">Chips</option></optgroup>' in select
    overflow = render_block(
        {
            "type": "section",
            "text": md("x"),
            "accessory": {
                "type": "overflow",
                "action_id": "more",
                "options": [{"text": pt("Delete"), "value": "del"}],
            },
        }
    )
    assert "bk-overflow" in overflow and '<option value="del">Delete</option>' in overflow
    image = render_block(
        {
            "type": "section",
            "text": md("x"),
            "accessory": {"type": "image", "image_url": "https://x.com/a.png", "alt_text": "a <b>"},
        }
    )
    assert '<img class="bk-accessory-img" src="https://x.com/a.png" alt="a &lt;b&gt;"' in image


def test_markdown_block() -> None:
    html = render_block({"type": "markdown", "text": "**Key** point\n\n- a"})
    assert "bk-markdown" in html and "<strong>Key</strong>" in html and "<li>a</li>" in html


def test_context_divider_image() -> None:
    ctx = render_block(
        {
            "type": "context",
            "elements": [
                md("[1] <https://a.com|Reuters> · 2025"),
                pt("plain <x>"),
                {"type": "image", "image_url": "https://a.com/i.png", "alt_text": "logo"},
            ],
        }
    )
    assert "bk-context" in ctx and hrefs(ctx) == ["https://a.com"] and "plain &lt;x&gt;" in ctx
    assert 'class="bk-context-img"' in ctx
    assert "<hr>" in render_block({"type": "divider"})
    img = render_block(
        {
            "type": "image",
            "image_url": "https://a.com/i.png",
            "alt_text": "chart",
            "title": pt("Chart"),
        }
    )
    assert "Chart" in img and 'src="https://a.com/i.png"' in img
    bad = render_block({"type": "image", "image_url": "javascript:alert(1)", "alt_text": "x"})
    assert "javascript" not in bad and "bk-img-missing" in bad


def test_actions_buttons_styles_and_confirm() -> None:
    html = render_block(
        {
            "type": "actions",
            "block_id": "acts",
            "elements": [
                {
                    "type": "button",
                    "action_id": "share",
                    "text": pt("Share in channel"),
                    "style": "primary",
                    "value": "v1",
                },
                {
                    "type": "button",
                    "action_id": "off",
                    "text": pt("Turn off"),
                    "style": "danger",
                    "confirm": {
                        "title": pt("Sure?"),
                        "text": md("This stops digests."),
                        "confirm": pt("Yes"),
                        "deny": pt("No"),
                    },
                },
                {
                    "type": "button",
                    "action_id": "web",
                    "text": pt("Read"),
                    "url": "https://example.com/a",
                },
                {
                    "type": "button",
                    "action_id": "evil",
                    "text": pt("Evil"),
                    "url": "javascript:alert(1)",
                },
                {
                    "type": "static_select",
                    "action_id": "pick",
                    "options": [{"text": pt("A"), "value": "a"}],
                },
            ],
        }
    )
    assert 'class="bk-button bk-primary"' in html and 'class="bk-button bk-danger"' in html
    assert 'data-confirm="Sure? This stops digests."' in html
    assert 'data-url="https://example.com/a"' in html
    assert "javascript" not in html
    assert html.count("<button") == 4 and "<select" in html
    assert 'data-block-id="acts"' in html


def test_rich_text() -> None:
    html = render_block(
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [
                        {"type": "text", "text": "bold <x>", "style": {"bold": True}},
                        {"type": "text", "text": " it", "style": {"italic": True, "strike": True}},
                        {"type": "text", "text": "c", "style": {"code": True}},
                        {"type": "link", "url": "https://a.com", "text": "site"},
                        {"type": "link", "url": "javascript:alert(1)", "text": "bad"},
                        {"type": "emoji", "name": "wave", "unicode": "1f44b"},
                        {"type": "user", "user_id": "U1"},
                        {"type": "channel", "channel_id": "C1"},
                        {"type": "broadcast", "range": "here"},
                    ],
                },
                {
                    "type": "rich_text_list",
                    "style": "ordered",
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": "one"}]}
                    ],
                },
                {
                    "type": "rich_text_list",
                    "style": "bullet",
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": "dot"}]}
                    ],
                },
                {"type": "rich_text_quote", "elements": [{"type": "text", "text": "q"}]},
                {
                    "type": "rich_text_preformatted",
                    "elements": [{"type": "text", "text": "pre <b>"}],
                },
            ],
        }
    )
    assert "<b>bold &lt;x&gt;</b>" in html and "<s><i> it</i></s>" in html
    assert "<code>c</code>" in html and hrefs(html) == ["https://a.com"] and "bad" in html
    assert "👋" in html and "@U1" in html and "#C1" in html and "@here" in html
    assert "<ol" in html and "<li>one</li>" in html and "<ul" in html and "<li>dot</li>" in html
    assert "<blockquote>q</blockquote>" in html and "<pre>pre &lt;b&gt;</pre>" in html


@pytest.mark.parametrize(
    "block",
    [
        {"type": "video", "title": pt("v"), "video_url": "https://x"},
        {"type": "input", "label": pt("Name"), "element": {"type": "plain_text_input"}},
        {"type": "file", "external_id": "f"},
        {"type": "brand_new_block"},
        {"no_type": True},
        "not a dict",
    ],
)
def test_unknown_blocks_are_visible_placeholders(block: Any) -> None:
    html = render_block(block)
    assert 'class="bk-unknown"' in html and "Unsupported" in html


def test_unknown_elements_and_parts_are_visible_placeholders() -> None:
    html = render_block({"type": "actions", "elements": [{"type": "datepicker", "action_id": "d"}]})
    assert 'data-unknown-type="datepicker"' in html
    html = render_block({"type": "section", "text": md("x"), "accessory": {"type": "users_select"}})
    assert 'data-unknown-type="users_select"' in html
    html = render_block({"type": "context", "elements": [{"type": "weird"}]})
    assert 'data-unknown-type="weird"' in html
    html = render_block({"type": "rich_text", "elements": [{"type": "rich_text_table"}]})
    assert 'data-unknown-type="rich_text_table"' in html
    html = render_block(
        {
            "type": "rich_text",
            "elements": [{"type": "rich_text_section", "elements": [{"type": "sparkle"}]}],
        }
    )
    assert 'data-unknown-type="sparkle"' in html


def test_placeholder_escapes_type_and_payload() -> None:
    html = render_block({"type": "<script>alert(1)</script>", "x": "<img src=x onerror=alert(1)>"})
    assert "<script" not in html and "<img" not in html


# ---------------------------------------------------------------------------------------------
# Messages and views


def test_blocks_win_over_text() -> None:
    html = render_message({"text": "fallback only", "blocks": [{"type": "divider"}]})
    assert "fallback only" not in html and "<hr>" in html


def test_text_only_message_is_mrkdwn_unless_disabled() -> None:
    assert "<b>hi</b>" in render_message({"text": "*hi*"})
    assert "*hi*" in render_message({"text": "*hi*", "mrkdwn": False})


def test_empty_message_is_visible() -> None:
    assert "empty message" in render_message({})


def test_attachments() -> None:
    html = render_message(
        {
            "text": "main",
            "attachments": [
                {
                    "color": "good",
                    "title": "T",
                    "title_link": "https://a.com",
                    "text": "*x*",
                    "fields": [{"title": "F", "value": "v"}],
                    "footer": "foot",
                },
                {"color": '#ff0000" onmouseover="x', "blocks": [{"type": "divider"}]},
            ],
        }
    )
    assert "border-left-color:#2eb67d" in html and "<b>x</b>" in html and "foot" in html
    assert "onmouseover" not in html and "<hr>" in html


def test_plain_text_is_escaped_and_not_formatted() -> None:
    assert text_to_html(pt("*a* <b>")) == "*a* &lt;b&gt;"
    assert text_to_html(md("*a*")) == "<b>a</b>"
    verbatim = {"type": "mrkdwn", "text": "*a* <https://x.com|x>", "verbatim": True}
    assert text_to_html(verbatim) == mrkdwn_to_html("*a* <https://x.com|x>")


def test_view() -> None:
    html = render_view(
        {"type": "modal", "title": pt("Sources"), "blocks": [{"type": "header", "text": pt("H")}]}
    )
    assert "Sources" in html and "bk-header" in html


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
TYPES = ["header", "section", "markdown", "rich_text", "context", "divider", "actions", "image",
         "button", "static_select", "overflow", "plain_text", "mrkdwn", "rich_text_section",
         "rich_text_list", "text", "link", "emoji", "user", "bogus"]  # fmt: skip
KEYS = ["type", "text", "elements", "fields", "accessory", "options", "option_groups", "url",
        "image_url", "style", "value", "action_id", "block_id", "indent", "initial_option",
        "placeholder", "confirm", "title", "unicode", "name"]  # fmt: skip
block_like = st.recursive(
    st.fixed_dictionaries({"type": st.sampled_from(TYPES)}),
    lambda children: st.dictionaries(
        st.sampled_from(KEYS),
        st.sampled_from(TYPES) | json_values | children | st.lists(children, max_size=3),
        max_size=6,
    ),
    max_leaves=25,
)


@example([{"type": "rich_text", "elements": [{"type": "rich_text_list", "indent": "x"}]}], None)
@example(
    [
        {
            "type": "rich_text",
            "elements": [
                {"type": "rich_text_section", "elements": [{"type": "emoji", "unicode": "110000"}]}
            ],
        }
    ],
    {"fields": "x"},
)
@given(st.lists(block_like | json_values, max_size=5), json_values)
def test_any_payload_renders_without_raising(blocks: list[Any], extra: Any) -> None:
    html = render_message({"blocks": blocks, "text": "fallback", "attachments": [extra]})
    assert isinstance(html, str) and html
    for tag in re.findall(r"<\s*/?\s*([a-zA-Z][\w-]*)", html):
        assert tag not in ("script", "iframe", "object", "embed", "style", "form", "input")
