"""Run the app: HTTP mode (Bolt's WSGI adapter under gunicorn) or Socket Mode.

HTTP mode serves `POST /slack/events` (commands, buttons, events) and `GET /healthz` on
$PORT. The app is built once in the gunicorn master (preload) and forked into the workers;
the briefings watcher starts in each worker on its first request.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def make_wsgi(app: App) -> WSGIApplication:
    """`/slack/events` to Bolt, `/healthz` answered directly."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in (
            "GET",
            "HEAD",
        ):
            start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "3")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return wsgi


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
