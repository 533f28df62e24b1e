"""Fixtures for the Slack tests: the fixture briefings, settings, an app wired to the stub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_bolt import App
from slack_sdk import WebClient
from slack_stub import SlackStub

from bot.config import Settings
from bot.library import Library
from bot.slack.app import build_app
from bot.slack.router import Context, Router, default_router

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefings"
SECRET = "test-signing-secret"


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.load(FIXTURES)


@pytest.fixture(scope="session")
def router() -> Router:
    return default_router()


@pytest.fixture
def ctx(library: Library, router: Router) -> Context:
    return Context(library=library, user_id="U0ALICE", channel_id="C0TEST", router=router)


@pytest.fixture
def settings(slack_stub: SlackStub, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=slack_stub.api_url,
        briefings_dir=FIXTURES,
        digest_db_path=tmp_path / "digests.sqlite3",
        database_url=None,
    )


@pytest.fixture
def client(slack_stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack_stub.api_url)


@pytest.fixture
def app(settings: Settings, library: Library, client: WebClient) -> Iterator[App]:
    yield build_app(settings, library, client)
