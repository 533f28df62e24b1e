"""Run the app: HTTP mode (Bolt's WSGI adapter under gunicorn) or Socket Mode.

HTTP mode serves `POST /slack/events` (commands, buttons, events) and `GET /healthz` on
$PORT. Every request to /slack/events is checked by bot/slack/inbound.py before Bolt parses
it: 401 without a valid signature, 400 for a signed but malformed one. The app is built once in the gunicorn master (preload) and forked into the workers;
the briefings watcher starts in each worker on its first request.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from slack_bolt import App

from bot.slack import inbound

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def make_wsgi(app: App, signing_secret: str) -> WSGIApplication:
    """`POST /slack/events`: checked (bot/slack/inbound.py), then Bolt; `/healthz`: ok."""

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _answer(start_response, inbound.Answer(200, "ok\n"), "text/plain")
        if path != EVENTS_PATH:
            return _answer(start_response, inbound.Answer(404, "Not Found"), "text/plain")
        if method != "POST":
            return _answer(start_response, inbound.Answer(405, "POST only"), "text/plain")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= inbound.MAX_BODY:
            return _answer(start_response, inbound.Answer(413, "Too large"), "text/plain")
        raw = environ["wsgi.input"].read(length) if length else b""
        headers = {
            key[5:].lower().replace("_", "-")
            if key.startswith("HTTP_")
            else key.lower().replace("_", "-"): value
            for key, value in environ.items()
            if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH")
        }
        answer = inbound.handle(
            app, signing_secret, raw, headers, time.time(), str(environ.get("QUERY_STRING", ""))
        )
        return _answer(start_response, answer, "application/json")

    return wsgi


def _answer(
    start_response: StartResponse, answer: inbound.Answer, content_type: str
) -> list[bytes]:
    body = answer.body.encode()
    headers = [(k, v) for k, values in (answer.headers or {}).items() for v in values]
    names = {k.lower() for k, _ in headers}
    if "content-type" not in names:
        headers.append(("Content-Type", content_type))
    headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", headers)
    return [body]


def gunicorn_options(host: str, port: int, workers: int | None = None) -> dict[str, Any]:
    cpus = os.cpu_count() or 1
    return {
        "bind": f"{host}:{port}",
        # One process per core (at least 2, at most 4), many threads: handlers are short and
        # CPU-bound, and 16 threads keep 32 keep-alive connections served without queueing
        # (bench/http.py measured this against 4x4 and 2x8 on 2 cores).
        "workers": workers or int(os.environ.get("WEB_CONCURRENCY", 0)) or max(2, min(cpus, 4)),
        "worker_class": "gthread",
        "threads": int(os.environ.get("WEB_THREADS", 0)) or 16,
        "preload_app": True,
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "deepseek-bot",
    }


def run_gunicorn(factory: Callable[[], WSGIApplication], options: dict[str, Any]) -> None:
    """Serve `factory()` with gunicorn (a production WSGI server) until stopped."""
    import gc

    from gunicorn.app.base import BaseApplication

    # Everything loaded so far (modules, the Library, caches) lives as long as the process:
    # keep it out of the cyclic GC's scans, and shared copy-on-write with the forked workers.
    gc.collect()
    gc.freeze()

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> WSGIApplication:
            return factory()

    Server().run()


def run_socket_mode(app: App, app_token: str) -> None:
    """Socket Mode: an outbound WebSocket to Slack; binds no port (a Procfile `worker`)."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()  # type: ignore[no-untyped-call]
