"""The generated briefings: golden comparison, determinism, shape, budgets, faithfulness, index."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import corpus_tools as ct
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.builder.clean import clean_text
from bot.builder.cli import build
from bot.builder.pipeline import Output
from bot.builder.pipeline import build as run_build
from bot.builder.readers import Seeds
from bot.builder.standalone import faithful
from bot.builder.text import normalise
from bot.builder.writer import differing, write_atomic
from bot.library import Doc, Section, outline, plain
from bot.models import Index

MD = MarkdownIt("commonmark")
MARKERS = re.compile(r"(?:\s*\[\d+\])+\s*$")
BOILERPLATE = re.compile(
    r"cookie|subscribe to|newsletter|^COMMENTS$|REUTERS/|HomeEconomy|Read more", re.I | re.M
)


def sections(doc: Doc) -> dict[str, Section]:
    """The outline's sections by title, in document order."""
    return {s.title: s for s in doc.sections}


def split_point(tok: Token) -> tuple[str, list[int]]:
    """'Text. [1] [3]' → ('Text.', [1, 3]), with Markdown escapes undone."""
    m = MARKERS.search(tok.content)
    assert m, f"no citation markers: {tok.content}"
    numbers = [int(n) for n in re.findall(r"\d+", m.group())]
    body = MD.parseInline(tok.content[: m.start()])[0]
    return plain(body), numbers


@pytest.fixture(scope="session")
def cleaned(seeds: Seeds) -> dict[str, str]:
    return {a.meta.id: normalise(clean_text(a.body).text) for a in seeds.articles}


def brief_files(built: Output) -> list[str]:
    return ["overview.md", *sorted(p for p in built.files if p.startswith("topics/"))]


# --- golden, determinism, --check, atomic write -------------------------------------------


