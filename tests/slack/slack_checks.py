"""Helpers for the Slack tests: payload validation, signing, fake ack/respond."""

from __future__ import annotations

import json
import re
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.signature import SignatureVerifier

SECRET = "test-signing-secret"
MENTION = re.compile(r"<[!@#]|@(here|channel|everyone)\b", re.IGNORECASE)
MAX_CHARS = 12_000


def strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def check_payload(
    payload: dict[str, Any], *, max_blocks: int = 50, max_chars: int | None = MAX_CHARS
) -> None:
    """What Slack would accept: valid blocks, limits, a text fallback."""
    assert isinstance(payload.get("text"), str) and payload["text"].strip(), "text fallback missing"
    blocks = payload.get("blocks", [])
    assert 0 < len(blocks) <= max_blocks
    for b in blocks:
        assert Block.parse(b).to_dict() == b  # raises on a malformed block
        if b["type"] == "header":
            assert len(b["text"]["text"]) <= 150
        if b["type"] == "section" and "text" in b:
            assert len(b["text"]["text"]) <= 3000
        if b["type"] == "actions":
            ids = [e["action_id"] for e in b["elements"]]
            assert len(ids) == len(set(ids)), "action_ids must be unique in a block"
    total = sum(len(s) for s in strings(blocks))
    assert max_chars is None or total < max_chars, f"{total} characters of blocks"


def no_unescaped_mentions(payload: dict[str, Any], allowed: tuple[str, ...] = ()) -> None:
    for s in strings(payload):
        for m in MENTION.finditer(s):
            assert any(s[m.start() :].startswith(a) for a in allowed), f"unescaped mention in {s!r}"


def command_body(text: str, **extra: str) -> str:
    form = {
        "token": "legacy",
        "team_id": "T0STUB",
        "team_domain": "stub",
        "channel_id": "C0TEST",
        "channel_name": "general",
        "user_id": "U0ALICE",
        "user_name": "alice",
        "command": "/deepseek",
        "text": text,
        "api_app_id": "A0TEST",
        "response_url": "http://127.0.0.1:9/response/none",
        "trigger_id": "1.2.3",
    }
    form.update(extra)
    return urllib.parse.urlencode(form)


def action_body(
    action_id: str,
    value: str,
    *,
    response_url: str,
    ephemeral: bool = True,
    user: str = "U0ALICE",
    channel: str = "C0TEST",
) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "alice", "team_id": "T0STUB"},
        "api_app_id": "A0TEST",
        "team": {"id": "T0STUB", "domain": "stub"},
        "container": {
            "type": "message",
            "message_ts": "1.1",
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "channel": {"id": channel, "name": "general"},
        "trigger_id": "1.2.3",
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b",
                "value": value,
                "action_ts": "1.2",
            }
        ],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def signed_headers(
    body: str, *, secret: str = SECRET, timestamp: int | None = None
) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
        or "",
        "Content-Type": "application/x-www-form-urlencoded",
    }


class Recorder:
    """Stands in for Bolt's ack/respond in direct listener tests."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        if args and isinstance(args[0], str):
            kwargs.setdefault("text", args[0])
        self.calls.append(kwargs)

    @property
    def last(self) -> dict[str, Any]:
        return self.calls[-1]
