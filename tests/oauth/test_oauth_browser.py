"""The install page and the redirect in a real headless Chromium (the preview's set-up:
Debian's Chromium driven by Playwright; CI=true installs it, elsewhere the test skips)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from oauth_helpers import OAuthApp, oauth_answer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "preview"))

from preview_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, install_chromium

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() != "true":
            pytest.skip(
                "browser test needs Debian's Chromium at /usr/bin/chromium "
                "(apt-get install chromium chromium-driver); CI installs it itself"
            )
        problem = install_chromium()
        if problem or not CHROMIUM.exists():
            pytest.fail(f"could not install Chromium for the browser test: {problem}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(10_000)
            yield page
        finally:
            context.close()


def test_add_to_slack_in_a_browser(page: Any, oauth_app: OAuthApp) -> None:
    app = oauth_app
    app.stub.next_code = "browser-code"
    app.stub.oauth_codes["browser-code"] = oauth_answer("xoxb-W", "TW", "Web Team")
    page.goto(app.base + "/slack/install")
    assert page.title() == "Add DeepSeek Briefings to Slack"
    # The button goes to Slack's consent page (here the stand-in's), which comes back with a
    # code and the state; the state cookie set by the install page travels with it.
    page.click("#add-to-slack")
    page.wait_for_url("**/slack/oauth_redirect?**")
    body = page.inner_text("body")
    assert page.title() == "Installed", body
    assert "Web Team" in body and "/deepseek brief" in body and "/deepseek digest on" in body
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "oauth-installed.png"))
    # Back and reload: the state was single-use.
    page.reload()
    assert page.title() == "Not installed"
    assert "already used, expired" in page.inner_text("body")
    page.click("text=Start again")
    assert page.title() == "Add DeepSeek Briefings to Slack"
    page.screenshot(path=str(ARTIFACTS / "oauth-install-page.png"))
