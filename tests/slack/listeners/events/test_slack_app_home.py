"""App Home, called directly against the stub: views.publish with topics and sources."""

from __future__ import annotations

import logging
from typing import Any

from slack_checks import check_payload
from slack_sdk import WebClient
from slack_stub import SlackStub

from bot.library import Library
from bot.slack.listeners.events.app_home import app_home_opened


def test_publishes_topics_and_sources(
    library: Library, client: WebClient, slack_stub: SlackStub
) -> None:
    context: Any = {"library": library, "settings": None}
    app_home_opened(
        {"type": "app_home_opened", "user": "U0ALICE", "tab": "home"},
        client,
        context,
        logging.getLogger(),
    )
    call = slack_stub.calls_for("views.publish")[0]
    assert call.body["user_id"] == "U0ALICE"
    view = call.body["view"]
    assert view["type"] == "home"
    text = str(view["blocks"])
    assert "Training cost and efficiency" in text and "open_topic:distillation" in text
    assert "DeepSeek shakes the market" in text
    check_payload({"text": "home", "blocks": view["blocks"]}, max_blocks=100, max_chars=None)


def test_messages_tab_is_ignored(
    library: Library, client: WebClient, slack_stub: SlackStub
) -> None:
    context: Any = {"library": library, "settings": None}
    app_home_opened({"user": "U0ALICE", "tab": "messages"}, client, context, logging.getLogger())
    assert not slack_stub.calls_for("views.publish")
