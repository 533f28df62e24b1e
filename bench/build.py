"""Benchmark for `deepseek-bot build` (not a test): the seeds, then synthetic corpora.

Synthetic corpora of 200, 1,000 and 5,000 articles are made by recombining the seed
articles' lines (boilerplate included), with numbers and single words varied so that most
sentences are new text. Each size runs in its own process, so peak memory (ru_maxrss) is
per size. For each it prints wall and CPU time, articles/s (wall), peak memory, and the growth
exponent of CPU time between sizes (1.0 = linear; n log n is about 1.1 over these ranges).
CPU time is shown because a shared machine can stretch wall time.

    .venv/bin/python bench/build.py [--sizes 200,1000,5000] [--seed 7]
"""

from __future__ import annotations

# ruff: noqa: E402  (bench/ must leave sys.path before the imports below)
import sys
from pathlib import Path

# bench/http.py would shadow the standard library's `http` package: drop bench/ from the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import math
import random
import re
import resource
import shutil
import subprocess
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def synthesize(dest: Path, n: int, seed: int) -> None:
    """Write n articles made of recombined seed lines, plus the real topics.toml, into dest."""
    sys.path.insert(0, str(ROOT))
    from bot.builder.readers import read_seeds

    real = read_seeds(SEEDS)
    lines = [line for a in real.articles for line in a.body.splitlines() if line.strip()]
    vocab = sorted({w for line in lines for w in line.split() if w.isalpha() and len(w) > 3})
    rng = random.Random(seed)
    (dest / "articles").mkdir(parents=True)
    shutil.copy(SEEDS / "topics.toml", dest / "topics.toml")
    for i in range(n):
        start = rng.randrange(len(lines))
        body: list[str] = []
        for k in range(rng.randint(20, 60)):
            line = lines[(start + k) % len(lines)] if rng.random() < 0.6 else rng.choice(lines)
            if rng.random() < 0.5:  # vary figures
                line = NUMBER.sub(lambda m: str(rng.randint(1, 999)), line)
            words = line.split(" ")
            if len(words) > 6 and rng.random() < 0.8:  # vary one word
                words[rng.randrange(len(words))] = rng.choice(vocab)
            body.append(" ".join(words))
        head = f'+++\nid = "syn-{i:05d}"\ntitle = "Synthetic article {i}"\n+++\n'
        (dest / "articles" / f"syn-{i:05d}.txt").write_text(head + "\n".join(body) + "\n")


def run_one(seeds_dir: Path) -> dict[str, float]:
    """Build seeds_dir into a temporary folder, in this process; report time and memory."""
    sys.path.insert(0, str(ROOT))
    from bot.builder.pipeline import build
    from bot.builder.readers import read_seeds
    from bot.builder.writer import write_atomic

    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        seeds = read_seeds(seeds_dir)
        # synthetic text: a few articles are all boilerplate, so skip them as an operator may
        output = build(seeds, skip_unusable=True)
        write_atomic(Path(tmp) / "briefings", output.files)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(seeds.articles),
        "wall": wall,
        "cpu": cpu,
        "peak_mb": peak_kb / 1024,
        "points": output.index.build.points,
        "dropped": output.index.build.dropped_lines,
    }


def incremental(n: int, seed: int) -> None:
    """`deepseek-bot build` (a fresh process, as an operator runs it) over n articles with a
    cold cache, then after adding one article, then with nothing changed."""
    cli = [str(Path(sys.executable).parent / "deepseek-bot"), "build", "-q", "--skip-unusable"]
    with tempfile.TemporaryDirectory() as tmp:
        seeds, out, cache = Path(tmp) / "seeds", Path(tmp) / "out", Path(tmp) / "cache"
        synthesize(seeds, n + 1, seed)
        extra = seeds / "articles" / f"syn-{n:05d}.txt"
        held = extra.read_text()
        extra.unlink()
        args = [*cli, "--seeds", str(seeds), "--out", str(out), "--cache", str(cache)]
        times = []
        for step in ("cold", "add one", "unchanged"):
            if step == "add one":
                extra.write_text(held)
            t0 = time.perf_counter()
            subprocess.run(args, check=True)
            times.append((step, time.perf_counter() - t0))
    print(f"incremental, {n} articles: " + ", ".join(f"{s} {t:.2f} s" for s, t in times))
    print("target: add one article to 1,000 and rebuild < 2 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--incremental",
        type=int,
        default=1000,
        help="also time `deepseek-bot build` after adding one article to this many (0: skip)",
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    if args.incremental:
        incremental(args.incremental, args.seed)

    def measure(seeds_dir: Path) -> dict[str, float]:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(seeds_dir)], capture_output=True, text=True
        )
        if proc.returncode:
            sys.exit(f"build of {seeds_dir} failed:\n{proc.stderr.strip()}")
        result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
        return result

    rows: list[dict[str, float]] = [measure(SEEDS)]
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            synthesize(Path(tmp) / "seeds", n, args.seed)
            rows.append(measure(Path(tmp) / "seeds"))

    print(
        f"{'articles':>8} {'wall s':>8} {'cpu s':>8} {'art/s':>8} {'peak MB':>8} {'points':>7} "
        f"{'dropped':>8} {'cpu growth':>10}"
    )
    prev: dict[str, float] | None = None
    for row in rows:
        growth = ""
        if prev is not None and prev["articles"] > 5:
            k = math.log(row["cpu"] / prev["cpu"]) / math.log(row["articles"] / prev["articles"])
            growth = f"n^{k:.2f}"
        print(
            f"{row['articles']:>8.0f} {row['wall']:>8.2f} {row['cpu']:>8.2f} "
            f"{row['articles'] / row['wall']:>8.1f} "
            f"{row['peak_mb']:>8.0f} {row['points']:>7.0f} {row['dropped']:>8.0f} {growth:>10}"
        )
        prev = row
    print("targets: seeds < 1 s; 1,000 < 60 s; growth ≤ n log n (≈ n^1.1 here); < 1 GB at 5,000")


if __name__ == "__main__":
    main()
