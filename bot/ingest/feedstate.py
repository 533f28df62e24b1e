"""What `feeds pull` remembers between runs: each feed's ETag and Last-Modified, and the
entries already handled. Kept outside seeds/ (FEEDS_STATE_PATH, gitignored) so seed diffs
stay clean. Written atomically; a missing or unreadable file means starting afresh, which is
safe: duplicates are still refused by URL and text."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 1
MAX_SEEN = 5000  # entries remembered per feed; feeds list far fewer at a time


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, str] = field(default_factory=dict)  # entry key → "new", "duplicate", …


@dataclass
class State:
    path: Path
    feeds: dict[str, FeedState] = field(default_factory=dict)  # by feed URL
    problem: str | None = None  # why the file on disk could not be used, if it could not

    @classmethod
    def load(cls, path: Path) -> State:
        if not path.exists():
            return cls(path)
        try:
            raw = json.loads(path.read_text("utf-8"))
            if raw.get("version") != VERSION:
                raise ValueError(f"version {raw.get('version')!r}")
            feeds = {
                url: FeedState(
                    etag=f.get("etag"),
                    last_modified=f.get("last_modified"),
                    seen={str(k): str(v) for k, v in f.get("seen", {}).items()},
                )
                for url, f in raw["feeds"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return cls(path, problem=f"{path}: unreadable ({type(exc).__name__}); starting afresh")
        return cls(path, feeds)

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        data = {
            "version": VERSION,
            "feeds": {
                url: {
                    "etag": f.etag,
                    "last_modified": f.last_modified,
                    "seen": dict(list(f.seen.items())[-MAX_SEEN:]),
                }
                for url, f in sorted(self.feeds.items())
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, sort_keys=True)
                fh.write("\n")
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
