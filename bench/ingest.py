"""Benchmark for `deepseek-bot add` and `deepseek-bot feeds pull` (not a test).

A local HTTP server on 127.0.0.1 (tests/ingest/ingest_server.py) serves realistic news pages
(tests/ingest/ingest_pages.py) and an RSS feed of 50 entries. Each figure is the wall time
of the real command in a fresh process (imports included), as an operator runs it:

- add one page, into the 5 project seeds and into a corpus of 1,000 seeds (duplicate check);
- pull a feed of 50 new relevant entries (50 pages fetched, extracted and written);
- pull it again (the feed answers 304: nothing else is fetched).

    .venv/bin/python bench/ingest.py [--repeat 5]
"""

from __future__ import annotations

# ruff: noqa: E402  (bench/ must leave sys.path before the imports below)
import sys
from pathlib import Path

# bench/http.py would shadow the standard library's `http` package: drop bench/ from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ingest")]

from ingest_pages import rss, story
from ingest_server import LocalServer, Route

from bot.ingest.extract import extract_html
from bot.ingest.seedfile import render
from bot.models import ArticleMeta

BIN = [sys.executable, "-m", "bot"]


def run(*args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run([*BIN, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.strip() or proc.stdout.strip()}")
    return took


def seeds_copy(dest: Path, extra: int) -> Path:
    seeds = dest / "seeds"
    shutil.copytree(ROOT / "seeds", seeds, ignore=shutil.ignore_patterns("README.md"))
    for n in range(10_000, 10_000 + extra):  # distinct stories, as seed files
        ex = extract_html(story(n).html())
        meta = ArticleMeta(id=f"syn-{n}", title=f"Synthetic {n}", url=f"https://syn.example/{n}")
        (seeds / "articles" / f"syn-{n}.txt").write_bytes(render(meta, ex.paragraphs))
    return seeds


def bench_add(server: LocalServer, extra: int, repeat: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        seeds = seeds_copy(Path(tmp), extra)
        for i in range(repeat):
            path = f"/add/{extra}/{i}"
            server.routes[path] = Route(story(20_000 + extra + i).html().encode())
            times.append(run("add", server.url(path), "--seeds", str(seeds)))
    return statistics.median(times)


def bench_feed(server: LocalServer, entries: int) -> tuple[float, float]:
    items = []
    for n in range(entries):
        path = f"/feed/{n}"
        server.routes[path] = Route(story(30_000 + n).html().encode())
        items.append((f"DeepSeek story {n}", server.url(path), f"DeepSeek news {n}.", None))
    server.routes["/rss.xml"] = Route(rss(items), content_type="application/rss+xml", etag='"v1"')
    with tempfile.TemporaryDirectory() as tmp:
        seeds = seeds_copy(Path(tmp), 0)
        (seeds / "feeds.toml").write_text(
            f'[[feed]]\nname = "Bench"\nurl = "{server.url("/rss.xml")}"\n'
        )
        state = Path(tmp) / "state.json"
        args = ("feeds", "pull", "--seeds", str(seeds), "--state", str(state))
        first = run(*args)
        added = len(list((seeds / "articles").glob("deepseek-story-*.txt")))
        if added != entries:
            raise SystemExit(f"the pull added {added} articles, not {entries}")
        before = sum(server.hits[f"/feed/{n}"] for n in range(entries))
        second = run(*args)
        if sum(server.hits[f"/feed/{n}"] for n in range(entries)) != before:
            raise SystemExit("the second pull fetched article pages")
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per add figure (median)")
    args = parser.parse_args()
    with LocalServer() as server:
        cold = run("--help")
        print(f"deepseek-bot --help (process start):        {cold:6.2f} s")
        for extra in (0, 1000):
            took = bench_add(server, extra, args.repeat)
            print(f"add one page, {5 + extra:>5,} seeds (median of {args.repeat}): {took:6.2f} s")
        first, second = bench_feed(server, 50)
        print(
            f"feeds pull, 50 new entries:                 {first:6.2f} s ({first / 50 * 1000:.0f} ms per entry)"
        )
        print(f"feeds pull again (304, nothing fetched):    {second:6.2f} s")


if __name__ == "__main__":
    main()
