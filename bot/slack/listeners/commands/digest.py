"""`/deepseek digest on|off|status|preview`: the router's plug-in for channel digests.

The work is in bot.digest.commands; this module adapts the router's Command and Context.
Deferred: it uses the store and the Web API (users.info, chat.postMessage) after the ack.
"""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.digest.commands import Who, digest_reply, ephemeral
from bot.digest.content import content_from_library
from bot.digest.store import SchemaError
from bot.slack.commands import Command
from bot.slack.router import Context, Reply, Subcommand

log = logging.getLogger("bot.digest")


def handle(command: Command, ctx: Context) -> Reply:
    args = command.argv
    verb = args[0].lower() if args else ""
    who = Who(
        user_id=ctx.user_id,
        channel_id=ctx.channel_id,
        settings=ctx.settings or Settings(),
        client=ctx.client,
        content=content_from_library(ctx.library) if verb == "preview" else None,
        channel_name=ctx.channel_name,
    )
    try:
        return digest_reply(args, who)
    except SchemaError as e:
        log.error("%s", e)
        return ephemeral("Digests are unavailable: the digest database needs attention.")


SUBCOMMAND = Subcommand(
    name="digest",
    handler=handle,
    usage="digest on|off|status|preview",
    summary="A short digest posted in this channel on a schedule.",
    example="/deepseek digest on weekdays 09:00 Europe/London",
    deferred=True,
)
