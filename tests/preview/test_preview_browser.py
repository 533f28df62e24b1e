"""The preview page in a real headless Chromium: type a command, click, post a digest."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_page_runs_command_click_and_digest_with_demo_app(
    browser_page: Any, demo_preview: str
) -> None:
    page = browser_page
    page.goto(demo_preview)
    page.fill("#input", "/deepseek brief cost")
    page.press("#input", "Enter")
    reply = page.locator(".msg.ephemeral").first
    reply.wait_for()
    assert "Brief: brief cost" in reply.inner_text()
    assert "Only visible to you" in reply.inner_text()
    page.click("text=Share in channel")
    page.locator(".msg:not(.ephemeral)", has_text="shared the brief for brief cost").wait_for()
    page.click("#digest")
    page.locator(".msg", has_text="DeepSeek digest").wait_for()
    page.click("button.replies")
    page.locator("#thread-body", has_text="More detail here").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "preview-demo.png"))
