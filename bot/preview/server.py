"""Try the bot without Slack: a local page laid out like a Slack channel, driven by the real app.

`run(settings, port)` starts one local HTTP server that plays both sides of Slack:

- the page (`GET /`) where you type `/deepseek ...`, click buttons and post a digest;
- the Web API (`POST /api/<method>`): the Bolt app's WebClient points here (SLACK_API_URL), so
  chat.postMessage, chat.postEphemeral, chat.update, views.publish and friends land in the
  preview's channel instead of Slack;
- response_url (`POST /response/<id>`), which slash commands and button clicks carry.

When the page sends a command or a click, the server builds the form body Slack would send,
signs it with a secret generated at start-up (Slack's v0 HMAC scheme), and dispatches it through
the real Bolt app, so request verification, ack, respond() and the listeners all run as they do
in production. Nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import re
import secrets
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.config import ROOT, Settings
from bot.preview import blockkit_html, checks
from bot.preview.page import page_html

log = logging.getLogger(__name__)

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
ACK_DEADLINE = 3.0  # Slack shows operation_timeout when the ack takes longer
LONG_POLL = 20.0

AppFactory = Callable[[Settings, WebClient], App]
# Posts a digest; returns (posted, what to tell the user).
DigestRunner = Callable[["Preview"], tuple[bool, str]]


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


def _local_tz() -> str:
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


# ------------------------------------------------------------------------------------------------
# The channel timeline


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


def _ensure_block_ids(payload: dict[str, Any]) -> dict[str, Any]:
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


def _message_payload(body: Mapping[str, Any]) -> dict[str, Any]:
    payload = {k: body[k] for k in MESSAGE_KEYS if k in body and body[k] is not None}
    return _ensure_block_ids(json.loads(json.dumps(payload)))


# ------------------------------------------------------------------------------------------------
# The preview


class Preview:
    """The preview server: page, fake Web API, response_url, and the signed dispatcher."""

    def __init__(
        self,
        settings: Settings,
        *,
        port: int | None = None,
        app_factory: AppFactory | None = None,
        digest_runner: DigestRunner | None = None,
    ) -> None:
        self.signing_secret = secrets.token_hex(32)
        self.bot_token = "xoxb-preview-" + secrets.token_hex(12)
        self.timeline = Timeline()
        self.info = load_app_info()
        self.user_tz = _local_tz()
        self._tmp = tempfile.TemporaryDirectory(prefix="deepseek-preview-")
        self._app_factory = app_factory or default_app_factory
        self._digest_runner = digest_runner or default_digest_runner
        bind_port = settings.port if port is None else port
        self.httpd = ThreadingHTTPServer((settings.host, bind_port), _handler_for(self))
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        host = settings.host if settings.host not in ("0.0.0.0", "", "::") else "127.0.0.1"
        self.base_url = f"http://{host}:{self.port}"
        self.settings = settings.model_copy(
            update={
                "slack_bot_token": SecretStr(self.bot_token),
                "slack_signing_secret": SecretStr(self.signing_secret),
                "slack_app_token": None,
                "slack_api_url": self.base_url + "/api/",
                # The preview never touches a real digest store.
                "database_url": None,
                "digest_db_path": Path(self._tmp.name) / "preview.sqlite3",
                "digest_in_process": False,
            }
        )
        self.client = WebClient(token=self.bot_token, base_url=self.settings.slack_api_url)
        self.digest_lock = threading.Lock()
        self.app: App | None = None
        self.app_error: str | None = None
        self.app_ready = threading.Event()  # set once the app is built (or failed to be)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self.base_url + "/"

    # lifecycle -------------------------------------------------------------------------------
    def start(self) -> Preview:
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        # The app is built once the fake Web API answers: Bolt calls auth.test on it.
        try:
            self.app = self._app_factory(self.settings, self.client)
        except Exception as exc:
            # A missing build (LibraryError) needs one line, not a traceback; anything else
            # is a bug worth its traceback.
            expected = type(exc).__name__ == "LibraryError"
            log.log(logging.DEBUG if expected else logging.ERROR, "app failed", exc_info=True)
            self.app_error = str(exc) or type(exc).__name__
            self.timeline.note(f"The Slack app failed to start: {self.app_error}", "error")
        finally:
            self.app_ready.set()
            self.timeline.touch()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._tmp.cleanup()

    def __enter__(self) -> Preview:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # signing and dispatch --------------------------------------------------------------------
    def signed_headers(self, body: str, content_type: str) -> dict[str, str]:
        timestamp = str(int(time.time()))
        signature = SignatureVerifier(self.signing_secret).generate_signature(
            timestamp=timestamp, body=body
        )
        return {
            "content-type": content_type,
            "x-slack-request-timestamp": timestamp,
            "x-slack-signature": signature or "",
        }

    def dispatch(self, body: str, content_type: str) -> tuple[int, str, float]:
        """Send a signed request through the Bolt app; (status, ack body, seconds to ack)."""
        self.app_ready.wait(60)  # a request that arrives while the app is starting waits
        if self.app is None:
            return 503, "", 0.0
        headers = self.signed_headers(body, content_type)
        started = time.monotonic()
        response = self.app.dispatch(BoltRequest(body=body, headers=dict(headers)))
        return response.status, response.body, time.monotonic() - started

    def new_response_url(self, channel: str, original: str | None = None) -> str:
        rid = secrets.token_urlsafe(12)
        with self.timeline.lock:
            self.timeline.responses[rid] = ResponseTarget(channel=channel, original=original)
        return f"{self.base_url}/response/{rid}"

    def run_command(self, text: str) -> dict[str, Any]:
        """The page typed `/deepseek <text>`: send Slack's slash command body to the app."""
        response_url = self.new_response_url(CHANNEL_ID)
        fields = {
            "token": "preview-verification-token",
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": CHANNEL_ID,
            "channel_name": CHANNEL_NAME,
            "user_id": USER_ID,
            "user_name": USER_NAME,
            "command": COMMAND,
            "text": slash_text(text, self.info.should_escape),
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": self._trigger_id(),
        }
        body = urllib.parse.urlencode(fields)
        status, ack, elapsed = self.dispatch(body, "application/x-www-form-urlencoded")
        self._after_ack(f"{COMMAND} {text}".strip(), status, ack, elapsed, response_url)
        return {"status": status, "ms": round(elapsed * 1000)}

    def click(
        self, message_id: str | None, block_id: str, action_id: str, value: str | None
    ) -> dict[str, Any]:
        """The page clicked a button or picked an option: send Slack's block_actions payload."""
        with self.timeline.lock:
            view: dict[str, Any] | None = None
            if message_id in ("home", "modal"):
                view = self.timeline.home if message_id == "home" else self.timeline.modal
                if view is None:
                    return {"status": 404, "error": "That view is closed."}
                source_blocks = view.get("blocks") or []
                message = None
            else:
                message = self.timeline.messages.get(message_id or "")
                if message is None or message.deleted:
                    return {"status": 404, "error": "That message is gone."}
                source_blocks = message.payload.get("blocks") or []
            element = _find_element(source_blocks, block_id, action_id)
        if element is None:
            return {"status": 404, "error": "No such button in that message."}
        action = _action_payload(element, block_id, value)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": USER_ID, "username": USER_NAME, "name": USER_NAME, "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "preview-verification-token",
            "trigger_id": self._trigger_id(),
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "enterprise": None,
            "is_enterprise_install": False,
            "state": {"values": {}},
            "actions": [action],
        }
        if "selected_option" in action:
            # Stateful elements report their current value in `state`, as in Slack.
            payload["state"]["values"] = {
                block_id: {
                    action_id: {
                        "type": action["type"],
                        "selected_option": action["selected_option"],
                    }
                }
            }
        response_url = None
        if message is None:
            assert view is not None
            payload["container"] = {"type": "view", "view_id": view.get("id", "")}
            payload["view"] = view
        else:
            response_url = self.new_response_url(message.channel, original=message.id)
            payload["container"] = {
                "type": "message",
                "message_ts": message.ts,
                "channel_id": message.channel,
                "is_ephemeral": message.ephemeral,
            }
            if message.thread_ts:
                payload["container"]["thread_ts"] = message.thread_ts
            name = CHANNEL_NAME if message.channel == CHANNEL_ID else "directmessage"
            payload["channel"] = {"id": message.channel, "name": name}
            if not message.ephemeral:
                payload["message"] = message.slack_message()
            payload["response_url"] = response_url
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        status, _, elapsed = self.dispatch(body, "application/x-www-form-urlencoded")
        label = blockkit_html.plain(element.get("text")) or action.get("selected_option", {}).get(
            "value", action_id
        )
        if status == 404:
            self.timeline.note(f'No listener in the app handles "{action_id}" ({label}).', "error")
        elif status != 200:
            self.timeline.note(f'The app answered {status} to the click on "{label}".', "error")
        elif elapsed > ACK_DEADLINE:
            self.timeline.note(
                f'"{label}" took {elapsed:.1f}s to acknowledge; Slack gives up after 3s.', "error"
            )
        return {"status": status, "ms": round(elapsed * 1000)}

    def open_home(self) -> dict[str, Any]:
        """The page opened the app's Home tab: send Slack's app_home_opened event."""
        now = time.time()
        event = {
            "token": "preview-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "type": "event_callback",
            "event_id": "Ev" + secrets.token_hex(5).upper(),
            "event_time": int(now),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "event": {
                "type": "app_home_opened",
                "user": USER_ID,
                "channel": DM_CHANNEL_ID,
                "tab": "home",
                "event_ts": f"{now:.6f}",
            },
        }
        status, _, elapsed = self.dispatch(json.dumps(event), "application/json")
        if status == 404:
            self.timeline.note("The app has no app_home_opened listener.", "info")
        elif status != 200:
            self.timeline.note(f"The app answered {status} to app_home_opened.", "error")
        return {"status": status, "ms": round(elapsed * 1000)}

    def post_digest(self) -> dict[str, Any]:
        try:
            ok, message = self._digest_runner(self)
        except Exception as exc:
            log.exception("digest failed")
            ok, message = False, f"The digest failed: {type(exc).__name__}: {exc}"
        if not ok:
            self.timeline.note(message, "error")
        return {"ok": ok, "message": message}

    def say(self, text: str) -> None:
        """A plain message from you (not a command): it just appears, as in Slack."""
        self.timeline.add(
            Message(
                id=self.timeline.next_id("m"),
                ts=self.timeline.next_ts(),
                channel=CHANNEL_ID,
                user=USER_ID,
                payload={"text": _escape_user_text(text)},
                source="you",
            )
        )

    def _trigger_id(self) -> str:
        return f"{int(time.time())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"

    def _after_ack(
        self, what: str, status: int, ack: str, elapsed: float, response_url: str
    ) -> None:
        if status != 200:
            why = "the app is not running" if self.app is None else f"the app answered {status}"
            if status == 401:
                why += ": the request signature did not verify"
            self.timeline.note(f'{what} failed with the error "dispatch_failed" ({why}).', "error")
            return
        if elapsed > ACK_DEADLINE:
            self.timeline.note(
                f'{COMMAND} failed with the error "operation_timeout": the app took '
                f"{elapsed:.1f}s to acknowledge; Slack allows 3s.",
                "error",
            )
            return
        if not ack.strip():
            return
        try:
            body = json.loads(ack)
        except ValueError:
            body = {"text": ack}
        if not isinstance(body, dict):
            body = {"text": str(body)}
        if body.get("response_type") == "in_channel":
            # Slack shows the command itself above an in_channel reply sent in the ack.
            self.say(what)
        rid = response_url.rsplit("/", 1)[1]
        self._respond(rid, body, source="ack")

    # response_url ----------------------------------------------------------------------------
    def _respond(self, rid: str, body: Mapping[str, Any], source: str) -> dict[str, Any]:
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
            if _truthy(body.get("delete_original")):
                if original is not None:
                    original.deleted = True
                tl.touch()
                return {"ok": True}
            payload = self._payload(body, f"{source} message")
            in_channel = body.get("response_type") == "in_channel"
            if _truthy(body.get("replace_original")):
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
    def api(self, method: str, body: dict[str, Any], auth: str) -> dict[str, Any]:
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
        payload = _message_payload(body)
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
        _ensure_block_ids(copy)
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

    # page state ------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        tl = self.timeline
        with tl.lock:
            visible = [m for m in tl.messages.values() if not m.deleted]
            replies: dict[tuple[str, str], list[Message]] = {}
            for m in visible:
                if m.thread_ts:
                    replies.setdefault((m.channel, m.thread_ts), []).append(m)

            def view(m: Message) -> dict[str, Any]:
                return {
                    "id": m.id,
                    "ts": m.ts,
                    "time": datetime.fromtimestamp(float(m.ts)).strftime("%H:%M"),
                    "author": self.info.name if m.is_bot else "You",
                    "bot": m.is_bot,
                    "ephemeral": m.ephemeral,
                    "edited": m.edited,
                    "source": m.source,
                    "thread_ts": m.thread_ts,
                    "reply_count": len(replies.get((m.channel, m.ts), [])),
                    "html": blockkit_html.render_message(m.payload, NAMES),
                    "json": json.dumps(m.payload, indent=2, ensure_ascii=False),
                }

            def channel(cid: str) -> list[dict[str, Any]]:
                return [view(m) for m in visible if m.channel == cid and not m.thread_ts]

            threads = {
                parent_ts: [view(r) for r in rs]
                for (cid, parent_ts), rs in replies.items()
                if cid in (CHANNEL_ID, DM_CHANNEL_ID)
            }
            return {
                "version": tl.version,
                "app": {
                    "ready": self.app is not None,
                    "starting": not self.app_ready.is_set(),
                    "error": self.app_error,
                },
                "channel": channel(CHANNEL_ID),
                "dm": channel(DM_CHANNEL_ID),
                "threads": threads,
                "notes": [
                    {"id": n.id, "ts": n.ts, "text": n.text, "level": n.level} for n in tl.notes
                ],
                "home": blockkit_html.render_view(tl.home, NAMES) if tl.home else None,
                "modal": {
                    "title": blockkit_html.plain(tl.modal.get("title")),
                    "close": blockkit_html.plain(tl.modal.get("close")) or "Close",
                    "html": blockkit_html.render_view({"blocks": tl.modal.get("blocks")}, NAMES),
                }
                if tl.modal
                else None,
            }


