"""deepseek-bot: build briefings from seeds/ and serve them in Slack.

Subcommands live with their stage (bot.builder, bot.slack, bot.digest) and are imported
only when run, so `deepseek-bot build` never loads Slack and `--help` stays instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from bot.config import Settings

COMMANDS = {
    "build": "bot.builder.cli:build",
    "ask": "bot.slack.cli:ask",
    "serve": "bot.slack.cli:serve",
    "digest": "bot.digest.cli:digest",
    "add": "bot.ingest.cli:add",
    "feeds": "bot.ingest.cli:feeds",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="deepseek-bot")
def cli() -> None:
    """Build cited DeepSeek briefings and serve them in Slack.

    Example: deepseek-bot build && deepseek-bot serve
    """


def main() -> None:
    cli(prog_name="deepseek-bot")


class SetupError(click.ClickException):
    """A setting or token is missing or malformed: one line naming it, exit code 2."""

    exit_code = 2


def load_settings_or_fail() -> Settings:
    """Settings for a command; a bad one ends the command with one line, not a traceback."""
    from bot.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as exc:
        raise SetupError(str(exc)) from None
