"""The preview page in a real headless Chromium: type a command, click, post a digest."""

from __future__ import annotations

from typing import Any

import pytest
from preview_support import ARTIFACTS

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


def test_real_app_in_the_browser(browser_page: Any, real_preview: str) -> None:
    """`deepseek-bot serve` with no tokens: the bot's own app, in a Slack-like page."""
    page = browser_page
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(real_preview)
    page.locator(".empty", has_text="very beginning").wait_for()

    # Typed text never becomes markup or script, end to end.
    page.fill("#input", "/deepseek brief <img src=x onerror=alert(1)><script>alert(2)</script>")
    page.press("#input", "Enter")
    page.locator(".msg.ephemeral").first.wait_for()
    page.fill("#input", "<img src=x onerror=alert(3)> hello")
    page.press("#input", "Enter")
    page.locator(".msg", has_text="hello").wait_for()
    assert page.locator("#messages img, #messages script").count() == 0

    # Typing the command shows its usage hint, from manifest.json, as Slack does.
    page.fill("#input", "/dee")
    page.locator("#usage.open", has_text="/deepseek").wait_for()

    # A command: the reply is the app's ack, ephemeral.
    page.fill("#input", "/deepseek brief cost")
    page.press("#input", "Enter")
    reply = page.locator(".msg.ephemeral", has_text="Training cost and efficiency").first
    reply.wait_for()
    assert "Only visible to you" in reply.inner_text()
    assert reply.locator(".bk-header").count() >= 1
    assert reply.locator(".bk-button").count() >= 2

    # A button: Share in channel runs the app's action handler and posts for everyone.
    reply.locator(".bk-button", has_text="Share in channel").click()
    shared = page.locator(".msg:not(.ephemeral)", has_text="Training cost and efficiency").first
    shared.wait_for()
    assert "Shared by" in shared.inner_text()

    # The digest: the digest code's own delivery, with its thread reply.
    page.click("#digest")
    digest = page.locator(".msg:not(.ephemeral)", has_text="DeepSeek digest").first
    digest.wait_for()
    digest.locator("button.replies").click()
    thread = page.locator("#thread.open")
    thread.wait_for()
    assert thread.locator(".msg").count() >= 2  # the digest and its reply

    # Nothing the app sent is unknown to the renderer, and nothing went wrong.
    assert page.locator(".bk-unknown").count() == 0
    assert page.locator(".note.error").count() == 0
    assert errors == [] and dialogs == []  # no script errors, no CSP violations, no alert()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "preview.png"))

    # The Home tab: app_home_opened reaches the app, which publishes its view.
    page.click("#nav-app")
    page.locator(".home .bk-header").first.wait_for()
    page.screenshot(path=str(ARTIFACTS / "preview-home.png"))

    # A Home button opens the topic in a modal (views.open); Escape closes it.
    page.locator(".home .bk-button").first.click()
    modal = page.locator("#modal-bg.open")
    modal.wait_for()
    assert modal.locator(".bk-header").count() >= 1
    page.keyboard.press("Escape")
    modal.wait_for(state="hidden")
