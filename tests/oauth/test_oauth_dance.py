"""The whole distribution dance against the local Web API stand-in, on SQLite and PostgreSQL:
install two workspaces (one in an Enterprise Grid org) and an org-wide install, signed
commands from each, digests to each with its own token, an uninstall, a token revoked
mid-run, token rotation, and the install flow's failure cases."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from click.testing import CliRunner
from digest_helpers import FIXTURE_BRIEFINGS
from oauth_helpers import OAuthApp, oauth_answer
from sqlalchemy import update

from bot.digest.content import load_content
from bot.digest.deliver import Pacer, RunReport, run_due
from bot.digest.installs import InstalledTokens
from bot.digest.schedule import Schedule, next_slot
from bot.digest.store import Store

A, B, C = ":TA", "EB:TB", "EC:"  # a workspace, a workspace in an org, an org-wide install
DAILY = Schedule("daily", 9, 0, "UTC")


def store_for(app: OAuthApp) -> Store:
    return app.db.store()


def tokens(app: OAuthApp, store: Store) -> InstalledTokens:
    return InstalledTokens.from_settings(app.settings, store)


def run(app: OAuthApp, store: Store, now: datetime) -> RunReport:
    return run_due(
        now,
        store=store,
        tokens=tokens(app, store),
        content=load_content(FIXTURE_BRIEFINGS),
        grace=timedelta(hours=6),
        workers=4,
        pacer=Pacer(0.01),
        history_interval=timedelta(0),
    )


def posts_by_token(app: OAuthApp) -> list[tuple[str, str]]:
    """(token, channel) of every accepted digest post (tagged with metadata, not a reply)."""
    out = []
    for call in app.stub.calls_for("chat.postMessage"):
        body: dict[str, Any] = call.body
        if call.ok and body.get("metadata") and "thread_ts" not in body:
            token = call.headers.get("authorization", "").removeprefix("Bearer ")
            out.append((token, body["channel"]))
    return out


def wait_for_responses(app: OAuthApp, n: int) -> list[dict[str, Any]]:
    return [c.body for c in app.stub.wait_for("response", n, timeout=20)]


def install_three(app: OAuthApp) -> None:
    for code, answer, name in [
        ("code-a", oauth_answer("xoxb-A", "TA", "Alpha"), "Alpha"),
        ("code-b", oauth_answer("xoxb-B", "TB", "Beta", enterprise="EB"), "Beta"),
        ("code-c", oauth_answer("xoxb-C", None, "Gamma", enterprise="EC", org=True), "Gamma Corp"),
    ]:
        page = app.install(code, answer)
        assert page.status == 200, page.body
        assert f"<b>{name}</b>" in page.body and "/deepseek brief" in page.body


def test_two_workspaces_end_to_end(oauth_app: OAuthApp) -> None:
    app = oauth_app
    install_three(app)
    # Signed commands from each workspace, all in a channel called C1 (ids can repeat).
    assert app.command("digest on daily 09:00 UTC", team="TA", channel="C1").status == 200
    assert (
        app.command("digest on daily 09:00 UTC", team="TB", enterprise="EB", channel="C1").status
        == 200
    )
    assert (
        app.command(
            "digest on daily 09:00 UTC", team="TC9", enterprise="EC", org=True, channel="C7"
        ).status
        == 200
    )
    replies = wait_for_responses(app, 3)
    assert all("Done." in r["text"] for r in replies), replies
    confirmations = {
        c.headers["authorization"]
        for c in app.stub.calls_for("chat.postMessage")
        if "turned on" in c.body.get("text", "")
    }
    assert confirmations == {"Bearer xoxb-A", "Bearer xoxb-B", "Bearer xoxb-C"}
    store = store_for(app)
    try:
        subs = store.subscriptions(every_workspace=True)
        assert sorted((s.workspace, s.channel_id) for s in subs) == [
            (A, "C1"),
            (B, "C1"),
            (C, "C7"),
        ]
        # Status in one workspace does not see the other's digest.
        app.command("digest off", team="TA", channel="C1")
        wait_for_responses(app, 4)
        assert store.get("C1", workspace=B) is not None and store.get("C1", workspace=B).active  # type: ignore[union-attr]
        app.command("digest on daily 09:00 UTC", team="TA", channel="C1")
        wait_for_responses(app, 5)

        slot = next_slot(DAILY, datetime.now(UTC))
        report = run(app, store, slot + timedelta(minutes=1))
        assert len(report.posted) == 3 and report.ok, report
        assert sorted(posts_by_token(app)) == [("xoxb-A", "C1"), ("xoxb-B", "C1"), ("xoxb-C", "C7")]

        # Workspace B uninstalls: its installation and subscriptions go; A and C are untouched.
        uninstalled = {"type": "app_uninstalled", "event_ts": "1.0"}
        assert app.event(uninstalled, team="TB", enterprise="EB").status == 200
        assert app.event(uninstalled, team="TB", enterprise="EB").status == 200  # idempotent
        deadline = time.monotonic() + 10
        while store.subscriptions(every_workspace=True, active_only=False) and any(
            s.workspace == B for s in store.subscriptions(every_workspace=True, active_only=False)
        ):
            assert time.monotonic() < deadline, "the uninstall was not handled"
            time.sleep(0.05)
        installs = tokens(app, store).installs
        assert installs.find_bot(enterprise_id="EB", team_id="TB") is None
        assert installs.find_bot(enterprise_id=None, team_id="TA") is not None
        # A token is revoked mid-run: C pauses, A goes on.
        app.stub.revoked.add("xoxb-C")
        before = len(posts_by_token(app))
        report = run(app, store, slot + timedelta(days=1, minutes=1))
        assert report.paused_workspaces == {C: "token_revoked"}
        assert posts_by_token(app)[before:] == [("xoxb-A", "C1")]
        listing = _digest_list(app)
        assert "Alpha (:TA)\tC1\tevery day at 09:00 (UTC)\tnext" in listing
        assert (
            "Gamma Corp (EC:)\tC7\tevery day at 09:00 (UTC)\tpaused (workspace: token_revoked)"
            in listing
        )
        assert "Beta (EB:TB)\tno digests\tpaused (workspace: uninstalled)" in listing
        # Reinstalling C resumes it, with its new token.
        app.stub.revoked.clear()
        assert (
            app.install(
                "code-c2", oauth_answer("xoxb-C2", None, "Gamma", enterprise="EC", org=True)
            ).status
            == 200
        )
        report = run(app, store, slot + timedelta(days=2, minutes=1))
        assert sorted(posts_by_token(app)[-2:]) == [("xoxb-A", "C1"), ("xoxb-C2", "C7")]
        assert report.ok
    finally:
        store.close()


def _digest_list(app: OAuthApp) -> str:
    from bot.digest.cli import digest

    env = {
        "DIGEST_TABLE_PREFIX": app.db.prefix,
        "DATABASE_URL": app.db.env_url or "",
        "DIGEST_DB_PATH": str(app.db.sqlite_path or ""),
    }
    result = CliRunner().invoke(digest, ["list"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_reinstall_updates_not_duplicates(oauth_app: OAuthApp) -> None:
    app = oauth_app
    assert app.install("c1", oauth_answer("xoxb-A", "TA", "Alpha")).status == 200
    time.sleep(1.1)  # a later install time
    assert app.install("c2", oauth_answer("xoxb-A-new", "TA", "Alpha")).status == 200
    store = store_for(app)
    try:
        installs = tokens(app, store).installs
        bot = installs.find_bot(enterprise_id=None, team_id="TA")
        assert bot is not None and bot.bot_token == "xoxb-A-new"
        with store.engine.connect() as conn:
            for table in (installs.installations, installs.bots):
                assert len(conn.execute(table.select()).all()) == 1
    finally:
        store.close()


def test_install_failures_are_pages_not_5xx(oauth_app: OAuthApp) -> None:
    app = oauth_app
    app.stub.oauth_codes["good"] = oauth_answer("xoxb-A", "TA", "Alpha")
    state, cookie = app.start_install()
    cases = {
        "no cookie (another browser)": app.get(f"/slack/oauth_redirect?code=good&state={state}"),
        "forged state": app.get(
            "/slack/oauth_redirect?code=good&state=forged", "slack-app-oauth-state=forged"
        ),
        "cancelled": app.get(f"/slack/oauth_redirect?error=access_denied&state={state}", cookie),
        "no code": app.get(f"/slack/oauth_redirect?state={state}", cookie),
    }
    state2, cookie2 = app.start_install()
    cases["bad code"] = app.get(f"/slack/oauth_redirect?code=nope&state={state2}", cookie2)
    state3, cookie3 = app.start_install()
    ok = app.get(f"/slack/oauth_redirect?code=good&state={state3}", cookie3)
    assert ok.status == 200 and "Installed" in ok.body
    app.stub.oauth_codes["good"] = oauth_answer("xoxb-A", "TA", "Alpha")
    cases["replayed state"] = app.get(f"/slack/oauth_redirect?code=good&state={state3}", cookie3)
    state4, cookie4 = app.start_install()
    store = store_for(app)
    try:
        table = tokens(app, store).installs  # noqa: F841 - tables exist
        from sqlalchemy import MetaData, Table

        states = Table(store.oauth_tables[2], MetaData(), autoload_with=store.engine)
        with store.engine.begin() as conn:
            conn.execute(update(states).values(expire_at=datetime.now() - timedelta(minutes=1)))
    finally:
        store.close()
    cases["expired state"] = app.get(f"/slack/oauth_redirect?code=good&state={state4}", cookie4)
    for name, resp in cases.items():
        assert 400 <= resp.status < 500 or (name == "cancelled" and resp.status == 200), (
            name,
            resp.status,
        )
        assert "Not installed" in resp.body and 'href="/slack/install"' in resp.body, name
        assert "Traceback" not in resp.body
    assert "already used, expired" in cases["replayed state"].body
    assert "cancelled" in cases["cancelled"].body


def test_token_rotation_refreshes_before_use(oauth_app: OAuthApp) -> None:
    app = oauth_app
    answer = oauth_answer("xoxe.xoxb-first", "TR", "Rot", refresh=True)  # expires in 60 s
    assert app.install("rot", answer).status == 200
    # The app refreshes before handling a command (Bolt), and the token it saves is used...
    assert app.command("digest on daily 09:00 UTC", team="TR", channel="C5").status == 200
    wait_for_responses(app, 1)
    assert app.stub.refreshed == ["xoxe-1-refresh-TR"]
    confirm = [
        c for c in app.stub.calls_for("chat.postMessage") if "turned on" in c.body.get("text", "")
    ]
    assert confirm[0].headers["authorization"] == "Bearer xoxe.xoxb-rotated-1"
    store = store_for(app)
    try:
        # ...and digest delivery refreshes an expiring token too (make it expire soon again).
        installs = tokens(app, store).installs
        with store.engine.begin() as conn:
            conn.execute(
                update(installs.bots).values(
                    bot_token_expires_at=datetime.now() + timedelta(minutes=1)
                )
            )
        slot = next_slot(DAILY, datetime.now(UTC))
        report = run(app, store, slot + timedelta(minutes=1))
        assert report.posted and report.ok, report
        assert posts_by_token(app) == [("xoxe.xoxb-rotated-2", "C5")]
        bot = installs.find_bot(enterprise_id=None, team_id="TR")
        assert bot is not None and bot.bot_token == "xoxe.xoxb-rotated-2"
    finally:
        store.close()


def test_token_revoked_mid_run_pauses_only_that_workspace_and_loses_nothing(
    oauth_app: OAuthApp,
) -> None:
    app = oauth_app
    assert app.install("a", oauth_answer("xoxb-A", "TA", "Alpha")).status == 200
    assert app.install("c", oauth_answer("xoxb-C", "TC", "Gamma")).status == 200
    store = store_for(app)
    try:
        for ws, channels in ((A, ["C1", "C2", "C3"]), (":TC", ["C1", "C2", "C3"])):
            for c in channels:
                store.scoped(ws).subscribe(c, DAILY, by="U1", now=datetime.now(UTC))
        slot = next_slot(DAILY, datetime.now(UTC))
        app.stub.revoke_after["xoxb-C"] = 1  # Gamma's first digest goes out, then no more
        report = run(app, store, slot + timedelta(minutes=1))
        assert report.paused_workspaces == {":TC": "token_revoked"}
        sent = posts_by_token(app)
        assert sorted(c for t, c in sent if t == "xoxb-A") == ["C1", "C2", "C3"]
        assert len([c for t, c in sent if t == "xoxb-C"]) == 1
        # Gamma installs again: what was cut short is finished, nothing is posted twice.
        app.stub.revoked.clear()
        new = oauth_answer("xoxb-C2", "TC", "Gamma")
        assert app.install("c2", new).status == 200
        report = run(app, store, slot + timedelta(minutes=2))
        assert report.ok, report
        gamma = [c for t, c in posts_by_token(app) if t in ("xoxb-C", "xoxb-C2")]
        assert sorted(gamma) == ["C1", "C2", "C3"]
        rows = [d for d in store.all_deliveries() if d.workspace == ":TC"]
        assert [d.status for d in rows] == ["posted"] * 3
        assert all(d.detail_ts for d in rows)  # each thread reply too, once
        replies = [
            c
            for c in app.stub.calls_for("chat.postMessage")
            if c.ok and c.body.get("thread_ts") and "TC" not in c.headers.get("authorization", "")
        ]
        assert len(replies) == 6  # 3 in Alpha + 3 in Gamma
    finally:
        store.close()


def test_app_home_shows_only_its_workspace(oauth_app: OAuthApp) -> None:
    app = oauth_app
    assert app.install("a", oauth_answer("xoxb-A", "TA", "Alpha")).status == 200
    assert app.install("b", oauth_answer("xoxb-B", "TB", "Beta")).status == 200
    store = store_for(app)
    try:
        store.scoped(A).subscribe("CALPHA", DAILY, by="U1", now=datetime.now(UTC))
        store.scoped(":TB").subscribe("CBETA", DAILY, by="U1", now=datetime.now(UTC))
    finally:
        store.close()
    opened = {"type": "app_home_opened", "user": "U1", "tab": "home", "event_ts": "1.0"}
    assert app.event(opened, team="TA").status == 200
    [call] = app.stub.wait_for("views.publish", 1, timeout=20)
    assert call.headers["authorization"] == "Bearer xoxb-A"
    view = str(call.body["view"])
    assert "<#CALPHA>" in view and "CBETA" not in view


def test_org_wide_uninstall_and_a_workspace_that_never_installed(oauth_app: OAuthApp) -> None:
    app = oauth_app
    org = oauth_answer("xoxb-ORG", None, "Org", enterprise="EO", org=True)
    assert app.install("org", org).status == 200
    # A command from any workspace of the org uses the org's token and key.
    reply = app.command(
        "digest on daily 09:00 UTC", team="T77", enterprise="EO", org=True, channel="C9"
    )
    assert reply.status == 200
    wait_for_responses(app, 1)
    store = store_for(app)
    try:
        assert store.get("C9", workspace="EO:") is not None
        uninstalled = {"type": "app_uninstalled", "event_ts": "1.0"}
        assert app.event(uninstalled, team="T77", enterprise="EO", org=True).status == 200
        deadline = time.monotonic() + 10
        while store.get("C9", workspace="EO:") is not None:
            assert time.monotonic() < deadline, "the org-wide uninstall was not handled"
            time.sleep(0.05)
        installs = tokens(app, store).installs
        assert (
            installs.find_bot(enterprise_id="EO", team_id=None, is_enterprise_install=True) is None
        )
    finally:
        store.close()
    # Never installed: Bolt finds no installation and answers 200, never a 5xx, and the user
    # reads where to install the app.
    before = len(app.stub.calls_for("response"))
    stranger = app.command("brief", team="TNEW", channel="C1")
    assert stranger.status == 200 and "Traceback" not in stranger.body
    said = [stranger.body, *(str(b) for b in wait_for_responses(app, before + 1)[before:])]
    assert any("is not installed in this workspace" in s for s in said), said


def test_digests_of_a_workspace_without_installation_pause_it_alone(oauth_app: OAuthApp) -> None:
    app = oauth_app
    assert app.install("a", oauth_answer("xoxb-A", "TA", "Alpha")).status == 200
    store = store_for(app)
    try:
        now = datetime.now(UTC)
        store.scoped(A).subscribe("C1", DAILY, by="U1", now=now)
        store.scoped(":TGONE").subscribe("C1", DAILY, by="U1", now=now)  # its install is gone
        store.subscribe("C5", DAILY, by="U1", now=now)  # from single-workspace mode, no token
        report = run(app, store, next_slot(DAILY, now) + timedelta(minutes=1))
        assert report.paused_workspaces == {
            ":TGONE": "not installed",
            "": "no SLACK_BOT_TOKEN for digests made before OAuth",
        }
        assert posts_by_token(app) == [("xoxb-A", "C1")]
        assert "workspace :TGONE paused (not installed)" in "\n".join(report.problems())
    finally:
        store.close()
