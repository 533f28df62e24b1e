"""Questions outside the slash command: `@deepseek <question>` in a channel (answered in a
thread) and a direct message to the bot (answered in the DM). Same answer as
`/deepseek brief <question>`; an empty mention gets the overview."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.listeners.background import later
from bot.slack.listeners.commands.brief import topic_reply
from bot.slack.mrkdwn import unescape_slack

MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def question_text(text: str) -> str:
    """The question in a message: mentions of the bot removed, Slack's escaping undone."""
    return " ".join(unescape_slack(MENTION.sub(" ", text)).split())


def _post(client: WebClient, channel: str, thread_ts: str | None, reply: dict[str, Any]) -> None:
    client.chat_postMessage(
        channel=channel, thread_ts=thread_ts, text=reply["text"], blocks=reply["blocks"]
    )


def app_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """`@deepseek italy ban` → the answer, as a reply in the message's thread."""
    reply = topic_reply(context["library"], question_text(str(event.get("text", ""))))
    thread = str(event.get("thread_ts") or event.get("ts") or "") or None
    later(context, _post, client, str(event.get("channel", "")), thread, reply)


def direct_message(
    event: dict[str, Any], client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    """A DM to the bot → the answer, in the DM. Edits, bot messages and joins are ignored."""
    if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
        return
    reply = topic_reply(context["library"], question_text(str(event.get("text", ""))))
    later(context, _post, client, str(event.get("channel", "")), event.get("thread_ts"), reply)
