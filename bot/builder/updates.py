"""Newer coverage updates older: which older points a later article's report replaces ("the
ban was lifted", "prices were cut", "DeepSeek disclosed …"). The brief shows the update and
keeps the older point as history; points.jsonl marks it for the answers. Pure: no I/O.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from bot.builder.select import Candidate
from bot.builder.text import STOPWORDS

UPDATE_POOL = 60  # the strongest points of a topic compared: the rest never lead
SAME_SUBJECT = 0.5  # share of the shorter point's word weight an update must share
CHANGE = re.compile(
    r"\b(?:lift(?:s|ed)?|revers(?:es|ed)|overturn(?:s|ed)|rescind(?:s|ed)|scrap(?:s|ped)|"
    r"end(?:s|ed)|cut(?:s)?|lower(?:s|ed)|reduc(?:es|ed)|rais(?:es|ed)|restor(?:es|ed)|"
    r"resum(?:es|ed)|reinstat(?:es|ed)|withdr(?:ew|awn|aws)|no longer|now|revis(?:es|ed)|"
    r"disclos(?:es|ed)|confirm(?:s|ed)|(?:down|up) from)\b",
    re.IGNORECASE,
)

# "lifted its block", "overturned the ban": a restriction ended, and which kind
REVERSAL = re.compile(
    r"\b(?:lift(?:s|ed)?|revers(?:es|ed)|overturn(?:s|ed)|rescind(?:s|ed)|scrap(?:s|ped)|"
    r"end(?:s|ed)|withdr(?:ew|awn|aws)|drop(?:s|ped)?)\s+(?:\S+\s+){0,3}?"
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
    "suspension": re.compile(r"\bsuspen\w*|\bblock(?:s|ed)?\b", re.IGNORECASE),
    "prohibition": re.compile(r"\bprohibit\w*|\bban(?:s|ned)?\b", re.IGNORECASE),
}
REVERSED_SUBJECT = 0.2  # … a reversal names what it ends, so less need be shared
NAME = re.compile(r"\b[A-Z][\w-]+")
COMMON_NAME = 0.5  # a name in this share of the compared points is the coverage's subject


def updates(
    scored: Sequence[Candidate], dates: dict[str, date | None], idf: dict[str, float], rare: float
) -> dict[int, Candidate]:
    """Older points a newer article updates (id of the old → the newest update): from another
    article, dated later (undated counts as oldest), worded as a change ("lifted", "cut",
    "now", "disclosed") and about the same thing (most of the rarer words of the shorter
    one shared). A reversal ("lifted its block") names what it ends, so less need be shared
    when the older point imposed it ("ordered … to stop") and both name the same place or
    party. Only the strongest UPDATE_POOL points are compared: the rest never lead."""

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
            base = min(new.weight(idf, rare), old.weight(idf, rare))
            if len(shared) < 2 or not base:
                continue
            share = sum(idf.get(w, rare) for w in shared) / base
            if share < SAME_SUBJECT and not (
                imposed is not None
                and share >= REVERSED_SUBJECT
                and imposed.search(old.text)
                and any(spread[n] < COMMON_NAME * len(top) for n in names[id(new)] & names[id(old)])
            ):
                continue
            current = out.get(id(old))
            if current is None or (when(current) or date.min) < t_new:
                out[id(old)] = new
    return out