def _truthy(value: object) -> bool:
    return value is True or str(value).lower() == "true"


def _escape_user_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _find_element(blocks: object, block_id: str, action_id: str) -> dict[str, Any] | None:
    if not isinstance(blocks, list):
        return None
    for block in blocks:
        if not isinstance(block, dict) or str(block.get("block_id", "")) != block_id:
            continue
        candidates = list(block.get("elements") or []) if block.get("type") == "actions" else []
        if isinstance(block.get("accessory"), dict):
            candidates.append(block["accessory"])
        for el in candidates:
            if isinstance(el, dict) and str(el.get("action_id", "")) == action_id:
                return el
    return None


def _action_payload(element: Mapping[str, Any], block_id: str, value: str | None) -> dict[str, Any]:
    """One entry of block_actions' `actions`, as Slack builds it from the clicked element."""
    action: dict[str, Any] = {
        "type": element.get("type"),
        "action_id": element.get("action_id"),
        "block_id": block_id,
        "action_ts": f"{time.time():.6f}",
    }
    if element.get("type") == "button":
        action["text"] = element.get("text")
        for key in ("value", "style", "url"):
            if key in element:
                action[key] = element[key]
        return action
    options: list[Mapping[str, Any]] = []
    options.extend(o for o in element.get("options") or [] if isinstance(o, Mapping))
    for group in element.get("option_groups") or []:
        if isinstance(group, Mapping):
            options.extend(o for o in group.get("options") or [] if isinstance(o, Mapping))
    chosen = next((o for o in options if o.get("value") == value), None)
    if chosen is not None:
        option = {"text": chosen.get("text"), "value": chosen.get("value")}
        action["selected_option"] = option
    if element.get("placeholder") is not None:
        action["placeholder"] = element.get("placeholder")
    return action


