"""Benchmark: 1,000 subscribed channels, all due at once, against the local Slack stand-in.

The stand-in (tests/slack_stub.py, run as its own process) enforces 1 post per second per
channel and answers a share of posts with a random 429 + Retry-After. Each digest is two
posts in its channel (the message and its thread reply), so the pacing is exercised too.

Prints wall time, posts per second, and the counts of duplicate and missing deliveries
(both must be 0; the exit status is 1 otherwise).

    .venv/bin/python bench/digest.py [--channels 1000] [--workers 200] [--random-429 0.05]
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python bench/digest.py

`--workspaces 50` (OAuth mode): 50 workspaces x `--channels-each 20`, each posting with its
own token; the stand-in limits each token and channel to 1 post a second and answers every
other post of one workspace (`--throttled 1`) with 429 + Retry-After. It runs twice, without
and with that workspace's 429s, and reports how much later the other workspaces finished.
"""

from __future__ import annotations

# ruff: noqa: E402  (bench/ must leave sys.path before the imports below)
import sys
from pathlib import Path

# bench/http.py would shadow the standard library's `http` package: drop bench/ from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import itertools
import json
import logging
import os
import subprocess
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.digest.content import load_content
from bot.digest.deliver import Pacer, WebClientSlack, run_due
from bot.digest.schedule import Schedule, slot_id
from bot.digest.store import Store

FIXTURES = ROOT / "tests" / "slack" / "fixtures" / "briefings"
SLOT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def start_stub(random_429: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "slack_stub.py"),
            "--enforce-rate",
            "--random-429",
            str(random_429),
            "--seed",
            "7",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    api_url = proc.stdout.readline().strip()
    return proc, api_url


