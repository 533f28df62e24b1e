"""A cache of per-article analyses, so a build after adding one article redoes only that
article's reading; the cross-article stages are cheap.

An entry's key is a hash of the article file, topics.toml, and the builder's own source code:
any change to one of them is a miss, so a stale entry is never used. An entry is the pickled
analysis behind a SHA-256 of its bytes; an entry that fails the check or does not load is
recomputed and rewritten. Entries are written to a temp file and renamed. The folder is safe
to delete at any time (default `.cache/deepseek-bot/` beside seeds/; gitignored).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from bot.builder import BUILDER_VERSION
from bot.builder.analyse import Analysis
from bot.builder.readers import SeedArticle

MAGIC = b"deepseek-bot analysis 1\n"


def code_fingerprint() -> str:
    """A hash of the builder's source files: a code change makes every entry stale."""
    h = hashlib.sha256(BUILDER_VERSION.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


class AnalysisCache:
    """get/put analyses by article content; I/O lives here, the pipeline stays pure."""

    def __init__(self, root: Path, topics_sha256: str, fingerprint: str | None = None) -> None:
        self.root = root
        self.salt = f"{fingerprint or code_fingerprint()}:{topics_sha256}"
        self.hits = 0
        self.misses = 0

    def _path(self, art: SeedArticle) -> Path:
        key = hashlib.sha256(
            f"{self.salt}:{art.sha256}:{art.path}:{art.offset}".encode()
        ).hexdigest()
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, art: SeedArticle) -> Analysis | None:
        path = self._path(art)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        head, digest, payload = (
            data[: len(MAGIC)],
            data[len(MAGIC) : len(MAGIC) + 32],
            data[len(MAGIC) + 32 :],
        )
        if head != MAGIC or hashlib.sha256(payload).digest() != digest:
            self.misses += 1
            return None  # corrupt or from another format: recompute
        try:
            found = pickle.loads(payload)
        except Exception:
            self.misses += 1
            return None
        if not isinstance(found, Analysis) or found.article.sha256 != art.sha256:
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, art: SeedArticle, analysis: Analysis) -> None:
        path = self._path(art)
        payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except OSError:
            return  # a cache that cannot be written only costs time
