"""What a `/deepseek` subcommand is: the types command modules and the router share.

A subcommand is a function from (parsed command, context) to a reply payload:

    def handle(command: Command, ctx: Context) -> Reply:       # Reply = Slack response dict
        return blocks.notice(f"Hello <@{ctx.user_id}>")

    SUBCOMMAND = Subcommand(
        name="digest", handler=handle, usage="digest on|off|status|preview",
        summary="Post a digest in this channel on a schedule",
        example="/deepseek digest on weekdays 09:00", deferred=True,
    )

- `deferred=False` (default): the handler must be fast and do no I/O (it runs before
  Slack's 3-second ack); its reply is sent in the ack itself.
- `deferred=True`: the listener acks at once with `pending` (if set) or nothing, then runs
  the handler and sends its reply with `respond()`. Use it when the handler calls the Web
  API (`ctx.client`) or a database. A deferred handler may also post follow-ups itself via
  `ctx.respond` or `ctx.client`.

Command modules import this module only; bot/slack/router.py imports them (no circle).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk import WebClient

from bot.config import Settings
from bot.library import Library
from bot.slack.commands import Command

Reply = dict[str, Any]


class Commands(Protocol):
    """What a handler may ask of the router it runs under (help lists, buttons re-run)."""

    def usages(self) -> list[tuple[str, str, str]]: ...

    def dispatch(self, text: str, ctx: Context) -> Reply: ...


@dataclass(frozen=True)
class Context:
    """Who asked, where, and what the handler may use."""

    library: Library
    user_id: str = ""
    user_name: str = ""
    channel_id: str = ""
    channel_name: str = ""  # Slack's: "mpdm-…" in a group DM, "directmessage" in a DM
    team_id: str = ""
    workspace: str = ""  # digest key (bot.digest.workspace): '' unless in OAuth mode
    settings: Settings | None = None
    client: WebClient | None = None  # None in `deepseek-bot ask` and pure tests
    respond: Callable[..., Any] | None = None  # response_url sender (Bolt's respond)
    router: Commands | None = None


Handler = Callable[[Command, Context], Reply]


@dataclass(frozen=True)
class Subcommand:
    name: str
    handler: Handler
    usage: str  # "brief [topic or question]"
    summary: str  # one line for help
    example: str  # "/deepseek brief distillation"
    deferred: bool = False
    pending: Reply | None = None  # deferred: what the ack shows while the handler runs
    hidden: bool = False
