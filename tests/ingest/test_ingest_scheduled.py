"""FEEDS_EVERY: the clock's feeds round (pull, then build), against a real HTTP server."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from ingest_pages import atom, story
from ingest_server import LocalServer, Route

from bot.config import ConfigError, Settings, load_settings
from bot.ingest.scheduled import pull_and_build, start_feeds


def _settings(seeds: Path, every: str = "") -> Settings:
    return Settings(
        seeds_dir=seeds,
        briefings_dir=seeds.parent / "briefings",
        feeds_state_path=seeds.parent / "state.json",
        feeds_every=every,
    )


def _serve(server: LocalServer, seeds: Path) -> None:
    server.routes["/news/3"] = Route(story(3).html().encode())
    server.routes["/atom.xml"] = Route(
        atom([("DeepSeek story 3", server.url("/news/3"), "DeepSeek.", "2025-02-04T01:00:00Z")]),
        content_type="application/atom+xml",
    )
    (seeds / "feeds.toml").write_text(
        f'[[feed]]\nname = "Wire"\nurl = "{server.url("/atom.xml")}"\n'
    )


def test_pull_and_build_adds_and_rebuilds_then_does_nothing(
    server: LocalServer, seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _serve(server, seeds)
    settings = _settings(seeds)
    with caplog.at_level(logging.INFO, logger="bot.ingest"):
        changed = pull_and_build(settings)
    assert "articles/deepseek-story-number-3.md (new)" in changed
    assert (seeds.parent / "briefings" / "articles" / "deepseek-story-number-3.md").is_file()
    assert "feeds: Wire: 1 new, 0 duplicate, 0 not relevant, 0 failed" in caplog.messages
    assert pull_and_build(settings) == []


def test_a_bad_feeds_file_is_logged_in_one_line(
    seeds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (seeds / "feeds.toml").write_text("[[feed]]\nname = 'x'\n")
    with caplog.at_level(logging.INFO, logger="bot.ingest"):
        assert pull_and_build(_settings(seeds)) == []
    assert [r.levelname for r in caplog.records] == ["ERROR"]
    assert "feed 1 (x): url must be" in caplog.messages[0]


def test_feeds_every_runs_rounds_in_a_thread(server: LocalServer, seeds: Path) -> None:
    _serve(server, seeds)
    stop = start_feeds(_settings(seeds, every="1s"))
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.hits["/news/3"] == 0:
            time.sleep(0.05)
        assert server.hits["/news/3"] == 1
    finally:
        stop()
    assert (seeds / "articles" / "deepseek-story-number-3.txt").is_file()


def test_feeds_every_is_off_by_default(server: LocalServer, seeds: Path) -> None:
    _serve(server, seeds)
    assert Settings().feeds_every == ""
    stop = start_feeds(_settings(seeds))
    time.sleep(1.2)
    stop()
    assert server.hits["/atom.xml"] == 0


def test_bad_feeds_every_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDS_EVERY", "hourly")
    with pytest.raises(ConfigError, match="setting FEEDS_EVERY is invalid"):
        load_settings()
