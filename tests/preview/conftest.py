"""Fixtures for the preview: a running preview server process and a headless Chromium.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; Playwright's own browser
download is never used. In CI (CI=true) a missing Chromium is installed with apt-get; elsewhere
the browser tests skip and say how to install it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from preview_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    briefings_for_tests,
    free_port,
    install_chromium,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() != "true":
            pytest.skip(
                "browser test needs Debian's Chromium at /usr/bin/chromium "
                "(apt-get install chromium chromium-driver); CI installs it itself"
            )
        problem = install_chromium()
        if problem or not CHROMIUM.exists():
            pytest.fail(f"could not install Chromium for the browser test: {problem}")
    return str(CHROMIUM)


@pytest.fixture
def browser_page(chromium_path: str, tmp_path: Path) -> Iterator[Any]:
    """A Playwright page in headless Debian Chromium with an empty profile."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium_path,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 860},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(10_000)
            yield page
        finally:
            context.close()


@pytest.fixture
def demo_preview() -> Iterator[str]:
    """The preview server with the demo app, in its own process; yields its URL."""
    port = free_port()
    proc, url = start_server(
        [sys.executable, str(Path(__file__).parent / "run_demo.py"), str(port)]
    )
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture
def real_preview(tmp_path: Path) -> Iterator[str]:
    """`deepseek-bot serve --port N` with no Slack tokens: the real app in the preview."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["BRIEFINGS_DIR"] = str(briefings_for_tests())
    env.pop("PORT", None)
    exe = Path(sys.executable).with_name("deepseek-bot")
    port = free_port()
    # cwd is an empty directory so that a developer's .env cannot switch serve to Slack.
    proc, url = start_server([str(exe), "serve", "--port", str(port)], env=env, cwd=tmp_path)
    try:
        yield url
    finally:
        stop_server(proc)
