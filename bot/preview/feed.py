"""The event stream the page follows: the workspace as JSON, long-polled by version.

`GET /preview/state?since=<version>` waits up to LONG_POLL seconds for the timeline to
change, then answers `snapshot()`: every message rendered to HTML (bot/preview/blockkit_html.py)
with the JSON the app sent, threads, notes, App Home and the open modal.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.preview import blockkit_html
from bot.preview.workspace import CHANNEL_ID, DM_CHANNEL_ID, NAMES, Message, Timeline

LONG_POLL = 20.0


def wait_for_change(timeline: Timeline, since: int) -> None:
    """Return when the timeline's version is no longer `since`, or after LONG_POLL seconds."""
    if since == timeline.version:
        timeline.wait(since, LONG_POLL)


def snapshot(timeline: Timeline, app_name: str, app: dict[str, Any]) -> dict[str, Any]:
    """The page's view of the workspace. `app`: {"ready", "starting", "error"}."""
    tl = timeline
    with tl.lock:
        visible = [m for m in tl.messages.values() if not m.deleted]
        replies: dict[tuple[str, str], list[Message]] = {}
        for m in visible:
            if m.thread_ts:
                replies.setdefault((m.channel, m.thread_ts), []).append(m)

        def view(m: Message) -> dict[str, Any]:
            return {
                "id": m.id,
                "ts": m.ts,
                "time": datetime.fromtimestamp(float(m.ts)).strftime("%H:%M"),
                "author": app_name if m.is_bot else "You",
                "bot": m.is_bot,
                "ephemeral": m.ephemeral,
                "edited": m.edited,
                "source": m.source,
                "thread_ts": m.thread_ts,
                "reply_count": len(replies.get((m.channel, m.ts), [])),
                "html": blockkit_html.render_message(m.payload, NAMES),
                "json": json.dumps(m.payload, indent=2, ensure_ascii=False),
            }

        def channel(cid: str) -> list[dict[str, Any]]:
            return [view(m) for m in visible if m.channel == cid and not m.thread_ts]

        threads = {
            parent_ts: [view(r) for r in rs]
            for (cid, parent_ts), rs in replies.items()
            if cid in (CHANNEL_ID, DM_CHANNEL_ID)
        }
        return {
            "version": tl.version,
            "app": app,
            "channel": channel(CHANNEL_ID),
            "dm": channel(DM_CHANNEL_ID),
            "threads": threads,
            "notes": [{"id": n.id, "ts": n.ts, "text": n.text, "level": n.level} for n in tl.notes],
            "home": blockkit_html.render_view(tl.home, NAMES) if tl.home else None,
            "modal": {
                "title": blockkit_html.plain(tl.modal.get("title")),
                "close": blockkit_html.plain(tl.modal.get("close")) or "Close",
                "html": blockkit_html.render_view({"blocks": tl.modal.get("blocks")}, NAMES),
            }
            if tl.modal
            else None,
        }
