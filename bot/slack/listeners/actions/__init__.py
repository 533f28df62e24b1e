"""Buttons: open a topic or the overview, show sources, share in channel, "did you mean"."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.listeners.actions.navigate import (
    open_overview,
    open_topic,
    run_command,
    show_more,
    show_sources,
)
from bot.slack.listeners.actions.share import share


def register(app: App) -> None:
    app.action(re.compile(r"^open_topic(:.*)?$"))(open_topic)
    app.action("open_overview")(open_overview)
    app.action(re.compile(r"^more(:.*)?$"))(show_more)
    app.action(re.compile(r"^show_sources(:.*)?$"))(show_sources)
    app.action(re.compile(r"^run(:.*)?$"))(run_command)
    app.action("share")(share)
