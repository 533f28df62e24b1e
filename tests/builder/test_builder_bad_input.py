"""Bad input gives one line naming the file and the fix (exit 1), never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.builder.cli import build
from bot.builder.errors import BuildError
from bot.builder.readers import MAX_BYTES, parse_article, parse_topics, read_seeds

ROOT = Path(__file__).resolve().parents[2]


def run(seeds: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(build, ["--seeds", str(seeds), "--out", str(out), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def assert_one_line_error(code: int, output: str, *needles: str, exit_code: int = 1) -> None:
    assert code == exit_code
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: ")
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        (b"", ("bad.txt", "empty")),
        (b"\n  \n", ("bad.txt", "empty")),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", ("bad.txt", "binary")),
        ('+++\nid = "x"\ntitle = "T"\n+++\ncaf\xe9 text\n'.encode("latin-1"), ("bad.txt", "UTF-8")),
        (b"Just an article with no front matter.\n", ("bad.txt", "front matter", "+++")),
        (
            b'+++\nid = "x"\ntitle = "T"\nThe text but no closing fence.\n',
            ("bad.txt", "not closed"),
        ),
        (b'+++\nid = "x"\ntitle = \n+++\nText.\n', ("bad.txt", "TOML")),
        (b'+++\ntitle = "No id"\n+++\nText here.\n', ("bad.txt", "id")),
        (b'+++\nid = "Bad Id!"\ntitle = "T"\n+++\nText here.\n', ("bad.txt", "id")),
        (
            b'+++\nid = "x"\ntitle = "T"\npublished = "last week"\n+++\nText.\n',
            ("bad.txt", "published"),
        ),
        (b'+++\nid = "x"\ntitle = "T"\n+++\n\n', ("bad.txt", "no article text")),
    ],
)
def test_bad_article_files(
    seeds_copy: Path, tmp_path: Path, content: bytes, needles: tuple[str, ...]
) -> None:
    (seeds_copy / "articles" / "bad.txt").write_bytes(content)
    code, output = run(seeds_copy, tmp_path / "out", "--check")
    assert_one_line_error(code, output, *needles)


def test_huge_file_is_rejected_without_reading_it(seeds_copy: Path, tmp_path: Path) -> None:
    path = seeds_copy / "articles" / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    code, output = run(seeds_copy, tmp_path / "out")
    assert_one_line_error(code, output, "huge.txt", "MB", "limit")
    with pytest.raises(BuildError, match="over the"):
        parse_article(b"+++\n" + b"x" * MAX_BYTES, "big.txt")


def test_duplicate_ids_are_rejected(seeds_copy: Path, tmp_path: Path) -> None:
    src = seeds_copy / "articles" / "fresh-challenges.txt"
    (seeds_copy / "articles" / "zz-copy.txt").write_bytes(src.read_bytes())
    code, output = run(seeds_copy, tmp_path / "out")
    assert_one_line_error(code, output, "zz-copy.txt", "fresh-challenges", "already used")


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("[[topic]\nid = 'x'", ("topics.toml", "TOML")),
        ("title = 'no tables'\n", ("topics.toml", "[[topic]]")),
        (
            "[[topic]]\nid = 'Bad id'\ntitle = 't'\ndescription = 'd'\nkeywords = ['a']\n",
            ("topics.toml", "id"),
        ),
        ("[[topic]]\nid = 'x'\ndescription = 'd'\nkeywords = ['a']\n", ("topics.toml", "title")),
        ("[[topic]]\nid = 'x'\ntitle = 't'\ndescription = 'd'\n", ("topics.toml", "keywords")),
        (
            "[[topic]]\nid = 'x'\ntitle = 't'\ndescription = 'd'\nkeywords = ['a']\n" * 2,
            ("topics.toml", "twice"),
        ),
        (
            "[[topic]]\nid = 'overview'\ntitle = 't'\ndescription = 'd'\nkeywords = ['a']\n",
            ("topics.toml", "reserved"),
        ),
        (
            "[[topic]]\nid = 'x'\ntitle = 't'\ndescription = 'd'\nkeywords = ['zebra crossing']\n",
            ("topics.toml", "no topic matches"),
        ),
    ],
)
def test_bad_topics(
    seeds_copy: Path, tmp_path: Path, content: str, needles: tuple[str, ...]
) -> None:
    (seeds_copy / "topics.toml").write_text(content, encoding="utf-8")
    code, output = run(seeds_copy, tmp_path / "out")
    assert_one_line_error(code, output, *needles)


def test_topic_matching_nothing_is_a_warning_and_skipped(seeds_copy: Path, tmp_path: Path) -> None:
    with (seeds_copy / "topics.toml").open("a", encoding="utf-8") as f:
        f.write(
            "\n[[topic]]\nid = 'zebras'\ntitle = 'Zebras'\ndescription = 'd'\nkeywords = ['zebra']\n"
        )
    result = CliRunner().invoke(build, ["--seeds", str(seeds_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "warning: seeds/topics.toml: topic 'zebras' matches no article; skipped" in result.output
    assert not (tmp_path / "out" / "topics" / "zebras.md").exists()


def test_missing_folders(tmp_path: Path) -> None:
    code, output = run(tmp_path / "nope", tmp_path / "out")
    assert_one_line_error(code, output, "nope: no such folder", "--seeds")
    code, output = run(tmp_path, tmp_path / "out")
    assert_one_line_error(code, output, "topics.toml", "missing")
    (tmp_path / "topics.toml").write_text(
        "[[topic]]\nid='x'\ntitle='t'\ndescription='d'\nkeywords=['a']\n"
    )
    code, output = run(tmp_path, tmp_path / "out")
    assert_one_line_error(code, output, "articles", "no *.txt")


def test_failed_build_leaves_previous_briefings_untouched(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(seeds_copy, out)[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (seeds_copy / "articles" / "bad.txt").write_bytes(b"")
    assert run(seeds_copy, out)[0] == 1
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    # no temporary folders left behind (.cache holds per-article analyses on purpose)
    assert sorted(os.listdir(tmp_path)) == [".cache", "out", "seeds"]


def test_non_txt_and_hidden_files_are_ignored(seeds_copy: Path) -> None:
    (seeds_copy / "articles" / "README.md").write_text("notes")
    (seeds_copy / "articles" / ".draft.txt").write_bytes(b"")
    assert len(read_seeds(seeds_copy).articles) == 5


def test_parse_topics_reads_aliases() -> None:
    [topic] = parse_topics(
        b"[[topic]]\nid='chips'\ntitle='Chips'\ndescription='d'\naliases=['gpu']\nkeywords=['chip']\n",
        "topics.toml",
    )
    assert topic.aliases == ("gpu",) and topic.keywords == ("chip",)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "This website uses cookies to improve your experience.\nCookie\nDuration\n"
            "Subscribe to our newsletter\nCOMMENTS\n",
            "only boilerplate",
        ),
        (
            "<html><body><p>DeepSeek launched R1.</p><div>More</div></body></html>\n",
            "looks like HTML",
        ),
        ("DeepSeek a lancé son modèle R1 le vingt janvier à Hangzhou en Chine.\n", "no English"),
    ],
)
def test_article_with_no_usable_sentence_is_an_error_unless_skipped(
    seeds_copy: Path, tmp_path: Path, body: str, reason: str
) -> None:
    (seeds_copy / "articles" / "bad.txt").write_text(
        f'+++\nid = "bad"\ntitle = "Bad"\n+++\n{body}', encoding="utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(build, ["--seeds", str(seeds_copy), "--out", str(out)])
    assert result.exit_code == 1
    assert "bad.txt: no usable sentences (" in result.output and reason in result.output
    assert "--skip-unusable" in result.output and "Traceback" not in result.output
    assert not out.exists()
    result = CliRunner().invoke(
        build, ["--seeds", str(seeds_copy), "--out", str(out), "--skip-unusable"]
    )
    assert result.exit_code == 0, result.output
    assert "bad.txt: skipped:" in result.output and "built 5 articles" in result.output
    assert not (out / "articles" / "bad.md").exists()


def test_windows_line_endings_and_bom_are_accepted() -> None:
    data = '\ufeff+++\r\nid = "win"\r\ntitle = "Windows"\r\n+++\r\nDeepSeek said it spent $6 million.\r\n'
    article = parse_article(data.encode(), "win.txt")
    assert article.meta.id == "win" and article.offset == 4
    assert article.body == "DeepSeek said it spent $6 million.\r\n"


def test_bad_setting_is_one_line() -> None:
    result = CliRunner().invoke(build, ["--check"], env={"PORT": "abc"})
    assert_one_line_error(result.exit_code, result.output, "setting PORT", exit_code=2)


def test_folder_named_like_an_article_is_one_line(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "articles" / "notes.txt").mkdir()
    code, output = run(seeds_copy, tmp_path / "out")
    assert_one_line_error(code, output, "notes.txt", "is a folder")
    (seeds_copy / "articles" / "notes.txt").rmdir()
    (seeds_copy / "topics.toml").unlink()
    (seeds_copy / "topics.toml").mkdir()
    code, output = run(seeds_copy, tmp_path / "out")
    assert_one_line_error(code, output, "topics.toml", "is a folder")


def _build_without_root_powers(seeds: Path, out: Path) -> tuple[int, str]:
    """Run `build` in a process that permissions apply to (root normally bypasses them)."""
    cmd = [sys.executable, "-m", "bot", "build", "--seeds", str(seeds), "--out", str(out)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        drop = "-dac_override,-dac_read_search"
        cmd = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", "--", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("target", ["seeds", "articles", "file"])
def test_unreadable_seeds_are_one_line(seeds_copy: Path, tmp_path: Path, target: str) -> None:
    path = {
        "seeds": seeds_copy,
        "articles": seeds_copy / "articles",
        "file": seeds_copy / "articles" / "fresh-challenges.txt",
    }[target]
    mode = path.stat().st_mode
    path.chmod(0)
    try:
        code, output = _build_without_root_powers(seeds_copy, tmp_path / "out")
    finally:
        path.chmod(mode)
    assert_one_line_error(code, output, path.name, "cannot read it", "Permission denied")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:msgbox",
        "mailto:a@example.com",
        "ftp://example.com/x",
        "//example.com/x",
        "/relative/path",
        "example.com/story",
        "https:/missing-host",
        " https://example.com/leading-space",
    ],
)
def test_non_http_url_is_rejected(seeds_copy: Path, tmp_path: Path, url: str) -> None:
    (seeds_copy / "articles" / "bad.txt").write_text(
        f'+++\nid = "bad"\ntitle = "T"\nurl = "{url}"\n+++\nDeepSeek said it spent $6 million.\n',
        encoding="utf-8",
    )
    code, output = run(seeds_copy, tmp_path / "out", "--check")
    assert_one_line_error(code, output, "bad.txt", "url must start with http:// or https://")


@pytest.mark.parametrize("url", ["https://example.com/a?b=1#c", "http://example.com"])
def test_http_urls_are_accepted(url: str) -> None:
    data = f'+++\nid = "ok"\ntitle = "T"\nurl = "{url}"\n+++\nText.\n'.encode()
    assert parse_article(data, "ok.txt").meta.url == url
