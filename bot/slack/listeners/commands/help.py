"""`/deepseek help`: every subcommand with an example."""

from __future__ import annotations

from functools import lru_cache

from bot.library import Library
from bot.slack import blocks
from bot.slack.commands import Command
from bot.slack.subcommand import Context, Reply, Subcommand


@lru_cache(maxsize=16)
def _help(usages: tuple[tuple[str, str, str], ...], library: Library) -> Reply:
    return blocks.help_message(usages, library)


def handle(command: Command, ctx: Context) -> Reply:
    usages = ctx.router.usages() if ctx.router else [SUBCOMMAND_USAGE]
    return dict(_help(tuple(usages), ctx.library))


SUBCOMMAND_USAGE = ("help", "Every command, with an example.", "/deepseek help")

SUBCOMMAND = Subcommand(
    name="help",
    handler=handle,
    usage="help",
    summary="Every command, with an example.",
    example="/deepseek help",
)
