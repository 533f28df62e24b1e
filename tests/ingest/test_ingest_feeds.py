"""`deepseek-bot feeds pull` against a real HTTP server: RSS 2.0, Atom, conditional GET."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from ingest_pages import Page, atom, rss, story, syndicated
from ingest_server import LocalServer, Route

from bot.builder.readers import parse_article
from bot.cli import cli

ETAG = '"rss-v1"'
LAST_MODIFIED = "Sat, 01 Feb 2025 10:00:00 GMT"
BAKERY = ("A bakery on Main Street sells a new sourdough loaf", "Bread lovers queue at dawn.")


def pull(seeds: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli,
        [
            "feeds",
            "pull",
            "--seeds",
            str(seeds),
            "--state",
            str(seeds.parent / "state.json"),
            *args,
        ],
    )


def write_feeds(seeds: Path, server: LocalServer, *feeds: tuple[str, str, list[str]]) -> None:
    lines = []
    for name, path, keywords in feeds:
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{server.url(path)}"']
        if keywords:
            lines.append(f"keywords = {json.dumps(keywords)}")
    (seeds / "feeds.toml").write_text("\n".join(lines) + "\n")


def serve_news(server: LocalServer) -> None:
    """An RSS feed (ETag) and an Atom feed (Last-Modified), with their article pages."""
    for n in (1, 3):
        server.routes[f"/news/{n}"] = Route(story(n).html().encode())
    server.routes["/a"] = Route(Page().html().encode())
    server.routes["/partner/copy"] = Route(syndicated().encode())
    server.routes["/bakery"] = Route(story(2, relevant=False).html().encode())
    server.routes["/rss.xml"] = Route(
        rss(
            [
                ("DeepSeek story number 1", server.url("/news/1"), "DeepSeek news.", "Sat, 01 Feb 2025 23:30:00 -0800"),
                (*BAKERY[:1], server.url("/bakery"), BAKERY[1], None),
                ("DeepSeek says its AI model cost $5.6 million", server.url("/a"), "Costs.", None),
            ]
        ),
        content_type="application/rss+xml",
        etag=ETAG,
    )  # fmt: skip
    server.routes["/atom.xml"] = Route(
        atom(
            [
                ("DeepSeek story number 3", server.url("/news/3"), "About DeepSeek.", "2025-02-04T01:00:00+09:00"),
                ("China's DeepSeek puts training bill at $5.6 mln", server.url("/partner/copy"), "Wire copy on DeepSeek.", "2025-01-28T08:00:00Z"),
            ]
        ),
        content_type="application/atom+xml",
        last_modified=LAST_MODIFIED,
    )  # fmt: skip


def test_pull_adds_new_relevant_entries_then_a_second_pull_fetches_no_article(
    server: LocalServer, seeds: Path
) -> None:
    serve_news(server)
    assert CliRunner().invoke(cli, ["add", server.url("/a"), "--seeds", str(seeds)]).exit_code == 0
    write_feeds(seeds, server, ("Ledger", "/rss.xml", []), ("Wire", "/atom.xml", []))
    before = {p.name for p in (seeds / "articles").iterdir()}

    first = pull(seeds)
    assert first.exit_code == 0, first.output
    lines = first.output.splitlines()
    assert lines[0] == "Ledger: 1 new, 1 duplicate, 1 not relevant, 0 failed"
    assert lines[1].startswith("  added ") and "deepseek-story-number-1.txt" in lines[1]
    assert lines[2] == "Wire: 1 new, 1 duplicate, 0 not relevant, 0 failed"
    assert "deepseek-story-number-3.txt" in lines[3]
    added = {p.name for p in (seeds / "articles").iterdir()} - before
    assert added == {"deepseek-story-number-1.txt", "deepseek-story-number-3.txt"}
    assert server.hits["/bakery"] == 0  # judged not relevant from the feed alone
    # /a was added from another address: its page is read once to find its canonical URL
    assert server.hits["/a"] == 2

    # Stated metadata from the page wins; the seed reads back with the builder's reader.
    meta = parse_article(
        (seeds / "articles" / "deepseek-story-number-3.txt").read_bytes(), "x"
    ).meta
    assert meta.url == "https://www.dailyledger.example/news/story-3"
    assert str(meta.published) == "2025-02-04"

    pages = {p: server.hits[p] for p in ("/news/1", "/news/3", "/partner/copy", "/bakery", "/a")}
    second = pull(seeds)
    assert second.exit_code == 0, second.output
    assert second.output.splitlines() == [
        "Ledger: not modified since the last pull, nothing fetched",
        "Wire: not modified since the last pull, nothing fetched",
    ]
    assert {p: server.hits[p] for p in pages} == pages  # no article page fetched
    assert (server.url("/rss.xml")[len(server.base) :], ETAG, None) in server.conditional
    assert ("/atom.xml", None, LAST_MODIFIED) in server.conditional
    assert {p.name for p in (seeds / "articles").iterdir()} - before == added
    state = json.loads((seeds.parent / "state.json").read_text())
    assert state["feeds"][server.url("/rss.xml")]["etag"] == ETAG
    assert not list((seeds.parent).glob(".state.json-*"))  # no temporary file left


def test_feed_without_validators_still_fetches_no_article_twice(
    server: LocalServer, seeds: Path
) -> None:
    serve_news(server)
    server.routes["/rss.xml"].etag = None
    write_feeds(seeds, server, ("Ledger", "/rss.xml", []))
    assert (
        pull(seeds).output.splitlines()[0] == "Ledger: 2 new, 0 duplicate, 1 not relevant, 0 failed"
    )
    hits = dict(server.hits)
    second = pull(seeds)
    assert second.output.splitlines() == [
        "Ledger: 0 new, 0 duplicate, 0 not relevant, 0 failed (3 seen before)"
    ]
    assert server.hits["/rss.xml"] == hits["/rss.xml"] + 1
    assert {p: n for p, n in server.hits.items() if p != "/rss.xml"} == {
        p: n for p, n in hits.items() if p != "/rss.xml"
    }


def test_feed_keywords_replace_the_topics(server: LocalServer, seeds: Path) -> None:
    serve_news(server)
    write_feeds(seeds, server, ("Bakeries", "/rss.xml", ["sourdough"]))
    result = pull(seeds)
    assert result.output.splitlines()[0] == "Bakeries: 1 new, 0 duplicate, 2 not relevant, 0 failed"
    assert "a-bakery-story-number-2.txt" in result.output


def test_down_and_malformed_feeds_are_reported_and_the_others_run(
    server: LocalServer, seeds: Path
) -> None:
    serve_news(server)
    server.routes["/down.xml"] = Route(b"oops", status=500)
    server.routes["/html"] = Route(Page().html().encode())
    server.routes["/garbage.xml"] = Route(
        b"\x00\x01 not xml at all", content_type="application/xml"
    )
    write_feeds(
        seeds,
        server,
        ("Down", "/down.xml", []),
        ("Page", "/html", []),
        ("Garbage", "/garbage.xml", []),
        ("Wire", "/atom.xml", []),
    )
    result = pull(seeds)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        lines[0]
        == f"Down: failed, {server.url('/down.xml')}: HTTP 500 Internal Server Error; the site is failing; try again later"
    )
    assert lines[1].startswith(
        f"Page: failed, {server.url('/html')}: not a readable RSS or Atom feed"
    )
    assert lines[2].startswith(
        f"Garbage: failed, {server.url('/garbage.xml')}: not a readable RSS or Atom feed"
    )
    assert lines[3] == "Wire: 2 new, 0 duplicate, 0 not relevant, 0 failed"
    assert "Traceback" not in result.output


def test_a_failed_entry_is_retried_on_the_next_pull(server: LocalServer, seeds: Path) -> None:
    serve_news(server)
    server.routes["/news/1"] = Route(b"oops", status=503)
    write_feeds(seeds, server, ("Ledger", "/rss.xml", []))
    first = pull(seeds)
    assert first.output.splitlines()[0] == (
        "Ledger: 1 new, 0 duplicate, 1 not relevant, 1 failed; first failure: "
        f"{server.url('/news/1')}: HTTP 503 Service Unavailable; the site is failing; try again later"
    )
    server.routes["/news/1"] = Route(story(1).html().encode())
    second = pull(seeds)
    assert (
        second.output.splitlines()[0]
        == "Ledger: 1 new, 0 duplicate, 0 not relevant, 0 failed (2 seen before)"
    )
    assert ("/rss.xml", ETAG, None) not in server.conditional  # the feed was fetched whole
    third = pull(seeds)
    assert third.output.splitlines() == [
        "Ledger: not modified since the last pull, nothing fetched"
    ]


def test_entry_without_summary_is_judged_by_its_page(server: LocalServer, seeds: Path) -> None:
    server.routes["/news/5"] = Route(story(5).html().encode())
    server.routes["/bakery"] = Route(story(6, relevant=False).html().encode())
    server.routes["/rss.xml"] = Route(
        rss(
            [
                ("Story five", server.url("/news/5"), "", None),
                ("Loaves", server.url("/bakery"), "", None),
            ]
        ),
        content_type="application/rss+xml",
    )
    write_feeds(seeds, server, ("Ledger", "/rss.xml", ["DeepSeek"]))
    result = pull(seeds)
    assert result.output.splitlines()[0] == "Ledger: 1 new, 0 duplicate, 1 not relevant, 0 failed"
    assert server.hits["/bakery"] == 1


def test_no_feeds_and_bad_feeds_file(seeds: Path) -> None:
    (seeds / "feeds.toml").write_text("# nothing yet\n")
    result = pull(seeds)
    assert result.exit_code == 0
    assert result.output.strip().endswith(
        "lists no feeds; add a [[feed]] with name and url (see README)"
    )
    (seeds / "feeds.toml").write_text("[[feed]]\nname = 'x'\n")
    result = pull(seeds)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {seeds / 'feeds.toml'}: feed 1 (x): url must be the feed's http(s) address"
    ]


def test_unreadable_state_file_starts_afresh(server: LocalServer, seeds: Path) -> None:
    serve_news(server)
    write_feeds(seeds, server, ("Wire", "/atom.xml", []))
    (seeds.parent / "state.json").write_text("{not json")
    result = pull(seeds)
    assert result.exit_code == 0, result.output
    assert "state.json: unreadable (JSONDecodeError); starting afresh" in result.output
    assert json.loads((seeds.parent / "state.json").read_text())["version"] == 1


def test_pull_with_build_lists_changed_briefings(server: LocalServer, seeds: Path) -> None:
    serve_news(server)
    write_feeds(seeds, server, ("Wire", "/atom.xml", []))
    out = seeds.parent / "briefings"
    result = pull(seeds, "--build", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "  articles/deepseek-story-number-3.md (new)" in result.output.splitlines()
    again = pull(seeds, "--build", "--out", str(out))
    assert "Rebuilt" not in again.output  # nothing new: no build


def test_entry_whose_link_is_a_seed_url_is_not_fetched(server: LocalServer, seeds: Path) -> None:
    serve_news(server)
    from ingest_pages import BODY

    added = CliRunner().invoke(
        cli,
        ["add", "-", "--title", "Known", "--url", server.url("/news/1"), "--seeds", str(seeds)],
        input="\n".join(BODY),
    )
    assert added.exit_code == 0, added.output
    write_feeds(seeds, server, ("Ledger", "/rss.xml", ["DeepSeek"]))
    result = pull(seeds)
    assert result.output.splitlines()[0].startswith("Ledger: 0 new, 2 duplicate, 1 not relevant")
    assert server.hits["/news/1"] == 0


def test_an_entry_that_cannot_work_is_not_retried(server: LocalServer, seeds: Path) -> None:
    from ingest_pages import PAYWALL

    serve_news(server)
    server.routes["/news/1"] = Route(PAYWALL.encode())
    write_feeds(seeds, server, ("Ledger", "/rss.xml", []))
    first = pull(seeds)
    assert first.output.splitlines()[0].startswith(
        "Ledger: 1 new, 0 duplicate, 1 not relevant, 1 failed; first failure: "
        f"{server.url('/news/1')}: no article text found"
    )
    second = pull(seeds)
    assert second.output.splitlines() == [
        "Ledger: not modified since the last pull, nothing fetched"
    ]
    assert server.hits["/news/1"] == 1


def test_a_feed_url_secret_never_reaches_the_output(server: LocalServer, seeds: Path) -> None:
    server.routes["/private.xml?key=s3cr3t"] = Route(b"oops", status=500)
    server.routes["/private-html?key=s3cr3t"] = Route(Page().html().encode())
    write_feeds(
        seeds,
        server,
        ("Private", "/private.xml?key=s3cr3t", []),
        ("Html", "/private-html?key=s3cr3t", []),
    )
    result = pull(seeds)
    assert result.exit_code == 1
    assert "s3cr3t" not in result.output
    assert "/private.xml?key=…: HTTP 500" in result.output
    assert "/private-html?key=…: not a readable RSS or Atom feed" in result.output
