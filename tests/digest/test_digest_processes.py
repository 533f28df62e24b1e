"""Real `deepseek-bot digest run-due` processes against a real database file or server.

- two processes at once: every channel gets exactly one digest;
- kill -9 between the post and its record: the next run finds the post in the channel's
  history (message metadata) and records it instead of posting again;
- kill -9 after the claim but before Slack got the post: the next run posts it, once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from digest_helpers import DB, FIXTURE_BRIEFINGS
from slack_stub import SlackStub

from bot.digest.schedule import Schedule, slot_id

pytestmark = pytest.mark.e2e

NOW = datetime(2025, 3, 10, 9, 1, tzinfo=UTC)  # Monday; 09:00 Europe/London = 09:00 UTC
SLOT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SCHED = Schedule("weekdays", 9, 0, "Europe/London")


def env_for(db: DB, stub: SlackStub, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DIGEST_"))}
    env.update(db.env())
    env.update(
        SLACK_BOT_TOKEN="xoxb-test-secret",
        SLACK_API_URL=stub.api_url,
        BRIEFINGS_DIR=str(FIXTURE_BRIEFINGS),
        DIGEST_GRACE="6h",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run_due(
    db: DB, stub: SlackStub, cwd: Path, *, now: datetime = NOW, **extra: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "digest", "run-due", "--now", now.isoformat()],
        env=env_for(db, stub, **extra),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[str, str]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "xoxb-test-secret" not in out + err
    return out, err


def subscribe(db: DB, channels: list[str]) -> None:
    store = db.store()
    try:
        store.create_schema()
        for c in channels:
            store.subscribe(c, SCHED, by="U1", now=SLOT - timedelta(days=3))
    finally:
        store.close()


def top_level(stub: SlackStub, channel: str) -> list[dict[str, object]]:
    return [m for m in stub.posts(channel) if "thread_ts" not in m]


def test_two_run_due_processes_at_once(db: DB, tmp_path: Path) -> None:
    channels = [f"C{i:03d}" for i in range(20)]
    subscribe(db, channels)
    with SlackStub(enforce_rate=True) as stub:
        procs = [run_due(db, stub, tmp_path, DIGEST_WORKERS="20") for _ in range(2)]
        outs = [finish(p)[0] for p in procs]
        for c in channels:
            assert len(top_level(stub, c)) == 1, c
            assert len(stub.posts(c)) == 2  # the digest and its thread reply
        assert all(c.status == 200 for c in stub.calls_for("chat.postMessage"))
        posted = sum(int(o.split("posted ")[1].split(",")[0]) for o in outs)
        assert posted == len(channels), outs
        # And a third run, later (in this process): nothing more.
        from bot.digest.content import load_content
        from bot.digest.deliver import WebClientSlack
        from bot.digest.deliver import run_due as run_due_here

        store = db.store()
        try:
            again = run_due_here(
                NOW + timedelta(minutes=30),
                store=store,
                slack=WebClientSlack("xoxb-test", base_url=stub.api_url),
                content=load_content(FIXTURE_BRIEFINGS),
                workers=4,
                grace=timedelta(hours=6),
            )
        finally:
            store.close()
        assert again.posted == [] and again.recovered == []
        assert len(stub.posts()) == 2 * len(channels)
    store = db.store()
    try:
        rows = store.all_deliveries()
        assert len(rows) == len(channels) and {r.status for r in rows} == {"posted"}
    finally:
        store.close()


def test_kill_9_between_post_and_record_then_recovery(db: DB, tmp_path: Path) -> None:
    subscribe(db, ["C1"])
    with SlackStub() as stub:
        # Slack accepts the post, but the answer is late, and the process dies meanwhile.
        stub.inject("chat.postMessage", ("slow_after", 30))
        proc = run_due(db, stub, tmp_path)
        deadline = time.monotonic() + 20
        while not stub.posts("C1"):
            assert time.monotonic() < deadline, "the post never reached the stub"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        [row] = _rows(db)
        assert row.status == "claimed" and row.ts is None  # killed before recording

        out, err = finish(run_due(db, stub, tmp_path, now=NOW + timedelta(minutes=2)))
        assert "recovered 1" in out and "posted 0" in out, out
        assert "found slot" in err
        assert stub.calls_for("conversations.history")
        assert len(top_level(stub, "C1")) == 1
        assert len(stub.posts("C1")) == 2  # plus the thread reply, once
        [row] = _rows(db)
        assert row.status == "posted" and row.ts == top_level(stub, "C1")[0]["ts"]
        meta = top_level(stub, "C1")[0]["metadata"]
        sid = slot_id("C1", SLOT)
        assert meta == {
            "event_type": "deepseek_digest",
            "event_payload": {"slot_id": sid, "part": "digest"},
        }


def test_kill_9_after_claim_before_post(db: DB, tmp_path: Path) -> None:
    """Claimed, but nothing was sent: the next run posts, once, without reading history
    (a send is always stamped in the claim first, so none was made)."""
    subscribe(db, ["C1"])
    store = db.store()
    try:
        # What a runner leaves behind when it dies right after claiming: a claim by a dead pid.
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        pid = int(dead.stdout)
        import socket

        claimant = f"{socket.gethostname()}:{pid}:feedface"
        assert store.claim("C1", SLOT, token="feedface", claimant=claimant) is not None
    finally:
        store.close()
    with SlackStub() as stub:
        out, _ = finish(run_due(db, stub, tmp_path, now=NOW + timedelta(minutes=2)))
        assert "posted 1" in out, out
        assert stub.calls_for("conversations.history") == []  # nothing to look for
        assert len(top_level(stub, "C1")) == 1
    assert [r.status for r in _rows(db)] == ["posted"]


def _rows(db: DB) -> list[object]:
    store = db.store()
    try:
        return list(store.all_deliveries())
    finally:
        store.close()


def test_run_due_without_token_is_one_line(tmp_path: Path) -> None:
    db = DB("sqlite", "", None, tmp_path / "d.sqlite3", "t_")
    with SlackStub() as stub:
        proc = run_due(db, stub, tmp_path, SLACK_BOT_TOKEN="")
        _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.strip().splitlines() == [
        "deepseek-bot digest: SLACK_BOT_TOKEN is not set: digests post with the bot token "
        "(api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token)."
    ]
