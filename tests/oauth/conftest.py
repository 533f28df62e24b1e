"""OAuth fixtures: a database (SQLite; PostgreSQL when TEST_DATABASE_URL is set) and the app
in OAuth mode behind a real HTTP server on 127.0.0.1, talking to the Web API stand-in."""

from __future__ import annotations

import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "digest"))

from digest_helpers import DB, FIXTURE_BRIEFINGS, PG_SKIP, pg_url
from oauth_helpers import OAuthApp
from pydantic import SecretStr
from slack_stub import SlackStub

from bot.config import Settings


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DB]:
    import os

    prefix = f"o{uuid.uuid4().hex[:10]}_"
    if request.param == "sqlite":
        path = tmp_path / "digest.sqlite3"
        yield DB("sqlite", f"sqlite:///{path}", None, path, prefix)
        return
    url = pg_url()
    if url is None:
        pytest.skip(PG_SKIP)
    database = DB("postgres", url, os.environ["TEST_DATABASE_URL"], None, prefix)
    yield database
    cleanup = database.store()
    try:
        cleanup.drop_schema()
    finally:
        cleanup.close()


class _Server(ThreadingMixIn, WSGIServer):
    """Threads: a browser keeps idle connections open, which would block a serial server."""

    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def oauth_app(db: DB, slack_stub: SlackStub) -> Iterator[OAuthApp]:
    from bot.digest.commands import close_shared_stores
    from bot.slack.app import build_app
    from bot.slack.oauth import with_oauth_pages
    from bot.slack.server import make_wsgi

    server: WSGIServer = make_server(
        "127.0.0.1", 0, lambda e, s: [], server_class=_Server, handler_class=_Quiet
    )
    base = f"http://127.0.0.1:{server.server_port}"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_client_id="1111.2222",
        slack_client_secret=SecretStr("client-secret-value"),
        slack_signing_secret=SecretStr("signing-secret-value"),
        slack_redirect_uri=f"{base}/slack/oauth_redirect",
        slack_api_url=slack_stub.api_url,
        database_url=db.env_url or None,
        digest_db_path=db.sqlite_path or Path("unused.sqlite3"),
        digest_table_prefix=db.prefix,
        briefings_dir=FIXTURE_BRIEFINGS,
        briefings_reload_seconds=0,
    )
    app = build_app(settings, token_verification=False)
    server.set_app(with_oauth_pages(app, make_wsgi(app, "signing-secret-value")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield OAuthApp(base, settings, slack_stub, db)
    finally:
        server.shutdown()
        server.server_close()
        close_shared_stores()
