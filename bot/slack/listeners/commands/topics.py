"""`/deepseek topics`: one line per topic, with buttons to open each."""

from __future__ import annotations

from functools import lru_cache

from bot.library import Library
from bot.slack import blocks
from bot.slack.commands import Command
from bot.slack.subcommand import Context, Reply, Subcommand


@lru_cache(maxsize=4)
def _topics(library: Library) -> Reply:
    return blocks.topics_message(library)


def handle(command: Command, ctx: Context) -> Reply:
    return dict(_topics(ctx.library))


SUBCOMMAND = Subcommand(
    name="topics",
    handler=handle,
    usage="topics",
    summary="Every topic, one line each.",
    example="/deepseek topics",
)
