"""Check one raw request from Slack before Bolt sees it. Pure, apart from `handle()`.

    verify(secret, body, headers, now) -> bool          # Slack's v0 HMAC, on the raw bytes
    payload_problem(body, content_type) -> str | None   # None: a shape Bolt can handle

Bolt parses a request before it verifies the signature, and some malformed bodies (JSON
that is not an object, a broken form `payload`, a non-numeric timestamp) raise inside it.
`handle()` runs the checks in order: no valid signature -> 401, nothing parsed and nothing
logged; signed but malformed -> 400 with a one-line log naming the problem, never the body.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest

log = logging.getLogger(__name__)

MAX_AGE = 5 * 60  # seconds: Slack's replay window
MAX_BODY = 1 << 20  # Slack payloads are far smaller; a larger body is not from Slack

# Keys Bolt reads as objects (or lists of objects) wherever they appear in a payload.
_OBJECTS = (
    "team",
    "user",
    "channel",
    "enterprise",
    "container",
    "view",
    "event",
    "message",
    "previous_message",
    "item",
    "assistant_thread",
    "function_data",
    "state",
    "tokens",
    "function",
)
# …and of those, the ones Bolt reads as `.get(key, {})`, so that null breaks it too
_NOT_NULL = ("event", "view", "tokens", "function")
_LISTS = ("authorizations", "actions")


@dataclass(frozen=True)
class Answer:
    status: int
    body: str = ""
    headers: Mapping[str, Sequence[str]] | None = None


UNAUTHORIZED = Answer(401, '{"error":"invalid request"}')


def header(headers: Mapping[str, Any], name: str) -> str:
    """A header's first value, whatever the case of its name or the shape of its value."""
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, (list, tuple)):
                value = value[0] if value else ""
            return str(value)
    return ""


def verify(secret: str, body: bytes, headers: Mapping[str, Any], now: float) -> bool:
    """Slack's v0 signature over the raw bytes, with a timestamp within five minutes."""
    timestamp = header(headers, "x-slack-request-timestamp")
    signature = header(headers, "x-slack-signature")
    if not secret or not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return False
    if abs(now - int(timestamp)) > MAX_AGE:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def parse(body: str, content_type: str) -> Any:
    """The payload as Bolt reads it (JSON, a form, or a form's `payload` field).

    Raises ValueError when it is not readable at all."""
    if not body:
        return {}
    if content_type.split(";")[0].strip().lower() == "application/json" or body.startswith("{"):
        return json.loads(body)
    form = dict(parse_qsl(body, keep_blank_values=True))
    if "payload" in body:
        payload = form.get("payload")
        return {} if payload is None else json.loads(payload)
    return form


def _shape(value: Any, where: str, depth: int = 0) -> str | None:
    """The first nested object Bolt would misread, e.g. `"team" is not an object`."""
    if depth > 3 or not isinstance(value, dict):
        return None
    for key in _OBJECTS:
        if key in value and (value[key] is not None or key in _NOT_NULL):
            item = value[key]
            # a slash command's user/channel/team arrive as `user_id` strings; in payloads,
            # `user`, `channel` and `team` may be a bare id string (message events)
            if isinstance(item, str) and key in ("user", "channel", "team", "item"):
                continue
            if not isinstance(item, dict):
                return f"{where}{key} is not an object"
            problem = _shape(item, f"{where}{key}.", depth + 1)
            if problem:
                return problem
    for key in _LISTS:
        if key in value and value[key] is not None:
            items = value[key]
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                return f"{where}{key} is not a list of objects"
    return None


def payload_problem(body: str, content_type: str) -> str | None:
    """Why Bolt could not handle this signed payload, in a few words; None when it can."""
    try:
        payload = parse(body, content_type)
    except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
        return "body is not JSON or a form"
    if not isinstance(payload, dict):
        return "payload is not an object"
    if "type" in payload and not isinstance(payload["type"], str):
        return "type is not a string"
    problem = _shape(payload, "")
    if problem:
        return problem
    kind = payload.get("type")
    if kind in ("block_actions", "interactive_message"):
        actions = payload.get("actions")
        if not actions:
            return f"{kind} without actions"
        if not all(isinstance(a.get("action_id", a.get("name", "")), str) for a in actions):
            return "action_id is not a string"
    if kind == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event_callback without an event type"
    if kind in ("view_submission", "view_closed") and not isinstance(payload.get("view"), dict):
        return f"{kind} without a view"
    if kind == "url_verification" and not isinstance(payload.get("challenge"), str):
        return "url_verification without a challenge"
    return None


def handle(
    app: App, secret: str, raw: bytes, headers: Mapping[str, Any], now: float, query: str = ""
) -> Answer:
    """One request to /slack/events: 401 unsigned, 400 malformed, else Bolt's answer."""
    if len(raw) > MAX_BODY or not verify(secret, raw, headers, now):
        return UNAUTHORIZED
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return bad_request("body is not UTF-8")
    problem = payload_problem(body, header(headers, "content-type"))
    if problem:
        return bad_request(problem)
    try:
        request = BoltRequest(body=body, query=query, headers=dict(headers))
        response = app.dispatch(request)
    except Exception as e:  # a shape the checks above missed: still the sender's fault
        return bad_request(f"unreadable payload ({type(e).__name__})")
    return Answer(response.status, response.body, response.headers)


def bad_request(reason: str) -> Answer:
    log.warning("rejected a signed request: %s", reason)
    return Answer(400, json.dumps({"error": "malformed request", "detail": reason}))
