"""A small but real Bolt app, for testing the preview's wiring apart from the bot's own app.

It acks slash commands with blocks, answers clicks through response_url, posts through the
Web API and publishes a Home tab: every path the preview must carry. Tests that need the bot's
real app use bot.slack.app instead (see test_real_app.py).
"""

from __future__ import annotations

import time
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.config import Settings


def build_demo_app(settings: Settings, client: WebClient) -> App:
    assert settings.slack_signing_secret is not None
    app = App(
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        client=client,
    )

    @app.command("/deepseek")
    def command(ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        text = command["text"]
        if text == "slow-reply":
            ack()
            respond(text="later, through response_url")
            return
        if text == "sleep":
            time.sleep(0.3)
            ack(text="slept")
            return
        if text == "modal":
            ack()
            client.views_open(
                trigger_id=command["trigger_id"],
                view={
                    "type": "modal",
                    "title": {"type": "plain_text", "text": "Sources"},
                    "close": {"type": "plain_text", "text": "Done"},
                    "blocks": [
                        {"type": "section", "text": {"type": "mrkdwn", "text": "*In a modal*"}},
                        {
                            "type": "actions",
                            "block_id": "modal_actions",
                            "elements": [
                                {
                                    "type": "button",
                                    "action_id": "modal_button",
                                    "text": {"type": "plain_text", "text": "Press"},
                                }
                            ],
                        },
                    ],
                },
            )
            return
        if text == "too-long":
            ack(blocks=[{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}])
            return
        if text == "public":
            ack(response_type="in_channel", text="for everyone")
            return
        if text == "post":
            ack()
            client.chat_postMessage(channel=command["channel_id"], text="posted *in channel*")
            return
        if text == "ephemeral-api":
            ack()
            client.chat_postEphemeral(
                channel=command["channel_id"], user=command["user_id"], text="just for you"
            )
            return
        ack(
            text=f"Brief for {text}",
            blocks=[
                {"type": "header", "text": {"type": "plain_text", "text": f"Brief: {text}"}},
                {"type": "markdown", "text": "**Bottom line:** it cost $5.6M. [1]"},
                {
                    "type": "actions",
                    "block_id": "brief_actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "share",
                            "text": {"type": "plain_text", "text": "Share in channel"},
                            "value": text,
                            "style": "primary",
                        },
                        {
                            "type": "static_select",
                            "action_id": "pick_topic",
                            "placeholder": {"type": "plain_text", "text": "Open a topic"},
                            "options": [
                                {"text": {"type": "plain_text", "text": "Cost"}, "value": "cost"},
                                {"text": {"type": "plain_text", "text": "Chips"}, "value": "chips"},
                            ],
                        },
                    ],
                },
            ],
        )

    @app.action("share")
    def share(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        value = body["actions"][0]["value"]
        respond(
            response_type="in_channel",
            replace_original=False,
            text=f"<@{body['user']['id']}> shared the brief for {value}",
        )

    @app.action("pick_topic")
    def pick(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        chosen = body["actions"][0]["selected_option"]["value"]
        state = body["state"]["values"]["brief_actions"]["pick_topic"]
        assert state["selected_option"]["value"] == chosen
        respond(replace_original=True, text=f"Topic picked: {chosen}")

    @app.action("modal_button")
    def modal_button(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        assert body["container"]["type"] == "view" and body["view"]["type"] == "modal"
        client.chat_postMessage(channel=body["user"]["id"], text="Pressed in the modal")

    @app.event("app_home_opened")
    def home(event: dict[str, Any], client: WebClient) -> None:
        client.views_publish(
            user_id=event["user"],
            view={
                "type": "home",
                "blocks": [
                    {"type": "header", "text": {"type": "plain_text", "text": "Topics"}},
                    {
                        "type": "actions",
                        "block_id": "home_actions",
                        "elements": [
                            {
                                "type": "button",
                                "action_id": "home_button",
                                "text": {"type": "plain_text", "text": "Open cost"},
                                "value": "cost",
                            }
                        ],
                    },
                ],
            },
        )

    @app.action("home_button")
    def home_button(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.chat_postMessage(channel=body["user"]["id"], text="Opened from Home")

    return app


def demo_digest(preview: Any) -> tuple[bool, str]:
    """Post a digest and its thread reply the way a digest job would."""
    client: WebClient = preview.client
    parent = client.chat_postMessage(
        channel="C0PREVIEW",
        text="DeepSeek digest",
        blocks=[{"type": "header", "text": {"type": "plain_text", "text": "DeepSeek digest"}}],
    )
    client.chat_postMessage(channel="C0PREVIEW", thread_ts=parent["ts"], text="More detail here")
    return True, "Posted the demo digest."