# ------------------------------------------------------------------------------------------------
# The real app and digest


def default_app_factory(settings: Settings, client: WebClient) -> App:
    """The bot's own Bolt app (bot.slack.app.build_app), with the preview's Web API client."""
    # Imported late, so the page and this module load even while the app cannot.
    build: Callable[..., App] = importlib.import_module("bot.slack.app").build_app
    return build(settings, client=client)


def default_digest_runner(preview: Preview) -> tuple[bool, str]:
    """Post the channel's next digest now, through the digest code's own delivery (`run_due`).

    A digest belongs to a slot of the channel's schedule: the one set with `/deepseek digest
    on` in the preview, else the digest's default (weekdays 09:00, your timezone). The
    preview runs `run_due` as of the channel's next slot, so the digest claims that slot,
    composes, posts with its thread reply through the preview's Web API, and records the
    delivery in the preview's own store, exactly as the scheduled run would. Each click takes
    the following slot, so "new since the last digest" and the spotlight rotation behave as
    in a channel. A channel without a subscription is left without one.
    """
    from datetime import UTC, timedelta

    from bot.digest.deliver import Pacer, open_store, run_due
    from bot.digest.schedule import next_slot, parse_on_args

    with preview.digest_lock:
        real_now = datetime.now(UTC)
        store = open_store(preview.settings)
        try:
            before = store.get(CHANNEL_ID)
            own = before is not None and before.due_enabled
            if before is not None and own:
                schedule, since = before.schedule, before.since
            else:
                schedule, since = parse_on_args([], preview.user_tz).schedule, real_now
                store.subscribe(CHANNEL_ID, schedule, by=USER_ID, now=since)
            last = store.latest_slot(CHANNEL_ID)
            slot = next_slot(schedule, max(since, last) if last is not None else since)
            try:
                report = run_due(
                    slot + timedelta(seconds=1),
                    store=store,
                    settings=preview.settings,
                    channels=[CHANNEL_ID],
                    workers=1,
                    pacer=Pacer(0.0),
                )
            finally:
                if before is None:
                    store.unsubscribe(CHANNEL_ID, by=USER_ID, now=real_now)
                elif not own:
                    store.subscribe(
                        CHANNEL_ID,
                        before.schedule,
                        by=before.updated_by,
                        on_empty=before.on_empty,
                        now=before.since,
                    )
                    if not before.active:
                        store.unsubscribe(CHANNEL_ID, by=before.updated_by, now=before.updated_at)
                    elif before.paused_reason:
                        store.pause(CHANNEL_ID, before.paused_reason, now=before.paused_at)
        finally:
            store.close()
    local = slot.astimezone(schedule.zone)
    when = f"{local:%a} {local.day} {local:%b}, {local:%H:%M} ({schedule.tz})"
    if report.posted:
        whose = "this channel's" if own else "the default schedule's"
        return True, f"Posted the digest for {when}, {whose} next slot."
    if report.empty:
        return True, f"Nothing new for {when}, and this channel skips empty digests."
    return False, f"No digest was posted for {when} ({report.summary()})."


