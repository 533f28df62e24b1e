"""The preview with the bot's real app (bot.slack.app.build_app) and real digest delivery.

Every reply the app gives to the commands below, and to every button in those replies, is
rendered without a placeholder and without an error note.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from preview_support import briefings_for_tests

from bot.config import Settings
from bot.preview.server import Preview

COMMANDS = [
    "",
    "help",
    "brief",
    "brief cost",
    "brief how did they train it so cheaply",
    "brief distilation",
    "brief zzzz qqqq",
    "topics",
    "sources",
    "sources 1",
    "digest preview",
    "digest status",
    "bogus",
    "<script>alert(1)</script> <!channel>",
]


@pytest.fixture
def preview() -> Iterator[Preview]:
    with Preview(Settings(briefings_dir=briefings_for_tests()), port=0) as p:
        assert p.app is not None, p.app_error
        yield p


def settle(p: Preview, quiet: float = 0.3, timeout: float = 10.0) -> dict[str, Any]:
    """Wait until the timeline has not changed for `quiet` seconds (deferred replies land)."""
    deadline = time.monotonic() + timeout
    version = p.timeline.version
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if p.timeline.version != version:
            version, since = p.timeline.version, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return p.state()


def wait_for_messages(p: Preview, count: int, timeout: float = 20.0) -> dict[str, Any]:
    """Wait until the channel holds `count` messages. Deferred replies (the digest subcommands
    import their store on first use) can take longer than `settle`'s quiet window on a busy machine."""
    deadline = time.monotonic() + timeout
    while len(p.state()["channel"]) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return settle(p)


def replied(p: Preview, text: str) -> dict[str, Any]:
    """Type `/deepseek <text>` and wait for its reply: a digest subcommand's reply is deferred
    (its store is imported on first use), so a quiet window alone can end before it lands."""
    before = len(p.state()["channel"])
    p.run_command(text)
    return wait_for_messages(p, before + 1)


