"""Newer coverage updates older: which older points a later article's report replaces ("the
ban was lifted", "prices were cut", "DeepSeek disclosed …"). The brief shows the update and
keeps the older point as history; points.jsonl marks it for the answers. Pure: no I/O.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from bot.builder.select import Candidate
from bot.builder.text import STOPWORDS

UPDATE_POOL = 60  # the strongest points of a topic compared: the rest never lead
SAME_SUBJECT = 0.5  # share of the shorter point's word weight an update must share
CHANGE = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|revers(?:es|ed|ing)|overturn(?:s|ed|ing)?|rescind(?:s|ed|ing)?|"
    r"scrap(?:s|ped|ping)?|end(?:s|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)|reduc(?:es|ed|ing)|"
    r"rais(?:es|ed|ing)|restor(?:es|ed|ing)|resum(?:es|ed|ing)|reinstat(?:es|ed|ing)|"
    r"withdr(?:ew|awn|aws|awing)|no longer|now|revis(?:es|ed|ing)|disclos(?:es|ed|ing)|"
    r"confirm(?:s|ed|ing)|(?:down|up) from)\b",
    re.IGNORECASE,
)

# "lifted its block", "overturned the ban": a restriction ended, and which kind
REVERSAL = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|revers(?:es|ed|ing)|overturn(?:s|ed|ing)?|rescind(?:s|ed|ing)?|"
    r"scrap(?:s|ped|ping)?|end(?:s|ed|ing)|withdr(?:ew|awn|aws|awing)|drop(?:s|ped|ping)?)\s+"
    r"(?:\S+\s+){0,3}?"
    r"(?P<what>ban|block|order|restriction|suspension|prohibition)s?\b",
    re.IGNORECASE,
)
# "The suspension was lifted on March 23": the same, said the other way round
REVERSED = re.compile(
    r"\b(?:ban|block|order|restriction|suspension|prohibition)s?\s+(?:was|were|has been|"
    r"have been|had been|is|are)\s+(?:\S+\s+){0,2}?(?:lifted|reversed|overturned|rescinded|"
    r"scrapped|ended|withdrawn|dropped)\b",
    re.IGNORECASE,
)
# what each kind of restriction was called when it was imposed
IMPOSED = {
    "ban": re.compile(r"\bban(?:s|ned|ning)?\b|\bbarr(?:ed|ing)\b|\bprohibit", re.IGNORECASE),
    "block": re.compile(
        r"\bblock(?:s|ed|ing)?\b|\bban(?:s|ned)?\b|\border(?:s|ed)?\b", re.IGNORECASE
    ),
    "order": re.compile(r"\border(?:s|ed)?\b|\bblock(?:s|ed)?\b", re.IGNORECASE),
    "restriction": re.compile(r"\brestrict\w*|\bban(?:s|ned)?\b|\blimit(?:s|ed)?\b", re.IGNORECASE),
    "suspension": re.compile(
        r"\bsuspen\w*|\bblock(?:s|ed)?\b|\border(?:s|ed)?\b[^.]{0,60}\b(?:disable|stop|halt)",
        re.IGNORECASE,
    ),
    "prohibition": re.compile(r"\bprohibit\w*|\bban(?:s|ned)?\b", re.IGNORECASE),
}
REVERSED_SUBJECT = 0.2  # … a reversal names what it ends, so less need be shared
NAME = re.compile(r"\b[A-Z][\w-]+")
COMMON_NAME = 0.5  # a name in this share of the compared points is the coverage's subject


def updates(
    scored: Sequence[Candidate],
    dates: dict[str, date | None],
    idf: dict[str, float],
    rare: float,
    strict: bool = False,
    common: frozenset[str] | None = None,
) -> dict[int, Candidate]:
    """Older points a newer article updates (id of the old → the newest update): from another
    article, dated later (undated counts as oldest), worded as a change ("lifted", "cut",
    "now", "disclosed") and about the same thing (most of the rarer words of the shorter
    one shared). A reversal ("lifted its block") names what it ends, so less need be shared
    when the older point imposed it ("ordered … to stop") and both name the same place or
    party. Only the strongest UPDATE_POOL points are compared: the rest never lead. `strict`:
    points from no one topic's pool, so more must hold: a reversal, or figures on both sides
    ("now costs $0.07" after "$0.14") and STRICT_SUBJECT of the words. `common`: the names too
    common to tie a reversal to what it ends, when not judged from these points."""

    def when(c: Candidate) -> date | None:
        return max((d for a in c.sources if (d := dates.get(a))), default=None)

    top = heapq.nsmallest(UPDATE_POOL, scored, key=lambda c: (-c.bottom, c.rank))
    names = {id(c): {n for n in NAME.findall(c.text) if n.lower() not in STOPWORDS} for c in top}
    spread = Counter(n for c in top for n in names[id(c)])
    out: dict[int, Candidate] = {}
    for new in top:
        t_new = when(new)
        if t_new is None or not CHANGE.search(new.text):
            continue
        reversal = REVERSAL.search(new.text)
        imposed = IMPOSED[reversal.group("what").lower()] if reversal else None
        for old in top:
            t_old = when(old)
            if old is new or set(old.sources) & set(new.sources):
                continue
            if t_old is not None and t_old >= t_new:
                continue
            if reversal is not None and (REVERSAL.search(old.text) or REVERSED.search(old.text)):
                continue  # "… was lifted on March 23": it reports the reversal itself
            shared = new.tokens & old.tokens
            # (a topic's weights are cached on its own copies; the catalogue's are not theirs)
            weight = _weight if strict else Candidate.weight
            base = min(weight(new, idf, rare), weight(old, idf, rare))
            if len(shared) < 2 or not base:
                continue
            share = sum(idf.get(w, rare) for w in shared) / base
            if (
                strict
                and imposed is None
                and (
                    share < STRICT_SUBJECT
                    or not (DIGIT.search(new.text) and DIGIT.search(old.text))
                )
            ):
                continue
            if share < SAME_SUBJECT and not (
                imposed is not None
                and share >= REVERSED_SUBJECT
                and imposed.search(old.text)
                and any(
                    n not in common if common is not None else spread[n] < COMMON_NAME * len(top)
                    for n in names[id(new)] & names[id(old)]
                )
            ):
                continue
            current = out.get(id(old))
            if current is None or (when(current) or date.min) < t_new:
                out[id(old)] = new
    return out


RARE_DF = 200  # a word in at most this many points can tie an update to what it updates …
RAREST = 8  # … and of a point's words, its rarest this many
STRICT_SUBJECT = 0.6
COMMON_SHARE = 0.05  # a name in more of the catalogue's points is its subject ("DeepSeek")
COMMON_MIN = 10  # … and in more than this many, in a small catalogue
DIGIT = re.compile(r"\d")


def _weight(c: Candidate, idf: dict[str, float], rare: float) -> float:
    """The summed rarity of a point's words under these weights (not a topic's cached ones)."""
    return sum(idf.get(t, rare) for t in c.tokens)


def catalogue_updates(
    cands: Sequence[Candidate], dates: dict[str, date | None]
) -> dict[int, Candidate]:
    """`updates` over the whole catalogue, not one topic's strongest points: coverage no topic
    covers ("South Korea lifts suspension of Huaxin's …") updates what it reports on too, for
    the answers. Each point worded as a change is compared only with the points that share two
    of its rarer words (an inverted index), so a large catalogue costs little more."""
    df: Counter[str] = Counter(t for c in cands for t in c.tokens)
    n = len(cands)
    idf = {t: math.log((n + 1) / (k + 0.5)) for t, k in df.items()}
    rare = math.log(n + 2)
    postings: dict[str, list[int]] = {}
    for k, c in enumerate(cands):
        for t in c.tokens:
            if df[t] <= RARE_DF:
                postings.setdefault(t, []).append(k)
    spread = Counter(n for c in cands for n in {*NAME.findall(c.text)})
    common = frozenset(
        n for n, k in spread.items() if k > max(COMMON_MIN, COMMON_SHARE * len(cands))
    )
    out: dict[int, Candidate] = {}
    for k, new in enumerate(cands):
        if not any(dates.get(a) for a in new.sources) or not CHANGE.search(new.text):
            continue
        # (a word in no other point links nothing)
        rarest = sorted((t for t in new.tokens if 2 <= df[t] <= RARE_DF), key=lambda t: (df[t], t))
        near = Counter(j for t in rarest[:RAREST] for j in postings[t] if j != k)
        olds = [cands[j] for j, shared in near.items() if shared >= 2]
        found = updates([new, *olds], dates, idf, rare, strict=True, common=common)
        for old_id, newer in found.items():
            if newer is new and old_id not in out:
                out[old_id] = new
    return out
