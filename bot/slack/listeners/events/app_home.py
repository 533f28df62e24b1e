"""App Home: topics and sources, plus "Channel digests" from bot.digest.home when present.

Seam for digests: `bot/digest/home.py` may define
    def home_blocks(user_id: str, *, client: WebClient, settings: Settings | None) -> list[dict]
whose blocks are appended to the tab (keep the total under 100 blocks).
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack import blocks
from bot.slack.listeners.background import later


def digest_home_blocks(
    user_id: str, client: WebClient, context: BoltContext
) -> list[dict[str, Any]]:
    try:
        module = importlib.import_module("bot.digest.home")
    except ModuleNotFoundError as e:
        if e.name and "bot.digest.home".startswith(e.name):
            return []
        raise
    fn = getattr(module, "home_blocks", None)
    if fn is None:
        return []
    result: list[dict[str, Any]] = fn(user_id, client=client, settings=context.get("settings"))
    return result


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
