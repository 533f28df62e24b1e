"""manifest.distribution.json agrees with the app; tokens_revoked is handled idempotently."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

from oauth_helpers import OAuthApp, oauth_answer

from bot.digest.installs import installation_store
from bot.slack.oauth import BOT_SCOPES, REDIRECT_PATH

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((ROOT / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_distribution_manifest_matches_the_app() -> None:
    dist, single = load("manifest.distribution.json"), load("manifest.json")
    assert sorted(dist["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert sorted(single["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    [redirect] = dist["oauth_config"]["redirect_urls"]
    assert urlsplit(redirect).scheme == "https" and urlsplit(redirect).path == REDIRECT_PATH
    settings = dist["settings"]
    assert settings["socket_mode_enabled"] is False  # Marketplace apps use HTTP
    assert settings["token_rotation_enabled"] is True
    assert settings["org_deploy_enabled"] is True  # Enterprise Grid org-wide installs
    events = settings["event_subscriptions"]
    assert {"app_uninstalled", "tokens_revoked"} <= set(events["bot_events"])
    assert set(single["settings"]["event_subscriptions"]["bot_events"]) <= set(events["bot_events"])
    urls = [events["request_url"], settings["interactivity"]["request_url"]]
    urls += [c["url"] for c in dist["features"]["slash_commands"]]
    assert all(urlsplit(u).path == "/slack/events" for u in urls)
    # Everything users see is the same app.
    assert dist["display_information"] == single["display_information"]
    strip = [{k: v for k, v in c.items() if k != "url"} for c in dist["features"]["slash_commands"]]
    assert strip == single["features"]["slash_commands"]


def test_tokens_revoked_forgets_the_workspace_once(oauth_app: OAuthApp) -> None:
    app = oauth_app
    assert app.install("a", oauth_answer("xoxb-A", "TA", "Alpha")).status == 200
    assert app.install("b", oauth_answer("xoxb-B", "TB", "Beta")).status == 200
    for team in ("TA", "TB"):
        app.command("digest on daily 09:00 UTC", team=team, channel="C1")
    app.stub.wait_for("response", 2, timeout=20)
    store = app.db.store()
    try:
        # A user's token only: nothing of the bot's changes.
        user_only = {"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}}
        assert app.event(user_only, team="TA").status == 200
        bot = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0BOT"]}}
        for _ in range(2):  # Slack may deliver it twice
            assert app.event(bot, team="TA").status == 200
        deadline = time.monotonic() + 10
        while store.get("C1", workspace=":TA") is not None:
            assert time.monotonic() < deadline, "tokens_revoked was not handled"
            time.sleep(0.05)
        installs = installation_store(store, app.settings.slack_client_id or "")
        assert installs.find_bot(enterprise_id=None, team_id="TA") is None
        assert installs.find_bot(enterprise_id=None, team_id="TB") is not None
        assert store.get("C1", workspace=":TB") is not None
        [alpha] = [w for w in store.workspaces() if w.workspace == ":TA"]
        assert alpha.paused_reason == "tokens_revoked" and not alpha.installed
    finally:
        store.close()
