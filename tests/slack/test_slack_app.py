"""build_app in-process: signed requests through app.dispatch (fast fuzzing), reloads."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import App, BoltRequest
from slack_checks import check_payload, command_body, no_unescaped_mentions, signed_headers
from slack_sdk import WebClient
from slack_stub import SlackStub

from bot.config import Settings
from bot.library import LibraryHolder
from bot.slack.app import build_app, make_client
from bot.slack.commands import parse

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"


def dispatch(app: App, text: str) -> tuple[int, dict[str, object]]:
    body = command_body(text)
    resp = app.dispatch(BoltRequest(body=body, headers=signed_headers(body)))  # type: ignore[arg-type]
    return resp.status, (json.loads(resp.body) if resp.body else {})


def test_command_round_trip(app: App) -> None:
    status, reply = dispatch(app, "topics")
    assert status == 200
    check_payload(reply)


def test_unsigned_is_401(app: App) -> None:
    body = command_body("brief")
    resp = app.dispatch(
        BoltRequest(body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    )
    assert resp.status == 401


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=400)
    | st.just("x" * 4000)
    | st.sampled_from(["<!channel> cost", "sources <@U1>", "brief @everyone", "help **x**"])
)
def test_fuzz_never_fails_never_mentions(app: App, text: str) -> None:
    status, reply = dispatch(app, text)
    assert status == 200
    if not reply and parse(text).name == "digest":
        return  # a deferred subcommand: an empty ack, its reply follows via response_url
    check_payload(reply)
    no_unescaped_mentions(reply)


def test_client_has_retry_handlers_and_base_url(settings: Settings) -> None:
    client = make_client(settings)
    kinds = {type(h).__name__ for h in client.retry_handlers}
    assert {"RateLimitErrorRetryHandler", "ServerErrorRetryHandler"} <= kinds
    assert client.base_url == settings.slack_api_url


def test_rate_limited_web_api_is_retried(settings: Settings, slack_stub: SlackStub) -> None:
    slack_stub.inject("views.publish", ("ratelimit", 0), ("status", 500))
    client = make_client(settings)
    assert client.views_publish(user_id="U1", view={"type": "home", "blocks": []})["ok"]
    assert [c.status for c in slack_stub.calls_for("views.publish")] == [429, 500, 200]


def test_reloads_briefings_without_restart(
    settings: Settings, client: WebClient, tmp_path: Path
) -> None:
    root = tmp_path / "briefings"
    shutil.copytree(FIXTURES, root)
    holder = LibraryHolder(root, interval=0.05)
    app = build_app(settings, holder, client)
    assert "Distillation allegations" in str(dispatch(app, "topics")[1])
    index = json.loads((root / "index.json").read_text())
    index["topics"][1]["title"] = "Copying claims"
    (root / "index.json").write_text(json.dumps(index))
    deadline = time.monotonic() + 5
    while "Copying claims" not in str(dispatch(app, "topics")[1]):
        assert time.monotonic() < deadline, "not reloaded"
        time.sleep(0.05)
    holder.stop()


def test_socket_mode_app_needs_no_signature(settings: Settings, client: WebClient) -> None:
    from bot.library import Library

    app = build_app(settings, Library.load(FIXTURES), client, socket_mode=True)
    body = command_body("topics")
    resp = app.dispatch(BoltRequest(body=body, headers={}, mode="socket_mode"))
    assert resp.status == 200
    check_payload(json.loads(resp.body))


def test_mode_detection() -> None:
    from bot.slack.cli import detect_mode

    def mode(**env: str) -> str:
        return detect_mode(Settings(_env_file=None, **env))  # type: ignore[call-arg, arg-type]

    assert mode(slack_app_token="xapp-1", slack_bot_token="xoxb-1") == "socket"
    assert mode(slack_signing_secret="s", slack_bot_token="xoxb-1") == "http"
    assert mode(slack_bot_token="xoxb-1") == "preview"
    assert mode(slack_bot_token="", slack_signing_secret="") == "preview"


def test_digest_is_registered_and_sqlalchemy_loads_on_first_use_only() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from bot.slack.router import default_router\n"
        "r = default_router()\n"
        "assert r.get('digest').deferred\n"
        "assert 'sqlalchemy' not in sys.modules, 'serve would import SQLAlchemy at start-up'\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_slash_text_is_echoed_as_typed_not_double_escaped(app: App) -> None:
    # The user typed `x<y & z`; Slack sends it as `x&lt;y &amp; z`.
    status, reply = dispatch(app, "x&lt;y &amp; z")
    assert status == 200
    shown = json.dumps(reply)
    assert "x&lt;y &amp; z" in shown  # escaped exactly once: Slack shows x<y & z
    assert "&amp;lt;" not in shown and "&amp;amp;" not in shown
