"""`deepseek-bot serve` with no Slack tokens starts the preview on PORT and prints its URL."""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path

import pytest
from preview_support import briefings_for_tests, free_port, start_server, stop_server

pytestmark = pytest.mark.e2e


def test_serve_without_tokens_starts_the_preview_on_port(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(PORT=str(port), BRIEFINGS_DIR=str(briefings_for_tests()))
    exe = str(Path(sys.executable).with_name("deepseek-bot"))
    proc, url = start_server([exe, "serve"], env=env, cwd=tmp_path)
    try:
        assert url == f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(url + "healthz", timeout=5) as r:
            assert json.loads(r.read()) == {"ok": True, "app": True}
        with urllib.request.urlopen(url, timeout=5) as r:
            assert b"#deepseek-preview" in r.read()
    finally:
        stop_server(proc)
