"""Try the bot without Slack: a local page laid out like a Slack channel, driven by the real app.

`run(settings, port)` starts one local HTTP server that plays both sides of Slack:

- the page (`GET /`) where you type `/deepseek ...`, click buttons and post a digest;
- the Web API (`POST /api/<method>`): the Bolt app's WebClient points here (SLACK_API_URL), so
  chat.postMessage, chat.postEphemeral, chat.update, views.publish and friends land in the
  preview's channel instead of Slack;
- response_url (`POST /response/<id>`), which slash commands and button clicks carry.

When the page sends a command or a click, `Preview` builds the body Slack would send, signs
it with a secret generated at start-up (Slack's v0 HMAC scheme), and dispatches it through
the same gate as HTTP mode (bot/slack/inbound.py) into the real Bolt app, so request
verification, ack, respond() and the listeners all run as they do in production. Nothing
leaves the machine.

The parts: workspace.py (ids, manifest, the timeline state), webapi.py (the Web API and
response_url stand-in), feed.py (the event stream the page long-polls), http.py (the HTTP
handler); this module wires them to the app and sends Slack's requests.
"""

from __future__ import annotations

import importlib
import json
import logging
import secrets
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings
from bot.preview import blockkit_html, feed
from bot.preview.http import Server, handler_for
from bot.preview.webapi import WebApi
from bot.preview.workspace import (
    APP_ID,
    BOT_USER_ID,
    CHANNEL_ID,
    CHANNEL_NAME,
    COMMAND,
    DM_CHANNEL_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    USER_ID,
    USER_NAME,
    AppInfo,
    Message,
    Timeline,
    load_app_info,
    local_tz,
    slash_text,
)
from bot.slack import inbound
from bot.slack.mrkdwn import escape

__all__ = ["AppInfo", "Preview", "load_app_info", "run", "slash_text"]

ACK_DEADLINE = 3.0  # Slack shows operation_timeout when the ack takes longer

log = logging.getLogger(__name__)

AppFactory = Callable[[Settings, WebClient], App]
# Posts a digest; returns (posted, what to tell the user).
DigestRunner = Callable[["Preview"], tuple[bool, str]]


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
        self.signing_secret = secrets.token_hex(32)  # what the preview signs with
        self.app_signing_secret = self.signing_secret  # what the app verifies with
        self.bot_token = "xoxb-preview-" + secrets.token_hex(12)
        self.timeline = Timeline()
        self.info = load_app_info()
        self.user_tz = local_tz()
        self._tmp = tempfile.TemporaryDirectory(prefix="deepseek-preview-")
        self._app_factory = app_factory or default_app_factory
        self._digest_runner = digest_runner or default_digest_runner
        bind_port = settings.port if port is None else port
        self.httpd = Server((settings.host, bind_port), handler_for(self))
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
        self.webapi = WebApi(
            self.timeline, bot_token=self.bot_token, base_url=self.base_url, user_tz=self.user_tz
        )
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
        answer = inbound.handle(
            self.app, self.app_signing_secret, body.encode(), headers, time.time()
        )
        return answer.status, answer.body, time.monotonic() - started

    def new_response_url(self, channel: str, original: str | None = None) -> str:
        return self.webapi.new_response_url(channel, original)

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
                payload={"text": escape(text)},
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
        self.webapi.respond(rid, body, source="ack")

    # page state ------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What the page shows (bot/preview/feed.py)."""
        app = {
            "ready": self.app is not None,
            "starting": not self.app_ready.is_set(),
            "error": self.app_error,
        }
        return feed.snapshot(self.timeline, self.info.name, app)


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
    when = f"{local:%a} {local.day} {local:%b}, {local:%H:%M} ({schedule.tz_label})"
    if report.posted:
        whose = "this channel's" if own else "the default schedule's"
        return True, f"Posted the digest for {when}, {whose} next slot."
    if report.empty:
        return True, f"Nothing new for {when}, and this channel skips empty digests."
    return False, f"No digest was posted for {when} ({report.summary()})."


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
