"""Entry points for running the digest scheduler (see bot.digest.scheduler).

`deepseek-bot serve` imports `start_in_process` from here when DIGEST_IN_PROCESS is set.
"""

from __future__ import annotations

from bot.config import Settings
from bot.digest.scheduler import clock as digest_clock
from bot.digest.scheduler import start_in_process

__all__ = ["clock", "start_in_process"]


def clock(settings: Settings | None = None) -> None:
    """The Procfile's `clock`: the digest scheduler, plus feeds pull and build every
    FEEDS_EVERY when it is set (bot.ingest.scheduled)."""
    from bot.ingest.scheduled import start_feeds

    settings = settings or Settings()
    stop_feeds = start_feeds(settings)
    try:
        digest_clock(settings)
    finally:
        stop_feeds()
