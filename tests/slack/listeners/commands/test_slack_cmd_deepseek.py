"""The /deepseek callback, called directly: replies go in the ack; deferred ones via respond."""

from __future__ import annotations

import logging
from typing import Any

from slack_checks import Recorder, check_payload

from bot.library import Library
from bot.slack import blocks
from bot.slack.commands import Command
from bot.slack.listeners.commands.deepseek import FAILED, deepseek_command
from bot.slack.router import Context, Reply, Router, Subcommand, default_router

LOG = logging.getLogger("test")


def run(text: str, library: Library, router: Router) -> tuple[Recorder, Recorder]:
    ack, respond = Recorder(), Recorder()
    command = {"text": text, "user_id": "U0ALICE", "channel_id": "C0TEST", "team_id": "T0"}
    context: Any = {"library": library, "router": router, "settings": None}
    deepseek_command(ack, command, respond, None, context, LOG)  # type: ignore[arg-type]
    return ack, respond


def test_brief_reply_is_in_the_ack(library: Library, router: Router) -> None:
    ack, respond = run("brief distillation", library, router)
    assert len(ack.calls) == 1 and not respond.calls
    reply = ack.last
    check_payload(reply)
    assert reply["response_type"] == "ephemeral"
    assert reply["blocks"][0]["text"]["text"] == "Distillation allegations"


def test_unknown_subcommand_gets_help_with_did_you_mean(library: Library, router: Router) -> None:
    ack, _ = run("topcis", library, router)
    text = str(ack.last["blocks"])
    assert "Did you mean `/deepseek topics`?" in text
    assert "/deepseek brief" in text and "/deepseek sources" in text


def test_bare_topic_word_suggests_brief(library: Library, router: Router) -> None:
    ack, _ = run("distillation", library, router)
    assert "Did you mean `/deepseek brief distillation`?" in str(ack.last["blocks"])


def test_deferred_subcommand_acks_then_responds(library: Library) -> None:
    seen: list[Context] = []

    def slow(command: Command, ctx: Context) -> Reply:
        seen.append(ctx)
        return blocks.notice(f"done: {command.args}")

    router = default_router(
        [Subcommand("slow", slow, "slow", "Slow.", "/deepseek slow x", deferred=True)]
    )
    ack, respond = run("slow x", library, router)
    assert ack.calls == [{}]
    assert respond.last["text"] == "done: x"
    assert seen[0].user_id == "U0ALICE" and seen[0].channel_id == "C0TEST"


def test_a_failing_handler_still_answers(library: Library) -> None:
    def boom(command: Command, ctx: Context) -> Reply:
        raise RuntimeError("bug")

    router = default_router([Subcommand("boom", boom, "boom", "Boom.", "/deepseek boom")])
    ack, _ = run("boom", library, router)
    assert ack.last["text"] == FAILED
