"""The one error type of `bot.ingest`: its message is one line naming the source and the fix."""

from __future__ import annotations


class IngestError(Exception):
    """Bad input or a failed fetch. `str(exc)` is shown to the user as is. `transient` marks
    what may work later (timeout, unreachable host, 5xx, 429): feeds retry only those."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class DuplicateError(IngestError):
    """The article is already in seeds/; `existing` is the seed file that has it."""

    def __init__(self, message: str, existing: str) -> None:
        super().__init__(message)
        self.existing = existing
