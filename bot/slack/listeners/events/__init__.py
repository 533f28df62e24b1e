"""Events: App Home, and questions by @mention or direct message."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.events.app_home import app_home_opened
from bot.slack.listeners.events.questions import app_mention, direct_message


def register(app: App) -> None:
    app.event("app_home_opened")(app_home_opened)
    app.event("app_mention")(app_mention)
    app.event("message")(direct_message)
