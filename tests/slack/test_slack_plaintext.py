"""Payload -> terminal text for `deepseek-bot ask`. Pure."""

from __future__ import annotations

from bot.slack.plaintext import mrkdwn_text, payload_text


def test_mrkdwn_text() -> None:
    assert mrkdwn_text("*Bottom line:* R&amp;D &lt;x&gt;") == "Bottom line: R&D <x>"
    assert (
        mrkdwn_text("<https://a.b|Title> cites <https://a.b|[1]>")
        == "Title (https://a.b) cites [1]"
    )
    assert mrkdwn_text("snake_case_name and 2*3*4") == "snake_case_name and 2*3*4"
    assert mrkdwn_text("_Training cost_") == "Training cost"


def test_payload_text() -> None:
    payload = {
        "text": "t",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Topics"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "• *A*"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "note"}]},
            {
                "type": "actions",
                "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Open"}}],
            },
            {"type": "divider"},
            {"type": "image"},
        ],
    }
    assert payload_text(payload).split("\n\n") == [
        "Topics\n======",
        "• A",
        "  note",
        "[Open]",
        "-" * 40,
        "(image block)",
    ]
    assert payload_text({"text": "only &amp; text"}) == "only & text"
