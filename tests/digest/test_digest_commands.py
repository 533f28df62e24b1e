"""`/deepseek digest on|off|status|preview` and the App Home section, against a real store and
the Slack stand-in (users.info for the timezone, chat.postMessage for the confirmation)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from digest_helpers import DB, FIXTURE_BRIEFINGS
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block
from slack_stub import SlackStub

from bot.config import Settings
from bot.digest.commands import INVITE, Who, close_shared_stores, digest_reply, local_time
from bot.digest.content import load_content
from bot.digest.deliver import Pacer, WebClientSlack, run_due
from bot.digest.home import digest_section, home_blocks
from bot.digest.schedule import Schedule
from bot.digest.store import Store
from bot.library import Library

NOW = datetime(2025, 3, 7, 12, 0, tzinfo=UTC)  # a Friday


def settings_for(db: DB, **kw: Any) -> Settings:
    values: dict[str, Any] = {
        "digest_table_prefix": db.prefix,
        "digest_default_tz": "Europe/Berlin",
        "briefings_dir": FIXTURE_BRIEFINGS,
    }
    if db.env_url:
        values["database_url"] = db.env_url
    else:
        values["database_url"] = None
        values["digest_db_path"] = db.sqlite_path
    values.update(kw)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def client(slack_stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=slack_stub.api_url)


def who(
    store: Store, db: DB, client: WebClient | None, user: str = "U1", channel: str = "C1", **kw: Any
) -> Who:
    settings = kw.pop("settings", None) or settings_for(db)
    return Who(user, channel, settings, client, store=store, now=NOW, **kw)


def text_of(reply: dict[str, Any]) -> str:
    return str(reply["text"])


def valid(blocks: list[dict[str, Any]]) -> None:
    for b in blocks:
        parsed = Block.parse(b)
        assert parsed is not None
        parsed.to_dict()


def test_on_defaults_to_weekdays_0900_in_the_users_slack_timezone(
    store: Store, db: DB, client: WebClient, slack_stub: SlackStub
) -> None:
    slack_stub.users["U1"] = {"tz": "Asia/Tokyo"}
    reply = digest_reply(["on"], who(store, db, client))
    assert reply["response_type"] == "ephemeral"
    sub = store.get("C1")
    assert sub is not None and sub.schedule == Schedule("weekdays", 9, 0, "Asia/Tokyo")
    assert sub.since == NOW and sub.created_by == "U1"
    [post] = slack_stub.posts("C1")
    assert post["text"] == (
        "<@U1> turned on the DeepSeek digest for this channel: weekdays at 09:00 (Asia/Tokyo). "
        "Next digest: Mon 10 Mar, 09:00 (Asia/Tokyo)."
    )


def test_on_falls_back_to_default_tz(
    store: Store, db: DB, client: WebClient, slack_stub: SlackStub
) -> None:
    slack_stub.inject("users.info", ("error", "user_not_found"))
    digest_reply(["on", "daily", "07:30"], who(store, db, client))
    sub = store.get("C1")
    assert sub is not None and sub.schedule == Schedule("daily", 7, 30, "Europe/Berlin")


def test_on_with_explicit_schedule_and_skip_empty(store: Store, db: DB, client: WebClient) -> None:
    digest_reply(
        ["on", "weekly", "fri", "16:00", "Europe/Paris", "skip-empty"], who(store, db, client)
    )
    sub = store.get("C1")
    assert sub is not None
    assert sub.schedule == Schedule("weekly", 16, 0, "Europe/Paris", 4)
    assert sub.on_empty == "skip"


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["on", "25:99"], "HH:MM"), (["on", "Nowhere/City"], "IANA"), (["on", "weekly"], "day")],
)
def test_invalid_input_gets_a_clear_message(
    store: Store, db: DB, client: WebClient, slack_stub: SlackStub, args: list[str], needle: str
) -> None:
    reply = digest_reply(args, who(store, db, client))
    assert needle in text_of(reply) and "/deepseek digest on" in text_of(reply)
    assert store.get("C1") is None and slack_stub.posts() == []


def test_bot_not_in_channel_says_how_to_invite(
    store: Store, db: DB, client: WebClient, slack_stub: SlackStub
) -> None:
    slack_stub.channels["C1"] = {"is_member": False}
    reply = digest_reply(["on"], who(store, db, client))
    assert text_of(reply) == INVITE and "/invite @deepseek" in INVITE
    sub = store.get("C1")
    assert sub is None or not sub.active  # nothing will be posted there


def test_admins_only_when_set(store: Store, db: DB, client: WebClient) -> None:
    settings = settings_for(db, digest_admins="UADMIN, UBOSS")
    denied = digest_reply(["on"], who(store, db, client, user="U1", settings=settings))
    assert "Only digest admins" in text_of(denied) and "<@UADMIN>" in text_of(denied)
    assert store.get("C1") is None
    digest_reply(["on"], who(store, db, client, user="UBOSS", settings=settings))
    assert store.get("C1") is not None
    assert "Only digest admins" in text_of(
        digest_reply(["off"], who(store, db, client, user="U1", settings=settings))
    )
    # Anyone may look.
    assert "Next digest" in text_of(
        digest_reply(["status"], who(store, db, client, user="U1", settings=settings))
    )


def test_off_and_status(store: Store, db: DB, client: WebClient, slack_stub: SlackStub) -> None:
    assert "no digest" in text_of(digest_reply(["status"], who(store, db, client)))
    digest_reply(["on", "daily", "09:00", "UTC"], who(store, db, client))
    status = text_of(digest_reply(["status"], who(store, db, client)))
    assert "every day at 09:00 (UTC)" in status
    assert "Next digest: Sat 8 Mar, 09:00 (UTC)" in status
    assert "Last digest: none yet" in status
    # After a delivery, status shows it.
    run_due(
        NOW + timedelta(days=1),
        store=store,
        slack=WebClientSlack("xoxb-test", base_url=slack_stub.api_url),
        content=load_content(FIXTURE_BRIEFINGS),
        workers=1,
        grace=timedelta(hours=6),
        pacer=Pacer(0.0),
    )
    later = Who("U1", "C1", settings_for(db), client, store=store, now=NOW + timedelta(days=1))
    assert "Last digest: Sat 8 Mar, 09:00 (UTC)" in text_of(digest_reply(["status"], later))
    digest_reply(["off"], who(store, db, client))
    assert slack_stub.posts("C1")[-1]["text"] == (
        "<@U1> turned off the DeepSeek digest for this channel."
    )
    assert "no digest" in text_of(digest_reply(["off"], who(store, db, client)))


def test_preview_is_ephemeral_and_posts_nothing(
    store: Store, db: DB, client: WebClient, slack_stub: SlackStub
) -> None:
    content = load_content(FIXTURE_BRIEFINGS)
    reply = digest_reply(["preview"], who(store, db, client, content=content))
    assert reply["response_type"] == "ephemeral"
    assert reply["blocks"][0]["text"]["text"].startswith("DeepSeek digest · ")
    assert len(reply["blocks"]) <= 50
    valid(reply["blocks"])
    assert slack_stub.posts() == []
    assert store.deliveries("C1") == []


def test_direct_message_and_unknown_verb(store: Store, db: DB) -> None:
    assert "in a channel" in text_of(digest_reply(["on"], who(store, db, None, channel="D123")))
    reply = text_of(digest_reply(["frobnicate", "<!here>"], who(store, db, None)))
    assert "I don't know `digest frobnicate`" in reply and "<!here>" not in reply


@pytest.fixture
def shared(db: DB) -> Iterator[None]:
    yield
    close_shared_stores()


def test_router_seam_and_ask_mode(db: DB, store: Store, shared: None) -> None:
    from bot.slack.router import Context, default_router

    router = default_router()
    sub = router.get("digest")
    assert sub is not None and sub.deferred and sub.handler.__module__.endswith("digest")
    library = Library.load(FIXTURE_BRIEFINGS)
    ctx = Context(library=library, user_id="U1", channel_id="C9", settings=settings_for(db))
    reply = router.dispatch("digest on weekdays 08:00 UTC", ctx)  # no client: `ask`
    assert "turned on the DeepSeek digest" in text_of(reply)
    assert store.get("C9") is not None
    assert "weekdays at 08:00 (UTC)" in text_of(router.dispatch("digest status", ctx))
    preview = router.dispatch("digest preview", ctx)
    valid(preview["blocks"])


def test_home_section_lists_channels_and_paused_notes(db: DB, store: Store, shared: None) -> None:
    settings = settings_for(db)
    empty = digest_section(store, "U1", settings, now=NOW)
    assert "No channel has a digest yet" in json.dumps(empty)
    store.subscribe("C1", Schedule("weekdays", 9, 0, "Europe/London"), by="U1", now=NOW)
    store.subscribe("C2", Schedule("daily", 8, 0, "UTC"), by="U1", now=NOW)
    store.pause("C2", "not_in_channel")
    blocks = home_blocks("U1", settings=settings)
    valid(blocks)
    raw = json.dumps(blocks)
    assert "<#C1>" in raw and "Next digest" in raw
    assert "Paused: I was removed from the channel" in raw and "/invite @deepseek" in raw
    admin_only = digest_section(store, "U1", settings_for(db, digest_admins="U9"), now=NOW)
    assert "Only digest admins" in json.dumps(admin_only)


def test_digest_list_creates_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from bot.digest.cli import digest

    db_file = tmp_path / "never-made.sqlite3"
    monkeypatch.setenv("DIGEST_DB_PATH", str(db_file))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    result = CliRunner().invoke(digest, ["list"])
    assert result.exit_code == 0, result.output
    assert "No digests yet" in result.output
    assert not db_file.exists()


@pytest.mark.parametrize("name", ["Etc/UTC", "etc/utc", "UTC", "Universal", "Zulu", "Etc/UCT"])
def test_utc_is_shown_as_utc(name: str) -> None:
    from bot.digest.schedule import parse_on_args

    assert parse_on_args([], name).schedule.describe() == "weekdays at 09:00 (UTC)"
    stored = Schedule("daily", 9, 0, "Etc/UTC")  # as saved before names were canonical
    assert stored.describe() == "every day at 09:00 (UTC)"
    assert "(UTC)" in local_time(NOW, stored) and "Etc" not in local_time(NOW, stored)


def test_group_dms_are_refused_consistently_with_the_manifest(store: Store, db: DB) -> None:
    """Reading a group DM's history needs mpim:history, which the app does not ask for."""
    in_group = who(store, db, None, channel="G0GROUP", channel_name="mpdm-alice--bob-1")
    for verb in ("on", "off", "status"):
        assert "not in a group DM" in text_of(digest_reply([verb], in_group))
    assert store.get("G0GROUP") is None
    manifest = json.loads((Path(__file__).resolve().parents[2] / "manifest.json").read_text())
    assert "mpim:history" not in manifest["oauth_config"]["scopes"]["bot"]
    in_channel = who(store, db, None, channel="G0PRIVATE", channel_name="private-team")
    assert "turned on" in text_of(digest_reply(["on"], in_channel))


@pytest.mark.parametrize(
    "args",
    [
        ["on", "<!channel>"],
        ["on", "@here", "09:00"],
        ["on", "daily", "weekly", "<@U123>"],
        ["on", "25:00", "<#C1|x>"],
        ["on", "daily", "09:00", "Mars/<!everyone>"],
        ["<!here>"],
        ["on", "weekly"],
    ],
)
def test_typed_text_and_placeholders_never_become_markup(
    store: Store, db: DB, args: list[str]
) -> None:
    reply = digest_reply(args, who(store, db, None))
    for text in [reply["text"], *(b["text"]["text"] for b in reply["blocks"])]:
        assert not re.search(r"<[!@#]|@(here|channel|everyone)\b", text), text
        assert not re.search(r"<(?!https?://)[^<>]*>", text), text  # e.g. a raw <day>
        assert "&amp;lt;" not in text and "&amp;amp;" not in text, text  # escaped once
