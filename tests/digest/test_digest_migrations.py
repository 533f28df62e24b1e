"""Databases made by single-workspace deepseek-bot upgrade in place (Alembic), nothing lost."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from digest_helpers import DB

from bot.digest.schedule import Schedule
from bot.digest.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[2]
BEFORE_MIGRATIONS = "d88f3de"  # the last commit whose store made tables with create_all
T0 = datetime(2025, 3, 7, 9, 0, tzinfo=UTC)
SLOT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SCHED = Schedule("weekdays", 9, 0, "Europe/London")


def old_store_module(tmp_path: Path) -> ModuleType:
    """bot/digest/store.py as released before migrations, loaded from git."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE_MIGRATIONS}:bot/digest/store.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"needs the git history (commit {BEFORE_MIGRATIONS}) to build an old database")
    path = tmp_path / "old_store.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_store", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_store"] = module
    spec.loader.exec_module(module)
    return module


def test_single_workspace_database_upgrades_in_place(db: DB, tmp_path: Path) -> None:
    old = old_store_module(tmp_path).Store(db.url, prefix=db.prefix)
    try:
        old.create_schema()
        for i in range(3):
            old.subscribe(f"C{i}", SCHED, by="U1", now=T0)
        old.unsubscribe("C2", by="U2", now=T0 + timedelta(hours=1))
        old.pause("C1", "not_in_channel", now=T0 + timedelta(hours=2))
        d = old.claim("C0", SLOT, token="t", claimant="h:1:t")
        assert old.finish(d.id, "t", "posted", ts="1.0", detail_ts="1.1", article_ids=["a"])
        old.record_skipped("C0", [SLOT - timedelta(days=1)], "missed")
        before_subs = old.subscriptions(active_only=False)
        before_rows = old.all_deliveries()
    finally:
        old.close()
    store = db.store()
    try:
        store.create_schema()  # the upgrade
        assert store.schema_version() == SCHEMA_VERSION
        subs = store.subscriptions(active_only=False)
        assert [(s.channel_id, s.schedule, s.active, s.paused_reason, s.since) for s in subs] == [
            (s.channel_id, s.schedule, s.active, s.paused_reason, s.since) for s in before_subs
        ]
        assert {s.workspace for s in subs} == {""}
        rows = store.all_deliveries()
        assert [(r.id, r.channel_id, r.slot, r.status, r.ts, r.article_ids) for r in rows] == [
            (r.id, r.channel_id, r.slot, r.status, r.ts, r.article_ids) for r in before_rows
        ]
        # New rows get new ids (the sequence moved past the copied ones) and keep working.
        new = store.claim("C0", SLOT + timedelta(days=1), token="u", claimant="h:1:u")
        assert new is not None and new.id > max(r.id for r in rows)
        # The same channel id in another workspace is another subscription and slot.
        other = store.scoped("E1:T2")
        other.subscribe("C0", SCHED, by="U9", now=T0)
        assert other.claim("C0", SLOT, token="v", claimant="h:1:v") is not None
        assert store.get("C0") is not None and store.get("C0").created_by == "U1"  # type: ignore[union-attr]
        assert [
            s.workspace for s in store.subscriptions(every_workspace=True) if s.channel_id == "C0"
        ] == ["", "E1:T2"]
    finally:
        store.drop_schema()
        store.close()


def test_upgrade_again_is_a_no_op(store: Store) -> None:
    store.subscribe("C1", SCHED, by="U1", now=T0)
    again = Store(store.url, prefix=store.prefix)
    try:
        again.create_schema()
        assert again.schema_version() == SCHEMA_VERSION
        assert again.get("C1") is not None
    finally:
        again.close()
