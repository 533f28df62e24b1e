"""Feeds on a schedule: the `clock` process pulls feeds, then builds, every FEEDS_EVERY.

Off unless FEEDS_EVERY is set (e.g. 1h), and only for deployments with a persistent disk:
the new seed files and briefings are written where the bot reads them, and the running bot
reloads briefings by itself. Runs in a thread beside the digest scheduler.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from bot.config import Settings
from bot.ingest.errors import IngestError

log = logging.getLogger("bot.ingest")


def pull_and_build(settings: Settings) -> list[str]:
    """One scheduled round: pull every feed, rebuild if anything was added. Returns the
    changed briefings. Every outcome is logged in one line; nothing is raised for bad input."""
    from bot.ingest.pull import FeedsRun
    from bot.ingest.rebuild import rebuild

    try:
        run = FeedsRun.open(settings.seeds_dir, None, settings.feeds_state_path)
        if run.state.problem:
            log.warning("%s", run.state.problem)
        reports = run.pull()
        for report in reports:
            log.info("feeds: %s", report.line())
        if not any(r.added for r in reports):
            return []
        changed = rebuild(settings.seeds_dir, settings.briefings_dir)
    except IngestError as exc:
        log.error("feeds: %s", exc)
        return []
    log.info("feeds: rebuilt briefings, %d changed: %s", len(changed), ", ".join(changed))
    return changed


def start_feeds(settings: Settings) -> Callable[[], None]:
    """Start the feeds thread if FEEDS_EVERY is set; returns a function that stops it."""
    from bot.digest.schedule import parse_duration

    seconds = parse_duration(settings.feeds_every).total_seconds()
    if seconds <= 0:
        return lambda: None
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(seconds):
            try:
                pull_and_build(settings)
            except Exception as exc:  # keep the clock alive; the next round retries
                log.error("feeds: round failed: %s: %s", type(exc).__name__, str(exc)[:200])

    thread = threading.Thread(target=loop, name="feeds", daemon=True)
    thread.start()
    log.info("feeds: pull and build every %s", settings.feeds_every.strip())

    def stopper() -> None:
        stop.set()
        thread.join(timeout=5)

    return stopper
