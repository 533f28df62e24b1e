"""The preview's stand-in for Slack's Web API (`POST /api/<method>`) and response_url.

The Bolt app's WebClient points here (SLACK_API_URL): chat.postMessage, chat.postEphemeral,
chat.update, views.publish and friends land in the preview's timeline, checked against
Slack's rules (bot/preview/checks.py) with a note for anything Slack would refuse.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.preview import checks
from bot.preview.workspace import (
    BOT_ID,
    BOT_USER_ID,
    CHANNEL_ID,
    CHANNEL_NAME,
    DM_CHANNEL_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    USER_ID,
    USER_NAME,
    Message,
    ResponseTarget,
    Timeline,
    ensure_block_ids,
    message_payload,
    truthy,
)


class WebApi:
    """Slack's side of the app's outgoing calls: the Web API and response_urls."""

    def __init__(self, timeline: Timeline, *, bot_token: str, base_url: str, user_tz: str) -> None:
        self.timeline = timeline
        self.bot_token = bot_token
        self.base_url = base_url
        self.user_tz = user_tz

    def new_response_url(self, channel: str, original: str | None = None) -> str:
        rid = secrets.token_urlsafe(12)
        with self.timeline.lock:
            self.timeline.responses[rid] = ResponseTarget(channel=channel, original=original)
        return f"{self.base_url}/response/{rid}"

    # response_url ----------------------------------------------------------------------------
    def respond(self, rid: str, body: Mapping[str, Any], source: str) -> dict[str, Any]:
        tl = self.timeline
        with tl.lock:
            target = tl.responses.get(rid)
            if target is None:
                return {"ok": False, "error": "expired_url"}
            if time.monotonic() - target.created > 30 * 60:
                return {"ok": False, "error": "expired_url"}
            if source != "ack":
                target.uses += 1
                if target.uses > 5:
                    tl.note(
                        "A response_url was used more than 5 times; Slack refuses the 6th.", "error"
                    )
                    return {"ok": False, "error": "used_url"}
            original = tl.messages.get(target.original) if target.original else None
            if truthy(body.get("delete_original")):
                if original is not None:
                    original.deleted = True
                tl.touch()
                return {"ok": True}
            payload = self._payload(body, f"{source} message")
            in_channel = body.get("response_type") == "in_channel"
            if truthy(body.get("replace_original")):
                previous = original or (tl.messages.get(target.last) if target.last else None)
                if previous is not None and not previous.deleted:
                    previous.payload = payload
                    previous.edited = True
                    if in_channel:
                        previous.ephemeral = False
                    tl.touch()
                    return {"ok": True}
            message = Message(
                id=tl.next_id("m"),
                ts=tl.next_ts(),
                channel=target.channel,
                user=BOT_USER_ID,
                payload=payload,
                source="response_url" if source != "ack" else "ack",
                ephemeral=not in_channel,
                thread_ts=str(body["thread_ts"]) if body.get("thread_ts") else None,
            )
            target.last = message.id
            tl.add(message)
        return {"ok": True}

    # Web API ---------------------------------------------------------------------------------
    def call(self, method: str, body: dict[str, Any], auth: str) -> dict[str, Any]:
        token = body.get("token") or auth.removeprefix("Bearer ").strip()
        if token != self.bot_token:
            return {"ok": False, "error": "invalid_auth"}
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            self.timeline.note(
                f"The app called {method}, which the preview does not emulate.", "info"
            )
            return {"ok": False, "error": "unknown_method"}
        result: dict[str, Any] = handler(body)
        return result

    def _api_auth_test(self, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "Preview",
            "user": "deepseek",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _channel_ok(self, channel: str) -> bool:
        return channel in (CHANNEL_ID, DM_CHANNEL_ID, USER_ID)

    def _api_chat_postMessage(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        if channel in (USER_ID, DM_CHANNEL_ID):
            channel = DM_CHANNEL_ID
        if not self._channel_ok(channel):
            return {"ok": False, "error": "channel_not_found"}
        payload = self._payload(body, "chat.postMessage")
        if not payload.get("text") and not payload.get("blocks") and not payload.get("attachments"):
            return {"ok": False, "error": "no_text"}
        thread_ts = str(body["thread_ts"]) if body.get("thread_ts") else None
        if thread_ts and self.timeline.by_ts(channel, thread_ts) is None:
            return {"ok": False, "error": "thread_not_found"}
        message = self.timeline.add(
            Message(
                id=self.timeline.next_id("m"),
                ts=self.timeline.next_ts(),
                channel=channel,
                user=BOT_USER_ID,
                payload=payload,
                source="chat.postMessage",
                thread_ts=thread_ts,
            )
        )
        return {
            "ok": True,
            "channel": channel,
            "ts": message.ts,
            "message": message.slack_message(),
        }

    def _api_chat_postEphemeral(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        if not self._channel_ok(channel):
            return {"ok": False, "error": "channel_not_found"}
        if body.get("user") != USER_ID:
            return {"ok": False, "error": "user_not_in_channel"}
        message = self.timeline.add(
            Message(
                id=self.timeline.next_id("m"),
                ts=self.timeline.next_ts(),
                channel=channel,
                user=BOT_USER_ID,
                payload=self._payload(body, "chat.postEphemeral"),
                source="chat.postEphemeral",
                ephemeral=True,
                thread_ts=str(body["thread_ts"]) if body.get("thread_ts") else None,
            )
        )
        return {"ok": True, "message_ts": message.ts}

    def _api_chat_update(self, body: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(body.get("channel", "")), str(body.get("ts", ""))
        message = self.timeline.by_ts(channel, ts)
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        with self.timeline.lock:
            message.payload = self._payload(body, "chat.update")
            message.edited = True
        self.timeline.touch()
        return {"ok": True, "channel": channel, "ts": ts, "message": message.slack_message()}

    def _api_chat_delete(self, body: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(body.get("channel", "")), str(body.get("ts", ""))
        message = self.timeline.by_ts(channel, ts)
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        message.deleted = True
        self.timeline.touch()
        return {"ok": True, "channel": channel, "ts": ts}

    def _api_chat_getPermalink(self, body: dict[str, Any]) -> dict[str, Any]:
        ts = str(body.get("message_ts", "")).replace(".", "")
        return {"ok": True, "channel": body.get("channel"), "permalink": f"{self.base_url}/#p{ts}"}

    def _history(
        self, channel: str, body: Mapping[str, Any], thread: str | None
    ) -> list[dict[str, Any]]:
        with_meta = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
        oldest = float(body.get("oldest") or 0)
        latest = float(body.get("latest") or "inf")
        limit = int(body.get("limit") or 100)
        out = []
        for m in self.timeline.in_channel(channel):
            if m.ephemeral or not (oldest <= float(m.ts) <= latest):
                continue
            if thread is None and m.thread_ts:
                continue
            if thread is not None and m.ts != thread and m.thread_ts != thread:
                continue
            msg = m.slack_message()
            if not with_meta:
                msg.pop("metadata", None)
            if thread is None:
                replies = [r for r in self.timeline.in_channel(channel) if r.thread_ts == m.ts]
                if replies:
                    msg["thread_ts"] = m.ts
                    msg["reply_count"] = len(replies)
            out.append(msg)
        return (
            out[:limit]
            if thread is not None
            else sorted(out, key=lambda x: -float(x["ts"]))[:limit]
        )

    def _api_conversations_history(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        if not self._channel_ok(channel):
            return {"ok": False, "error": "channel_not_found"}
        messages = self._history(channel, body, None)
        return {"ok": True, "messages": messages, "has_more": False}

    def _api_conversations_replies(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        messages = self._history(channel, body, str(body.get("ts", "")))
        if not messages:
            return {"ok": False, "error": "thread_not_found"}
        return {"ok": True, "messages": messages, "has_more": False}

    def _api_conversations_info(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        if channel == DM_CHANNEL_ID:
            return {"ok": True, "channel": {"id": channel, "is_im": True, "user": USER_ID}}
        if channel != CHANNEL_ID:
            return {"ok": False, "error": "channel_not_found"}
        return {
            "ok": True,
            "channel": {
                "id": CHANNEL_ID,
                "name": CHANNEL_NAME,
                "is_channel": True,
                "is_member": True,
                "is_archived": False,
                "is_private": False,
            },
        }

    def _api_conversations_members(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "members": [USER_ID, BOT_USER_ID]}

    def _api_conversations_join(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._api_conversations_info(body)

    def _api_users_info(self, body: dict[str, Any]) -> dict[str, Any]:
        user = str(body.get("user", ""))
        if user == BOT_USER_ID:
            return {
                "ok": True,
                "user": {"id": user, "name": "deepseek", "is_bot": True, "tz": "UTC"},
            }
        if user != USER_ID:
            return {"ok": False, "error": "user_not_found"}
        now = datetime.now().astimezone()
        offset = now.utcoffset()
        return {
            "ok": True,
            "user": {
                "id": USER_ID,
                "team_id": TEAM_ID,
                "name": USER_NAME,
                "real_name": "You",
                "is_bot": False,
                "tz": self.user_tz,
                "tz_label": now.tzname(),
                "tz_offset": int(offset.total_seconds()) if offset else 0,
                "profile": {"display_name": USER_NAME, "real_name": "You"},
            },
        }

    def _api_team_info(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "team": {"id": TEAM_ID, "name": "Preview", "domain": TEAM_DOMAIN}}

    def _payload(self, body: Mapping[str, Any], where: str) -> dict[str, Any]:
        """The message part of a body, with Slack's block ids, checked against Slack's rules."""
        payload = message_payload(body)
        self._check(payload, where, surface=False)
        return payload

    def _check(self, payload: Mapping[str, Any], where: str, *, surface: bool) -> None:
        problems = checks.block_problems(payload.get("blocks"), surface=surface)
        if problems:
            more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
            self.timeline.note(
                f"Slack would refuse this {where} with invalid_blocks: "
                + "; ".join(problems[:3])
                + more,
                "error",
            )
        if not surface and payload.get("blocks") and not payload.get("text"):
            self.timeline.note(
                f"This {where} has blocks but no `text` fallback: notifications and screen "
                "readers get nothing.",
                "info",
            )

    def _view(self, body: Mapping[str, Any]) -> dict[str, Any] | None:
        view = body.get("view")
        if isinstance(view, str):
            with contextlib.suppress(ValueError):
                view = json.loads(view)
        if not isinstance(view, dict):
            return None
        copy: dict[str, Any] = json.loads(json.dumps(view))
        ensure_block_ids(copy)
        self._check(copy, f"{copy.get('type', 'view')} view", surface=True)
        copy.setdefault("id", "V" + secrets.token_hex(5).upper())
        return copy

    def _api_views_publish(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("user_id") != USER_ID:
            return {"ok": False, "error": "user_not_found"}
        view = self._view(body)
        if view is None:
            return {"ok": False, "error": "invalid_arguments"}
        with self.timeline.lock:
            self.timeline.home = view
        self.timeline.touch()
        return {"ok": True, "view": view}

    def _api_views_open(self, body: dict[str, Any]) -> dict[str, Any]:
        view = self._view(body)
        if view is None:
            return {"ok": False, "error": "invalid_arguments"}
        with self.timeline.lock:
            self.timeline.modal = view
        self.timeline.touch()
        return {"ok": True, "view": view}

    _api_views_push = _api_views_open
    _api_views_update = _api_views_open
