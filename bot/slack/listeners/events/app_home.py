"""App Home: topics and sources, then the "Channel digests" section (bot.digest.home).

bot.digest is imported when the tab is first published, not at start-up (it pulls in
SQLAlchemy); see bot/slack/listeners/commands/digest.py.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack import blocks
from bot.slack.listeners.background import later


def digest_home_blocks(
    user_id: str, client: WebClient, context: BoltContext
) -> list[dict[str, Any]]:
    from bot.digest.home import home_blocks
    from bot.digest.workspace import workspace_of

    return home_blocks(
        user_id, client=client, settings=context.get("settings"), workspace=workspace_of(context)
    )


def app_home_opened(
    event: dict[str, Any], client: WebClient, context: BoltContext, logger: logging.Logger
) -> None:
    """Bolt acks events itself; publishing (Web API I/O) happens after, in the background."""
    if event.get("tab", "home") != "home":
        return
    user_id = str(event.get("user", ""))
    library = context["library"]

    def publish() -> None:
        try:
            extra = digest_home_blocks(user_id, client, context)
        except Exception:
            logger.exception("digest section of App Home failed")
            extra = []
        client.views_publish(user_id=user_id, view=blocks.home_view(library, extra))

    later(context, publish)
