"""The preview's HTTP server: the page, its JSON endpoints, the Web API and response_urls.

    GET  /                   the page (bot/preview/page.py)
    GET  /preview/state      the event stream (bot/preview/feed.py), long-polled
    POST /preview/<action>   what the page does: command, action, home, digest, say, ...
    POST /api/<method>       the Web API stand-in (bot/preview/webapi.py)
    POST /response/<id>      response_url

A browser tab that closes mid-answer is not an error: the server drops the connection
quietly (no BrokenPipeError traceback).
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from bot.preview.feed import wait_for_change
from bot.preview.page import page_html

if TYPE_CHECKING:
    from bot.preview.server import Preview

log = logging.getLogger("bot.preview.server")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A closed tab (broken pipe, reset) is routine; anything else is logged once."""
        import sys

        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            log.debug("%s closed the connection (%s)", client_address, type(error).__name__)
            return
        log.error("preview request from %s failed", client_address, exc_info=True)


def handler_for(preview: Preview) -> type[BaseHTTPRequestHandler]:
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
                try:
                    since = int(params.get("since", ["-1"])[0])
                except ValueError:
                    since = -1
                wait_for_change(preview.timeline, since)
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
                self._json(
                    preview.webapi.call(method, body, self.headers.get("Authorization") or "")
                )
            elif path.startswith("/response/"):
                self._json(preview.webapi.respond(path[len("/response/") :], body, "response_url"))
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
