"""Buttons, called directly: navigation replaces ephemeral replies; share posts in channel."""

from __future__ import annotations

from typing import Any

from slack_checks import Recorder, check_payload, no_unescaped_mentions
from slack_sdk import WebClient
from slack_stub import SlackStub

from bot.library import Library
from bot.slack.listeners.actions.navigate import (
    open_overview,
    open_topic,
    run_command,
    show_sources,
)
from bot.slack.listeners.actions.share import share
from bot.slack.router import Router


def body(action_id: str, value: str, **container: Any) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": "U0ALICE"},
        "trigger_id": "1.2.3",
        "container": {"type": "message", "is_ephemeral": True, **container},
        "response_url": "http://stub/response/x",
        "actions": [{"action_id": action_id, "value": value}],
    }


def context(library: Library, router: Router) -> Any:
    return {"library": library, "router": router, "settings": None}


def test_open_topic_replaces_the_ephemeral_reply(library: Library, router: Router) -> None:
    ack, respond = Recorder(), Recorder()
    open_topic(
        ack,
        body("open_topic:distillation", "distillation"),
        respond,
        None,
        context(library, router),
    )  # type: ignore[arg-type]
    assert ack.calls == [{}]
    reply = respond.last
    assert reply["replace_original"] is True
    assert reply["blocks"][0]["text"]["text"] == "Distillation allegations"
    check_payload(reply)


def test_click_on_a_channel_message_answers_only_the_clicker(
    library: Library, router: Router
) -> None:
    respond = Recorder()
    show_sources(
        Recorder(),
        body("show_sources:training-cost", "training-cost", is_ephemeral=False),
        respond,
        None,
        context(library, router),
    )  # type: ignore[arg-type]
    assert respond.last["replace_original"] is False
    assert respond.last["response_type"] == "ephemeral"
    assert respond.last["blocks"][0]["text"]["text"] == "Sources: Training cost and efficiency"


def test_gone_topic_is_a_polite_notice(library: Library, router: Router) -> None:
    respond = Recorder()
    open_topic(Recorder(), body("open_topic:gone", "gone"), respond, None, context(library, router))  # type: ignore[arg-type]
    assert "/deepseek topics" in respond.last["text"]


def test_from_app_home_opens_a_modal(
    library: Library, router: Router, slack_stub: SlackStub, client: WebClient
) -> None:
    b = body("open_topic:company-founder", "company-founder")
    b["container"] = {"type": "view", "view_id": "V0HOME"}
    b["view"] = {"type": "home", "id": "V0HOME"}
    open_overview(Recorder(), b, Recorder(), client, context(library, router))  # type: ignore[arg-type]
    view = slack_stub.calls_for("views.open")[0].body["view"]
    assert view["type"] == "modal" and view["title"]["text"] == "Overview"
    check_payload({"text": "m", "blocks": view["blocks"]}, max_blocks=100)


def test_share_posts_in_channel_with_who_shared(library: Library, router: Router) -> None:
    respond = Recorder()
    share(Recorder(), body("share", "brief training-cost"), respond, context(library, router))  # type: ignore[arg-type]
    reply = respond.last
    assert reply["response_type"] == "in_channel" and reply["replace_original"] is False
    assert reply["blocks"][0]["type"] == "header"
    assert reply["blocks"][1]["elements"][0]["text"] == "Shared by <@U0ALICE> with `/deepseek`"
    assert "share" not in str([b for b in reply["blocks"] if b["type"] == "actions"])
    assert "(shared by <@U0ALICE>)" in reply["text"]
    check_payload(reply)
    no_unescaped_mentions(reply, allowed=("<@U0ALICE>",))


def test_share_refuses_other_commands(library: Library, router: Router) -> None:
    respond = Recorder()
    share(Recorder(), body("share", "digest off"), respond, context(library, router))  # type: ignore[arg-type]
    assert respond.last["text"] == "That can't be shared."


def test_did_you_mean_button_runs_read_only_commands(library: Library, router: Router) -> None:
    respond = Recorder()
    run_command(Recorder(), body("run:0", "topics"), respond, None, context(library, router), None)  # type: ignore[arg-type]
    assert respond.last["blocks"][0]["text"]["text"].startswith("Topics")
    run_command(
        Recorder(), body("run:0", "digest off"), respond, None, context(library, router), None
    )  # type: ignore[arg-type]
    assert "Type it to run it" in respond.last["text"]


def test_more_shows_the_whole_brief_in_place(router: Router) -> None:
    from pathlib import Path

    from bot.slack.listeners.actions.navigate import show_more

    real = Library.load(Path(__file__).resolve().parents[4] / "briefings")
    brief = real.brief("training-cost")
    ack, respond = Recorder(), Recorder()
    show_more(
        ack, body("more:training-cost", "training-cost"), respond, None, context(real, router)
    )  # type: ignore[arg-type]
    assert ack.calls == [{}]
    reply = respond.last
    assert reply["replace_original"] is True
    text = str(reply["blocks"])
    assert "*More*" in text and brief.more[0].text[:40] in text  # what the first screen left out
    assert not any(e.get("action_id", "").startswith("more:") for b in reply["blocks"]
                   if b["type"] == "actions" for e in b["elements"])  # fmt: skip
    check_payload(reply)
