"""Newer coverage updates older across the whole catalogue: pure, on made-up points."""

from __future__ import annotations

from datetime import date

from bot.builder.select import Candidate
from bot.builder.updates import catalogue_updates


def _points(*rows: tuple[str, str]) -> list[Candidate]:
    return [Candidate(text, [aid], (n, 0)) for n, (aid, text) in enumerate(rows)]


FILLER = [
    ("w-other", f"Widget opened office number {n} in Freedonia on Monday with new staff.")
    for n in range(30)
]


def test_a_lifting_no_topic_covers_updates_the_order_it_ends() -> None:
    """ "… allowed Acme Motors to switch the features back on, ending a seven-week suspension"
    ends "… ordered Acme Motors to disable the cloud features …": linked though the two share
    few words and no topic holds them; "Widget" (in most points) ties nothing."""
    order, lift, unrelated, disclosed = _points(
        (
            "w-order",
            "Sylvania's vehicle data office has ordered carmaker Acme Motors to disable the "
            "cloud features of its Widget-powered voice assistant in cars sold in Sylvania.",
        ),
        (
            "w-lift",
            "Sylvania's vehicle data regulator on Tuesday allowed Acme Motors to switch the "
            "cloud features of its Widget-powered assistant back on, ending a seven-week "
            "suspension.",
        ),
        ("w-terms", "Financial terms of the Widget agreement with Acme Motors were not disclosed."),
        (
            "w-chips",
            "Xinhe, which in February disclosed a Widget order worth 14 billion yuan, is a "
            "supplier to Acme Motors too.",
        ),
    )
    widget = _points(*FILLER)
    dates = {
        "w-order": date(2026, 5, 20),
        "w-lift": date(2026, 7, 8),
        "w-terms": date(2026, 4, 14),
        "w-chips": date(2026, 6, 1),
        "w-other": date(2026, 1, 1),
    }
    found = catalogue_updates([order, lift, unrelated, disclosed, *widget], dates)
    assert found.get(id(order)) is lift
    assert id(unrelated) not in found  # "disclosed" an order is no disclosure of the terms
    assert id(lift) not in found


def test_an_undated_or_older_report_updates_nothing() -> None:
    old, new = _points(
        ("w-a", "Freedonia ordered Widget to stop processing users' data on Monday."),
        ("w-b", "Freedonia lifted its order against Widget after the company moved data."),
    )
    assert catalogue_updates([old, new], {"w-a": date(2026, 3, 1), "w-b": None}) == {}
    assert catalogue_updates([old, new], {"w-a": date(2026, 3, 1), "w-b": date(2026, 2, 1)}) == {}
