"""bot.library: loading and parsing briefings/ (fixture set in README's format)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bot.library import Library, LibraryError, LibraryHolder, parse_brief, split_citations

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"


@pytest.fixture
def library() -> Library:
    return Library.load(FIXTURES)


def test_loads_briefs_points_and_sources(library: Library) -> None:
    brief = library.brief("training-cost")
    assert brief.title == "Training cost and efficiency"
    assert brief.description.startswith("What DeepSeek says")
    assert brief.bottom_line is not None
    assert brief.bottom_line.citations == (2,)
    assert (
        brief.bottom_line.text == "The Chinese firm said training the model cost just $5.6 million."
    )
    assert brief.points[1].citations == (1, 2)
    assert "*unmatched*" in brief.points[1].markdown
    assert "unmatched efficiency" in brief.points[1].text
    assert brief.differences[0].aspect == "Training cost"
    assert brief.differences[0].claims[0].markdown.startswith("**$6 million** (R1)")
    src = brief.sources[1]
    assert (src.number, src.publisher, src.published, src.article_id) == (
        2,
        "Market Daily",
        "2025-01-27",
        "market",
    )


def test_overview_topics_and_articles(library: Library) -> None:
    assert library.overview.id == "overview"
    assert len(library.overview.topics) == 3
    assert library.overview.sources[2].url is None
    assert library.article(3) is not None and library.article(3).id == "openai-claims"  # type: ignore[union-attr]
    assert library.article("market") is library.article("2")
    assert library.article(99) is None and library.article("nope") is None
    art = library.article_brief("intriguing")
    assert art is not None and art.summary.startswith("DeepSeek was founded")
    assert art.topics == ("training-cost", "company-founder")
    with pytest.raises(KeyError):
        library.brief("nope")


def test_sources_parsed_from_markdown_without_index() -> None:
    md = (FIXTURES / "overview.md").read_text()
    brief = parse_brief("overview", md)
    assert brief.sources[0].title.startswith("What makes DeepSeek")
    assert brief.sources[0].url == "https://example.com/a"
    assert brief.sources[0].publisher == "Example News"
    assert brief.sources[2].title == "OpenAI says DeepSeek used its models"
    assert brief.sources[2].url is None and brief.sources[2].publisher is None


def test_split_citations() -> None:
    assert split_citations("A [1] said [2] it. [3] [5]") == ("A [1] said [2] it.", (3, 5))
    assert split_citations("No cites.") == ("No cites.", ())


def test_missing_index_is_one_line_with_fix(tmp_path: Path) -> None:
    with pytest.raises(LibraryError) as err:
        Library.load(tmp_path)
    assert "index.json not found" in str(err.value)
    assert "deepseek-bot build" in str(err.value)
    assert "\n" not in str(err.value)


def test_edited_brief_fails_checksum(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "b")
    (tmp_path / "b" / "topics" / "distillation.md").write_text("# Changed\n")
    with pytest.raises(LibraryError, match=r"does not match index.json: run `deepseek-bot build`"):
        Library.load(tmp_path / "b")


def test_invalid_index(tmp_path: Path) -> None:
    (tmp_path / "index.json").write_text('{"schema_version": 1}')
    with pytest.raises(LibraryError, match="invalid at build"):
        Library.load(tmp_path)


def test_holder_reloads_on_change_and_keeps_old_on_bad_build(tmp_path: Path) -> None:
    root = tmp_path / "b"
    shutil.copytree(FIXTURES, root)
    seen: list[Library] = []
    holder = LibraryHolder(root, interval=0.05, on_load=[seen.append])
    first = holder.get()
    assert holder.check() is False
    # a half-written build: brief changed, index not yet -> keep the old library
    path = root / "topics" / "distillation.md"
    path.write_text(path.read_text().replace("common technique", "well-known technique"))
    assert holder.check() is False
    assert holder.get() is first
    # the build finishes: index rewritten with the new checksum -> swapped in by the watcher
    import hashlib
    import json

    index = json.loads((root / "index.json").read_text())
    for ref in index["briefs"]:
        if ref["id"] == "distillation":
            ref["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (root / "index.json").write_text(json.dumps(index))
    deadline = time.monotonic() + 5
    while holder.get() is first and time.monotonic() < deadline:
        time.sleep(0.02)
    holder.stop()
    assert holder.get() is not first
    assert "well-known" in holder.get().brief("distillation").points[1].text
    assert seen[0] is first and seen[-1] is holder.get()
