"""@deepseek <question> in a channel (a threaded reply) and a DM to the bot: the same answer as
`/deepseek brief <question>`, posted through the local Web API stand-in."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from slack_checks import check_payload
from slack_sdk import WebClient
from slack_stub import SlackStub

from bot.library import Library
from bot.slack.listeners.commands.brief import topic_reply
from bot.slack.listeners.events.questions import app_mention, direct_message, question_text

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture(scope="module")
def real_library() -> Library:
    return Library.load(ROOT / "briefings")


def test_mention_is_answered_in_its_thread(
    real_library: Library, client: WebClient, slack_stub: SlackStub
) -> None:
    context: Any = {"library": real_library}
    event = {
        "type": "app_mention",
        "text": "<@U0BOT> what did andreessen say",
        "channel": "C1",
        "ts": "17.1",
    }
    app_mention(event, client, context)
    [call] = slack_stub.calls_for("chat.postMessage")
    assert call.body["channel"] == "C1" and call.body["thread_ts"] == "17.1"
    expected = topic_reply(real_library, "what did andreessen say")
    assert call.body["text"] == expected["text"] and "Sputnik" in str(call.body["blocks"])
    check_payload({"text": call.body["text"], "blocks": call.body["blocks"]})


def test_mention_inside_a_thread_stays_in_that_thread(
    real_library: Library, client: WebClient, slack_stub: SlackStub
) -> None:
    event = {"text": "<@U0BOT> chips", "channel": "C1", "ts": "18.5", "thread_ts": "17.1"}
    app_mention(event, client, {"library": real_library})
    [call] = slack_stub.calls_for("chat.postMessage")
    assert call.body["thread_ts"] == "17.1"


def test_direct_message_is_answered_and_bot_messages_are_not(
    real_library: Library, client: WebClient, slack_stub: SlackStub
) -> None:
    context: Any = {"library": real_library}
    log = logging.getLogger()
    direct_message(
        {"channel_type": "im", "text": "distilation", "channel": "D1", "ts": "1.0"},
        client,
        context,
        log,
    )
    direct_message(
        {"channel_type": "im", "text": "x", "channel": "D1", "bot_id": "B1"}, client, context, log
    )
    direct_message(
        {"channel_type": "im", "text": "x", "channel": "D1", "subtype": "message_changed"},
        client,
        context,
        log,
    )
    direct_message(
        {"channel_type": "channel", "text": "chips", "channel": "C1"}, client, context, log
    )
    [call] = slack_stub.calls_for("chat.postMessage")
    assert call.body["channel"] == "D1" and "Distillation" in str(call.body["blocks"])


def test_question_text_drops_mentions_and_slack_escaping() -> None:
    assert (
        question_text("<@U0BOT|deepseek>  is R1 &lt;better&gt; than o1?")
        == "is R1 <better> than o1?"
    )
