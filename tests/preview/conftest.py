"""Fixtures for the preview: a running preview server process and a headless Chromium.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; Playwright's own browser
download is never used. In CI (CI=true) a missing Chromium is installed with apt-get; elsewhere
the browser tests skip and say how to install it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_TIMEOUT = 1200  # seconds; a cold apt-get of chromium is slow on CI machines


def _install_chromium() -> str | None:
    """apt-get install chromium chromium-driver; None on success, else what went wrong."""
    apt = shutil.which("apt-get")
    if apt is None:
        return "apt-get is not available"
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            return "not root and no sudo"
        prefix = [sudo, "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (
        [apt, "-qq", "update"],
        [apt, "-y", "-qq", "install", "chromium", "chromium-driver"],
    ):
        try:
            done = subprocess.run(
                prefix + cmd, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            return f"`{' '.join(cmd)}` took over {INSTALL_TIMEOUT}s"
        if done.returncode != 0:
            return f"`{' '.join(cmd)}` failed: {done.stderr.strip()[-500:]}"
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() != "true":
            pytest.skip(
                "browser test needs Debian's Chromium at /usr/bin/chromium "
                "(apt-get install chromium chromium-driver); CI installs it itself"
            )
        problem = _install_chromium()
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT
) -> tuple[subprocess.Popen[str], str]:
    """Start a preview process and wait for the URL it prints."""
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    seen: list[str] = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if "http://" in line:
            url = line[line.index("http://") :].split()[0]
            return proc, url
    stop_server(proc)
    raise AssertionError("the preview did not print its URL:\n" + "".join(seen))


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


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


def briefings_for_tests() -> Path:
    """The committed briefings when built, else the Slack app's fixture briefings."""
    built = ROOT / "briefings"
    if (built / "index.json").exists():
        return built
    return ROOT / "tests" / "slack" / "fixtures" / "briefings"


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
