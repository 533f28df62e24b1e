"""Tables as points: a Markdown table's rows, each figure under its column's heading, and the
rows of a "Name: figure" list so far, as one point. Pure: no I/O.

    rows = MarkdownTable(limit=330)
    rows.row("| Benchmark | R3 | R2 |")        # (None, 0): the header
    rows.row("|---|---|---|")                  # (None, 0): its rule
    rows.row("| AIME 2026 | 93.1% | 85.4% |")  # ("AIME 2026 [R3:] 93.1% · [R2:] 85.4%.", 0)
    rows.row("| GPQA | 84.6% | 78.2% |")       # (both rows, 1: it gives the row before too)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.builder.standalone import ROWS

SEPARATOR_CELL = re.compile(r":?-{3,}:?")


def table_cells(line: str) -> list[str] | None:
    """The cells of a Markdown table's line ("| Revenue | 14.6 | +38% |", or without its outer
    bars: "Share of FLOPs | 35% | 65%"), or None."""
    text = line.strip()
    if text.startswith("|") and text.endswith("|") and text.count("|") >= 3:
        return [c.strip() for c in text[1:-1].split("|")]
    if text.count(" | ") >= 2 and "|" not in text.replace(" | ", ""):
        return [c.strip() for c in text.split(" | ")]
    return None


def table_row(header: Sequence[str], cells: Sequence[str]) -> str | None:
    """A Markdown table's row as a point, each figure under its column's heading in brackets:
    "AIME 2026 [R3:] 93.1% · [R2:] 85.4%", "Unjust enrichment [Outcome:] Dismissed". None for
    a row that does not fit its header or has nothing under one."""
    if len(cells) != len(header) or len(cells) < 2 or not cells[0]:
        return None
    given = [f"[{h}:] {c}" if h else c for h, c in zip(header[1:], cells[1:], strict=True) if c]
    if not given:
        return None
    text = f"{cells[0]} {ROWS.join(given)}"
    return text if text.endswith(".") else f"{text}."


class MarkdownTable:
    """Reads an article's lines in order and knows the header of the table it is in, and its
    rows so far: each row's point gives them all while they fit `limit` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.header: list[str] | None = None
        self.rows: list[str] = []

    def row(self, line: str) -> tuple[str | None, int]:
        """The line as a point when it is a table's row under a header, and how many rows
        before it the point gives too; None for the header, its "|---|" rule and any other
        line (which ends the table)."""
        cells = table_cells(line)
        if cells is None:
            self.header = None
            return None, 0
        if all(SEPARATOR_CELL.fullmatch(c) for c in cells):
            return None, 0
        if self.header is None:
            self.header, self.rows = cells, []
            return None, 0
        point = table_row(self.header, cells)
        if point is None:
            return None, 0
        self.rows.append(point[:-1])
        whole = f"{ROWS.join(self.rows)}."
        if len(self.rows) > 1 and len(whole) <= self.limit:
            return whole, len(self.rows) - 1
        self.rows = [point[:-1]]
        return point, 0


class RowsSoFar:
    """The rows of a list of figures under one lead-in, so far: each row's point gives them
    all ("[Prices:] Input: $0.18 · Output: $0.72"), while it fits `limit` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.rows: list[str] = []
        self.under: str | None = None  # the lead-in they are under

    def add(self, item: str) -> tuple[str, int]:
        """The point for a row's item ("[Prices:] Output: $0.72."), and how many rows before
        it the point gives too."""
        prefix, row = item.split("] ", 1)
        self.rows = [*self.rows, row[:-1]] if prefix == self.under else [row[:-1]]
        self.under = prefix
        table = f"{prefix}] {ROWS.join(self.rows)}."
        if len(self.rows) > 1 and len(table) <= self.limit:
            return table, len(self.rows) - 1
        return item, 0

    def end(self) -> None:
        self.under = None
