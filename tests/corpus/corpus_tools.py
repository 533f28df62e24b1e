"""Shared by bench/quality.py and the content tests: seeds folders with corpus articles added,
the query set, what a reply shows, key-fact recall, a BM25 baseline and the content checks.
"""

from __future__ import annotations

import math
import re
import shutil
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.builder.clean import clean_text
from bot.builder.pipeline import build
from bot.builder.readers import read_seeds
from bot.builder.split import split_sentences
from bot.builder.standalone import dependent, faithful
from bot.builder.text import normalise
from bot.library import Library
from bot.slack.search import tokens

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class Query:
    ask: str
    needs: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]


def corpus_articles() -> list[dict[str, Any]]:
    data = tomllib.loads((HERE / "corpus.toml").read_text())
    return list(data["article"])


def queries() -> list[Query]:
    data = tomllib.loads((HERE / "queries.toml").read_text())
    return [
        Query(q["ask"], tuple(q["needs"]), tuple(tuple(f) for f in q["facts"]))
        for q in data["query"]
    ]


def seed_file(entry: dict[str, Any]) -> str:
    """A corpus article in the seed format: front matter from corpus.toml, then the text as is."""
    body = (HERE / entry["file"]).read_text(encoding="utf-8")
    title = entry["title"].replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'+++\nid = "{Path(entry["file"]).stem}"\ntitle = "{title}"\n'
        f"published = {entry['published']}\n+++\n{body}"
    )


def make_seeds(dest: Path, corpus: list[dict[str, Any]] | None = None) -> Path:
    """A copy of seeds/ with the given corpus articles added (all of them when None)."""
    shutil.copytree(SEEDS, dest)
    for entry in corpus_articles() if corpus is None else corpus:
        (dest / "articles" / f"{Path(entry['file']).stem}.txt").write_text(seed_file(entry))
    return dest


def build_into(seeds: Path, out: Path) -> Library:
    result = build(read_seeds(seeds))
    for rel, data in result.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return Library.load(out)


def visible_text(payload: dict[str, Any]) -> str:
    """What a reply shows on its first screen: headers, sections and context, not buttons."""
    out: list[str] = []
    for b in payload.get("blocks", []):
        if b["type"] in ("header", "section") and "text" in b:
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e.get("text", "") for e in b["elements"]]
    text = "\n".join(out)
    text = re.sub(r"<[^|>]+\|([^>]+)>", r"\1", text)  # links: their label
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def recall(text: str, q: Query) -> int:
    return sum(1 for fact in q.facts if any(re.search(a, text, re.I) for a in fact))


class Baseline:
    """The plain top BM25 sentences of the articles, filled to a character budget."""

    def __init__(self, seeds: Path) -> None:
        s = read_seeds(seeds)
        self.sents = [
            text
            for a in s.articles
            for line in clean_text(a.body).lines
            if line.kind != "heading"
            for text in split_sentences(line.text)
        ]
        self.bags = [Counter(tokens(x)) for x in self.sents]
        n = len(self.bags)
        df: Counter[str] = Counter()
        for b in self.bags:
            df.update(b.keys())
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.avgdl = sum(sum(b.values()) for b in self.bags) / n

    def reply(self, query: str, chars: int) -> str:
        q = tokens(query)
        scores = []
        for i, bag in enumerate(self.bags):
            dl = sum(bag.values())
            s = sum(
                self.idf[t] * bag[t] * 2.2 / (bag[t] + 1.2 * (0.25 + 0.75 * dl / self.avgdl))
                for t in q
                if bag.get(t)
            )
            scores.append((-s, i))
        out, used = [], 0
        for s, i in sorted(scores):
            if s == 0 or used >= chars:
                break
            out.append(self.sents[i][: chars - used])
            used += len(out[-1]) + 1
        return "\n".join(out)


def brief_points(lib: Library) -> list[tuple[str, str, tuple[int, ...], str]]:
    """(brief id, section, citations, text) of every lead, point, more and timeline line."""
    out = []
    for b in (lib.overview, *lib.briefs.values()):
        for section, pts in (("lead", b.lead), ("points", b.points), ("more", b.more)):
            out += [(b.id, section, p.citations, p.text) for p in pts]
        for p in b.timeline:
            out.append((b.id, "timeline", p.citations, p.text.split(": ", 1)[-1]))
        for d in b.differences:
            for p in d.claims:
                if "sources agree" in p.text or ": " not in p.text:
                    continue  # figures only: no clause to check
                clause = (
                    p.text.split("): ", 1)[-1] if "): " in p.text else p.text.split(": ", 1)[-1]
                )
                out.append((b.id, "differ", p.citations, clause))
    return out


def article_texts(seeds: Path) -> dict[str, str]:
    """Each article's text after the builder's cleaning (markup such as **bold** removed)."""
    return {
        a.meta.id: " ".join(ln.text for ln in clean_text(a.body).lines)
        for a in read_seeds(seeds).articles
    }


def unfaithful(lib: Library, seeds: Path) -> list[str]:
    """Points whose text (outside [insertions]) is not in every article they cite."""
    texts = article_texts(seeds)
    bad = []
    for bid, _section, cites, text in brief_points(lib):
        brief = lib.brief(bid)
        for n in cites:
            src = brief.source(n)
            body = texts.get(src.article_id or "") if src else None
            if body is None or not faithful(text, " ".join(body.split())):
                bad.append(f"{bid}: [{n}] {text}")
    return bad


def dependent_openings(lib: Library) -> list[str]:
    return [f"{b}: {t}" for b, _s, _c, t in brief_points(lib) if dependent(t)]


def _key(text: str) -> str:
    return normalise(re.sub(r"\[[^\]]*\]", "", text)).lower().rstrip(".")


def repeats(lib: Library) -> list[str]:
    """Source text shown twice in one brief (lead, points, differences, more, timeline)."""
    found = []
    by_brief: dict[str, list[str]] = {}
    for bid, _s, _c, text in brief_points(lib):
        by_brief.setdefault(bid, []).append(_key(text))
    for bid, keys in by_brief.items():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a and b and (a in b or b in a):
                    found.append(f"{bid}: {a[:80]}")
    return found
