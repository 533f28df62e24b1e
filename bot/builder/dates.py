"""When a sentence says something happened: explicit dates ("January 27", "20 January 2025")
and relative ones ("on Monday", "yesterday") resolved against the article's published date.
Without a published date, only dates that state their year are kept. Pure: no I/O.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
)
DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
)
# a date without its year this far after the article's own is this year's (a deadline, a
# launch: "will stop serving it on October 15" in late September); later, last year's
SOON = timedelta(days=60)
LABEL_END = re.compile(r"(?:\s*[-–]\s*\d{1,2})?:\s+")


def date_label(text: str) -> int | None:
    """Where a list's own date label ends ("Jan. 20: R1 …", "Feb. 24-28: …"), or None."""
    m = MONTH_DAY.match(text) or DAY_MONTH.match(text)
    end = LABEL_END.match(text, m.end()) if m else None
    return end.end() if end else None


RELATIVE = re.compile(
    r"\b(?:(?P<last>last|this past)\s+|on\s+)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?P<yd>yesterday)\b"
    # "announced today", "today said": the day of publication ("is today one of …" is not)
    r"|\b(?P<td>today)\s+(?:\w+ed|said)\b|\b(?:\w+ed|said)\s+(?P<td2>today)\b",
    re.IGNORECASE,
)


def _explicit(sentence: str, published: date | None) -> date | None:
    for pattern in (MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(sentence):
            month = MONTHS[m.group("m").rstrip(".").lower()]
            day = int(m.group("d"))
            if m.group("y"):
                year = int(m.group("y"))
            elif published is not None:
                year = published.year
            else:
                continue
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if not m.group("y") and published is not None and when > published + SOON:
                when = date(year - 1, month, day)  # "December 30" in a January article
            return when
    return None


def event_date(sentence: str, published: date | None) -> date | None:
    """The date of the event a sentence reports, or None when it states none we can resolve."""
    found = _explicit(sentence, published)
    if found is not None or published is None:
        return found
    m = RELATIVE.search(sentence)
    if m is None:
        return None
    if m.group("yd"):
        return published - timedelta(days=1)
    if m.group("td") or m.group("td2"):
        return published
    back = (published.weekday() - WEEKDAYS.index(m.group("wd").lower())) % 7
    if m.group("last") and back == 0:
        back = 7
    return published - timedelta(days=back)
