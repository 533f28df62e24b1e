"""End to end in Socket Mode: `deepseek-bot serve` with SLACK_APP_TOKEN, against a local
Socket Mode endpoint (ws_stub.py) that the Web API stub's apps.connections.open points to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from slack_checks import check_payload
from slack_stub import SlackStub
from ws_stub import SocketModeStub

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"


def test_slash_command_and_share_over_socket_mode(tmp_path: Path) -> None:
    with SlackStub() as stub, SocketModeStub() as ws:
        stub.answers["apps.connections.open"] = {"ok": True, "url": ws.url}
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("SLACK_", "DATABASE_URL", "PORT"))
        }
        env.update(
            SLACK_APP_TOKEN="xapp-1-socket",
            SLACK_BOT_TOKEN="xoxb-socket",
            SLACK_API_URL=stub.api_url,
            BRIEFINGS_DIR=str(FIXTURES),
            DIGEST_DB_PATH=str(tmp_path / "d.sqlite3"),
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert ws.connected.wait(20), "the app never opened the Socket Mode connection"
            opened = stub.calls_for("apps.connections.open")[0]
            assert opened.headers["authorization"] == "Bearer xapp-1-socket"
            command = {
                "command": "/deepseek",
                "text": "brief distilation",
                "user_id": "U0ALICE",
                "channel_id": "C0TEST",
                "team_id": "T0STUB",
                "api_app_id": "A0TEST",
                "response_url": stub.response_url("sock1", channel="C0TEST"),
                "trigger_id": "1.2.3",
            }
            ws.send(
                {
                    "envelope_id": "env-1",
                    "type": "slash_commands",
                    "accepts_response_payload": True,
                    "payload": command,
                }
            )
            reply = ws.reply_to("env-1")["payload"]
            check_payload(reply)
            assert reply["blocks"][0]["text"]["text"] == "Distillation allegations"
            action = {
                "type": "block_actions",
                "user": {"id": "U0ALICE"},
                "api_app_id": "A0TEST",
                "team": {"id": "T0STUB"},
                "container": {"type": "message", "is_ephemeral": True, "channel_id": "C0TEST"},
                "channel": {"id": "C0TEST"},
                "trigger_id": "1.2.3",
                "response_url": stub.response_url("sock2", channel="C0TEST"),
                "actions": [
                    {"action_id": "share", "value": "brief distillation", "type": "button"}
                ],
            }
            ws.send(
                {
                    "envelope_id": "env-2",
                    "type": "interactive",
                    "accepts_response_payload": False,
                    "payload": action,
                }
            )
            ws.reply_to("env-2")
            posted = stub.wait_for("response", 1)[-1]
            assert posted.body["response_type"] == "in_channel"
            assert (
                stub.posts("C0TEST")[-1]["blocks"][0]["text"]["text"] == "Distillation allegations"
            )
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
