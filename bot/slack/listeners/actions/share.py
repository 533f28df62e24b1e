""" "Share in channel": post the same reply for everyone, saying who shared it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk.models.blocks import ContextBlock

from bot.slack import blocks
from bot.slack.listeners.actions.navigate import action_value
from bot.slack.listeners.background import later
from bot.slack.subcommand import Context, Reply

if TYPE_CHECKING:
    from bot.slack.router import Router

SHAREABLE = ("brief", "topics", "sources")


def shared_reply(reply: Reply, user_id: str) -> Reply:
    """The reply, in_channel, with a "Shared by" line and without a second Share button."""
    kept: list[dict[str, Any]] = []
    for block in reply["blocks"]:
        if block.get("type") == "actions":
            elements = [e for e in block.get("elements", []) if e.get("action_id") != "share"]
            if not elements:
                continue
            block = {**block, "elements": elements}
        kept.append(block)
    who = f"<@{user_id}>" if user_id.isalnum() else "someone"
    note = ContextBlock(elements=[blocks.md(f"Shared by {who} with `/deepseek`")]).to_dict()
    at = 1 if kept and kept[0].get("type") == "header" else 0
    kept.insert(at, note)
    return {
        **reply,
        "response_type": "in_channel",
        "replace_original": False,
        "text": f"{reply['text']} (shared by {who})",
        "blocks": blocks.fit({"blocks": kept})["blocks"],
    }


def share(ack: Ack, body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
    ack()
    text = action_value(body) or "brief"
    user_id = str((body.get("user") or {}).get("id", ""))
    router: Router = context["router"]
    if text.split(" ", 1)[0] not in SHAREABLE:
        later(context, respond, **blocks.notice("That can't be shared."), replace_original=False)
        return
    reply = router.dispatch(
        text, Context(library=context["library"], user_id=user_id, router=router)
    )
    later(context, respond, **shared_reply(reply, user_id))
