"""`/deepseek` and its subcommands (one module each, exposing SUBCOMMAND)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.commands.deepseek import deepseek_command

COMMAND = "/deepseek"


def register(app: App) -> None:
    app.command(COMMAND)(deepseek_command)