def buttons(message: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for block in json.loads(message["json"]).get("blocks", []):
        elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
        if isinstance(block.get("accessory"), dict):
            elements.append(block["accessory"])
        out += [
            (block["block_id"], e["action_id"], e) for e in elements if e.get("type") == "button"
        ]
    return out


def assert_clean(state: dict[str, Any]) -> None:
    rendered = [m["html"] for m in state["channel"] + state["dm"]]
    rendered += [r["html"] for rs in state["threads"].values() for r in rs]
    if state["home"]:
        rendered.append(state["home"])
    for html in rendered:
        assert "bk-unknown" not in html, html[:500]
        assert "<script" not in html
    assert [n for n in state["notes"] if n["level"] == "error"] == []


def test_brief_cost_is_an_ephemeral_brief_that_answers_fast(preview: Preview) -> None:
    result = preview.run_command("brief cost")
    assert result["status"] == 200 and result["ms"] < 1000
    state = settle(preview)
    [msg] = state["channel"]
    assert msg["ephemeral"] and "Training cost and efficiency" in msg["html"]
    payload = json.loads(msg["json"])
    assert payload["text"]  # the fallback is set
    assert {b["type"] for b in payload["blocks"]} >= {"header", "actions"}


def test_every_command_and_every_button_renders(preview: Preview) -> None:
    for text in COMMANDS:
        assert preview.run_command(text)["status"] == 200, text
    state = wait_for_messages(preview, len(COMMANDS))
    assert len(state["channel"]) >= len(COMMANDS)
    assert_clean(state)
    clicked: set[tuple[str, str]] = set()
    for _ in range(200):  # click every distinct button once, as replies come and change
        todo = [
            (m["id"], block_id, action_id, (action_id, str(e.get("value"))))
            for m in preview.state()["channel"]
            for block_id, action_id, e in buttons(m)
            if (action_id, str(e.get("value"))) not in clicked
        ]
        if not todo:
            break
        message_id, block_id, action_id, key = todo[0]
        clicked.add(key)
        result = preview.click(message_id, block_id, action_id, None)
        assert result["status"] == 200, (action_id, result)
        settle(preview, quiet=0.1)
    state = settle(preview)
    assert len(clicked) >= 5, clicked
    assert_clean(state)


def test_user_text_is_never_rendered_as_markup(preview: Preview) -> None:
    preview.run_command("brief <script>alert(1)</script> <!channel> <@U0PREVIEW>")
    state = settle(preview)
    for msg in state["channel"]:
        assert "<script" not in msg["html"] and "bk-broadcast" not in msg["html"]


def test_share_in_channel_posts_for_everyone(preview: Preview) -> None:
    preview.run_command("brief cost")
    [msg] = settle(preview)["channel"]
    share = [(b, a) for b, a, e in buttons(msg) if a.startswith("share")]
    assert share, buttons(msg)
    assert preview.click(msg["id"], *share[0], None)["status"] == 200
    state = settle(preview)
    public = [m for m in state["channel"] if not m["ephemeral"]]
    assert public and "Training cost and efficiency" in public[0]["html"]


def test_post_digest_now_posts_digest_and_thread(preview: Preview) -> None:
    assert preview.post_digest()["ok"]
    state = settle(preview)
    [digest] = [m for m in state["channel"] if not m["ephemeral"]]
    assert "DeepSeek digest" in digest["html"] and digest["reply_count"] == 1
    assert state["threads"][digest["ts"]]
    # Posting again takes the next slot: a second digest, not a duplicate of the first.
    assert preview.post_digest()["ok"]
    state = settle(preview)
    assert len([m for m in state["channel"] if not m["ephemeral"]]) == 2
    assert_clean(state)
    # Posting now left no schedule behind.
    preview.run_command("digest status")
    status = settle(preview)["channel"][-1]["html"]
    assert "every day" not in status


def test_home_tab(preview: Preview) -> None:
    assert preview.open_home()["status"] == 200
    # the Home tab is published after the event is acked, and its first build imports the
    # digest store: wait for it, as a quiet window alone can end first on a busy machine
    deadline = time.monotonic() + 20.0
    while not preview.state()["home"] and time.monotonic() < deadline:
        time.sleep(0.05)
    state = settle(preview)
    assert state["home"] and "bk-header" in state["home"]
    assert_clean(state)


def test_post_digest_now_uses_the_channels_own_schedule(preview: Preview) -> None:
    replied(preview, "digest on daily 07:30 Europe/London")
    result = preview.post_digest()
    assert result["ok"], result
    assert "07:30 (Europe/London)" in result["message"]
    state = settle(preview)
    digest = [m for m in state["channel"] if "DeepSeek digest ·" in m["html"]]
    assert len(digest) == 1 and "07:30" in digest[0]["html"]  # the footer names the schedule
    status = replied(preview, "digest status")["channel"][-1]["html"]
    assert "07:30" in status and "none yet" not in status  # still subscribed, delivery recorded


def test_post_digest_now_is_dated_today_and_status_tells_next_from_last(
    preview: Preview,
) -> None:
    replied(preview, "digest on daily 07:30 Etc/UTC")
    assert preview.post_digest()["ok"]
    state = settle(preview)
    [digest] = [m for m in state["channel"] if "DeepSeek digest ·" in m["html"]]
    today = datetime.now(UTC).date()
    header = json.loads(digest["json"])["blocks"][0]["text"]["text"]
    assert header == f"DeepSeek digest · {today:%a} {today.day} {today:%b %Y}"  # posted today
    status = json.loads(replied(preview, "digest status")["channel"][-1]["json"])["text"]
    next_at = re.search(r"Next digest: ([^\n]+)", status)
    last_at = re.search(r"Last digest: ([^\n]+)", status)
    assert next_at and last_at, status
    assert next_at.group(1) != last_at.group(1), status
    assert "Etc/UTC" not in status and "(UTC)" in status
