"""End to end: `deepseek-bot serve --http` (gunicorn) in a subprocess, next to the Web API stub.

Requests are signed exactly as Slack signs them (slack_sdk's SignatureVerifier).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_checks import (
    SECRET,
    action_body,
    check_payload,
    command_body,
    no_unescaped_mentions,
    signed_headers,
)
from slack_stub import SlackStub

from bot.slack.commands import parse

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, port: int, stub: SlackStub, log: Path) -> None:
        self.port, self.stub, self.log = port, stub, log
        self.url = f"http://127.0.0.1:{port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def raw(self, body: bytes, headers: dict[str, str]) -> int:
        """POST raw bytes; the HTTP status (connection errors fail the test)."""
        req = urllib.request.Request(self.url + "/slack/events", data=body, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                resp.read()
                return int(resp.status)
        except urllib.error.HTTPError as e:
            e.read()
            return int(e.code)

    def post(self, body: str, headers: dict[str, str]) -> tuple[int, str]:
        req = urllib.request.Request(
            self.url + "/slack/events", data=body.encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def command(self, text: str, **extra: str) -> tuple[int, dict[str, Any]]:
        body = command_body(text, **extra)
        status, raw = self.post(body, signed_headers(body))
        return status, (json.loads(raw) if raw.startswith("{") else {"raw": raw})


def start_server(stub: SlackStub, port: int, db: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-e2e",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": stub.api_url,
        "BRIEFINGS_DIR": str(FIXTURES),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "DIGEST_DB_PATH": str(db),
    }
    env.pop("DATABASE_URL", None)
    env.pop("SLACK_APP_TOKEN", None)
    cmd = [sys.executable, "-m", "bot", "serve", "--http", "--workers", "2"]
    with log.open("wb") as err:
        return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 15) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace") or "server exited")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as resp:
                if resp.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.02)
    raise TimeoutError("server not healthy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with SlackStub() as stub:
        port = free_port()
        tmp = tmp_path_factory.mktemp("server")
        log = tmp / "server.log"
        proc = start_server(stub, port, tmp / "digests.sqlite3", log)
        try:
            srv = Server(port, stub, log)
            srv.cold_start = wait_healthy(srv.url, proc, log)  # type: ignore[attr-defined]
            yield srv
        finally:
            proc.terminate()
            proc.wait(10)


def test_healthz_and_cold_start(server: Server) -> None:
    assert server.cold_start < 5  # type: ignore[attr-defined]  # bench/http.py measures the 2 s target
    with urllib.request.urlopen(server.url + "/healthz") as resp:
        assert resp.read() == b"ok\n"
    assert server.stub.calls_for("auth.test"), "the app verified its token against SLACK_API_URL"


def test_slash_command_replies_in_the_ack(server: Server) -> None:
    start = time.monotonic()
    status, reply = server.command("brief how did they train it so cheaply")
    assert time.monotonic() - start < 1.0
    assert status == 200
    check_payload(reply)
    assert reply["blocks"][0]["text"]["text"] == "Training cost and efficiency"
    assert reply["response_type"] == "ephemeral"


def test_share_button_posts_in_channel_via_response_url(server: Server) -> None:
    url = server.stub.response_url("share1", channel="C0TEST")
    body = action_body("share", "brief distillation", response_url=url)
    status, _ = server.post(body, signed_headers(body))
    assert status == 200
    call = server.stub.wait_for("response", 1)[-1]
    assert call.body["response_type"] == "in_channel"
    assert "Shared by <@U0ALICE>" in json.dumps(call.body)
    posted = server.stub.posts("C0TEST")[-1]
    assert posted["blocks"][0]["text"]["text"] == "Distillation allegations"


def test_open_topic_button_replaces_ephemeral(server: Server) -> None:
    url = server.stub.response_url("open1")
    body = action_body("open_topic:company-founder", "company-founder", response_url=url)
    assert server.post(body, signed_headers(body))[0] == 200
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        calls = [c for c in server.stub.calls_for("response") if c.body.get("_rid") == "open1"]
        if calls:
            break
        time.sleep(0.02)
    assert calls[0].body["replace_original"] is True
    assert calls[0].body["blocks"][0]["text"]["text"] == "The company and its founder"


def test_app_home_opened_publishes_the_view(server: Server) -> None:
    event = {
        "type": "event_callback",
        "team_id": "T0STUB",
        "api_app_id": "A0TEST",
        "event": {"type": "app_home_opened", "user": "U0BOB", "channel": "D1", "tab": "home"},
        "event_id": "Ev1",
        "event_time": int(time.time()),
    }
    body = json.dumps(event)
    headers = {**signed_headers(body), "Content-Type": "application/json"}
    assert server.post(body, headers)[0] == 200
    calls = server.stub.wait_for("views.publish", 1)
    assert calls[-1].body["user_id"] == "U0BOB"


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda b: signed_headers(b, secret="wrong"), id="forged"),
        pytest.param(lambda b: signed_headers(b, timestamp=int(time.time()) - 301), id="stale"),
        pytest.param(
            lambda b: {"Content-Type": "application/x-www-form-urlencoded"}, id="unsigned"
        ),
        pytest.param(
            lambda b: {**signed_headers(b), "X-Slack-Signature": "v0=" + "0" * 64},
            id="bad-signature",
        ),
    ],
)
def test_unverified_requests_get_401(server: Server, headers: Any) -> None:
    body = command_body("brief")
    assert server.post(body, headers(body))[0] == 401


TEXT = st.one_of(
    st.just(""),
    st.just("x" * 4000),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "brief",
                "sources",
                "topics",
                "help",
                "<!channel>",
                "<!here>",
                "<!everyone>",
                "<@U12345>",
                "<#C1|x>",
                "@here",
                "**bold**",
                "[l](http://x)",
                "`c`",
                "\x00",
                "\u202e",
                "&amp;",
                "3",
                "cost",
            ]
        ),
        max_size=8,
    ).map(" ".join),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_fuzz_over_http_never_5xx_never_a_mention(server: Server, text: str) -> None:
    status, reply = server.command(text)
    assert status == 200, reply
    if reply == {"raw": ""} and parse(text).name == "digest":
        return  # deferred: empty ack, reply via response_url
    check_payload(reply)
    no_unescaped_mentions(reply)


def test_event_subscriptions_url_verification(server: Server) -> None:
    """Slack checks the Request URL with a signed challenge when Event Subscriptions are set up."""
    body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "legacy"})
    headers = {**signed_headers(body), "Content-Type": "application/json"}
    status, raw = server.post(body, headers)
    assert status == 200 and json.loads(raw) == {"challenge": "c-123"}


# --- the raw HTTP layer: nothing unsigned is parsed, nothing malformed is a 5xx -------------

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
SECRET_URL = "https://hooks.slack.com/commands/T0/123/secret-response-url"


def sign(body: bytes, timestamp: str | None = None, secret: str = SECRET) -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    mac = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac.hexdigest()}


MALFORMED: list[tuple[str, bytes, str]] = [
    ("json-array", b"[1, 2]", JSON),
    ("json-string", b'"hello"', JSON),
    ("json-broken", b'{"type": ', JSON),
    ("form-broken-payload", b"payload=%7Bnot-json", FORM),
    ("form-payload-list", b"payload=%5B%5D", FORM),
    ("team-not-object", b'{"type":"event_callback","team":5,"event":{"type":"x"}}', JSON),
    ("event-not-object", b'{"type":"event_callback","event":[]}', JSON),
    (
        "block-actions-empty",
        urllib.parse.urlencode(
            {"payload": json.dumps({"type": "block_actions", "actions": [], "user": {"id": "U"}})}
        ).encode(),
        FORM,
    ),
    ("not-utf8", b"\xff\xfe text=\xff", FORM),
    ("type-not-string", b'{"type": ["block_actions"]}', JSON),
]


@pytest.mark.parametrize(
    ("body", "ctype"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_unsigned_is_401_and_signed_is_400(
    server: Server, body: bytes, ctype: str
) -> None:
    assert server.raw(body, {"Content-Type": ctype}) == 401
    assert server.raw(body, {"Content-Type": ctype, **sign(body, secret="wrong")}) == 401
    status = server.raw(body, {"Content-Type": ctype, **sign(body)})
    assert status in (200, 400), status
    assert "Traceback" not in server.log_text()


@pytest.mark.parametrize("timestamp", ["abc", "", "1e9", "-1", "1²3", "9" * 40, "1.5"])
def test_non_numeric_timestamp_is_401(server: Server, timestamp: str) -> None:
    body = command_body("brief").encode()
    mac = sign(body, timestamp or "0")["X-Slack-Signature"]
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": mac,
    }
    assert server.raw(body, headers) == 401
    assert "Traceback" not in server.log_text()


def test_rejected_requests_never_log_the_body(server: Server) -> None:
    body = command_body("brief cost", response_url=SECRET_URL).encode()
    assert server.raw(body, {"Content-Type": FORM, **sign(body, secret="wrong")}) == 401
    bad = urllib.parse.urlencode({"payload": "{broken", "response_url": SECRET_URL}).encode()
    assert server.raw(bad, {"Content-Type": FORM, **sign(bad)}) == 400
    time.sleep(0.3)  # let the worker flush its log line
    log = server.log_text()
    assert "rejected a signed request" in log  # the 400 is logged, by its reason only
    assert "secret-response-url" not in log and "hooks.slack.com" not in log


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "type",
        "team",
        "user",
        "channel",
        "actions",
        "event",
        "view",
        "container",
        "message",
        "authorizations",
        "enterprise",
        "payload",
        "command",
        "text",
        "response_url",
        "trigger_id",
        "challenge",
        "state",
        "item",
        "api_app_id",
        "team_id",
        "user_id",
        "channel_id",
    ]
)
TYPES = st.sampled_from(
    [
        "block_actions",
        "event_callback",
        "url_verification",
        "view_submission",
        "view_closed",
        "shortcut",
        "message_action",
        "interactive_message",
        "block_suggestion",
        "app_rate_limited",
    ]
)
SLACKISH = st.builds(
    lambda kind, extra: {"type": kind, **extra},
    TYPES,
    st.dictionaries(KEYS, JSON_VALUES, max_size=6),
)
BODIES = st.one_of(
    st.binary(max_size=200).map(lambda b: (b, FORM)),
    st.binary(max_size=200).map(lambda b: (b, JSON)),
    JSON_VALUES.map(lambda v: (json.dumps(v).encode(), JSON)),
    SLACKISH.map(lambda v: (json.dumps(v).encode(), JSON)),
    SLACKISH.map(lambda v: (urllib.parse.urlencode({"payload": json.dumps(v)}).encode(), FORM)),
    st.text(max_size=100).map(lambda t: (urllib.parse.urlencode({"payload": t}).encode(), FORM)),
    st.dictionaries(KEYS, st.text(max_size=30), max_size=8).map(
        lambda d: (urllib.parse.urlencode(d).encode(), FORM)
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=BODIES, signed=st.booleans(), ctype=st.sampled_from([None, FORM, JSON, "text/plain"]))
def test_fuzz_raw_http(
    server: Server, body: tuple[bytes, str], signed: bool, ctype: str | None
) -> None:
    raw, natural = body
    headers = {"Content-Type": ctype or natural, **(sign(raw) if signed else {})}
    status = server.raw(raw, headers)
    if not signed:
        assert status == 401
    else:
        assert status < 500, (status, raw[:200])


def test_fuzz_logged_no_traceback(server: Server) -> None:
    """Runs after the fuzzers in this module: the server logged no traceback for any of them."""
    time.sleep(0.3)
    assert "Traceback" not in server.log_text()


def _event(server: Server, event: dict[str, Any], event_id: str) -> None:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T0STUB",
            "api_app_id": "A0TEST",
            "event": event,
            "event_id": event_id,
            "event_time": int(time.time()),
        }
    )
    headers = {**signed_headers(body), "Content-Type": "application/json"}
    assert server.post(body, headers)[0] == 200


def test_mention_gets_the_answer_in_a_thread(server: Server) -> None:
    before = len(server.stub.calls_for("chat.postMessage"))
    event = {"type": "app_mention", "user": "U0BOB", "text": "<@U0BOT> training cost", "channel": "C9",
             "ts": "1700000000.000100"}  # fmt: skip
    _event(server, event, "EvMention1")
    call = server.stub.wait_for("chat.postMessage", before + 1)[-1]
    assert call.body["channel"] == "C9" and call.body["thread_ts"] == "1700000000.000100"
    assert "Training cost" in json.dumps(call.body["blocks"])
    command_reply = server.command("brief training cost")[1]
    assert call.body["text"] == command_reply["text"]  # the same answer as the slash command


def test_direct_message_gets_the_answer(server: Server) -> None:
    before = len(server.stub.calls_for("chat.postMessage"))
    event = {"type": "message", "channel_type": "im", "user": "U0BOB", "text": "distilation",
             "channel": "D7", "ts": "1700000000.000200"}  # fmt: skip
    _event(server, event, "EvDm1")
    call = server.stub.wait_for("chat.postMessage", before + 1)[-1]
    assert call.body["channel"] == "D7" and "Distillation" in json.dumps(call.body["blocks"])
