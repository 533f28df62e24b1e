"""Parsing `/deepseek` text. Pure."""

from __future__ import annotations

from bot.slack.commands import MAX_TEXT, parse


def test_parse() -> None:
    assert parse("").name == "help"
    assert parse("   ").name == "help"
    c = parse("  Brief   how did\tthey train it? ")
    assert (c.name, c.args) == ("brief", "how did they train it?")
    assert parse("overview").name == "brief" and parse("overview").args == ""
    assert parse("TOPICS").name == "topics"
    assert parse("source 3").name == "sources"
    assert parse("frobnicate x").name == "frobnicate"


def test_control_characters_and_length() -> None:
    c = parse("brief\x00 co\u200bst\x1b[31m" + "x" * 5000)
    assert "\x00" not in c.raw and "\u200b" not in c.raw and "\x1b" not in c.raw
    assert len(c.raw) <= MAX_TEXT
    assert c.name == "brief"
