"""`/deepseek digest on|off|status|preview`: channel digests.

The work is in bot.digest.commands; this module adapts the router's Command and Context.
Deferred: it uses the store and the Web API (users.info, chat.postMessage) after the ack.
bot.digest is imported on the first `/deepseek digest`, not at start-up: it pulls in
SQLAlchemy, which adds about 0.13 s to every `serve` and `ask` start (measured on 2 cores).
"""

from __future__ import annotations

from bot.slack.commands import Command
from bot.slack.subcommand import Context, Reply, Subcommand


def handle(command: Command, ctx: Context) -> Reply:
    import logging

    from bot.config import Settings
    from bot.digest.commands import Who, digest_reply, ephemeral, shared_store
    from bot.digest.content import content_from_library
    from bot.digest.store import SchemaError

    args = command.argv
    verb = args[0].lower() if args else ""
    settings = ctx.settings or Settings()
    who = Who(
        store=shared_store(settings).scoped(ctx.workspace) if ctx.workspace else None,
        user_id=ctx.user_id,
        channel_id=ctx.channel_id,
        settings=settings,
        client=ctx.client,
        content=content_from_library(ctx.library) if verb == "preview" else None,
        channel_name=ctx.channel_name,
    )
    try:
        return digest_reply(args, who)
    except SchemaError as e:
        logging.getLogger("bot.digest").error("%s", e)
        return ephemeral("Digests are unavailable: the digest database needs attention.")


SUBCOMMAND = Subcommand(
    name="digest",
    handler=handle,
    usage="digest on|off|status|preview",
    summary="A short digest posted in this channel on a schedule.",
    example="/deepseek digest on weekdays 09:00 Europe/London",
    deferred=True,
)
