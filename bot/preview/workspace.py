"""The preview's workspace state: its ids, the app's manifest, and the channel timeline.

`Timeline` holds every message, note, the App Home view, the open modal and the
response_urls, behind one lock, with a version the page long-polls on (bot/preview/feed.py).
Pure data and small helpers; no HTTP here.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import ROOT

TEAM_ID = "T0PREVIEW"
TEAM_DOMAIN = "preview"
APP_ID = "A0PREVIEW"
BOT_USER_ID = "U0DEEPSEEK"
BOT_ID = "B0DEEPSEEK"
USER_ID = "U0PREVIEW"
USER_NAME = "you"
CHANNEL_ID = "C0PREVIEW"
CHANNEL_NAME = "deepseek-preview"
DM_CHANNEL_ID = "D0PREVIEW"
COMMAND = "/deepseek"
NAMES = {USER_ID: USER_NAME, BOT_USER_ID: "deepseek", CHANNEL_ID: CHANNEL_NAME}


@dataclass(frozen=True)
class AppInfo:
    """What the preview shows of the app, from manifest.json (Slack's app manifest)."""

    name: str = "DeepSeek Briefings"
    color: str = "#1f3a5f"
    command: str = COMMAND
    description: str = ""
    usage_hint: str = ""
    should_escape: bool = False


def load_app_info(path: Path = ROOT / "manifest.json") -> AppInfo:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppInfo()
    info = manifest.get("display_information") or {}
    commands = (manifest.get("features") or {}).get("slash_commands") or []
    command: dict[str, Any] = next((c for c in commands if c.get("command") == COMMAND), {})
    color = str(info.get("background_color") or "")
    return AppInfo(
        name=str(info.get("name") or AppInfo.name),
        color=color if re.fullmatch(r"#[0-9a-fA-F]{6}", color) else AppInfo.color,
        description=str(command.get("description") or ""),
        usage_hint=str(command.get("usage_hint") or ""),
        should_escape=bool(command.get("should_escape")),
    )


def slash_text(text: str, should_escape: bool) -> str:
    """The `text` field Slack sends for what the user typed after the command.

    Slack always encodes &, < and >. With the command's `should_escape` on, it also turns
    mentions of known users and channels and bare links into control sequences.
    """
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not should_escape:
        return out
    out = re.sub(rf"(?<![\w<])@{USER_NAME}\b", f"<@{USER_ID}|{USER_NAME}>", out)
    out = re.sub(rf"(?<![\w<])#{CHANNEL_NAME}\b", f"<#{CHANNEL_ID}|{CHANNEL_NAME}>", out)
    return re.sub(r"(?<![\w<|])(https?://[^\s<>|]+)", r"<\1>", out)


def local_tz() -> str:
    """The machine's IANA timezone name (users.info returns it, as Slack would), else UTC."""
    with contextlib.suppress(OSError, ValueError):
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    with contextlib.suppress(OSError):
        name = Path("/etc/timezone").read_text().strip()
        if name:
            return name
    return "UTC"


@dataclass
class Message:
    id: str
    ts: str
    channel: str
    user: str
    payload: dict[str, Any]
    source: str  # chat.postMessage, response_url, ack, ...
    ephemeral: bool = False
    thread_ts: str | None = None
    deleted: bool = False
    edited: bool = False

    @property
    def is_bot(self) -> bool:
        return self.user == BOT_USER_ID

    def slack_message(self) -> dict[str, Any]:
        """The message as the Web API returns it (history, block_actions payloads)."""
        msg: dict[str, Any] = {"type": "message", "ts": self.ts, "user": self.user}
        if self.is_bot:
            msg.update(bot_id=BOT_ID, app_id=APP_ID)
        for key in ("text", "blocks", "attachments", "metadata"):
            if key in self.payload:
                msg[key] = self.payload[key]
        msg.setdefault("text", "")
        if self.thread_ts:
            msg["thread_ts"] = self.thread_ts
        return msg


@dataclass
class ResponseTarget:
    """What a response_url is bound to (Slack allows 5 posts within 30 minutes)."""

    channel: str
    original: str | None = None  # message id of the clicked message
    last: str | None = None  # message id last posted through this url
    uses: int = 0
    created: float = field(default_factory=time.monotonic)


@dataclass
class Note:
    id: str
    ts: str
    text: str
    level: str = "info"  # info | error


class Timeline:
    """Thread-safe state of the preview workspace, with a version for long polling."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self.version = 0
        self.messages: dict[str, Message] = {}
        self.notes: list[Note] = []
        self.home: dict[str, Any] | None = None
        self.modal: dict[str, Any] | None = None
        self.responses: dict[str, ResponseTarget] = {}
        self._seq = 0
        self._last_ts = 0.0

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def next_id(self, prefix: str) -> str:
        with self._lock:
            self._seq += 1
            return f"{prefix}{self._seq}"

    def next_ts(self) -> str:
        with self._lock:
            now = max(time.time(), self._last_ts + 0.000001)
            self._last_ts = now
            return f"{now:.6f}"

    def touch(self) -> None:
        with self._changed:
            self.version += 1
            self._changed.notify_all()

    def wait(self, version: int, timeout: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self.version != version, timeout)

    def add(self, message: Message) -> Message:
        with self._lock:
            self.messages[message.id] = message
        self.touch()
        return message

    def note(self, text: str, level: str = "info") -> None:
        with self._lock:
            self.notes.append(Note(self.next_id("n"), self.next_ts(), text, level))
        self.touch()

    def by_ts(self, channel: str, ts: str) -> Message | None:
        with self._lock:
            for m in self.messages.values():
                if m.ts == ts and m.channel == channel and not m.deleted:
                    return m
        return None

    def in_channel(self, channel: str) -> list[Message]:
        with self._lock:
            return [m for m in self.messages.values() if m.channel == channel and not m.deleted]


def ensure_block_ids(payload: dict[str, Any]) -> dict[str, Any]:
    """Slack gives every block (and every interactive element) an id when the app omits one."""
    blocks = payload.get("blocks")
    if isinstance(blocks, list):
        for block in blocks:
            if not isinstance(block, dict):
                continue
            block.setdefault("block_id", secrets.token_urlsafe(4))
            elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
            accessory = block.get("accessory")
            if isinstance(accessory, dict):
                elements.append(accessory)
            for el in elements:
                if isinstance(el, dict) and el.get("type") != "image":
                    el.setdefault("action_id", secrets.token_urlsafe(4))
    return payload


MESSAGE_KEYS = ("text", "blocks", "attachments", "metadata", "mrkdwn", "unfurl_links")


def message_payload(body: Mapping[str, Any]) -> dict[str, Any]:
    payload = {k: body[k] for k in MESSAGE_KEYS if k in body and body[k] is not None}
    return ensure_block_ids(json.loads(json.dumps(payload)))


def truthy(value: object) -> bool:
    return value is True or str(value).lower() == "true"
