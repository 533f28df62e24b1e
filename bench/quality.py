"""Answer quality: key-fact recall against a BM25 baseline, reply length, dependent openings,
repeats and faithfulness, for seeds alone and for seeds + the development corpus.

    .venv/bin/python bench/quality.py            # both builds
    .venv/bin/python bench/quality.py --verbose  # plus each query's recall and misses

Queries and their key facts: tests/corpus/queries.toml. The baseline gets the same number of
characters as our reply, filled with the plain top BM25 sentences of the same articles.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# bench/http.py would shadow the standard library's http package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
sys.path.insert(0, str(BENCH.parent / "tests" / "corpus"))

import corpus_tools as ct  # noqa: E402

from bot.slack.listeners.commands.brief import topic_reply  # noqa: E402


def run(name: str, seeds: Path, out: Path, verbose: bool) -> None:
    lib = ct.build_into(seeds, out)
    have = {a.id for a in lib.articles}
    baseline = ct.Baseline(seeds)
    got = base = total = 0
    new_got = new_base = new_total = 0  # questions about the newer coverage (tests/corpus)
    seed_ids = {p.stem for p in (ct.SEEDS / "articles").glob("*.txt")}
    lengths = []
    for q in ct.queries():
        if not set(q.needs) <= have:
            continue
        text = ct.visible_text(topic_reply(lib, q.ask))
        lengths.append(len(text))
        ours = ct.recall(text, q)
        theirs = ct.recall(baseline.reply(q.ask, len(text)), q)
        got, base, total = got + ours, base + theirs, total + len(q.facts)
        if not set(q.needs) <= seed_ids:
            new_got, new_base = new_got + ours, new_base + theirs
            new_total += len(q.facts)
        if verbose:
            missed = [
                f[0] for f in q.facts if not any(__import__("re").search(a, text, 2) for a in f)
            ]
            print(
                f"  {ours}/{len(q.facts)} (bm25 {theirs}) {len(text):5} {q.ask!r} missed={missed}"
            )
    briefs = [len(ct.visible_text(topic_reply(lib, t.id))) for t in lib.topics]
    briefs.append(len(ct.visible_text(topic_reply(lib, ""))))
    print(f"{name}: {len(have)} articles, {len(lengths)} queries, {total} key facts")
    print(f"  recall      {got / total:6.1%}   BM25 at equal length {base / total:6.1%}")
    if new_total:
        print(
            f"  newer coverage only: recall {new_got / new_total:6.1%}   "
            f"BM25 {new_base / new_total:6.1%}   ({new_total} facts)"
        )
    print(
        f"  reply chars median {statistics.median(lengths):.0f}, longest {max(lengths)}"
        f"  (topic briefs + overview: median {statistics.median(briefs):.0f}, longest {max(briefs)})"
    )
    dep, rep, bad = ct.dependent_openings(lib), ct.repeats(lib), ct.unfaithful(lib, seeds)
    print(
        f"  dependent openings {len(dep)}, repeated sentences {len(rep)}, unfaithful points {len(bad)}"
    )
    if verbose:
        for line in dep + rep + bad:
            print("   ", line[:160])


def main() -> None:
    verbose = "--verbose" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        run("seeds", ct.make_seeds(t / "s1", corpus=[]), t / "b1", verbose)
        run("seeds + corpus", ct.make_seeds(t / "s2"), t / "b2", verbose)


if __name__ == "__main__":
    main()
