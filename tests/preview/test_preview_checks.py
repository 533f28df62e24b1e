"""bot.preview.checks: what Slack would refuse."""

from __future__ import annotations

from typing import Any

from bot.preview.checks import block_problems, message_problems


def header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text}}


def test_good_blocks_pass() -> None:
    blocks = [
        header("Brief"),
        {"type": "markdown", "text": "**a**"},
        {"type": "section", "text": {"type": "mrkdwn", "text": "x"}},
        {"type": "divider"},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}]},
    ]
    assert block_problems(blocks) == []
    assert message_problems({"text": "Brief", "blocks": blocks}) == []


def test_limits_and_malformed_blocks() -> None:
    assert "150" in block_problems([header("x" * 151)])[0]
    assert "51 blocks" in block_problems([{"type": "divider"}] * 51)[0]
    assert block_problems([{"type": "divider"}] * 51, surface=True) == []
    assert "unknown type" in block_problems([{"type": "nope"}])[0]
    assert block_problems("x") == ["blocks is not a list"]
    md = [{"type": "markdown", "text": "a" * 7000}, {"type": "markdown", "text": "b" * 6000}]
    assert any("13000 characters in markdown" in p for p in block_problems(md))


def test_missing_fallback_text_is_reported() -> None:
    assert message_problems({"blocks": [header("h")]})[-1].startswith("no `text` fallback")
