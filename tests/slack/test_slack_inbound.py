"""bot.slack.inbound: signature and payload checks, pure (the e2e tests run them over HTTP)."""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.parse

import pytest

from bot.slack.inbound import payload_problem, verify

NOW = 1_700_000_000


def headers(body: bytes, ts: str = str(NOW), secret: str = "s") -> dict[str, str]:
    mac = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac.hexdigest()}


def test_verify_accepts_slacks_signature_on_raw_bytes() -> None:
    body = b"text=\xff\xfe"  # not UTF-8: still verified without decoding
    assert verify("s", body, headers(body), NOW)
    assert verify("s", body, {k.lower(): [v] for k, v in headers(body).items()}, NOW)


@pytest.mark.parametrize(
    ("ts", "now", "secret"),
    [("abc", NOW, "s"), ("1²3", NOW, "s"), (str(NOW - 301), NOW, "s"), (str(NOW), NOW, "x")],
)
def test_verify_rejects(ts: str, now: int, secret: str) -> None:
    body = b"text=hi"
    h = headers(body, ts if ts.isascii() else "0")
    h["X-Slack-Request-Timestamp"] = ts
    assert not verify(secret, body, h, now)
    assert not verify("", body, headers(body, secret=""), NOW)


def form(payload: object) -> str:
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


@pytest.mark.parametrize(
    ("body", "ctype"),
    [
        ("[1]", "application/json"),
        ("{", "application/json"),
        ("payload=%7B", ""),
        (form([]), ""),
        (form({"type": "block_actions", "actions": []}), ""),
        (form({"type": "block_actions", "actions": [{"action_id": 3}]}), ""),
        (form({"type": "block_actions", "actions": [1]}), ""),
        (json.dumps({"type": "event_callback", "event": {"type": 1}}), "application/json"),
        (json.dumps({"type": "event_callback", "team": [], "event": {"type": "x"}}), ""),
        (json.dumps({"type": "view_submission", "view": "v"}), ""),
        (json.dumps({"type": "url_verification"}), ""),
        (json.dumps({"authorizations": {"a": 1}}), ""),
        # Bolt reads these as .get(key, {}): a null breaks it as surely as a string
        (json.dumps({"type": "shortcut", "event": None}), "application/json"),
        (form({"type": "message_action", "view": None}), ""),
        (json.dumps({"type": "event_callback", "event": {"type": "x", "tokens": None}}), ""),
    ],
)
def test_malformed_payloads_are_named(body: str, ctype: str) -> None:
    assert payload_problem(body, ctype)


@pytest.mark.parametrize(
    "body",
    [
        "command=%2Fdeepseek&text=brief&user_id=U1",
        form({"type": "block_actions", "actions": [{"action_id": "share"}], "user": {"id": "U"}}),
        json.dumps({"type": "event_callback", "event": {"type": "app_home_opened", "user": "U"}}),
        json.dumps({"type": "url_verification", "challenge": "c"}),
        json.dumps({"type": "shortcut", "team": None, "user": None}),  # Bolt copes with these
        "",
    ],
)
def test_well_formed_payloads_pass(body: str) -> None:
    assert payload_problem(body, "") is None
