"""`deepseek-bot serve --http` with SLACK_CLIENT_ID and SECRET: OAuth mode under gunicorn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from digest_helpers import DB, FIXTURE_BRIEFINGS

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode(), r.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), ""


def test_serve_http_in_oauth_mode(db: DB, tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DIGEST_"))}
    env.update(db.env())
    env.update(
        SLACK_CLIENT_ID="1111.2222",
        SLACK_CLIENT_SECRET="client-secret-value",
        SLACK_SIGNING_SECRET="signing-secret-value",
        BRIEFINGS_DIR=str(FIXTURE_BRIEFINGS),
        HOST="127.0.0.1",
        WEB_CONCURRENCY="2",
        WEB_THREADS="4",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--http", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "serve --http did not come up"
            time.sleep(0.2)
        for _ in range(4):  # both workers (fork after the app was built) use the database
            status, body, cookie = fetch(base + "/slack/install")
            assert status == 200 and 'id="add-to-slack"' in body
            assert cookie.startswith("slack-app-oauth-state=") and "Secure" in cookie
        status, body, _ = fetch(base + "/slack/oauth_redirect?code=x&state=forged")
        assert status == 400 and "Not installed" in body
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=20)
    assert "OAuth mode, install at" in err
    assert "Traceback" not in err and "client-secret-value" not in err
