"""A local stand-in for the Slack Web API, for tests and benchmarks. Loopback only.

    with SlackStub() as stub:
        client = WebClient(token="xoxb-test", base_url=stub.api_url)
        client.chat_postMessage(channel="C1", text="hi")
        assert stub.posts("C1")[0]["text"] == "hi"

It answers `POST /api/<method>`:
- chat.postMessage: records the message (text, blocks, metadata, thread_ts) and returns
  ts/channel/message; chat.postEphemeral returns message_ts.
- conversations.history: the channel's recorded top-level posts, newest first; metadata only
  with include_all_metadata=true; honours limit/oldest/latest. conversations.replies too.
- conversations.info (`stub.channels[cid]` overrides), users.info (`stub.users[uid]`
  overrides; default tz `stub.default_tz`), views.publish, views.open, auth.test.
- anything else: {"ok": true}; `stub.answers[method] = {...}` fixes any method's answer
  (e.g. apps.connections.open -> {"ok": true, "url": "ws://..."} for Socket Mode tests).

`POST /response/<id>` is a response_url (`stub.response_url("x")`); the JSON body is recorded
under method "response" (and a response_type=in_channel post is also added to the channel
given by `stub.response_channels[id]`, when set).

Every call is recorded (`stub.calls`, `stub.calls_for(method)`), with the parsed body (form or
JSON; `blocks`, `metadata`, `view`, `attachments` decoded from JSON strings) and headers.

Faults, consumed in order per method (use "response" for response_url):
    stub.inject("chat.postMessage", ("ratelimit", 2), ("error", "not_in_channel"),
                ("status", 500), ("slow", 1.5), ("drop",))
`("drop_after",)` and `("slow_after", secs)` let the call take effect (a post is recorded)
and then drop the connection or delay the answer: the "did my post land?" cases.
`enforce_rate=True` answers 429 + Retry-After when a channel gets more than one post per
`rate_window` seconds; `random_429=0.1` answers 10% of posts with 429 (seeded by `seed`).
`history_interval=60` is Slack's Tier 1 for non-Marketplace apps: conversations.history and
conversations.replies answer 429 when called more than once per interval (per method and
token), and return at most 15 messages per page (`next_cursor` pages on).

Many workspaces (OAuth): `stub.oauth_codes[code] = {...}` is what oauth.v2.access answers for
that code (once); a refresh_token grant answers a rotated token (`stub.refreshed` lists them);
tokens in `stub.revoked` get `token_revoked` from every method (`stub.revoke_after[token] = n`:
from its n+1th post on); tokens in `stub.throttled`
get 429 (Retry-After `stub.throttle_after`) on every other chat.postMessage; rate limits are
per token and channel. `GET /oauth/v2/authorize?state=…&redirect_uri=…` stands for Slack's
consent page: it redirects to redirect_uri with `stub.next_code` and the state.

As a process: `python tests/slack_stub.py --port 8999 [--enforce-rate] [--random-429 0.05]`;
then `GET /_stub/calls` returns the recorded calls as JSON and `POST /_stub/reset` clears them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

Fault = tuple[Any, ...]
JSON_FIELDS = ("blocks", "attachments", "metadata", "view", "unfurls")
BOT_USER = "U0BOT"
BOT_ID = "B0BOT"
TEAM = "T0STUB"


@dataclass
class Call:
    method: str  # "chat.postMessage", ..., or "response" for a response_url
    body: dict[str, Any]
    headers: dict[str, str]
    status: int = 200  # what the stub answered (0 = connection dropped)
    ok: bool = True  # the answer's "ok"
    at: float = field(default_factory=time.time)
    path: str = ""


class SlackStub:
    def __init__(
        self,
        *,
        port: int = 0,
        enforce_rate: bool = False,
        rate_window: float = 1.0,
        random_429: float = 0.0,
        seed: int = 0,
        default_tz: str = "America/New_York",
        history_interval: float | None = None,
    ) -> None:
        self.history_interval = history_interval
        self.oauth_codes: dict[str, dict[str, Any]] = {}
        self.next_code = "code-1"
        self.refreshed: list[str] = []
        self.revoked: set[str] = set()
        self.revoke_after: dict[str, int] = {}  # token -> revoked after this many posts
        self.throttled: set[str] = set()
        self.throttle_after = 1
        self._throttle_count: dict[str, int] = defaultdict(int)
        self.request = threading.local()  # .token: the calling token (one thread per request)
        self._last_read: dict[tuple[str, str], float] = {}
        self.enforce_rate = enforce_rate
        self.rate_window = rate_window
        self.random_429 = random_429
        self.default_tz = default_tz
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.response_channels: dict[str, str] = {}
        self.answers: dict[str, dict[str, Any]] = {}  # method -> fixed JSON answer
        self._random = random.Random(seed)
        self._lock = threading.RLock()
        self._calls: list[Call] = []
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._messages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._last_post: dict[str, float] = {}
        self._last_ts = 0.0
        self._changed = threading.Condition(self._lock)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # lifecycle -----------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """For WebClient(base_url=...) and SLACK_API_URL."""
        return f"{self.base_url}/api/"

    def response_url(self, rid: str = "r1", channel: str | None = None) -> str:
        if channel:
            self.response_channels[rid] = channel
        return f"{self.base_url}/response/{rid}"

    def start(self) -> SlackStub:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SlackStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # test API --------------------------------------------------------------------------------
    def inject(self, method: str, *faults: Fault) -> None:
        with self._lock:
            self._faults[method].extend(faults)

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_for(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Messages that were accepted, oldest first (thread replies included)."""
        with self._lock:
            if channel is not None:
                return list(self._messages.get(channel, []))
            return [m for msgs in self._messages.values() for m in msgs]

    def add_message(self, channel: str, message: dict[str, Any]) -> dict[str, Any]:
        """Seed a channel's history (e.g. a post made before a crash)."""
        with self._lock:
            msg = {"type": "message", "ts": self._next_ts(), **message}
            self._messages[channel].append(msg)
            return msg

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self._faults.clear()
            self._messages.clear()
            self._last_post.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until `count` calls of `method` were recorded; return them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(found)}/{count} {method} calls after {timeout}s")
                self._changed.wait(left)

    # internals -------------------------------------------------------------------------------
    def _next_ts(self) -> str:
        now = max(time.time(), self._last_ts + 0.000001)
        self._last_ts = now
        return f"{now:.6f}"

    def _record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()

    def _next_fault(self, method: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get(method)
            return queue.popleft() if queue else None

    def answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        """(status, extra headers, JSON body) for one API call without a fault."""
        if method in self.answers:
            return 200, {}, self.answers[method]
        token = str(getattr(self.request, "token", ""))
        if token and token in self.revoked:
            return 200, {}, {"ok": False, "error": "token_revoked"}
        if method in ("chat.postMessage", "response"):
            return self._post(method, body)
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            return 200, {}, {"ok": True}
        result: tuple[int, dict[str, str], Any] = handler(body)
        return result

    def _post(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        if method == "response":
            rid = body.get("_rid", "")
            channel = self.response_channels.get(rid, "")
            if body.get("response_type") != "in_channel" or not channel:
                return 200, {}, {"ok": True}
        else:
            channel = str(body.get("channel", ""))
            if not channel:
                return 200, {}, {"ok": False, "error": "channel_not_found"}
        with self._lock:
            info = self.channels.get(channel, {})
            if method != "response" and info.get("is_member") is False:
                return 200, {}, {"ok": False, "error": "not_in_channel"}
            if info.get("is_archived"):
                return 200, {}, {"ok": False, "error": "is_archived"}
            now = time.monotonic()
            if method != "response" and self.random_429 and self._random.random() < self.random_429:
                return 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
            token = str(getattr(self.request, "token", ""))
            if method != "response" and token in self.throttled:
                self._throttle_count[token] += 1
                if self._throttle_count[token] % 2:
                    retry = str(self.throttle_after)
                    return 429, {"Retry-After": retry}, {"ok": False, "error": "ratelimited"}
            key = f"{token}/{channel}"
            last = self._last_post.get(key)
            if self.enforce_rate and last is not None and now - last < self.rate_window:
                return 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
            self._last_post[key] = now
            ts = self._next_ts()
            message: dict[str, Any] = {
                "type": "message",
                "ts": ts,
                "text": body.get("text", ""),
                "blocks": body.get("blocks", []),
                "bot_id": BOT_ID,
                "user": BOT_USER,
            }
            for key in ("metadata", "thread_ts", "reply_broadcast"):
                if body.get(key) is not None:
                    message[key] = body[key]
            self._messages[channel].append(message)
            if token in self.revoke_after:
                self.revoke_after[token] -= 1
                if self.revoke_after[token] <= 0:
                    self.revoked.add(token)  # the workspace revokes the app mid-run
        if method == "response":
            return 200, {}, {"ok": True}
        return 200, {}, {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _api_oauth_v2_access(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        if body.get("grant_type") == "refresh_token":
            old = str(body.get("refresh_token", ""))
            with self._lock:
                self.refreshed.append(old)
                n = len(self.refreshed)
            answer = {
                "ok": True,
                "token_type": "bot",
                "access_token": f"xoxe.xoxb-rotated-{n}",
                "refresh_token": f"xoxe-1-refresh-{n}",
                "expires_in": 43200,
            }
            return 200, {}, answer
        with self._lock:
            found = self.oauth_codes.pop(str(body.get("code", "")), None)
        if found is None:
            return 200, {}, {"ok": False, "error": "invalid_code"}
        return 200, {}, {"ok": True, **found}

    def _api_chat_postEphemeral(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        return 200, {}, {"ok": True, "message_ts": self._next_ts()}

    def _read_limited(self, method: str, body: dict[str, Any]) -> float | None:
        """Seconds to wait when this history read breaks Tier 1 (history_interval), else None."""
        if self.history_interval is None:
            return None
        key = (method, str(getattr(self.request, "token", "")))
        now = time.monotonic()
        with self._lock:
            last = self._last_read.get(key)
            if last is not None and now - last < self.history_interval:
                return self.history_interval - (now - last)
            self._last_read[key] = now
        return None

    def _page(
        self, method: str, body: dict[str, Any], msgs: list[dict[str, Any]]
    ) -> tuple[int, dict[str, str], Any]:
        wait = self._read_limited(method, body)
        if wait is not None:
            retry = str(max(1, int(wait + 0.999)))
            return 429, {"Retry-After": retry}, {"ok": False, "error": "ratelimited"}
        oldest = float(body.get("oldest") or 0)
        latest = float(body.get("latest") or 1e12)
        msgs = [m for m in msgs if oldest <= float(m["ts"]) <= latest]
        if str(body.get("include_all_metadata", "")).lower() not in ("1", "true"):
            for m in msgs:
                m.pop("metadata", None)
        limit = int(body.get("limit") or 100)
        if self.history_interval is not None:
            limit = min(limit, 15)
        start = int(body.get("cursor") or 0)
        page = msgs[start : start + limit]
        more = start + limit < len(msgs)
        answer: dict[str, Any] = {"ok": True, "messages": page, "has_more": more}
        answer["response_metadata"] = {"next_cursor": str(start + limit) if more else ""}
        return 200, {}, answer

    def _api_conversations_history(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        channel = str(body.get("channel", ""))
        with self._lock:
            msgs = [
                dict(m)
                for m in self._messages.get(channel, [])
                if "thread_ts" not in m or m.get("reply_broadcast")
            ]
        msgs.reverse()  # newest first
        return self._page("conversations.history", body, msgs)

    def _api_conversations_replies(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        channel, ts = str(body.get("channel", "")), str(body.get("ts", ""))
        with self._lock:
            msgs = [
                dict(m)
                for m in self._messages.get(channel, [])
                if m["ts"] == ts or m.get("thread_ts") == ts
            ]
        return self._page("conversations.replies", body, msgs)  # oldest first, like Slack

    def _api_conversations_info(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        cid = str(body.get("channel", ""))
        channel = {"id": cid, "name": cid.lower(), "is_member": True, "is_archived": False}
        channel.update(self.channels.get(cid, {}))
        return 200, {}, {"ok": True, "channel": channel}

    def _api_users_info(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        uid = str(body.get("user", ""))
        user = {"id": uid, "name": uid.lower(), "real_name": uid, "tz": self.default_tz}
        user.update(self.users.get(uid, {}))
        return 200, {}, {"ok": True, "user": user}

    def _api_auth_test(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        return (
            200,
            {},
            {
                "ok": True,
                "url": "https://stub.slack.com/",
                "team": "Stub",
                "user": "deepseek",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
            },
        )

    def _api_views_publish(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        view = dict(body.get("view") or {})
        view.setdefault("id", "V0HOME")
        return 200, {}, {"ok": True, "view": view}

    def _api_views_open(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        view = dict(body.get("view") or {})
        view.setdefault("id", "V0MODAL")
        return 200, {}, {"ok": True, "view": view}

    def snapshot(self) -> list[dict[str, Any]]:
        return [
            {
                "method": c.method,
                "body": c.body,
                "status": c.status,
                "at": c.at,
                "token": c.headers.get("authorization", "").removeprefix("Bearer "),
            }
            for c in self.calls
        ]


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        try:
            data = json.loads(raw)
        except ValueError:
            return {"_raw": raw.decode("utf-8", "replace")}
        return data if isinstance(data, dict) else {"_json": data}
    body: dict[str, Any] = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8")).items()}
    for key in JSON_FIELDS:
        if isinstance(body.get(key), str):
            with contextlib.suppress(ValueError):
                body[key] = json.loads(body[key])
    return body


def _handler_for(stub: SlackStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                self.close_connection = True

        def do_GET(self) -> None:
            if self.path.startswith("/oauth/v2/authorize"):  # Slack's consent page, approved
                from urllib.parse import urlencode, urlsplit

                query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
                target = query.get("redirect_uri", "")
                params = urlencode({"code": stub.next_code, "state": query.get("state", "")})
                self.send_response(302)
                self.send_header("Location", f"{target}?{params}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path == "/_stub/calls":
                self._send(200, stub.snapshot())
            else:
                self._send(404, {"ok": False, "error": "unknown_path"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            path = self.path.split("?", 1)[0]
            if path == "/_stub/reset":
                stub.reset()
                self._send(200, {"ok": True})
                return
            if path.startswith("/api/"):
                method = path[len("/api/") :]
            elif path.startswith("/response/"):
                method = "response"
            else:
                self._send(404, {"ok": False, "error": "unknown_path"})
                return
            body = _parse_body(raw, self.headers.get("Content-Type", ""))
            auth = self.headers.get("Authorization", "")
            stub.request.token = auth.removeprefix("Bearer ") or str(body.get("token", ""))
            if method == "response":
                body["_rid"] = path[len("/response/") :]
            call = Call(method, body, {k.lower(): v for k, v in self.headers.items()}, path=path)
            fault = stub._next_fault(method)
            status, extra, payload = 200, {}, None
            if fault is not None:
                kind = fault[0]
                if kind == "drop":
                    call.status = 0
                    stub._record(call)
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if kind == "slow":
                    time.sleep(float(fault[1]))
                elif kind == "ratelimit":
                    retry = str(fault[1] if len(fault) > 1 else 1)
                    status, extra = 429, {"Retry-After": retry}
                    payload = {"ok": False, "error": "ratelimited"}
                elif kind == "error":
                    payload = {"ok": False, "error": str(fault[1])}
                elif kind == "status":
                    status = int(fault[1])
                    payload = {"ok": False, "error": f"http_{status}"}
                elif kind in ("drop_after", "slow_after"):
                    pass  # handled after the call is answered (and a post recorded)
                else:
                    raise ValueError(f"unknown fault {fault!r}")
            if payload is None:
                status, extra, payload = stub.answer(method, body)
            call.status = status
            call.ok = bool(isinstance(payload, dict) and payload.get("ok"))
            if fault is not None and fault[0] == "drop_after":
                # The call took effect (a post is recorded) but the client never hears back.
                call.status = 0
                stub._record(call)
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault is not None and fault[0] == "slow_after":
                time.sleep(float(fault[1]))  # took effect at once; the answer comes late
            stub._record(call)
            self._send(status, payload, extra)

    return Handler


def iter_calls(stub: SlackStub, method: str) -> Iterator[dict[str, Any]]:
    for call in stub.calls_for(method):
        yield call.body


def main() -> None:
    parser = argparse.ArgumentParser(description="Local Slack Web API stand-in")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--enforce-rate", action="store_true")
    parser.add_argument("--random-429", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--throttle", action="append", default=[], help="token to answer 429s")
    parser.add_argument("--throttle-after", type=int, default=1, help="its Retry-After (s)")
    args = parser.parse_args()
    stub = SlackStub(
        port=args.port,
        enforce_rate=args.enforce_rate,
        random_429=args.random_429,
        seed=args.seed,
    )
    stub.throttled = set(args.throttle)
    stub.throttle_after = args.throttle_after
    print(stub.api_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        stub._server.serve_forever()


if __name__ == "__main__":
    main()
