"""`deepseek-bot ask` and `serve`'s configuration errors, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PORT", "HOST"))}
    base["BRIEFINGS_DIR"] = str(FIXTURES)
    base.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=base,
        cwd="/tmp",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_ask_prints_readable_text() -> None:
    out = run("ask", "brief", "distilation")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Distillation allegations\n=====")
    assert "[Share in channel]" in out.stdout
    assert "&amp;" not in out.stdout


def test_ask_json_is_the_exact_payload() -> None:
    out = run("ask", "--json", "topics")
    payload = json.loads(out.stdout)
    assert payload["response_type"] == "ephemeral" and payload["blocks"][0]["type"] == "header"


def test_ask_without_briefings_is_one_line(tmp_path: Path) -> None:
    out = run("ask", "brief", BRIEFINGS_DIR=str(tmp_path))
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0
    assert "index.json not found: run `deepseek-bot build`" in out.stderr


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (
            ["--http"],
            {},
            "HTTP mode needs SLACK_SIGNING_SECRET. Get it at https://api.slack.com/apps",
        ),
        (["--http"], {"SLACK_SIGNING_SECRET": "s"}, "HTTP mode needs SLACK_BOT_TOKEN"),
        (["--socket"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "Socket Mode needs SLACK_APP_TOKEN"),
        (
            ["--socket"],
            {"SLACK_APP_TOKEN": "xoxb-wrong", "SLACK_BOT_TOKEN": "xoxb-1"},
            "SLACK_APP_TOKEN should start with xapp-",
        ),
        ([], {"PORT": "eighty"}, "PORT is invalid"),
        (
            ["--http"],
            {
                "SLACK_SIGNING_SECRET": "s",
                "SLACK_BOT_TOKEN": "xoxb-1",
                "SLACK_API_URL": "slack.com",
            },
            "SLACK_API_URL must be an http(s) URL",
        ),
    ],
)
def test_serve_config_errors_are_one_line(
    args: list[str], env: dict[str, str], expected: str
) -> None:
    out = run("serve", *args, **env)
    assert out.returncode == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr and out.stderr.strip().count("\n") == 0
    for key, value in env.items():
        if key.endswith(("_TOKEN", "_SECRET")) and len(value) > 3:
            assert value not in out.stderr


def test_rejected_token_is_one_line_and_not_logged() -> None:
    from slack_stub import SlackStub

    with SlackStub() as stub:
        stub.inject("auth.test", ("error", "invalid_auth"))
        out = run(
            "serve",
            "--http",
            SLACK_BOT_TOKEN="xoxb-sekrit-value",
            SLACK_SIGNING_SECRET="s3",
            SLACK_API_URL=stub.api_url,
        )
    assert out.returncode == 2
    assert "Slack refused SLACK_BOT_TOKEN" in out.stderr
    assert "sekrit" not in out.stderr and "Traceback" not in out.stderr


def test_help_has_examples() -> None:
    for cmd in ("serve", "ask"):
        out = run(cmd, "--help")
        assert "Example: deepseek-bot" in out.stdout


def test_ask_digest_preview_shows_the_digest_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "digests.sqlite3"
    out = run("ask", "digest", "preview", DIGEST_DB_PATH=str(db), DATABASE_URL="")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("DeepSeek digest · ")
    assert "Spotlight: " in out.stdout and "In the thread:" in out.stdout
    assert "Digests post in a channel" not in out.stdout
    assert not db.exists()  # a preview reads the store when there is one; it never makes one
    # a channel with history: its next digest; still nothing created
    out = run(
        "ask", "--channel", "C0123", "digest", "preview", DIGEST_DB_PATH=str(db), DATABASE_URL=""
    )
    assert out.returncode == 0 and out.stdout.startswith("DeepSeek digest · ") and not db.exists()
