"""App Home: the "Channel digests" section (the Slack app appends these blocks to the tab).

    home_blocks(user_id, client=client, settings=settings) -> list of Block Kit dicts

Lists every channel with a digest: schedule, next run, last delivery, and a note for a paused
one (the bot was removed, the channel archived or deleted) with how to fix it. At most
MAX_CHANNELS channels, so the tab stays under Slack's 100 blocks.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient

from bot.config import Settings
from bot.digest.commands import shared_store, status_lines
from bot.digest.store import Store

log = logging.getLogger("bot.digest")

MAX_CHANNELS = 20


def digest_section(
    store: Store, user_id: str, settings: Settings, *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """The section's blocks, from the store (pure apart from reading it)."""
    now = now or datetime.now(UTC)
    subs = [s for s in store.subscriptions(active_only=True)]
    blocks: list[dict[str, Any]] = [
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Channel digests"}},
    ]
    if not subs:
        blocks.append(
            _section(
                "No channel has a digest yet. In a channel, type "
                "`/deepseek digest on` (weekdays at 09:00 in your timezone) or e.g. "
                "`/deepseek digest on weekly mon 08:30 Europe/Paris`."
            )
        )
    for sub in subs[:MAX_CHANNELS]:
        lines = status_lines(sub, store, now)
        blocks.append(_section(f"<#{sub.channel_id}>\n" + "\n".join(lines)))
    if len(subs) > MAX_CHANNELS:
        blocks.append(_context(f"…and {len(subs) - MAX_CHANNELS} more channels."))
    admins = settings.admin_ids
    if admins and user_id not in admins:
        blocks.append(_context("Only digest admins can change digests."))
    else:
        blocks.append(
            _context("Change a channel's digest there: `/deepseek digest on|off|status|preview`.")
        )
    return blocks


def home_blocks(
    user_id: str,
    *,
    client: WebClient | None = None,
    settings: Settings | None = None,
    workspace: str = "",
) -> list[dict[str, Any]]:
    """The seam bot/slack/listeners/events/app_home.py calls. Never raises.
    `workspace`: whose digests to show (bot.digest.workspace; '' in single-workspace mode)."""
    settings = settings or Settings()
    try:
        return digest_section(shared_store(settings).scoped(workspace), user_id, settings)
    except Exception:
        log.exception("App Home: reading the digest store failed")
        return [
            {"type": "divider"},
            _context("Channel digests are unavailable right now (the digest store failed)."),
        ]


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