def test_committed_briefings_match_a_fresh_build(
    repo_seeds: Path, repo_briefings: Path, tmp_path: Path
) -> None:
    out = tmp_path / "briefings"
    result = CliRunner().invoke(build, ["--seeds", str(repo_seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        differing(
            repo_briefings,
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()},
        )
        == []
    )


def test_build_is_deterministic(seeds: Seeds, built: Output) -> None:
    assert run_build(seeds).files == built.files


def test_summary_line_and_dropped_report(repo_seeds: Path, tmp_path: Path) -> None:
    args = ["--seeds", str(repo_seeds), "--out", str(tmp_path / "b")]
    result = CliRunner().invoke(build, [*args, "--show-dropped"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert re.match(
        r"built 5 articles, \d+ topics, \d+ points; dropped \d+ boilerplate lines", lines[-1]
    )
    dropped = [line for line in lines if line.startswith("dropped ")]
    assert any("[cookie notice] This website uses cookies" in line for line in dropped)
    assert any("[newsletter] Subscribe to our newsletter" in line for line in dropped)
    assert any("[photo credit]" in line and "REUTERS/" in line for line in dropped)
    assert CliRunner().invoke(build, [*args, "-q"]).output == ""


def test_check_names_stale_files(repo_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "b"
    args = ["--seeds", str(repo_seeds), "--out", str(out)]
    assert CliRunner().invoke(build, args).exit_code == 0
    ok = CliRunner().invoke(build, [*args, "--check"])
    assert ok.exit_code == 0 and "up to date" in ok.output
    (out / "topics" / "distillation.md").write_text("edited by hand\n")
    (out / "stray.md").write_text("x")
    (out / "overview.md").unlink()
    bad = CliRunner().invoke(build, [*args, "--check"])
    assert bad.exit_code == 1
    assert "3 files differ: overview.md, stray.md, topics/distillation.md" in bad.output
    assert (out / "stray.md").exists()  # --check writes nothing


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(build, ["--help"])
    assert result.exit_code == 0
    assert "deepseek-bot build --check" in result.output and "--seeds" in result.output


def test_write_atomic_swaps_and_failure_keeps_old(tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    write_atomic(out, {"a.md": b"one", "topics/b.md": b"two"})
    write_atomic(out, {"a.md": b"three"})
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.md"]
    with pytest.raises(ValueError):
        write_atomic(out, {"a.md": b"four", "bad\0name.md": b"x"})
    assert (out / "a.md").read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefings"]


# --- shape and budgets --------------------------------------------------------------------


def test_topic_briefs_have_the_documented_shape(built: Output) -> None:
    index = built.index
    for ref in index.briefs:
        doc = outline(built.files[ref.path].decode())
        assert doc.title == ref.title
        assert len(doc.lead) == 2 and doc.lead[1].content.startswith("**In brief:** ")
        expected = ["Key points", "Where sources differ", "Timeline", "More", "Topics", "Sources"]
        assert [s for s in expected if s in sections(doc)] == list(sections(doc))
        assert ("Topics" in sections(doc)) == (ref.id == "overview")
        points = sections(doc)["Key points"].items
        more = sections(doc).get("More", Section("")).items
        assert 1 <= len(points) <= 5 and len(points) + len(more) == ref.points
        sources = sections(doc)["Sources"].items
        assert len(sources) == len(ref.sources)
        lead = doc.lead[1].content
        cited = {int(n) for n in re.findall(r"\[(\d+)\]", lead.replace("\\[", ""))}
        for name in ("Key points", "More", "Timeline"):
            items = sections(doc).get(name, Section("")).items
            cited |= {n for tok in items for n in split_point(tok)[1]}
        for sub in sections(doc).get("Where sources differ", Section("")).subsections:
            assert len(sub.items) >= 2  # a difference sets at least two groups side by side
            cited |= {n for tok in sub.items for n in split_point(tok)[1]}
        assert cited == set(range(1, len(sources) + 1)), ref.path  # every source is cited


def test_no_boilerplate_and_no_repeated_points(built: Output) -> None:
    for path, data in built.files.items():
        text = data.decode()
        assert not BOILERPLATE.search(text), (path, BOILERPLATE.search(text))
    for path in brief_files(built):
        doc = outline(built.files[path].decode())
        texts = [normalise(split_point(t)[0]) for t in sections(doc)["Key points"].items]
        texts += [
            normalise(split_point(t)[0]) for t in sections(doc).get("More", Section("")).items
        ]
        assert len(texts) == len(set(texts)), path


def test_index_matches_files(built: Output) -> None:
    index = Index.model_validate_json(built.files["index.json"])
    assert index == built.index
    assert next(b.id for b in index.briefs) == "overview"
    for ref in index.briefs:
        assert hashlib.sha256(built.files[ref.path]).hexdigest() == ref.sha256
    for art in index.articles:
        assert art.path in built.files and art.topics and art.summary
        assert art.url is None and art.publisher is None and art.published is None
    assert index.build.articles == 5 and index.build.dropped_lines > 80
    assert index.build.points == sum(b.points for b in index.briefs)


def test_article_summaries_have_the_documented_shape(built: Output) -> None:
    for art in built.index.articles:
        doc = outline(built.files[art.path].decode())
        assert doc.title == art.title
        assert doc.lead[0].content.endswith("no link on file")
        assert list(sections(doc)) == ["Summary", "Figures", "Quoted", "Topics"]
        summary = plain(sections(doc)["Summary"].paragraphs[0])
        assert (
            3 <= len(re.findall(r"[.!?”](?:\s|$)", summary)) <= 8
        )  # 3–5 sentences, some with inner stops
        assert len(sections(doc)["Topics"].items) == len(art.topics)


def test_expected_facts_reach_their_topics(built: Output) -> None:
    def text(path: str) -> str:
        return normalise(built.files[path].decode())

    training = text("topics/training-cost.md")
    for figure in ("$5.58 million", "$5.6 million", "$6 million", "sources agree"):
        assert figure in training, figure
    assert "H800" in text("topics/chips-export-controls.md")
    assert "Nvidia" in text("topics/market-reaction.md")
    assert "Liang Wenfeng" in text("topics/company-founder.md")
    assert "Li Qiang" in text("topics/beijing-response.md")
    assert "terms of service" in text("topics/distillation.md")
    assert "database" in text("topics/security-privacy.md")
    assert "open-source" in text("topics/open-source.md")


# --- faithfulness -------------------------------------------------------------------------


def test_every_point_is_found_in_each_article_it_cites(repo_seeds: Path, tmp_path: Path) -> None:
    """Lead, points, more, timeline and differences: outside [bracketed insertions], the text
    of every cited article (a trimmed clause may end with its own full stop)."""
    lib = ct.build_into(repo_seeds, tmp_path / "out")
    assert ct.unfaithful(lib, repo_seeds) == []
    assert len(ct.brief_points(lib)) > 60


def test_faithfulness_checks_bracketed_insertions() -> None:
    source = "Nvidia fell 17%. The company lost $589 billion in a day."
    assert faithful("[Nvidia] lost $589 billion in a day.", source)
    assert faithful("Nvidia fell 17%. The company lost $589 billion in a day.", source)
    assert not faithful("[Nvidia] lost $600 billion in a day.", source)
    assert not faithful("[Nvidia] lost $589 billion in a week.", source)
    assert not faithful("lost $589 billion [Nvidia] Nvidia fell", source)  # pieces out of order


def test_article_summaries_and_figures_are_source_text(
    built: Output, cleaned: dict[str, str]
) -> None:
    for art in built.index.articles:
        doc = outline(built.files[art.path].decode())
        source = cleaned[art.id]
        rest = normalise(plain(sections(doc)["Summary"].paragraphs[0]))
        while rest:  # whole source sentences, one after another ([DeepSeek’s] for "Its")
            ends = [m.end() for m in re.finditer(r"[.!?”)\"](?= |$)", rest)]
            longest = max(
                (e for e in ends if rest[:e] in source or faithful(rest[:e], source)), default=0
            )
            assert longest, (art.id, rest[:80])
            rest = rest[longest:].lstrip()
        for tok in sections(doc)["Figures"].items:
            labels = re.match(r"(?:\*\*.+?\*\* \([^)]*\)(?:; )?)+: ", tok.content)
            assert labels, tok.content
            clause = plain(MD.parseInline(tok.content[labels.end() :])[0])
            assert normalise(clause) in source, (art.id, clause)


def test_build_is_byte_identical_across_hash_seeds(repo_seeds: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"b{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [
            sys.executable,
            "-m",
            "bot",
            "build",
            "-q",
            "--seeds",
            str(repo_seeds),
            "--out",
            str(out),
        ]
        subprocess.run(cmd, check=True, env=env)
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outs[0] == outs[1]


def test_source_entries_show_only_what_is_on_file() -> None:
    from bot.builder.readers import parse_article
    from bot.builder.render import source_entry

    full = parse_article(
        b'+++\nid = "r"\ntitle = "Chip curbs [update]"\npublisher = "Reuters"\n'
        b'url = "https://example.com/a"\npublished = 2025-01-28\n+++\nText.\n',
        "r.txt",
    )
    assert (
        source_entry(full)
        == r"[Chip curbs \[update\]](https://example.com/a) · Reuters · 2025-01-28"
    )
    bare = parse_article(b'+++\nid = "b"\ntitle = "Bare"\npublisher = ""\n+++\nText.\n', "b.txt")
    assert source_entry(bare) == "Bare · no link on file"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("January 20: R1 released under an MIT licence.", "R1 released under an MIT licence."),
        ("27 Jan 2025: DeepSeek tops the App Store.", "DeepSeek tops the App Store."),
        ("Nvidia fell 17% on January 27.", "Nvidia fell 17% on January 27."),
    ],
)
def test_a_timeline_line_does_not_repeat_its_date(text: str, shown: str) -> None:
    from bot.builder.render import _undated

    assert _undated(text) == shown
