"""manifest.json agrees with the app: help, App Home settings, scopes, README."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.slack.router import default_router

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))


def test_usage_hint_is_the_help() -> None:
    [command] = MANIFEST["features"]["slash_commands"]
    usages = [usage for usage, _summary, _example in default_router().usages()]
    assert command["usage_hint"] == " | ".join(usages)
    assert len(command["usage_hint"]) <= 1000


def test_messages_tab_settings_agree() -> None:
    home = MANIFEST["features"]["app_home"]
    if not home.get("messages_tab_enabled"):
        assert (
            "messages_tab_read_only_enabled" not in home
            or not home["messages_tab_read_only_enabled"]
        ), "read-only set for a messages tab that is off"


def test_scopes_match_events_and_readme() -> None:
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    events = set(MANIFEST["settings"]["event_subscriptions"]["bot_events"])
    needs = {"app_mention": "app_mentions:read", "message.im": "im:history"}
    assert {needs[e] for e in events if e in needs} <= scopes
    # digests are refused in group DMs (bot.digest.commands), so mpim:history is not asked for
    assert "mpim:history" not in scopes
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    connect = readme[readme.index("## Connect to Slack") :]
    assert set(re.findall(r"`([a-z_]+:[a-z_]+|commands)`", connect[:1200])) >= scopes
    assert "not in direct or group messages" in readme
