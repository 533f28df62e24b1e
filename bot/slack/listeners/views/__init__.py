"""Modal submissions. None yet: briefs open in read-only modals from App Home.

The digest feature can add its modals here (e.g. a subscription form) with `register(app)`.
"""

from __future__ import annotations

from slack_bolt import App


def register(app: App) -> None:
    """Nothing to register yet."""
