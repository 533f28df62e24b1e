"""Answer quality: key-fact recall against a BM25 baseline, reply length, dependent openings,
repeats and faithfulness, for seeds alone and for seeds + the development corpus.

    .venv/bin/python bench/quality.py            # both builds
    .venv/bin/python bench/quality.py --verbose  # plus each query's recall and misses

Last, each corpus article is added alone to the seeds (held out) and its questions asked.

Queries and their key facts: tests/corpus/queries.toml. The baseline gets the same number of
characters as our reply, filled with the plain top BM25 sentences of the same articles.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# bench/http.py would shadow the standard library's http package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
sys.path.insert(0, str(BENCH.parent / "tests" / "corpus"))

import corpus_tools as ct  # noqa: E402

from bot.library import Library  # noqa: E402
from bot.slack.answer import BUDGET, MAX_POINTS  # noqa: E402
from bot.slack.listeners.commands.brief import topic_reply  # noqa: E402

POINTS = MAX_POINTS + 1  # the lead and the points after it


def best_possible(lib: Library, q: ct.Query) -> int:
    """Key facts the catalogue could give in one reply: points picked greedily for the facts
    they add per character, within the answer's limits. What ranking could reach at best."""
    cands = [
        (p.text, {k for k, f in enumerate(q.facts) if any(re.search(a, p.text, re.I) for a in f)})
        for p in lib.points
    ]
    have: set[int] = set()
    used = 0
    for _ in range(POINTS):
        fits = [(t, f - have) for t, f in cands if f - have and used + len(t) <= BUDGET]
        if not fits:
            break
        text, new = max(fits, key=lambda x: len(x[1]) / (len(x[0]) + 100))
        have |= new
        used += len(text)
    return len(have)


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
            missed = [f[0] for f in q.facts if not any(re.search(a, text, re.I) for a in f)]
            print(
                f"  {ours}/{len(q.facts)} (bm25 {theirs}) {len(text):5} {q.ask!r} missed={missed}"
            )
    ceiling = sum(best_possible(lib, q) for q in ct.queries() if set(q.needs) <= have)
    briefs = [len(ct.visible_text(topic_reply(lib, t.id))) for t in lib.topics]
    briefs.append(len(ct.visible_text(topic_reply(lib, ""))))
    print(f"{name}: {len(have)} articles, {len(lengths)} queries, {total} key facts")
    print(f"  recall      {got / total:6.1%}   BM25 at equal length {base / total:6.1%}")
    print(
        f"  ceiling     {ceiling / total:6.1%}   (the best {POINTS} points of points.jsonl, {BUDGET} chars)"
    )
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


def held_out(tmp: Path) -> None:
    """Each corpus article added alone to the seeds: how many of the facts its questions ask
    for reach the reply. Nothing was tuned on an article in this setting."""
    got = total = 0
    per: list[str] = []
    for n, entry in enumerate(ct.corpus_articles()):
        seeds = ct.make_seeds(tmp / f"h{n}", corpus=[entry])
        lib = ct.build_into(seeds, tmp / f"hb{n}")
        stem = Path(entry["file"]).stem
        have = {a.id for a in lib.articles}
        qs = [q for q in ct.queries() if stem in q.needs and set(q.needs) <= have]
        hit = sum(ct.recall(ct.visible_text(topic_reply(lib, q.ask)), q) for q in qs)
        facts = sum(len(q.facts) for q in qs)
        got, total = got + hit, total + facts
        per.append(f"{hit}/{facts}")
    print(f"held out, each corpus article alone with the seeds: {got}/{total} = {got / total:.1%}")
    print(f"  per article: {', '.join(per)}")


def main() -> None:
    verbose = "--verbose" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        run("seeds", ct.make_seeds(t / "s1", corpus=[]), t / "b1", verbose)
        run("seeds + corpus", ct.make_seeds(t / "s2"), t / "b2", verbose)
        held_out(t)


if __name__ == "__main__":
    main()
