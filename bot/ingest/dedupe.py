"""Is this article already in seeds/? Same URL, or substantially the same text. Pure.

Text similarity is the overlap of word 5-gram shingles: |A ∩ B| / min(|A|, |B|). A
syndicated copy of a story (other furniture, a trimmed ending, a new headline) overlaps
almost entirely; two different stories on the same news share a few phrases at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SHINGLE = 5
THRESHOLD = 0.6  # share of the shorter text's shingles found in the other
MIN_SHINGLES = 20  # shorter texts are compared whole
_WORD = re.compile(r"\w+")
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def normalize_url(url: str) -> str:
    """Compare URLs without scheme, fragment, trailing slash, 'www.' or tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ]
    )
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(paragraphs: Iterable[str]) -> frozenset[int]:
    """Hashes of every run of 5 words (across paragraph breaks); a short text's single run."""
    w = words(" ".join(paragraphs))
    if len(w) < SHINGLE:
        return frozenset({hash(" ".join(w))}) if w else frozenset()
    return frozenset(hash(" ".join(w[i : i + SHINGLE])) for i in range(len(w) - SHINGLE + 1))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """|A ∩ B| / min(|A|, |B|): 1.0 when one text contains the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for s in small if s in large) / len(small)


def same_text(a: frozenset[int], b: frozenset[int]) -> bool:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return a == b and bool(a)
    return overlap(a, b) >= THRESHOLD
