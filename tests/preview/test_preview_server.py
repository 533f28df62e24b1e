"""The preview server over real HTTP, driving a real Bolt app (tests/preview/demo_app.py)."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_app import build_demo_app, demo_digest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.preview import server, workspace
from bot.preview.server import Preview
from bot.preview.workspace import CHANNEL_ID, USER_ID


@pytest.fixture
def preview() -> Iterator[Preview]:
    with Preview(Settings(), port=0, app_factory=build_demo_app, digest_runner=demo_digest) as p:
        assert p.app is not None, p.app_error
        yield p


def post(p: Preview, path: str, body: dict[str, Any] | None = None) -> Any:
    req = urllib.request.Request(
        p.base_url + path,
        data=json.dumps(body or {}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def get(p: Preview, path: str) -> tuple[str, str]:
    with urllib.request.urlopen(p.base_url + path, timeout=30) as r:
        return r.headers.get("Content-Security-Policy") or "", r.read().decode()


def wait_for(p: Preview, predicate: Any, timeout: float = 5.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        state = p.state()
        if predicate(state):
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met; state: {json.dumps(state)[:2000]}")
        time.sleep(0.02)


def test_page_is_served_with_a_script_nonce(preview: Preview) -> None:
    _, html = get(preview, "/")
    assert "<title>#deepseek-preview" in html and 'id="composer"' in html
    nonce = html.split("'nonce-", 1)[1].split("'", 1)[0]
    assert f'<script nonce="{nonce}">' in html and len(nonce) >= 16
    _, again = get(preview, "/")
    assert nonce not in again  # fresh per page load


def test_command_ack_is_an_ephemeral_message_with_the_apps_blocks(preview: Preview) -> None:
    r = post(preview, "/preview/command", {"text": "cost"})
    assert r["status"] == 200
    state = preview.state()
    [msg] = state["channel"]
    assert msg["ephemeral"] and msg["bot"] and msg["source"] == "ack"
    assert "Brief: cost" in msg["html"] and "bk-markdown" in msg["html"]
    payload = json.loads(msg["json"])
    assert payload["blocks"][0]["type"] == "header"
    assert all("block_id" in b for b in payload["blocks"])  # Slack fills in block ids


def test_response_url_post_message_and_post_ephemeral(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "slow-reply"})
    post(preview, "/preview/command", {"text": "post"})
    post(preview, "/preview/command", {"text": "ephemeral-api"})
    state = wait_for(preview, lambda s: len(s["channel"]) == 3)
    by_source = {m["source"]: m for m in state["channel"]}
    assert by_source["response_url"]["ephemeral"]
    assert "through response_url" in by_source["response_url"]["html"]
    assert not by_source["chat.postMessage"]["ephemeral"]
    assert "<b>in channel</b>" in by_source["chat.postMessage"]["html"]
    assert by_source["chat.postEphemeral"]["ephemeral"]


def test_button_click_sends_block_actions_to_the_app(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "cost"})
    [msg] = preview.state()["channel"]
    r = post(
        preview,
        "/preview/action",
        {"message_id": msg["id"], "block_id": "brief_actions", "action_id": "share"},
    )
    assert r["status"] == 200
    state = wait_for(preview, lambda s: len(s["channel"]) == 2)
    shared = state["channel"][1]
    assert (
        not shared["ephemeral"]
        and "@you" in shared["html"]
        and "shared the brief for cost" in shared["html"]
    )


def test_select_sends_selected_option_and_replace_original_edits(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "cost"})
    [msg] = preview.state()["channel"]
    post(
        preview,
        "/preview/action",
        {
            "message_id": msg["id"],
            "block_id": "brief_actions",
            "action_id": "pick_topic",
            "value": "chips",
        },
    )
    state = wait_for(preview, lambda s: "Topic picked" in s["channel"][0]["html"])
    assert len(state["channel"]) == 1 and state["channel"][0]["edited"]
    assert "Topic picked: chips" in state["channel"][0]["html"]


def test_click_on_unknown_button_is_refused(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "cost"})
    [msg] = preview.state()["channel"]
    r = post(
        preview,
        "/preview/action",
        {"message_id": msg["id"], "block_id": "nope", "action_id": "share"},
    )
    assert r["status"] == 404


def test_home_tab_and_click_from_home(preview: Preview) -> None:
    assert post(preview, "/preview/home")["status"] == 200
    state = wait_for(preview, lambda s: s["home"] is not None)
    assert "Topics" in state["home"] and "Open cost" in state["home"]
    r = post(
        preview,
        "/preview/action",
        {"message_id": "home", "block_id": "home_actions", "action_id": "home_button"},
    )
    assert r["status"] == 200
    state = wait_for(preview, lambda s: len(s["dm"]) == 1)
    assert "Opened from Home" in state["dm"][0]["html"]


def test_digest_and_thread(preview: Preview) -> None:
    assert post(preview, "/preview/digest")["ok"]
    state = preview.state()
    [parent] = state["channel"]
    assert parent["reply_count"] == 1 and "DeepSeek digest" in parent["html"]
    [reply] = state["threads"][parent["ts"]]
    assert "More detail here" in reply["html"]


def test_forged_signature_is_rejected_by_the_app(preview: Preview) -> None:
    preview.signing_secret = "not-the-apps-secret"
    post(preview, "/preview/command", {"text": "cost"})
    state = preview.state()
    assert state["channel"] == []
    assert any(
        "answered 401: the request signature did not verify" in n["text"] for n in state["notes"]
    )


def test_slow_ack_shows_operation_timeout(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "ACK_DEADLINE", 0.1)
    post(preview, "/preview/command", {"text": "sleep"})
    state = preview.state()
    assert state["channel"] == []
    assert any("operation_timeout" in n["text"] for n in state["notes"])


def test_web_api_checks_the_token_and_answers_like_slack(preview: Preview) -> None:
    bad = WebClient(token="xoxb-wrong", base_url=preview.settings.slack_api_url)
    with pytest.raises(SlackApiError) as err:
        bad.chat_postMessage(channel=CHANNEL_ID, text="x")
    assert err.value.response["error"] == "invalid_auth"
    client = preview.client
    assert client.auth_test()["user_id"] == workspace.BOT_USER_ID
    assert client.users_info(user=USER_ID)["user"]["tz"] == preview.user_tz
    assert client.conversations_info(channel=CHANNEL_ID)["channel"]["is_member"] is True
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C_OTHER", text="x")
    assert err.value.response["error"] == "channel_not_found"
    first = client.chat_postMessage(
        channel=CHANNEL_ID,
        text="tagged",
        metadata={"event_type": "digest", "event_payload": {"slot": "s1"}},
    )
    client.chat_postMessage(channel=CHANNEL_ID, text="reply", thread_ts=first["ts"])
    history = client.conversations_history(channel=CHANNEL_ID, include_all_metadata=True)
    [top] = history["messages"]
    assert top["metadata"]["event_payload"]["slot"] == "s1" and top["reply_count"] == 1
    assert "metadata" not in client.conversations_history(channel=CHANNEL_ID)["messages"][0]
    replies = client.conversations_replies(channel=CHANNEL_ID, ts=first["ts"])["messages"]
    assert [m["text"] for m in replies] == ["tagged", "reply"]
    client.chat_update(channel=CHANNEL_ID, ts=first["ts"], text="changed")
    assert "changed" in preview.state()["channel"][0]["html"]
    client.chat_delete(channel=CHANNEL_ID, ts=first["ts"])
    assert preview.state()["channel"] == []
    with pytest.raises(SlackApiError) as err:
        client.api_call("reactions.add", json={"channel": CHANNEL_ID})
    assert err.value.response["error"] == "unknown_method"
    assert any("reactions.add" in n["text"] for n in preview.state()["notes"])


def test_response_url_allows_five_posts(preview: Preview) -> None:
    url = preview.new_response_url(CHANNEL_ID)
    answers = []
    for i in range(6):
        req = urllib.request.Request(
            url,
            data=json.dumps({"text": f"r{i}"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=5) as r:
            answers.append(json.loads(r.read()))
    assert [a["ok"] for a in answers] == [True] * 5 + [False]
    assert answers[-1]["error"] == "used_url"


def test_plain_message_is_escaped(preview: Preview) -> None:
    post(preview, "/preview/say", {"text": "<script>alert(1)</script> <!channel>"})
    [msg] = preview.state()["channel"]
    assert (
        "<script" not in msg["html"]
        and "bk-broadcast" not in msg["html"]
        and msg["author"] == "You"
    )


def test_dismiss_removes_an_ephemeral_message(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "cost"})
    [msg] = preview.state()["channel"]
    post(preview, "/preview/dismiss", {"message_id": msg["id"]})
    assert preview.state()["channel"] == []


def test_state_long_poll_wakes_on_change(preview: Preview) -> None:
    version = preview.state()["version"]
    got: list[float] = []

    def poll() -> None:
        started = time.monotonic()
        get(preview, f"/preview/state?since={version}")
        got.append(time.monotonic() - started)

    t = threading.Thread(target=poll)
    t.start()
    time.sleep(0.3)
    post(preview, "/preview/say", {"text": "hi"})
    t.join(10)
    assert got and 0.2 < got[0] < 5


def test_app_that_fails_to_build_is_reported() -> None:
    def broken(settings: Settings, client: WebClient) -> Any:
        raise RuntimeError("no briefings")

    with Preview(Settings(), port=0, app_factory=broken) as p:
        state = p.state()
        assert state["app"] == {"ready": False, "starting": False, "error": "no briefings"}
        post(p, "/preview/command", {"text": "help"})
        assert any("the app is not running" in n["text"] for n in p.state()["notes"])


def test_page_endpoints_take_only_json(preview: Preview) -> None:
    req = urllib.request.Request(
        preview.base_url + "/preview/command",
        data=b"text=help",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code == 415
    err.value.close()
    assert preview.state()["channel"] == []


def test_modal_opens_takes_clicks_and_closes(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "modal"})
    modal = wait_for(preview, lambda s: s["modal"] is not None)["modal"]
    assert modal["title"] == "Sources" and modal["close"] == "Done"
    assert "<b>In a modal</b>" in modal["html"]
    r = post(
        preview,
        "/preview/action",
        {"message_id": "modal", "block_id": "modal_actions", "action_id": "modal_button"},
    )
    assert r["status"] == 200
    assert "Pressed in the modal" in wait_for(preview, lambda s: s["dm"])["dm"][0]["html"]
    post(preview, "/preview/close-modal")
    assert preview.state()["modal"] is None


def test_slash_text_is_encoded_as_slack_sends_it() -> None:
    typed = "brief <b> & @you in #deepseek-preview https://x.com/a"
    assert (
        workspace.slash_text(typed, False)
        == "brief &lt;b&gt; &amp; @you in #deepseek-preview https://x.com/a"
    )
    assert workspace.slash_text(typed, True) == (
        "brief &lt;b&gt; &amp; <@U0PREVIEW|you> in <#C0PREVIEW|deepseek-preview> <https://x.com/a>"
    )


def test_app_info_comes_from_the_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "display_information": {"name": "Briefs", "background_color": "#123456"},
                "features": {
                    "slash_commands": [
                        {
                            "command": "/deepseek",
                            "usage_hint": "brief [topic]",
                            "should_escape": True,
                        }
                    ]
                },
            }
        )
    )
    info = workspace.load_app_info(manifest)
    assert (info.name, info.color, info.usage_hint, info.should_escape) == (
        "Briefs",
        "#123456",
        "brief [topic]",
        True,
    )
    assert workspace.load_app_info(tmp_path / "missing.json") == workspace.AppInfo()


def test_page_shows_the_apps_name_and_usage(preview: Preview) -> None:
    _, html = get(preview, "/")
    assert preview.info.name in html
    if preview.info.usage_hint:
        assert f'data-usage="{preview.info.usage_hint}"' in html.replace("&#x27;", "'")


def test_in_channel_ack_shows_the_command_then_the_reply(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "public"})
    first, reply = preview.state()["channel"]
    assert first["author"] == "You" and "/deepseek public" in first["html"]
    assert not reply["ephemeral"] and "for everyone" in reply["html"]


def test_what_slack_would_refuse_is_shown_with_a_note(preview: Preview) -> None:
    post(preview, "/preview/command", {"text": "too-long"})
    state = preview.state()
    assert len(state["channel"]) == 1  # still shown
    errors = [n["text"] for n in state["notes"] if n["level"] == "error"]
    infos = [n["text"] for n in state["notes"] if n["level"] == "info"]
    assert errors and "invalid_blocks" in errors[0] and "150" in errors[0]
    assert infos and "no `text` fallback" in infos[0]


def test_requests_during_start_up_wait_for_the_app() -> None:
    def slow(settings: Settings, client: WebClient) -> Any:
        time.sleep(0.5)
        return build_demo_app(settings, client)

    p = Preview(Settings(), port=0, app_factory=slow)
    starter = threading.Thread(target=p.start)
    starter.start()
    try:
        time.sleep(0.1)
        assert p.state()["app"]["starting"] is True
        assert post(p, "/preview/command", {"text": "cost"})["status"] == 200
        assert p.state()["channel"] and p.state()["app"] == {
            "ready": True,
            "starting": False,
            "error": None,
        }
    finally:
        starter.join()
        p.stop()


def closed_tab(preview: Preview, request: bytes) -> None:
    """A browser tab that sends `request` and closes at once (RST), before the answer."""
    s = socket.create_connection(("127.0.0.1", preview.port))
    s.sendall(request)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def test_a_closed_tab_prints_no_traceback(
    preview: Preview, capfd: pytest.CaptureFixture[str]
) -> None:
    for _ in range(3):
        version = preview.state()["version"]
        closed_tab(
            preview, f"GET /preview/state?since={version} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        )
        time.sleep(0.2)
        preview.timeline.touch()  # the long poll now answers into a closed connection
        closed_tab(preview, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.5)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err[-2000:]
    assert "ConnectionResetError" not in err, err[-2000:]
    assert preview.state()["version"] > 0  # and the server still answers
