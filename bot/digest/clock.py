"""Entry points for running the digest scheduler (see bot.digest.scheduler).

`deepseek-bot serve` imports `start_in_process` from here when DIGEST_IN_PROCESS is set.
"""

from __future__ import annotations

from bot.digest.scheduler import clock, start_in_process

__all__ = ["clock", "start_in_process"]
