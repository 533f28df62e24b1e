"""The `/deepseek` subcommand router: the seam other features plug into.

Each subcommand lives in its own module under bot/slack/listeners/commands/ and defines
`SUBCOMMAND: Subcommand` (see bot/slack/subcommand.py for the contract). `default_router()`
registers them all; a new one is one import and one line there.
`deepseek-bot ask` runs the same router with `client=None` and `respond=None`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.slack import blocks
from bot.slack.commands import Command, parse
from bot.slack.listeners.commands import brief, digest, help, sources, topics
from bot.slack.subcommand import Context, Reply, Subcommand

__all__ = ["Context", "Reply", "Router", "Subcommand", "default_router"]


@dataclass
class Router:
    subcommands: dict[str, Subcommand] = field(default_factory=dict)

    def add(self, sub: Subcommand) -> None:
        self.subcommands[sub.name] = sub

    def get(self, name: str) -> Subcommand | None:
        return self.subcommands.get(name)

    def usages(self) -> list[tuple[str, str, str]]:
        return [(s.usage, s.summary, s.example) for s in self.subcommands.values() if not s.hidden]

    def resolve(self, text: str) -> tuple[Command, Subcommand | None]:
        command = parse(text)
        return command, self.subcommands.get(command.name)

    def dispatch(self, text: str, ctx: Context) -> Reply:
        """Run a subcommand synchronously (deferred ones too): for `ask`, tests, buttons."""
        command, sub = self.resolve(text)
        if sub is None:
            return self.unknown(command, ctx)
        return sub.handler(command, ctx)

    def unknown(self, command: Command, ctx: Context) -> Reply:
        """Help, with a "did you mean" for a near subcommand or for `brief <words>`."""
        from bot.slack.search import find_topic

        names = [n for n, s in self.subcommands.items() if not s.hidden]
        close = difflib.get_close_matches(command.name, names, n=1, cutoff=0.6)
        suggestion: str | None = None
        if close:
            suggestion = f"{close[0]} {command.args}".strip()
        elif command.raw:
            result = find_topic(ctx.library, command.raw)
            if result.confident and result.best:
                suggestion = f"brief {result.best}"
        return blocks.help_message(
            self.usages(), ctx.library, unknown=command.raw, suggestion=suggestion
        )


def default_router(extra: Iterable[Subcommand] = ()) -> Router:
    """brief, topics, sources, digest and help, plus `extra` (tests, other features)."""
    router = Router()
    for sub in (
        brief.SUBCOMMAND,
        topics.SUBCOMMAND,
        sources.SUBCOMMAND,
        digest.SUBCOMMAND,
        help.SUBCOMMAND,
        *extra,
    ):
        router.add(sub)
    return router
