"""Navigation buttons. Ack first, then answer where the click came from:

- an ephemeral reply: replace it (response_url, replace_original);
- a message in the channel (a shared brief or a digest): a new ephemeral reply for the clicker;
- App Home: open a modal (there is no response_url there); a modal: push onto it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.library import Library
from bot.slack import blocks
from bot.slack.listeners.background import later
from bot.slack.listeners.commands.brief import brief_reply
from bot.slack.listeners.commands.sources import sources_reply
from bot.slack.mrkdwn import escape
from bot.slack.subcommand import Context, Reply

if TYPE_CHECKING:
    from bot.slack.router import Router

ALLOWED = ("brief", "topics", "sources", "help")


def action_value(body: dict[str, Any]) -> str:
    acts = body.get("actions") or [{}]
    return str(acts[0].get("value") or "")


def deliver(
    body: dict[str, Any], reply: Reply, respond: Respond, client: WebClient, title: str = "DeepSeek"
) -> None:
    container = body.get("container") or {}
    view = body.get("view") or {}
    if container.get("type") == "view" or view:
        modal = blocks.modal_view(reply, title)
        if view.get("type") == "modal":
            client.views_push(trigger_id=body["trigger_id"], view=modal)
        else:
            client.views_open(trigger_id=body["trigger_id"], view=modal)
        return
    if container.get("is_ephemeral"):
        respond(**reply, replace_original=True)
    else:
        respond(**{**reply, "response_type": "ephemeral"}, replace_original=False)


def _library(context: BoltContext) -> Library:
    library: Library = context["library"]
    return library


def open_topic(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    library = _library(context)
    topic_id = action_value(body)
    if library.get_brief(topic_id) is None:
        reply = blocks.notice("That topic is gone after a rebuild. See `/deepseek topics`.")
    else:
        reply = dict(brief_reply(library, topic_id))
    topic = library.topic(topic_id)
    later(context, deliver, body, reply, respond, client, topic.title if topic else "DeepSeek")


def open_overview(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    reply = dict(brief_reply(_library(context), "overview"))
    later(context, deliver, body, reply, respond, client, "Overview")


def show_more(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """ "More": the whole brief (every point, each difference with its clause, the timeline)."""
    ack()
    library = _library(context)
    brief = library.get_brief(action_value(body) or "overview")
    if brief is None:
        reply = blocks.notice("That brief is gone after a rebuild. See `/deepseek topics`.")
    else:
        reply = blocks.brief_message(brief, library, full=True)
    later(context, deliver, body, reply, respond, client, brief.title if brief else "DeepSeek")


def show_sources(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    brief_id = action_value(body) or "overview"
    reply = sources_reply(_library(context), "" if brief_id == "overview" else brief_id)
    later(context, deliver, body, reply, respond, client, "Sources")


def run_command(
    ack: Ack,
    body: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
    logger: logging.Logger,
) -> None:
    """A "did you mean" button: run that (read-only) subcommand."""
    ack()
    text = action_value(body)
    router: Router = context["router"]
    if text.split(" ", 1)[0] not in ALLOWED:
        reply = blocks.notice(f"Type it to run it: `/deepseek {escape(text)}`")
    else:
        ctx = Context(
            library=_library(context),
            user_id=str((body.get("user") or {}).get("id", "")),
            router=router,
        )
        reply = router.dispatch(text, ctx)
    later(context, deliver, body, reply, respond, client)
