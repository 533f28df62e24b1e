"""Markdown -> mrkdwn and escaping. Pure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from slack_checks import MENTION

from bot.slack.mrkdwn import ZWJ, escape, inline_mrkdwn, quote_user, to_mrkdwn, truncate


def test_inline_markup() -> None:
    assert inline_mrkdwn("**$6 million** (R1): *really*") == "*$6 million* (R1): _really_"
    assert (
        inline_mrkdwn("see [FT](https://ft.com/a?b=1&c=2)")
        == "see <https://ft.com/a?b=1&amp;c=2|FT>"
    )
    assert inline_mrkdwn("`code` and ~~gone~~") == "`code` and ~gone~"
    assert "<javascript" not in inline_mrkdwn("[bad](javascript:alert(1))")


def test_escapes_exactly_three_characters() -> None:
    assert escape("R&D <costs> \"quoted\" 'x'") == "R&amp;D &lt;costs&gt; \"quoted\" 'x'"
    assert inline_mrkdwn("R&D <b>x</b>") == "R&amp;D &lt;b&gt;x&lt;/b&gt;"


def test_neutralises_mentions() -> None:
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U123ABC>", "<#C123|general>"):
        assert not MENTION.search(escape(raw))
    assert escape("hi @here and @Channel") == f"hi @{ZWJ}here and @{ZWJ}Channel"
    assert not MENTION.search(inline_mrkdwn("[x](https://a.b/<!here>) <!channel>"))


def test_block_markdown() -> None:
    md = "# Title\n\nPara one.\n\n- a\n- **b**\n\n1. x\n2. y\n\n> quote\n\n```\n<code>\n```"
    out = to_mrkdwn(md)
    assert out.startswith("*Title*")
    assert "• a\n• *b*" in out
    assert "1. x\n2. y" in out
    assert "> quote" in out
    assert "```\n&lt;code&gt;\n```" in out


def test_quote_user_and_truncate() -> None:
    assert quote_user("  a\n b  ") == "a b"
    assert quote_user("x" * 200).endswith("…")
    assert len(quote_user("x" * 200)) == 80
    cut = truncate("a &amp; b " * 50, 25)
    assert len(cut) <= 25 and not cut.rstrip("…").endswith("&amp")
    assert truncate("short", 10) == "short"


@given(st.text())
def test_any_text_is_safe(text: str) -> None:
    assert not MENTION.search(escape(text))
    assert not MENTION.search(inline_mrkdwn(text))
    assert not MENTION.search(to_mrkdwn(text))
