"""Sentence splitting: nupunkt, plus guards for abbreviations it may split after."""

from __future__ import annotations

import re

import nupunkt

# Abbreviations that never end a sentence when followed by a lowercase word, a digit or a comma.
TITLES = frozenset(
    [
        "Sen.",
        "Rep.",
        "Gov.",
        "Gen.",
        "Lt.",
        "Col.",
        "Capt.",
        "Dr.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Prof.",
        "St.",
        "Mt.",
        "Jr.",
        "Sr.",
        "Inc.",
        "Corp.",
        "Co.",
        "Ltd.",
        "Bros.",
        "vs.",
        "e.g.",
        "i.e.",
        "approx.",
        "No.",
        "Nos.",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Aug.",
        "Sept.",
        "Sep.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Dept.",
        "Univ.",
        "Assn.",
        "Ave.",
        "Fig.",
        "est.",
        "cf.",
        "al.",
    ]
)
# Titles that always precede a name.
ALWAYS_JOIN = frozenset(
    ["Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Capt.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof."]
)
PARTY_STATE = re.compile(r"\b[DRI]-[A-Z][a-z]{1,3}\.$")  # D-Va., R-La.
INITIALISM = re.compile(r"\b(?:[A-Za-z]\.){2,}$")  # U.S., U.K., e.g.
NEXT_CONTINUES = re.compile(r"^(?:[a-z0-9,;:)\]]|[$€£]\d|[\"“”’']?[a-z])")
# A plain lowercase word, a full stop, then a capitalised word: a boundary nupunkt sometimes misses.
MISSED = re.compile(r"(?<![.\w])([a-z]{2,})\.\s+(?=[“\"]?[A-Z][a-z])")
CLOSERS = re.compile(r"^[\"”’')\]]+$")


def _joins(prev: str, nxt: str) -> bool:
    last = prev.rsplit(None, 1)[-1] if prev.strip() else ""
    if last in ALWAYS_JOIN:
        return True
    if CLOSERS.match(nxt.strip()) or len(nxt.strip()) < 2:
        return True
    if not NEXT_CONTINUES.match(nxt):
        return False
    return last in TITLES or bool(PARTY_STATE.search(prev) or INITIALISM.search(prev))


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for _, (start, end) in nupunkt.sent_spans_with_text(text):
        for m in MISSED.finditer(text, start, end):
            if m.group(1) + "." not in TITLES and m.end() < end:
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; each is an exact substring of `text`, stripped."""
    pieces: list[tuple[int, int]] = []
    for start, end in _spans(text):
        if not text[start:end].strip():
            continue
        if pieces and _joins(
            text[pieces[-1][0] : pieces[-1][1]].rstrip(), text[start:end].lstrip()
        ):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return [text[s:e].strip() for s, e in pieces]
