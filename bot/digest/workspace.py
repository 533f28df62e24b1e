"""The workspace key digests are filed under (no I/O, no heavy imports).

- '' : single-workspace mode (SLACK_BOT_TOKEN), and every row made before OAuth existed;
- 'E123:' : an Enterprise Grid org-wide install (one token for every workspace of the org);
- ':T123' or 'E123:T123' : one workspace (in an org or not).
Channel ids are unique within an org, so an org-wide install needs no team in its key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def workspace_key(
    enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
) -> str:
    if is_enterprise_install and enterprise_id:
        return f"{enterprise_id}:"
    return f"{enterprise_id or ''}:{team_id or ''}"


def parse_key(key: str) -> tuple[str | None, str | None, bool]:
    """(enterprise_id, team_id, is_enterprise_install) for a key from `workspace_key`."""
    enterprise, _, team = key.partition(":")
    return enterprise or None, team or None, bool(enterprise) and not team


def workspace_of(context: Mapping[str, Any]) -> str:
    """The key for a Bolt request context: '' unless the app runs in OAuth mode."""
    settings = context.get("settings")
    if settings is None or not getattr(settings, "oauth_mode", False):
        return ""
    return workspace_key(
        context.get("enterprise_id"), context.get("team_id"), context.get("is_enterprise_install")
    )
