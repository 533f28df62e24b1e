"""Incremental builds: cached per-article analyses give byte-identical output, and a stale or
corrupt entry is never trusted."""

from __future__ import annotations

from pathlib import Path

import corpus_tools as ct

from bot.builder.cache import AnalysisCache
from bot.builder.cli import topics_fingerprint
from bot.builder.pipeline import build
from bot.builder.readers import read_seeds


def _cache(root: Path, seeds_dir: Path, fingerprint: str = "code-1") -> AnalysisCache:
    return AnalysisCache(root, topics_fingerprint(read_seeds(seeds_dir).topics), fingerprint)


def test_incremental_build_is_byte_identical_to_a_clean_build(tmp_path: Path) -> None:
    seeds = ct.make_seeds(tmp_path / "seeds", corpus=ct.corpus_articles()[:3])
    cache = _cache(tmp_path / "cache", seeds)
    build(read_seeds(seeds), cache=cache)
    assert cache.misses == 8 and cache.hits == 0
    new = ct.corpus_articles()[3]
    (seeds / "articles" / f"{Path(new['file']).stem}.txt").write_text(ct.seed_file(new))
    cache = _cache(tmp_path / "cache", seeds)
    warm = build(read_seeds(seeds), cache=cache)
    assert (cache.hits, cache.misses) == (8, 1)  # only the new article is read again
    clean = build(read_seeds(seeds))
    assert warm.files == clean.files


def test_a_changed_article_or_code_is_a_miss(tmp_path: Path) -> None:
    seeds = ct.make_seeds(tmp_path / "seeds", corpus=[])
    build(read_seeds(seeds), cache=_cache(tmp_path / "cache", seeds))
    path = next((seeds / "articles").glob("*.txt"))
    path.write_text(path.read_text() + "\nDeepSeek said on Friday that it had raised prices.\n")
    cache = _cache(tmp_path / "cache", seeds)
    out = build(read_seeds(seeds), cache=cache)
    assert (cache.hits, cache.misses) == (4, 1)
    assert out.files == build(read_seeds(seeds)).files
    other_code = _cache(tmp_path / "cache", seeds, fingerprint="code-2")
    build(read_seeds(seeds), cache=other_code)
    assert other_code.hits == 0  # new builder code: nothing old is trusted


def test_corrupt_entries_are_recomputed(tmp_path: Path) -> None:
    seeds = ct.make_seeds(tmp_path / "seeds", corpus=[])
    first = build(read_seeds(seeds), cache=_cache(tmp_path / "cache", seeds))
    entries = sorted((tmp_path / "cache").rglob("*.pickle"))
    assert len(entries) == 5
    entries[0].write_bytes(b"garbage")
    data = bytearray(entries[1].read_bytes())
    data[-5] ^= 0xFF  # one flipped byte: the checksum catches it
    entries[1].write_bytes(bytes(data))
    entries[2].write_bytes(entries[2].read_bytes()[:40])  # truncated
    cache = _cache(tmp_path / "cache", seeds)
    again = build(read_seeds(seeds), cache=cache)
    assert (cache.hits, cache.misses) == (2, 3)
    assert again.files == first.files
    cache = _cache(tmp_path / "cache", seeds)
    build(read_seeds(seeds), cache=cache)
    assert cache.hits == 5  # rewritten


def test_unchanged_files_are_linked_not_rewritten(tmp_path: Path) -> None:
    from bot.builder.writer import write_atomic

    out = tmp_path / "briefings"
    write_atomic(out, {"a.md": b"same\n", "b.md": b"old\n"})
    before = {name: (out / name).stat().st_ino for name in ("a.md", "b.md")}
    write_atomic(out, {"a.md": b"same\n", "b.md": b"new\n"})
    assert (out / "a.md").stat().st_ino == before["a.md"]  # the same file, linked
    assert (out / "b.md").stat().st_ino != before["b.md"] and (
        out / "b.md"
    ).read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefings"]
