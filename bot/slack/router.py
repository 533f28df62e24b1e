"""The `/deepseek` subcommand router: the seam other features plug into.

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
- `deferred=True`: the listener acks at once with `Context.pending` (if set) or nothing, then
  runs the handler and sends its reply with `respond()`. Use it when the handler calls the
  Web API (`ctx.client`) or a database. A deferred handler may also post follow-ups itself via
  `ctx.respond` or `ctx.client`.

`default_router()` registers help, brief, topics and sources, plus `digest` from
`bot/slack/listeners/commands/digest.py` when that module exists (it must define
`SUBCOMMAND: Subcommand`); until then `digest` answers "coming soon". The module is
imported on the first `/deepseek digest` (see `Plugin`), not at start-up.
`deepseek-bot ask` runs the same router with `client=None` and `respond=None`.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient

from bot.config import Settings
from bot.library import Library
from bot.slack import blocks
from bot.slack.commands import Command, parse

log = logging.getLogger(__name__)

Reply = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """Who asked, where, and what the handler may use."""

    library: Library
    user_id: str = ""
    user_name: str = ""
    channel_id: str = ""
    channel_name: str = ""  # Slack's: "mpdm-…" in a group DM, "directmessage" in a DM
    team_id: str = ""
    settings: Settings | None = None
    client: WebClient | None = None  # None in `deepseek-bot ask` and pure tests
    respond: Callable[..., Any] | None = None  # response_url sender (Bolt's respond)
    router: Router | None = None


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


def _coming_soon(command: Command, ctx: Context) -> Reply:
    return blocks.notice(
        "Digests: coming soon. They will post a short briefing in a channel on a schedule, "
        "e.g. `/deepseek digest on weekdays 09:00`."
    )


COMING_SOON_DIGEST = Subcommand(
    name="digest",
    handler=_coming_soon,
    usage="digest on|off|status|preview",
    summary="A scheduled digest for this channel (coming soon).",
    example="/deepseek digest on weekdays 09:00",
)


def load_plugin(module: str, fallback: Subcommand | None = None) -> Subcommand | None:
    """`module.SUBCOMMAND` if the module exists; `fallback` if it does not."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name is not None and module.startswith(e.name):
            return fallback
        raise
    sub = getattr(mod, "SUBCOMMAND", None)
    if not isinstance(sub, Subcommand):
        log.warning("%s has no SUBCOMMAND: Subcommand; using the fallback", module)
        return fallback
    return sub


@dataclass(frozen=True)
class Plugin:
    """A subcommand in another module, imported on its first use so `serve` starts fast
    (the digest module pulls in SQLAlchemy). Until then help shows these lines, and the
    command runs deferred (ack first)."""

    module: str  # must define SUBCOMMAND: Subcommand
    name: str
    usage: str
    summary: str
    example: str

    def subcommand(self) -> Subcommand:
        def handler(command: Command, ctx: Context) -> Reply:
            real = load_plugin(self.module)
            if real is None:
                return _coming_soon(command, ctx)
            if ctx.router is not None:
                ctx.router.add(real)  # from now on, the module's own entry
            return real.handler(command, ctx)

        # it stands for the plugin's handler: name it so (logs, introspection)
        handler.__module__ = self.module
        handler.__qualname__ = handler.__name__ = f"lazy_{self.name}"
        return Subcommand(self.name, handler, self.usage, self.summary, self.example, deferred=True)


DIGEST_PLUGIN = Plugin(
    module="bot.slack.listeners.commands.digest",
    name="digest",
    usage="digest on|off|status|preview",
    summary="A short digest posted in this channel on a schedule.",
    example="/deepseek digest on weekdays 09:00 Europe/London",
)


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def default_router(extra: Iterable[Subcommand] = (), *, lazy: bool = True) -> Router:
    """help, brief, topics, sources, and digest (lazily imported when `lazy`)."""
    from bot.slack.listeners.commands import brief, help, sources, topics

    router = Router()
    for sub in (brief.SUBCOMMAND, topics.SUBCOMMAND, sources.SUBCOMMAND):
        router.add(sub)
    if not _module_exists(DIGEST_PLUGIN.module):
        router.add(COMING_SOON_DIGEST)
    elif lazy:
        router.add(DIGEST_PLUGIN.subcommand())
    else:
        router.add(load_plugin(DIGEST_PLUGIN.module) or COMING_SOON_DIGEST)
    router.add(help.SUBCOMMAND)
    for sub in extra:
        router.add(sub)
    return router
