"""The APScheduler clock: persistent jobs with explicit ids, DST-correct cron, the sweep job."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from apscheduler.schedulers.base import STATE_PAUSED
from click.testing import CliRunner
from digest_helpers import DB, FIXTURE_BRIEFINGS
from slack_stub import SlackStub
from sqlalchemy import inspect

from bot.config import Settings
from bot.digest import scheduler as clock
from bot.digest.schedule import Schedule
from bot.digest.store import Store

LONDON = Schedule("weekdays", 9, 0, "Europe/London")
FRI_NOON = datetime(2025, 3, 28, 12, 0, tzinfo=UTC)


def settings_for(db: DB, stub: SlackStub | None = None, **kw: Any) -> Settings:
    values: dict[str, Any] = {
        "digest_table_prefix": db.prefix,
        "briefings_dir": FIXTURE_BRIEFINGS,
        "slack_bot_token": "xoxb-test",
        "slack_api_url": stub.api_url if stub else "http://127.0.0.1:9/api/",
        "database_url": db.env_url,
    }
    if not db.env_url:
        values["digest_db_path"] = db.sqlite_path
    values.update(kw)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def paused_scheduler(db: DB, store: Store) -> Iterator[Any]:
    made: list[Any] = []

    def make() -> Any:
        s = clock.build_scheduler(settings_for(db), store, blocking=False)
        s.start(paused=True)
        made.append(s)
        return s

    yield make
    for s in made:
        if s.running:
            s.shutdown(wait=False)


def test_jobs_persist_with_explicit_ids_and_no_copies(
    db: DB, store: Store, paused_scheduler: Any
) -> None:
    store.subscribe("C1", LONDON, by="U1", now=FRI_NOON)
    store.subscribe("C2", Schedule("weekly", 17, 0, "America/New_York", 4), by="U1", now=FRI_NOON)
    with time_machine.travel(FRI_NOON, tick=False):
        first = paused_scheduler()
        assert clock.sync_jobs(first, store) == (2, 0)
        assert clock.sync_jobs(first, store) == (0, 0)  # unchanged: left alone
        first.shutdown(wait=False)
        # A restart on the same database: the jobs are there, and syncing adds no copies.
        second = paused_scheduler()
        assert {j.id for j in second.get_jobs()} == {"digest:channel:C1", "digest:channel:C2"}
        assert clock.sync_jobs(second, store) == (0, 0)
        job = second.get_job("digest:channel:C1")
        # Next Monday is after London's clocks went forward: 09:00 BST = 08:00 UTC.
        assert job.next_run_time == datetime(2025, 3, 31, 8, 0, tzinfo=UTC)
        assert str(job.trigger.timezone) == "Europe/London"
        # A changed schedule replaces the job; an unsubscribed channel loses it.
        store.subscribe("C1", Schedule("daily", 7, 0, "Asia/Tokyo"), by="U1", now=FRI_NOON)
        store.unsubscribe("C2", by="U1")
        assert clock.sync_jobs(second, store) == (1, 1)
        assert [j.id for j in second.get_jobs()] == ["digest:channel:C1"]
        assert second.get_job("digest:channel:C1").next_run_time == datetime(
            2025, 3, 28, 22, 0, tzinfo=UTC
        )
    with store.engine.connect() as conn:
        assert inspect(conn).has_table(store.jobs_table)


def test_sweep_posts_due_digests_once_and_stops_on_auth_errors(
    db: DB, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    mon = datetime(2025, 3, 31, 8, 0, 20, tzinfo=UTC)
    store.subscribe("C1", LONDON, by="U1", now=FRI_NOON)
    with SlackStub() as stub, time_machine.travel(mon, tick=False):
        settings = settings_for(db, stub)
        s = clock.build_scheduler(settings, store, blocking=False)
        s.start(paused=True)
        try:
            clock.install(s, settings, store)
            # The sweep job exists; this test runs its function directly instead.
            s.modify_job(clock.SWEEP_JOB, next_run_time=mon + timedelta(days=1))
            s.resume()
            clock.sweep()
            assert len([m for m in stub.posts("C1") if "thread_ts" not in m]) == 1
            assert s.get_job("digest:channel:C1") is not None
            clock.run_channel("C1")  # the cron job firing too: nothing more
            clock.sweep()
            assert len(stub.posts("C1")) == 2  # digest + thread reply

            store.subscribe("C2", LONDON, by="U1", now=FRI_NOON)
            stub.inject("chat.postMessage", ("error", "token_revoked"))
            with caplog.at_level(logging.ERROR, "bot.digest"):
                clock.sweep()
                clock.sweep()
            assert s.state == STATE_PAUSED
            errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
            assert len(errors) == 2 and "token_revoked" in errors[0]
            assert "restart" in errors[1]
        finally:
            s.shutdown(wait=False)


def test_cli_run_due_and_list(db: DB, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.digest.cli import digest

    store.subscribe("C1", LONDON, by="U1", now=FRI_NOON)
    with SlackStub() as stub:
        for k, v in db.env().items():
            monkeypatch.setenv(k, v)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", stub.api_url)
        monkeypatch.setenv("BRIEFINGS_DIR", str(FIXTURE_BRIEFINGS))
        runner = CliRunner()
        result = runner.invoke(digest, ["run-due", "--now", "2025-03-31T09:30:00+01:00"])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("digest run: posted 1,")
        result = runner.invoke(digest, ["run-due", "--now", "2025-03-31T08:31Z"])
        assert result.output.startswith("digest run: posted 0,")
        result = runner.invoke(digest, ["list"])
        assert result.exit_code == 0
        assert "C1\tweekdays at 09:00 (Europe/London)\tnext " in result.output
        assert "last Mon 31 Mar, 09:00 (Europe/London)" in result.output
        bad = runner.invoke(digest, ["run-due", "--now", "tomorrow"])
        assert bad.exit_code == 2 and "not an ISO-8601 time" in bad.output


def test_same_channel_in_two_workspaces_gets_two_jobs(
    db: DB, store: Store, paused_scheduler: Any
) -> None:
    store.subscribe("C1", LONDON, by="U1", now=FRI_NOON)  # single-workspace row
    store.scoped("E1:T2").subscribe("C1", LONDON, by="U9", now=FRI_NOON)
    with time_machine.travel(FRI_NOON, tick=False):
        s = paused_scheduler()
        assert clock.sync_jobs(s, store) == (2, 0)
        assert {j.id for j in s.get_jobs()} == {"digest:channel:C1", "digest:channel:E1:T2/C1"}
        assert s.get_job("digest:channel:E1:T2/C1").args == ("C1", "E1:T2")


def test_clock_in_oauth_mode_needs_no_bot_token(db: DB, store: Store) -> None:
    from bot.digest.cli import digest

    env = {**db.env(), "SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s", "SLACK_BOT_TOKEN": ""}
    env["BRIEFINGS_DIR"] = str(FIXTURE_BRIEFINGS)
    with pytest.MonkeyPatch.context() as mp:
        stop: dict[str, bool] = {}

        def fake_clock(settings: Settings) -> None:  # the real one blocks forever
            stop["oauth"] = settings.oauth_mode

        mp.setattr("bot.digest.clock.clock", fake_clock)
        result = CliRunner().invoke(digest, ["clock"], env=env)
    assert result.exit_code == 0, result.output
    assert stop == {"oauth": True}
