"""The store on a fresh and an existing database, its version check, and its claim primitives."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from digest_helpers import DB

from bot.digest.schedule import Schedule
from bot.digest.store import SCHEMA_VERSION, SchemaError, Store

SCHED = Schedule("daily", 9, 0, "UTC")
T0 = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
SLOT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def test_fresh_database_gets_schema_and_version(db: DB) -> None:
    store = db.store()
    try:
        assert store.schema_version() is None
        store.create_schema()
        assert store.schema_version() == SCHEMA_VERSION
        assert store.subscriptions() == []
    finally:
        store.drop_schema()
        store.close()


def test_existing_database_keeps_its_data(db: DB) -> None:
    first = db.store()
    try:
        first.create_schema()
        first.subscribe("C1", SCHED, by="U1", now=T0)
    finally:
        first.close()
    second = db.store()  # a restart: same database, schema already there
    try:
        second.create_schema()
        sub = second.get("C1")
        assert sub is not None and sub.schedule == SCHED and sub.since == T0
    finally:
        second.drop_schema()
        second.close()


def test_newer_schema_is_refused(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE {store.version_table} SET version_num = '0099'")
    again = Store(store.url, prefix=store.prefix)
    try:
        with pytest.raises(SchemaError, match="newer than this deepseek-bot"):
            again.create_schema()
    finally:
        again.close()


def test_concurrent_schema_creation(db: DB) -> None:
    stores = [db.store() for _ in range(4)]
    errors: list[BaseException] = []

    def create(s: Store) -> None:
        try:
            s.create_schema()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=create, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert stores[0].schema_version() == SCHEMA_VERSION
    finally:
        stores[0].drop_schema()
        for s in stores:
            s.close()


def test_claim_is_exclusive_under_contention(store: Store) -> None:
    store.subscribe("C1", SCHED, by="U1", now=T0)
    wins: list[str] = []
    barrier = threading.Barrier(8)

    def claim(i: int) -> None:
        barrier.wait()
        if store.claim("C1", SLOT, token=f"t{i}", claimant=f"h:1:t{i}") is not None:
            wins.append(f"t{i}")

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1
    [row] = store.deliveries("C1")
    assert row.claim_token == wins[0] and row.status == "claimed"


def test_claim_needs_an_active_subscription_from_before_the_slot(store: Store) -> None:
    assert store.claim("C1", SLOT, token="a", claimant="h:1:a") is None  # no subscription
    store.subscribe("C1", SCHED, by="U1", now=SLOT + timedelta(minutes=1))
    assert store.claim("C1", SLOT, token="a", claimant="h:1:a") is None  # slot before it
    store.subscribe("C1", SCHED, by="U1", now=T0)
    store.unsubscribe("C1", by="U1")
    assert store.claim("C1", SLOT, token="a", claimant="h:1:a") is None  # off


def test_take_over_is_compare_and_set(store: Store) -> None:
    store.subscribe("C1", SCHED, by="U1", now=T0)
    d = store.claim("C1", SLOT, token="old", claimant="h:1:old")
    assert d is not None
    assert store.take_over(d, token="new1", claimant="h:2:new1") is not None
    assert store.take_over(d, token="new2", claimant="h:3:new2") is None  # stale view
    assert not store.finish(d.id, "old", "posted")  # the old owner can no longer record
    assert store.finish(d.id, "new1", "posted", ts="1.0")
    assert store.deliveries("C1")[0].status == "posted"


def test_record_skipped_never_overwrites(store: Store) -> None:
    store.subscribe("C1", SCHED, by="U1", now=T0)
    d = store.claim("C1", SLOT, token="a", claimant="h:1:a")
    assert d is not None
    assert store.record_skipped("C1", [SLOT, SLOT + timedelta(days=1)], "missed") == 1
    assert [r.status for r in store.deliveries("C1")] == ["claimed", "skipped"]


def test_times_are_utc_aware(store: Store) -> None:
    store.subscribe("C1", Schedule("daily", 9, 0, "Asia/Tokyo"), by="U1", now=T0)
    sub = store.get("C1")
    assert sub is not None and sub.since == T0 and sub.since.tzinfo is not None
    with pytest.raises(ValueError):
        store.subscribe("C2", SCHED, by="U1", now=datetime(2025, 1, 1))


def test_heroku_postgres_url_is_accepted(db: DB) -> None:
    """DATABASE_URL in Heroku's `postgres://` form reaches PostgreSQL through psycopg."""
    if db.kind != "postgres":
        pytest.skip("PostgreSQL only")
    from bot.config import Settings
    from bot.digest.deliver import open_store

    assert db.env_url is not None
    heroku = "postgres://" + db.env_url.split("://", 1)[1]
    settings = Settings(_env_file=None, database_url=heroku, digest_table_prefix=db.prefix)  # type: ignore[call-arg]
    assert settings.sqlalchemy_url.startswith("postgresql+psycopg://")
    store = open_store(settings)
    try:
        assert store.dialect == "postgresql"
        assert store.schema_version() == SCHEMA_VERSION
    finally:
        store.close()


def test_on_again_with_the_same_schedule_keeps_the_start(store: Store) -> None:
    store.subscribe("C1", SCHED, by="U1", now=T0)
    sub = store.subscribe("C1", SCHED, by="U2", now=SLOT + timedelta(seconds=30))
    assert sub.since == T0 and sub.updated_by == "U2"  # 09:00 still due, not dropped
    sub = store.subscribe("C1", Schedule("daily", 10, 0, "UTC"), by="U2", now=SLOT)
    assert sub.since == SLOT  # a new schedule starts now
    store.unsubscribe("C1", by="U2")
    sub = store.subscribe(
        "C1", Schedule("daily", 10, 0, "UTC"), by="U2", now=SLOT + timedelta(hours=1)
    )
    assert sub.since == SLOT + timedelta(hours=1) and sub.active  # back on: from now
