"""The Web API stand-in behaves like Slack where the bot and the digests depend on it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient
from slack_stub import SlackStub


def client(stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=stub.api_url)


def test_post_history_with_metadata_newest_first(slack_stub: SlackStub) -> None:
    c = client(slack_stub)
    meta = {"event_type": "digest", "event_payload": {"slot": "C1:2025-01-01T09:00"}}
    first = c.chat_postMessage(channel="C1", text="one", metadata=meta)
    c.chat_postMessage(channel="C1", text="two")
    c.chat_postMessage(channel="C1", text="reply", thread_ts=first["ts"])
    assert first["message"]["metadata"] == meta
    plain = c.conversations_history(channel="C1")["messages"]
    assert [m["text"] for m in plain] == ["two", "one"]
    assert "metadata" not in plain[1]
    full = c.conversations_history(channel="C1", include_all_metadata=True)["messages"]
    assert full[1]["metadata"] == meta
    assert len(slack_stub.posts("C1")) == 3
    assert (
        slack_stub.calls_for("chat.postMessage")[0].headers["authorization"] == "Bearer xoxb-test"
    )


def test_info_methods(slack_stub: SlackStub) -> None:
    slack_stub.users["U2"] = {"tz": "Asia/Tokyo"}
    c = client(slack_stub)
    assert c.users_info(user="U1")["user"]["tz"] == "America/New_York"
    assert c.users_info(user="U2")["user"]["tz"] == "Asia/Tokyo"
    assert c.conversations_info(channel="C9")["channel"]["is_member"] is True
    assert c.auth_test()["user_id"] == "U0BOT"
    assert c.views_publish(user_id="U1", view={"type": "home", "blocks": []})["ok"]
    assert slack_stub.calls_for("views.publish")[0].body["view"]["type"] == "home"


def test_faults_in_order(slack_stub: SlackStub) -> None:
    slack_stub.inject(
        "chat.postMessage", ("error", "not_in_channel"), ("status", 500), ("ratelimit", 0)
    )
    c = client(slack_stub)
    with pytest.raises(SlackApiError) as err:
        c.chat_postMessage(channel="C1", text="x")
    assert err.value.response["error"] == "not_in_channel"
    with pytest.raises(SlackApiError) as err:
        c.chat_postMessage(channel="C1", text="x")
    assert err.value.response.status_code == 500
    c.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=1))
    assert c.chat_postMessage(channel="C1", text="x")["ok"]
    assert [call.status for call in slack_stub.calls_for("chat.postMessage")] == [
        200,
        500,
        429,
        200,
    ]


def test_slow_and_drop(slack_stub: SlackStub) -> None:
    slack_stub.inject("auth.test", ("slow", 0.3), ("drop",))
    c = client(slack_stub)
    start = time.monotonic()
    assert c.auth_test()["ok"]
    assert time.monotonic() - start >= 0.3
    # slack_sdk's default handler retries a dropped connection once
    assert c.auth_test()["ok"]
    slack_stub.inject("auth.test", ("drop",))
    bare = WebClient(token="xoxb-test", base_url=slack_stub.api_url, retry_handlers=[])
    with pytest.raises(OSError):  # URLError / connection reset
        bare.auth_test()
    assert [c.status for c in slack_stub.calls_for("auth.test")] == [200, 0, 200, 0]


def test_rate_enforced_per_channel() -> None:
    with SlackStub(enforce_rate=True, rate_window=0.5) as stub:
        c = client(stub)
        c.chat_postMessage(channel="C1", text="a")
        c.chat_postMessage(channel="C2", text="a")
        with pytest.raises(SlackApiError) as err:
            c.chat_postMessage(channel="C1", text="b")
        assert err.value.response.status_code == 429
        assert err.value.response.headers["Retry-After"] == "1"
        time.sleep(0.5)
        assert c.chat_postMessage(channel="C1", text="b")["ok"]


def test_response_url_records_and_posts_in_channel(slack_stub: SlackStub) -> None:
    url = slack_stub.response_url("abc", channel="C7")
    hook = WebhookClient(url)
    assert hook.send(text="only you", response_type="ephemeral").status_code == 200
    assert hook.send(text="everyone", response_type="in_channel").status_code == 200
    calls = slack_stub.wait_for("response", 2)
    assert [c.body["text"] for c in calls] == ["only you", "everyone"]
    assert [m["text"] for m in slack_stub.posts("C7")] == ["everyone"]


def test_runs_as_a_process() -> None:
    script = Path(__file__).resolve().parent.parent / "slack_stub.py"
    proc = subprocess.Popen(
        [sys.executable, str(script), "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        api = proc.stdout.readline().strip()
        WebClient(token="t", base_url=api).chat_postMessage(channel="C1", text="hi")
        with urllib.request.urlopen(api.replace("/api/", "/_stub/calls")) as resp:
            calls = json.load(resp)
        assert calls[0]["method"] == "chat.postMessage"
    finally:
        proc.terminate()
        proc.wait(5)
        assert proc.stdout is not None
        proc.stdout.close()
