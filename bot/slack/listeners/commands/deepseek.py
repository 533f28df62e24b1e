"""The `/deepseek` callback: parse, route, reply in the ack (or ack, then respond)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.digest.workspace import workspace_of
from bot.slack import blocks
from bot.slack.listeners.background import later
from bot.slack.mrkdwn import unescape_slack
from bot.slack.subcommand import Context, Reply

if TYPE_CHECKING:
    from bot.slack.router import Router

FAILED = "Sorry, that failed on my side. Try again, or `/deepseek help`."


def command_context(
    command: dict[str, Any], context: BoltContext, client: WebClient | None, respond: Respond | None
) -> Context:
    return Context(
        library=context["library"],
        user_id=str(command.get("user_id", "")),
        user_name=str(command.get("user_name", "")),
        channel_id=str(command.get("channel_id", "")),
        channel_name=str(command.get("channel_name", "")),
        team_id=str(command.get("team_id", "")),
        workspace=workspace_of(context),
        settings=context.get("settings"),
        client=client,
        respond=respond,
        router=context["router"],
    )


def deepseek_command(
    ack: Ack,
    command: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
    logger: logging.Logger,
) -> None:
    router: Router = context["router"]
    # Slack sends the text with &, < and > as entities: read it as typed, so it is escaped
    # exactly once when echoed (bot.slack.mrkdwn.escape) and never shows a literal &lt;
    parsed, sub = router.resolve(unescape_slack(str(command.get("text") or "")))
    ctx = command_context(command, context, client, respond)
    if sub is None or not sub.deferred:
        try:
            reply: Reply = router.unknown(parsed, ctx) if sub is None else sub.handler(parsed, ctx)
        except Exception:
            logger.exception("/deepseek %s failed", parsed.name)
            reply = blocks.notice(FAILED)
        ack(**reply)
        return
    if sub.pending:
        ack(**sub.pending)
    else:
        ack()

    def deferred() -> None:
        try:
            reply = sub.handler(parsed, ctx)
        except Exception:
            logger.exception("/deepseek %s failed", parsed.name)
            reply = blocks.notice(FAILED)
        if reply:
            respond(**reply)

    later(context, deferred)