def start_stub_throttled(tokens: list[str], retry_after: int) -> tuple[subprocess.Popen[str], str]:
    args = [sys.executable, str(ROOT / "tests" / "slack_stub.py"), "--enforce-rate"]
    for t in tokens:
        args += ["--throttle", t]
    args += ["--throttle-after", str(retry_after)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


class BenchTokens:
    """One token per workspace (what bot.digest.installs gives from the installations)."""

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url

    def slack_for(self, workspace: str) -> WebClientSlack:
        return WebClientSlack(f"xoxb-{workspace.strip(':')}", base_url=self.api_url, timeout=30)


def workspaces_run(args: argparse.Namespace, throttled: int) -> dict[str, float]:
    """One run of --workspaces x --channels-each; returns its figures."""
    spaces = [f":T{i:03d}" for i in range(args.workspaces)]
    slow = spaces[:throttled]
    stub, api_url = start_stub_throttled([f"xoxb-{w.strip(':')}" for w in slow], args.retry_after)
    tmp = tempfile.TemporaryDirectory()
    url, _kind = db_url(Path(tmp.name))
    store = Store(url, prefix=f"bench{uuid.uuid4().hex[:8]}_")
    try:
        store.create_schema()
        sched = Schedule("weekdays", 9, 0, "Europe/London")
        for w in spaces:
            scoped = store.scoped(w)
            for i in range(args.channels_each):
                scoped.subscribe(f"C{i:03d}", sched, by="U0", now=SLOT - timedelta(days=1))
        t0_wall = time.time()
        t0 = time.perf_counter()
        report = run_due(
            SLOT + timedelta(seconds=5),
            store=store,
            tokens=BenchTokens(api_url),
            content=load_content(FIXTURES),
            workers=args.workers,
            grace=timedelta(hours=6),
            pacer=Pacer(1.0),
        )
        wall = time.perf_counter() - t0
        with urllib.request.urlopen(api_url.replace("/api/", "/_stub/calls")) as resp:
            calls = json.load(resp)
        done: dict[str, float] = {}
        digests: Counter[tuple[str, str]] = Counter()
        accepted = limited = 0
        for c in calls:
            if c["method"] != "chat.postMessage":
                continue
            limited += c["status"] == 429
            if c["status"] != 200:
                continue
            accepted += 1
            ws = c["token"]
            done[ws] = max(done.get(ws, 0.0), c["at"] - t0_wall)
            if not c["body"].get("thread_ts"):
                digests[(ws, c["body"]["channel"])] += 1
        rows = store.all_deliveries()
        posted = sum(1 for r in rows if r.status == "posted")
        slow_tokens = {f"xoxb-{w.strip(':')}" for w in slow}
        others = sorted(t for ws_t, t in done.items() if ws_t not in slow_tokens)
        return {
            "wall": wall,
            "accepted": accepted,
            "pps": accepted / wall,
            "limited": limited,
            "posted": posted,
            "expected": len(spaces) * args.channels_each,
            "duplicates": sum(n - 1 for n in digests.values() if n > 1),
            "others_p50": others[len(others) // 2] if others else 0.0,
            "others_max": others[-1] if others else 0.0,
            "slow_done": max((t for ws_t, t in done.items() if ws_t in slow_tokens), default=0.0),
            "ok": float(report.ok),
        }
    finally:
        store.drop_schema()
        store.close()
        tmp.cleanup()
        stub.terminate()
        stub.wait(timeout=10)
        if stub.stdout is not None:
            stub.stdout.close()


def workspaces_main(args: argparse.Namespace) -> int:
    base = workspaces_run(args, 0)
    hit = workspaces_run(args, args.throttled)
    n = args.workspaces * args.channels_each
    print(f"workspaces x channels: {args.workspaces} x {args.channels_each} = {n} digests")
    print(f"workers:               {args.workers}")
    for name, r in (("no 429s", base), (f"{args.throttled} workspace(s) 429", hit)):
        print(
            f"{name:>20}: wall {r['wall']:.1f} s, {r['pps']:.1f} posts/s, 429s {int(r['limited'])}, "
            f"others done p50 {r['others_p50']:.1f} s / last {r['others_max']:.1f} s, "
            f"throttled done {r['slow_done']:.1f} s, posted {int(r['posted'])}/{int(r['expected'])}, "
            f"duplicates {int(r['duplicates'])}"
        )
    print(
        f"delay to the other workspaces: {hit['others_max'] - base['others_max']:+.1f} s (last post)"
    )
    ok = all(r["posted"] == r["expected"] and r["duplicates"] == 0 for r in (base, hit))
    return 0 if ok else 1


def db_url(tmp: Path) -> tuple[str, str]:
    url = os.environ.get("DATABASE_URL") or ""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :], "PostgreSQL"
    return f"sqlite:///{tmp / 'bench.sqlite3'}", "SQLite"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--channels", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=200)
    ap.add_argument("--random-429", type=float, default=0.05)
    ap.add_argument("--workspaces", type=int, default=0, help="OAuth mode: this many workspaces")
    ap.add_argument("--channels-each", type=int, default=20)
    ap.add_argument("--throttled", type=int, default=1, help="workspaces answered with 429s")
    ap.add_argument("--retry-after", type=int, default=2)
    args = ap.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    if args.workspaces:
        return workspaces_main(args)

    content = load_content(FIXTURES)
    stub, api_url = start_stub(args.random_429)
    tmp = tempfile.TemporaryDirectory()
    url, kind = db_url(Path(tmp.name))
    store = Store(url, prefix=f"bench{uuid.uuid4().hex[:8]}_")
    try:
        store.create_schema()
        channels = [f"C{i:05d}" for i in range(args.channels)]
        sched = Schedule("weekdays", 9, 0, "Europe/London")
        for c in channels:
            store.subscribe(c, sched, by="U0", now=SLOT - timedelta(days=1))
        slack = WebClientSlack("xoxb-bench", base_url=api_url, timeout=30)

        t0 = time.perf_counter()
        report = run_due(
            SLOT + timedelta(seconds=5),
            store=store,
            slack=slack,
            content=content,
            workers=args.workers,
            grace=timedelta(hours=6),
            pacer=Pacer(1.0),
        )
        wall = time.perf_counter() - t0
        again = run_due(
            SLOT + timedelta(minutes=1),
            store=store,
            slack=slack,
            content=content,
            workers=args.workers,
            grace=timedelta(hours=6),
        )

        with urllib.request.urlopen(api_url.replace("/api/", "/_stub/calls")) as resp:
            calls = json.load(resp)
        posts = [c for c in calls if c["method"] == "chat.postMessage"]
        accepted = [c for c in posts if c["status"] == 200]
        limited = sum(1 for c in posts if c["status"] == 429)
        digests = Counter(
            (c["body"]["channel"], c["body"]["metadata"]["event_payload"]["slot_id"])
            for c in accepted
            if not c["body"].get("thread_ts")
        )
        threads = Counter(c["body"]["channel"] for c in accepted if c["body"].get("thread_ts"))
        by_channel: dict[str, list[float]] = {}
        for c in accepted:
            by_channel.setdefault(c["body"]["channel"], []).append(c["at"])
        min_gap = min(
            (b - a for times in by_channel.values() for a, b in itertools.pairwise(times)),
            default=0.0,
        )
        duplicates = sum(n - 1 for n in digests.values() if n > 1) + sum(
            n - 1 for n in threads.values() if n > 1
        )
        missing = sum(1 for c in channels if digests.get((c, slot_id(c, SLOT)), 0) == 0)
        rows = store.all_deliveries()
        not_posted = sum(1 for r in rows if r.status != "posted") + (len(channels) - len(rows))

        print(f"database:          {kind}")
        print(f"channels:          {len(channels)} (all due at {SLOT:%Y-%m-%d %H:%M} UTC)")
        print(f"workers:           {args.workers}")
        print(f"wall time:         {wall:.1f} s")
        print(
            f"posts accepted:    {len(accepted)} ({len(digests)} digests + {sum(threads.values())} thread replies)"
        )
        print(f"posts per second:  {len(accepted) / wall:.1f}")
        print(
            f"429s answered:     {limited} (random {args.random_429:.0%}, plus 1/s/channel limit)"
        )
        print(f"min gap, same channel: {min_gap:.2f} s between accepted posts")
        print(f"first run:         {report.summary()}")
        print(f"second run posted: {len(again.posted)}")
        print(f"duplicates:        {duplicates}")
        print(f"missing:           {missing}")
        print(f"rows not posted:   {not_posted}")
        ok = duplicates == 0 and missing == 0 and not_posted == 0 and not again.posted
        return 0 if ok else 1
    finally:
        store.drop_schema()
        store.close()
        tmp.cleanup()
        stub.terminate()
        stub.wait(timeout=10)
        if stub.stdout is not None:
            stub.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
