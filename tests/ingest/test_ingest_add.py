"""`deepseek-bot add` against a real HTTP server on 127.0.0.1: pages, redirects, failures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from ingest_pages import BODY, FURNITURE, PAYWALL, SCRIPT_ONLY, Page, syndicated
from ingest_server import LocalServer, Route

from bot.builder.readers import parse_article, read_seeds
from bot.cli import cli

CANONICAL = "https://www.dailyledger.example/tech/deepseek-v3-cost"
SLUG = "deepseek-says-its-ai-model-cost-5-6-million-to-train"


def add(seeds: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(
        cli,
        ["add", *args, "--seeds", str(seeds), "--out", str(seeds.parent / "briefings")],
        input=stdin,
    )


def files(seeds: Path) -> set[str]:
    return {p.name for p in (seeds / "articles").iterdir()}


def one_line_error(result: Result, *needles: str) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_add_url_writes_a_seed_the_builder_reads(server: LocalServer, seeds: Path) -> None:
    server.routes["/a"] = Route(Page().html().encode())
    result = add(seeds, server.url("/a"))
    assert result.exit_code == 0, result.output
    path = seeds / "articles" / f"{SLUG}.txt"
    assert result.output.splitlines() == [
        str(path),
        "DeepSeek says its AI model cost $5.6 million to train · 2025-01-27 · The Daily Ledger · 164 words",
    ]
    seed = parse_article(path.read_bytes(), "x")
    assert seed.body.splitlines() == list(BODY)
    assert seed.meta.url == CANONICAL
    assert seed.meta.published == date(2025, 1, 27)
    for items in FURNITURE.values():
        for item in items:
            assert item not in path.read_text()
    assert SLUG in {a.meta.id for a in read_seeds(seeds).articles}
    assert server.user_agents and all("deepseek-bot/" in ua for ua in server.user_agents)
    assert not [p for p in (seeds / "articles").iterdir() if p.name.startswith(".")]


def test_redirect_is_followed_and_the_final_url_recorded(server: LocalServer, seeds: Path) -> None:
    server.routes["/old"] = Route(redirect="/moved")
    server.routes["/moved"] = Route(redirect=server.url("/final"))
    server.routes["/final"] = Route(Page(canonical=None).html().encode())
    result = add(seeds, server.url("/old"))
    assert result.exit_code == 0, result.output
    seed = parse_article((seeds / "articles" / f"{SLUG}.txt").read_bytes(), "x")
    assert seed.meta.url == server.url("/final")


def test_overrides_win(server: LocalServer, seeds: Path) -> None:
    server.routes["/a"] = Route(Page().html().encode())
    result = add(
        seeds,
        server.url("/a"),
        "--title", "Cheap to train?",
        "--published", "2025-01-29",
        "--publisher", "Ledger Wire",
        "--url", "https://ledger.example/cheap",
        "--id", "cheap",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    meta = parse_article((seeds / "articles" / "cheap.txt").read_bytes(), "x").meta
    assert (meta.title, meta.published, meta.publisher, meta.url) == (
        "Cheap to train?",
        date(2025, 1, 29),
        "Ledger Wire",
        "https://ledger.example/cheap",
    )
    assert result.output.splitlines()[1] == "Cheap to train? · 2025-01-29 · Ledger Wire · 164 words"


def test_saved_html_file(seeds: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved page.html"
    saved.write_bytes(Page().html().encode())
    result = add(seeds, str(saved))
    assert result.exit_code == 0, result.output
    assert f"{SLUG}.txt" in files(seeds)


def test_txt_file_gets_its_metadata_from_options(seeds: Path, tmp_path: Path) -> None:
    txt = tmp_path / "notes.txt"
    txt.write_text("\n\n".join(BODY) + "\n")
    one_line_error(add(seeds, str(txt)), "notes.txt: no title found", "--title")
    result = add(seeds, str(txt), "--title", "V3’s bill", "--published", "2025-01-27")
    assert result.exit_code == 0, result.output
    seed = parse_article((seeds / "articles" / "v3s-bill.txt").read_bytes(), "x")
    assert seed.body.splitlines() == list(BODY)
    assert (seed.meta.publisher, seed.meta.url) == (None, None)
    assert result.output.splitlines()[1] == "V3’s bill · 2025-01-27 · no publisher · 164 words"


def test_stdin(seeds: Path) -> None:
    result = add(seeds, "-", "--title", "From stdin", stdin="\n".join(BODY))
    assert result.exit_code == 0, result.output
    assert "from-stdin.txt" in files(seeds)


def test_stdin_in_a_real_process(seeds: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "add", "-", "--title", "Piped", "--seeds", str(seeds)],
        input="\n".join(BODY).encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().splitlines()[1].startswith("Piped · no date · no publisher · ")


def test_same_url_is_refused_naming_the_file_and_force_adds_it(
    server: LocalServer, seeds: Path
) -> None:
    server.routes["/a"] = Route(Page().html().encode())
    server.routes["/b"] = Route(Page().html().encode())  # another address, same canonical
    assert add(seeds, server.url("/a")).exit_code == 0
    before = files(seeds)
    one_line_error(add(seeds, server.url("/b")), f"articles/{SLUG}.txt (same URL)", "--force")
    assert files(seeds) == before
    result = add(seeds, server.url("/b"), "--force")
    assert result.exit_code == 0, result.output
    assert files(seeds) - before == {f"{SLUG}-2.txt"}


def test_syndicated_copy_is_refused_as_the_same_text(server: LocalServer, seeds: Path) -> None:
    server.routes["/a"] = Route(Page().html().encode())
    server.routes["/partner/copy"] = Route(syndicated().encode())
    assert add(seeds, server.url("/a")).exit_code == 0
    one_line_error(
        add(seeds, server.url("/partner/copy")),
        "/partner/copy: already in ",
        f"{SLUG}.txt (substantially the same text)",
    )


def test_a_different_story_is_not_a_duplicate(server: LocalServer, seeds: Path) -> None:
    from ingest_pages import story

    server.routes["/a"] = Route(Page().html().encode())
    server.routes["/s"] = Route(story(3).html().encode())
    assert add(seeds, server.url("/a")).exit_code == 0
    assert add(seeds, server.url("/s")).exit_code == 0


BIG = b"<html><body>" + b"<p>filler text</p>" * 400_000 + b"</body></html>"  # 7.2 MB


@pytest.mark.parametrize(
    ("route", "needles"),
    [
        (Route(b"gone", status=404), ("HTTP 404", "check the URL")),
        (Route(b"oops", status=500), ("HTTP 500", "try again later")),
        (Route(Page().html().encode(), delay=2.0), ("no complete answer within 0.4 s", "--timeout")),
        (Route(BIG), ("over the 5 MB limit",)),
        (Route(BIG, send_length=False), ("over the 5 MB limit",)),
        (Route(b"%PDF-1.7\n%\xe2\xe3\n", content_type="application/pdf"), ("is a PDF",)),
        (Route(b"%PDF-1.7\n", content_type="application/octet-stream"), ("is a PDF",)),
        (Route(b"\x89PNG\r\n\x1a\n\0\0", content_type="image/png"), ("is an image",)),
        (Route(PAYWALL.encode()), ("no article text found", "paywall", ".txt")),
        (Route(SCRIPT_ONLY.encode()), ("no article text found",)),
        (Route(redirect="/loop"), ("too many redirects",)),
        (Route(b"<html><head></head><body></body></html>"), ("no article text found",)),
        (Route(b"x" * 400_000, chunk_delay=0.15), ("no complete answer within 0.4 s",)),
        (Route(b'<rss version="2.0"/>', content_type="application/rss+xml"), ("is application/rss+xml",)),
    ],
    ids=[
        "404", "500", "slow", "oversized", "oversized-no-length", "pdf", "pdf-octet-stream",
        "image", "paywall", "script-only", "redirect-loop", "empty-html", "trickle", "feed",
    ],
)  # fmt: skip
def test_bad_sources_are_one_line_and_write_nothing(
    server: LocalServer, seeds: Path, route: Route, needles: tuple[str, ...]
) -> None:
    path = "/loop" if route.redirect == "/loop" else "/x"
    server.routes[path] = route
    before = files(seeds)
    line = one_line_error(add(seeds, server.url(path), "--timeout", "0.4"), *needles)
    assert line.startswith(f"Error: {server.url(path)}: ")
    assert files(seeds) == before


def test_unreachable_host(seeds: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    one_line_error(add(seeds, f"http://127.0.0.1:{port}/a"), "cannot reach 127.0.0.1", "network")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--published", "2025-02-30"), "--published '2025-02-30' is not a date; use YYYY-MM-DD"),
        (("--published", "last week"), "is not a date"),
        (("--id", "Bad Id"), "--id 'Bad Id': use lowercase"),
        (("--id", "channel-intriguing"), "--id 'channel-intriguing' is already used"),
        (("--url", "www.x.example"), "--url 'www.x.example'"),
    ],
)
def test_bad_options_are_one_line_and_fetch_nothing(
    server: LocalServer, seeds: Path, args: tuple[str, ...], needle: str
) -> None:
    server.routes["/a"] = Route(Page().html().encode())
    before = files(seeds)
    one_line_error(add(seeds, server.url("/a"), *args), needle)
    assert files(seeds) == before
    if "channel-intriguing" not in args:
        assert server.hits["/a"] == 0


def test_bad_files(seeds: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café ".encode("latin-1") * 30)
    one_line_error(add(seeds, str(latin), "--title", "T"), "latin.txt: not UTF-8", "re-save")
    pdf = tmp_path / "paper.html"
    pdf.write_bytes(b"%PDF-1.4 whatever")
    one_line_error(add(seeds, str(pdf)), "paper.html: is a PDF")
    one_line_error(add(seeds, str(tmp_path / "missing.html")), "missing.html: no such file")
    short = tmp_path / "short.txt"
    short.write_text("DeepSeek did a thing.\n")
    one_line_error(add(seeds, str(short), "--title", "T"), "only 4 words")
    one_line_error(add(seeds, "-", "--title", "T", stdin=""), "standard input: is empty")


def test_non_utf8_page_is_decoded_by_the_charset_it_declares(
    server: LocalServer, seeds: Path
) -> None:
    body = tuple(f"{p} Zürich’s café owners shrugged." for p in BODY)
    page = Page(body=body, charset="windows-1252").html().encode("windows-1252")
    server.routes["/header"] = Route(page, content_type="text/html; charset=windows-1252")
    server.routes["/meta"] = Route(page, content_type="text/html")
    assert add(seeds, server.url("/header")).exit_code == 0
    seed = parse_article((seeds / "articles" / f"{SLUG}.txt").read_bytes(), "x")
    assert seed.body.splitlines() == list(body)
    result = add(seeds, server.url("/meta"), "--force")
    assert result.exit_code == 0, result.output
    seed = parse_article((seeds / "articles" / f"{SLUG}-2.txt").read_bytes(), "x")
    assert seed.body.splitlines() == list(body)


def test_build_flag_rebuilds_and_lists_changed_briefings(server: LocalServer, seeds: Path) -> None:
    out = seeds.parent / "briefings"
    build = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out), "-q"])
    assert build.exit_code == 0, build.output
    server.routes["/a"] = Route(Page().html().encode())
    result = add(seeds, server.url("/a"), "--build")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2].startswith(f"Rebuilt {out}; ") and lines[2].endswith("briefings changed:")
    assert f"  articles/{SLUG}.md (new)" in lines
    assert "  overview.md" in lines
    assert (out / "articles" / f"{SLUG}.md").is_file()


def test_a_url_already_in_seeds_is_refused_without_fetching(
    server: LocalServer, seeds: Path
) -> None:
    server.routes["/plain"] = Route(Page(canonical=None).html().encode())
    assert add(seeds, server.url("/plain")).exit_code == 0
    one_line_error(add(seeds, server.url("/plain/")), "(same URL)", "--force")
    assert server.hits["/plain"] == 1


def test_a_folder_that_cannot_be_written_is_one_line(server: LocalServer, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "articles").write_text("a file where the folder should be")
    server.routes["/a"] = Route(Page().html().encode())
    one_line_error(add(seeds, server.url("/a")), "articles: cannot write there")
