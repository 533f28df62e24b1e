"""Helpers for the preview tests: Chromium set-up, free ports, preview server processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

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


def install_chromium() -> str | None:
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


def briefings_for_tests() -> Path:
    """The committed briefings when built, else the Slack app's fixture briefings."""
    built = ROOT / "briefings"
    if (built / "index.json").exists():
        return built
    return ROOT / "tests" / "slack" / "fixtures" / "briefings"