# ------------------------------------------------------------------------------------------------
# HTTP


def _handler_for(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "deepseek-preview"

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("%s " + format, self.address_string(), *args)

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data: object, status: int = 200) -> None:
            self._send(status, json.dumps(data).encode(), "application/json; charset=utf-8")

        def _body(self) -> tuple[bytes, dict[str, Any]]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if ctype == "application/json":
                try:
                    data = json.loads(raw or b"{}")
                except ValueError:
                    data = {}
                return raw, data if isinstance(data, dict) else {}
            parsed = {k: v[-1] for k, v in urllib.parse.parse_qs(raw.decode(), True).items()}
            out: dict[str, Any] = dict(parsed)
            for key in ("blocks", "attachments", "metadata", "view"):
                if isinstance(out.get(key), str):
                    with contextlib.suppress(ValueError):
                        out[key] = json.loads(out[key])
            return raw, out

        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            if path in ("/", "/index.html"):
                self._send(
                    200,
                    page_html(
                        secrets.token_urlsafe(16),
                        app_name=preview.info.name,
                        color=preview.info.color,
                        usage=preview.info.usage_hint,
                        description=preview.info.description,
                    ).encode(),
                    "text/html; charset=utf-8",
                )
            elif path == "/healthz":
                self._json({"ok": True, "app": preview.app is not None})
            elif path == "/preview/state":
                params = urllib.parse.parse_qs(query)
                since = int(params.get("since", ["-1"])[0])
                if since == preview.timeline.version:
                    preview.timeline.wait(since, LONG_POLL)
                self._json(preview.state())
            else:
                self._json({"ok": False, "error": "not_found"}, 404)

        def do_POST(self) -> None:
            path = self.path.split("?")[0]
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if path.startswith("/preview/") and ctype != "application/json":
                # Only the page's own fetch() sends JSON here; a form on another site cannot
                # (a cross-origin JSON POST needs a CORS preflight this server never grants).
                self._json({"ok": False, "error": "json_required"}, 415)
                return
            _, body = self._body()
            if path.startswith("/api/"):
                method = path[len("/api/") :]
                self._json(preview.api(method, body, self.headers.get("Authorization") or ""))
            elif path.startswith("/response/"):
                self._json(preview._respond(path[len("/response/") :], body, "response_url"))
            elif path == "/preview/command":
                text = str(body.get("text", ""))
                self._json(preview.run_command(text))
            elif path == "/preview/action":
                self._json(
                    preview.click(
                        str(body.get("message_id") or ""),
                        str(body.get("block_id") or ""),
                        str(body.get("action_id") or ""),
                        None if body.get("value") is None else str(body.get("value")),
                    )
                )
            elif path == "/preview/home":
                self._json(preview.open_home())
            elif path == "/preview/digest":
                self._json(preview.post_digest())
            elif path == "/preview/say":
                preview.say(str(body.get("text", "")))
                self._json({"ok": True})
            elif path == "/preview/dismiss":
                message = preview.timeline.messages.get(str(body.get("message_id", "")))
                if message is not None and message.ephemeral:
                    message.deleted = True
                    preview.timeline.touch()
                self._json({"ok": True})
            elif path == "/preview/close-modal":
                with preview.timeline.lock:
                    preview.timeline.modal = None
                preview.timeline.touch()
                self._json({"ok": True})
            else:
                self._json({"ok": False, "error": "not_found"}, 404)

    return Handler


def run(settings: Settings, port: int | None = None) -> None:
    """Start the preview, print its URL and serve until Ctrl+C. `port` overrides PORT."""
    bind_port = settings.port if port is None else port
    try:
        preview = Preview(settings, port=bind_port)
    except OSError as exc:
        print(
            f"deepseek-bot: cannot listen on {settings.host}:{bind_port} ({exc.strerror or exc}). "
            "Set PORT or pass --port.",
            file=sys.stderr,
        )
        sys.exit(2)
    preview.start()
    if preview.app_error:
        preview.stop()
        print(
            f"deepseek-bot: the preview could not start the app: {preview.app_error}",
            file=sys.stderr,
        )
        sys.exit(2)
    print(f"Preview: {preview.url}", flush=True)
    has_tokens = any(
        v is not None and v.get_secret_value().strip()
        for v in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
    )
    why = "Slack tokens are set, but this is the preview" if has_tokens else "No Slack tokens set"
    print(f"{why}: the real app runs locally, and nothing reaches Slack.")
    print("Ctrl+C stops it.", flush=True)
    stopping = threading.Event()
    # SIGTERM (a process manager, a test) stops as cleanly as Ctrl+C: the temp store goes too.
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
