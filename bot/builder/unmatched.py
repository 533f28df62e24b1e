"""Coverage no topic holds: points that fit no topic, grouped by the rare word they share, with
a `topics.toml` stub an operator can paste. Pure: no I/O."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.builder.text import content_tokens

MIN_POINTS = 3
ONE_ARTICLE = 5  # points one article alone needs on a subject no topic holds
MAX_GROUPS = 3
DIGIT = re.compile(r"\d")
OUTSIDE = 0.6  # share of a word's points that fit no topic, for it to name a missing one
COMMON = 0.05  # words in more than this share of all points name no particular subject
# words of news reporting that name no subject, however rare in a small corpus
REPORTING = content_tokens(
    "according announced announce said says told added reported report reports including "
    "includes include effect took take made make came come week weeks month months year years "
    "monday tuesday wednesday thursday friday saturday sunday statement"
)


@dataclass(frozen=True, slots=True)
class Unmatched:
    words: tuple[str, ...]  # the shared word first, then the words most often beside it
    points: tuple[tuple[str, str], ...]  # (article id, point text)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for a, _ in self.points))

    def stub(self) -> str:
        """A [[topic]] table for seeds/topics.toml."""
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join(self.words[:2]).lower()).strip("-")
        keywords = ", ".join(f'"{w}"' for w in self.words[:6])
        name = self.words[0]
        return "\n".join(
            [
                "[[topic]]",
                f'id = "{slug}"',
                f'title = "{name[:1].upper()}{name[1:]}"',
                f'description = "What the coverage says about {name}."',
                f'aliases = ["{name.lower()}"]',
                f"keywords = [{keywords}]",
            ]
        )


@lru_cache(maxsize=50_000)
def _stems(word: str) -> frozenset[str]:
    return content_tokens(word)


WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")


def _surface(stemmed: str, texts: Sequence[str]) -> str:
    """The word as the articles most often write it ("texa" → "Texas")."""
    seen: Counter[str] = Counter(
        w for t in texts for w in WORD.findall(t) if _stems(w) == {stemmed}
    )
    return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] if seen else stemmed


def unmatched(
    points: Sequence[tuple[str, str, bool, frozenset[str]]], total_points: int
) -> tuple[Unmatched, ...]:
    """points: (article id, text, has a topic, its content words) for every point."""
    loose = [(a, t, toks) for a, t, topical, toks in points if not topical]
    everywhere: Counter[str] = Counter()
    for _a, _t, _topical, toks in points:
        everywhere.update(toks)
    common = {w for w, n in everywhere.items() if n > COMMON * max(total_points, 1)}
    # the words that can name a subject: not common, longer than 3 letters, no digits
    naming = {
        w
        for w in everywhere
        if w not in common and w not in REPORTING and len(w) > 3 and not DIGIT.search(w)
    }
    loose = [(a, t, toks & naming) for a, t, toks in loose]
    groups: list[Unmatched] = []
    left = loose
    while left and len(groups) < MAX_GROUPS:
        df: Counter[str] = Counter()
        for _a, _t, toks in left:
            df.update(toks)
        # a word the topics already hold elsewhere names no missing subject
        df = Counter({w: n for w, n in df.items() if n >= OUTSIDE * everywhere[w]})
        if not df:
            break
        word, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
        members = [x for x in left if word in x[2]]
        if n < MIN_POINTS:
            break
        beside: Counter[str] = Counter()
        for _a, _t, toks in members:
            beside.update(toks - {word})
        ranked = sorted(beside.items(), key=lambda kv: (-kv[1], kv[0]))
        left = [x for x in left if word not in x[2]]
        if not ranked or ranked[0][1] < max(2, len(members) / 3):
            continue  # its points share nothing else: a common word, not a subject
        if len({a for a, _t, _w in members}) < 2 and len(members) < ONE_ARTICLE:
            continue  # a few sentences of one article: a passing remark, not a subject
        stems = (word, *(w for w, _ in ranked[:5]))
        texts = [t for _a, t, _w in members]
        words = tuple(_surface(w, texts) for w in stems)
        groups.append(Unmatched(words, tuple((a, t) for a, t, _w in members)))
    return tuple(groups)
