"""Bolt listeners, one package per surface, each with `register(app)`.

Callbacks are plain typed functions that ack() first. They find the current Library, the
subcommand Router and the Settings in Bolt's `context` (set by app.py's middleware), so they
can be tested by calling them directly with a dict as the context.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views


def register_listeners(app: App) -> None:
    commands.register(app)
    actions.register(app)
    events.register(app)
    views.register(app)
