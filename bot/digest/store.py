"""The digest store: subscriptions and deliveries, in SQLite or PostgreSQL via SQLAlchemy 2.

One row per (channel, scheduled slot) in `deliveries` is the exactly-once guarantee: a slot
is *claimed* by inserting that row (a unique constraint decides between racing processes)
before anything is posted, and the row then moves to a final status.

Statuses of a delivery:
- `claimed`: a runner owns it and may be posting right now (`claimant`, `claimed_at`);
- `unknown`: a post failed in a way that may or may not have reached Slack; the next run
  checks the channel's history for the slot id before posting again;
- `posted`, `skipped` (missed beyond DIGEST_GRACE, or older than the latest missed slot),
  `empty` (nothing new and the subscription skips empty digests), `paused` (channel gone),
  `failed` (Slack refused the message), `cancelled` (unsubscribed before posting).

Times are stored in UTC. Table names carry a prefix (DIGEST_TABLE_PREFIX), so tests can
use a private set of tables in a shared database and drop them afterwards.
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.types import TypeDecorator

from bot.digest.schedule import Schedule

log = logging.getLogger("bot.digest")

SCHEMA_VERSION = "0002"  # the Alembic head (bot/digest/migrations/versions)

FINAL_STATUSES = frozenset({"posted", "skipped", "empty", "paused", "failed", "cancelled"})


class SchemaError(RuntimeError):
    """The database holds a schema this code cannot use."""


def describe_db_error(e: BaseException) -> str | None:
    """One line for a database failure, never the URL (it may carry a password); None when
    `e` is not a database error."""
    from sqlalchemy.exc import SQLAlchemyError

    if not isinstance(e, SQLAlchemyError):
        return None
    orig = getattr(e, "orig", None) or e
    text = str(orig).strip()
    first = text.splitlines()[0] if text else type(orig).__name__
    first = first.split("(", 1)[0].strip() or type(orig).__name__
    return (
        f"the digest database failed ({type(orig).__name__}: {first[:160]}). "
        "Check DATABASE_URL (PostgreSQL) or DIGEST_DB_PATH (SQLite)."
    )


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the digest store")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


@dataclass(frozen=True)
class Tables:
    metadata: MetaData
    meta: Table
    subscriptions: Table
    deliveries: Table
    workspaces: Table


def build_tables(prefix: str) -> Tables:
    md = MetaData()
    meta = Table(
        f"{prefix}meta",
        md,
        Column("key", String(64), primary_key=True),
        Column("value", String(256), nullable=False),
    )
    subs = Table(
        f"{prefix}subscriptions",
        md,
        # '' in single-workspace mode; else "<enterprise_id>:<team_id>" (bot.digest.workspace)
        Column("workspace", String(64), primary_key=True, default=""),
        Column("channel_id", String(32), primary_key=True),
        Column("cadence", String(16), nullable=False),
        Column("weekday", Integer, nullable=True),
        Column("hour", Integer, nullable=False),
        Column("minute", Integer, nullable=False),
        Column("tz", String(64), nullable=False),
        Column("on_empty", String(16), nullable=False, default="spotlight"),
        Column("active", Boolean, nullable=False, default=True),
        # Slots at or before `since` are never due: set on every (re)subscribe and resume.
        Column("since", UTCDateTime, nullable=False),
        Column("created_by", String(32), nullable=False),
        Column("updated_by", String(32), nullable=False),
        Column("updated_at", UTCDateTime, nullable=False),
        Column("paused_reason", String(64), nullable=True),
        Column("paused_at", UTCDateTime, nullable=True),
    )
    deliveries = Table(
        f"{prefix}deliveries",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("workspace", String(64), nullable=False, default=""),
        Column("channel_id", String(32), nullable=False),
        Column("slot", UTCDateTime, nullable=False),
        Column("status", String(16), nullable=False),
        Column("claim_token", String(40), nullable=True),
        Column("claimant", String(200), nullable=True),
        Column("claimed_at", UTCDateTime, nullable=True),
        Column("attempts", Integer, nullable=False, default=0),
        # When the last chat.postMessage for this row was sent: a post sent moments ago
        # may still land, so recovery waits for it before posting again.
        Column("attempted_at", UTCDateTime, nullable=True),
        Column("ts", String(32), nullable=True),
        Column("detail_ts", String(32), nullable=True),
        Column("article_ids", Text, nullable=True),  # JSON list: what this digest covered
        Column("spotlight", String(64), nullable=True),
        Column("error", String(200), nullable=True),
        Column("finished_at", UTCDateTime, nullable=True),
        UniqueConstraint("workspace", "channel_id", "slot", name=f"{prefix}uq_workspace_slot"),
        Index(f"{prefix}ix_deliveries_status", "status"),
    )
    workspaces = Table(
        f"{prefix}workspaces",
        md,
        Column("workspace", String(64), primary_key=True),
        Column("team_id", String(32), nullable=True),
        Column("enterprise_id", String(32), nullable=True),
        Column("name", String(200), nullable=True),
        Column("installed", Boolean, nullable=False),
        Column("paused_reason", String(64), nullable=True),  # token_revoked, uninstalled, ...
        Column("paused_at", UTCDateTime, nullable=True),
        Column("updated_at", UTCDateTime, nullable=False),
    )
    return Tables(md, meta, subs, deliveries, workspaces)


@dataclass(frozen=True)
class Subscription:
    channel_id: str
    schedule: Schedule
    on_empty: str  # "spotlight" | "skip"
    active: bool
    since: datetime
    created_by: str
    updated_by: str
    updated_at: datetime
    paused_reason: str | None
    paused_at: datetime | None
    workspace: str = ""

    @property
    def due_enabled(self) -> bool:
        return self.active and self.paused_reason is None


@dataclass(frozen=True)
class Workspace:
    workspace: str
    team_id: str | None
    enterprise_id: str | None
    name: str | None
    installed: bool
    paused_reason: str | None
    paused_at: datetime | None


@dataclass(frozen=True)
class Delivery:
    id: int
    channel_id: str
    slot: datetime
    status: str
    claim_token: str | None
    claimant: str | None
    claimed_at: datetime | None
    attempts: int
    attempted_at: datetime | None
    ts: str | None
    detail_ts: str | None
    article_ids: tuple[str, ...] | None
    spotlight: str | None
    error: str | None
    finished_at: datetime | None
    workspace: str = ""


def _sub_from_row(row: Any) -> Subscription:
    return Subscription(
        channel_id=row.channel_id,
        schedule=Schedule(row.cadence, row.hour, row.minute, row.tz, row.weekday),
        on_empty=row.on_empty,
        active=bool(row.active),
        since=row.since,
        created_by=row.created_by,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
        paused_reason=row.paused_reason,
        paused_at=row.paused_at,
        workspace=row.workspace,
    )


def _delivery_from_row(row: Any) -> Delivery:
    ids = tuple(json.loads(row.article_ids)) if row.article_ids else None
    return Delivery(
        id=row.id,
        channel_id=row.channel_id,
        slot=row.slot,
        status=row.status,
        claim_token=row.claim_token,
        claimant=row.claimant,
        claimed_at=row.claimed_at,
        attempts=row.attempts,
        attempted_at=row.attempted_at,
        ts=row.ts,
        detail_ts=row.detail_ts,
        article_ids=ids,
        spotlight=row.spotlight,
        error=row.error,
        finished_at=row.finished_at,
        workspace=row.workspace,
    )


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _stamp(t: datetime) -> str:
    """A UTC time as fixed-width text that sorts like the time itself."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=40)
    if parsed.database and parsed.database != ":memory:":
        from pathlib import Path

        Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"timeout": 60, "check_same_thread": False}, pool_size=10, max_overflow=40
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Take the write lock up front: a deferred transaction that reads and then writes can
        # fail with SQLITE_BUSY without waiting, when another process wrote in between.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Store:
    """Subscriptions and deliveries. Thread-safe; one engine per store. Call `close()`.

    Channel-keyed methods act in `self.workspace` ('' in single-workspace mode) unless given
    `workspace=`; `store.scoped(ws)` is a view of the same database for one workspace.
    """

    def __init__(self, url: str, *, prefix: str = "digest_", workspace: str = "") -> None:
        if not prefix.replace("_", "").isalnum():
            raise ValueError("table prefix must be letters, digits and underscores")
        self.url = url
        self.prefix = prefix
        self.workspace = workspace
        self.engine = make_engine(url)
        self.t = build_tables(prefix)
        self._schema_ready = False
        self._lock = threading.Lock()
        self._owner = True

    def scoped(self, workspace: str) -> Store:
        """The same database (and engine) seen from one workspace. Closing it does nothing."""
        view = copy.copy(self)
        view.workspace = workspace
        view._owner = False
        return view

    def _ws(self, workspace: str | None) -> str:
        return self.workspace if workspace is None else workspace

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def jobs_table(self) -> str:
        return f"{self.prefix}apscheduler_jobs"

    def close(self) -> None:
        if self._owner:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        """A write transaction (on SQLite, BEGIN IMMEDIATE waits up to 60 s for the lock)."""
        with self.engine.begin() as conn:
            yield conn

    # ---------------------------------------------------------------- schema

    def create_schema(self) -> None:
        """Create or upgrade the tables to this code's schema (Alembic migrations in
        bot/digest/migrations). Idempotent and safe when several processes start at once."""
        if self._schema_ready:
            return
        with self._lock:
            if self._schema_ready:
                return
            logging.getLogger("alembic").setLevel(logging.WARNING)  # not news at start-up
            from alembic.util import CommandError

            from bot.digest import migrations

            for attempt in range(3):
                try:
                    with self.engine.connect() as conn:
                        migrations.upgrade(conn, self.prefix)
                    break
                except CommandError:
                    raise SchemaError(
                        f"The digest database is at schema {self.schema_version()}, newer than "
                        f"this deepseek-bot understands ({SCHEMA_VERSION}). Upgrade deepseek-bot."
                    ) from None
                except DBAPIError:  # another process created them at the same moment
                    if attempt == 2:
                        raise
                    time.sleep(0.3)
            self._schema_ready = True

    @property
    def version_table(self) -> str:
        return f"{self.prefix}alembic_version"

    def schema_version(self) -> str | None:
        """The database's migration revision ('0002'), or None before the first one."""
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, self.version_table):
                return None
            q = self.engine.dialect.identifier_preparer.quote(self.version_table)
            value = conn.exec_driver_sql(f"SELECT version_num FROM {q}").scalar()
            return None if value is None else str(value)

    def drop_schema(self) -> None:
        """Drop every table of this prefix, the scheduler's and OAuth's included (tests)."""
        self.t.metadata.drop_all(self.engine, checkfirst=True)
        with self.engine.begin() as conn:
            for name in (self.jobs_table, self.version_table, *self.oauth_tables):
                q = self.engine.dialect.identifier_preparer.quote(name)
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS {q}")
        self._schema_ready = False

    @property
    def oauth_tables(self) -> tuple[str, str, str]:
        """slack_sdk's installation and state tables (bot.slack.oauth), in this database."""
        return (
            f"{self.prefix}slack_installations",
            f"{self.prefix}slack_bots",
            f"{self.prefix}slack_oauth_states",
        )

    def _insert_ignore(self, conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
        """Insert rows, ignoring those that violate a unique constraint. Returns rows inserted."""
        if not rows:
            return 0
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt: Any = pg_insert(table).on_conflict_do_nothing()
        elif self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(table).on_conflict_do_nothing()
        else:  # pragma: no cover
            inserted = 0
            for row in rows:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(table), row)
                        inserted += 1
                except IntegrityError:
                    pass
            return inserted
        stmt = stmt.returning(*table.primary_key.columns)
        inserted = 0
        for row in rows:  # RETURNING tells what was inserted; rowcount is unreliable here
            inserted += len(conn.execute(stmt, row).all())
        return inserted

    # ---------------------------------------------------------------- subscriptions

    def subscribe(
        self,
        channel_id: str,
        schedule: Schedule,
        *,
        by: str,
        on_empty: str = "spotlight",
        now: datetime | None = None,
        workspace: str | None = None,
    ) -> Subscription:
        """Create or replace the channel's subscription; slots after `now` are due.

        Re-subscribing with the same schedule keeps the original start, so nothing due is lost.
        """
        self.create_schema()
        ws = self._ws(workspace)
        now = now or _utcnow()
        if now.tzinfo is None:
            raise ValueError("subscribe() needs a timezone-aware time")
        values = {
            "cadence": schedule.cadence,
            "weekday": schedule.weekday,
            "hour": schedule.hour,
            "minute": schedule.minute,
            "tz": schedule.tz,
            "on_empty": on_empty,
            "active": True,
            "since": now,
            "updated_by": by,
            "updated_at": now,
            "paused_reason": None,
            "paused_at": None,
        }
        s = self.t.subscriptions
        key = (s.c.workspace == ws, s.c.channel_id == channel_id)
        with self._tx() as conn:
            row = conn.execute(select(s).where(*key)).one_or_none()
            if row is not None:
                old = _sub_from_row(row)
                if old.due_enabled and old.schedule == schedule and old.since <= now:
                    # `on` again with the same schedule: keep it, so a slot that is due but
                    # not yet posted is not dropped.
                    values["since"] = old.since
            res = conn.execute(update(s).where(*key).values(**values))
            if not res.rowcount:
                conn.execute(
                    insert(s).values(workspace=ws, channel_id=channel_id, created_by=by, **values)
                )
        sub = self.get(channel_id, workspace=ws)
        assert sub is not None
        return sub

    def unsubscribe(
        self,
        channel_id: str,
        *,
        by: str,
        now: datetime | None = None,
        workspace: str | None = None,
    ) -> bool:
        """Turn the channel's digest off. Returns False when it was not on."""
        self.create_schema()
        s = self.t.subscriptions
        with self._tx() as conn:
            res = conn.execute(
                update(s)
                .where(
                    s.c.workspace == self._ws(workspace),
                    s.c.channel_id == channel_id,
                    s.c.active.is_(True),
                )
                .values(active=False, updated_by=by, updated_at=now or _utcnow())
            )
            return bool(res.rowcount)

    def pause(
        self,
        channel_id: str,
        reason: str,
        *,
        now: datetime | None = None,
        workspace: str | None = None,
    ) -> None:
        self.create_schema()
        s = self.t.subscriptions
        with self._tx() as conn:
            conn.execute(
                update(s)
                .where(s.c.workspace == self._ws(workspace), s.c.channel_id == channel_id)
                .values(paused_reason=reason, paused_at=now or _utcnow())
            )

    def get(self, channel_id: str, *, workspace: str | None = None) -> Subscription | None:
        self.create_schema()
        s = self.t.subscriptions
        q = select(s).where(s.c.workspace == self._ws(workspace), s.c.channel_id == channel_id)
        with self.engine.connect() as conn:
            row = conn.execute(q).one_or_none()
        return None if row is None else _sub_from_row(row)

    def subscriptions(
        self, *, active_only: bool = True, every_workspace: bool = False
    ) -> list[Subscription]:
        """This workspace's subscriptions (every workspace's with `every_workspace`)."""
        self.create_schema()
        s = self.t.subscriptions
        q = select(s).order_by(s.c.workspace, s.c.channel_id)
        if not every_workspace:
            q = q.where(s.c.workspace == self.workspace)
        if active_only:
            q = q.where(s.c.active.is_(True))
        with self.engine.connect() as conn:
            return [_sub_from_row(r) for r in conn.execute(q)]

    # ---------------------------------------------------------------- workspaces

    def workspace_installed(
        self,
        workspace: str,
        *,
        team_id: str | None,
        enterprise_id: str | None,
        name: str | None,
    ) -> None:
        """An install or reinstall: the workspace is on again (its pause lifted)."""
        self._put_workspace(
            workspace,
            team_id=team_id,
            enterprise_id=enterprise_id,
            name=name,
            installed=True,
            paused_reason=None,
            paused_at=None,
        )

    def pause_workspace(self, workspace: str, reason: str) -> None:
        """Stop deliveries to one workspace (its token was refused) until it installs again."""
        self._put_workspace(workspace, paused_reason=reason[:64], paused_at=_utcnow())

    def forget_workspace(self, workspace: str, reason: str) -> int:
        """Uninstalled or tokens revoked: delete its subscriptions, remember why.
        Idempotent. Returns how many subscriptions were deleted."""
        self.create_schema()
        s = self.t.subscriptions
        with self._tx() as conn:
            n = conn.execute(delete(s).where(s.c.workspace == workspace)).rowcount
        self._put_workspace(
            workspace, installed=False, paused_reason=reason[:64], paused_at=_utcnow()
        )
        return int(n or 0)

    def _put_workspace(self, workspace: str, **values: Any) -> None:
        self.create_schema()
        w = self.t.workspaces
        values["updated_at"] = _utcnow()
        with self._tx() as conn:
            res = conn.execute(update(w).where(w.c.workspace == workspace).values(**values))
            if not res.rowcount:
                values.setdefault("installed", True)
                self._insert_ignore(conn, w, [{"workspace": workspace, **values}])

    def workspaces(self) -> list[Workspace]:
        self.create_schema()
        w = self.t.workspaces
        with self.engine.connect() as conn:
            rows = conn.execute(select(w).order_by(w.c.workspace)).all()
        return [
            Workspace(
                r.workspace,
                r.team_id,
                r.enterprise_id,
                r.name,
                bool(r.installed),
                r.paused_reason,
                r.paused_at,
            )
            for r in rows
        ]

    # ---------------------------------------------------------------- deliveries

    def deliveries(
        self,
        channel_id: str,
        *,
        statuses: Iterable[str] | None = None,
        workspace: str | None = None,
    ) -> list[Delivery]:
        """The channel's deliveries, oldest slot first."""
        self.create_schema()
        d = self.t.deliveries
        q = (
            select(d)
            .where(d.c.workspace == self._ws(workspace), d.c.channel_id == channel_id)
            .order_by(d.c.slot)
        )
        if statuses is not None:
            q = q.where(d.c.status.in_(list(statuses)))
        with self.engine.connect() as conn:
            return [_delivery_from_row(r) for r in conn.execute(q)]

    def all_deliveries(self) -> list[Delivery]:
        """Every workspace's deliveries (tests, benchmarks)."""
        self.create_schema()
        d = self.t.deliveries
        q = select(d).order_by(d.c.workspace, d.c.channel_id, d.c.slot)
        with self.engine.connect() as conn:
            return [_delivery_from_row(r) for r in conn.execute(q)]

    def last_posted(self, channel_id: str, *, workspace: str | None = None) -> Delivery | None:
        self.create_schema()
        d = self.t.deliveries
        q = (
            select(d)
            .where(
                d.c.workspace == self._ws(workspace),
                d.c.channel_id == channel_id,
                d.c.status == "posted",
            )
            .order_by(d.c.slot.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(q).one_or_none()
        return None if row is None else _delivery_from_row(row)

    def latest_slot(self, channel_id: str, *, workspace: str | None = None) -> datetime | None:
        """The newest slot with any delivery row for the channel."""
        self.create_schema()
        d = self.t.deliveries
        with self.engine.connect() as conn:
            value = conn.execute(
                select(d.c.slot)
                .where(d.c.workspace == self._ws(workspace), d.c.channel_id == channel_id)
                .order_by(d.c.slot.desc())
                .limit(1)
            ).scalar_one_or_none()
        return value

    def latest_slots(self) -> dict[tuple[str, str], datetime]:
        """The newest slot with a delivery row, for every (workspace, channel) (one query)."""
        self.create_schema()
        d = self.t.deliveries
        q = select(d.c.workspace, d.c.channel_id, func.max(d.c.slot)).group_by(
            d.c.workspace, d.c.channel_id
        )
        with self.engine.connect() as conn:
            return {
                (str(w), str(c)): UTCDateTime().process_result_value(v, self.engine.dialect) or v
                for w, c, v in conn.execute(q)
            }

    def open_deliveries(self) -> list[Delivery]:
        """Every workspace's rows whose outcome is not final (claimed or unknown), oldest first."""
        self.create_schema()
        d = self.t.deliveries
        q = select(d).where(d.c.status.in_(["claimed", "unknown"])).order_by(d.c.slot, d.c.id)
        with self.engine.connect() as conn:
            return [_delivery_from_row(r) for r in conn.execute(q)]

    def record_skipped(
        self,
        channel_id: str,
        slots: Sequence[datetime],
        reason: str,
        *,
        workspace: str | None = None,
    ) -> int:
        """Record slots as skipped (never posted). Slots that already have a row are left alone."""
        if not slots:
            return 0
        self.create_schema()
        now = _utcnow()
        rows = [
            {
                "workspace": self._ws(workspace),
                "channel_id": channel_id,
                "slot": slot,
                "status": "skipped",
                "attempts": 0,
                "error": reason,
                "finished_at": now,
            }
            for slot in slots
        ]
        with self._tx() as conn:
            return self._insert_ignore(conn, self.t.deliveries, rows)

    def claim(
        self,
        channel_id: str,
        slot: datetime,
        *,
        token: str,
        claimant: str,
        workspace: str | None = None,
    ) -> Delivery | None:
        """Claim (workspace, channel, slot) by inserting its row. None when another runner has it.

        The claim is taken only while the subscription is still on: an unsubscribe that
        commits first wins, and one that commits after sees the claim's final status.
        """
        self.create_schema()
        ws = self._ws(workspace)
        s, d = self.t.subscriptions, self.t.deliveries
        with self._tx() as conn:
            on = conn.execute(
                select(s.c.channel_id).where(
                    s.c.workspace == ws,
                    s.c.channel_id == channel_id,
                    s.c.active.is_(True),
                    s.c.paused_reason.is_(None),
                    s.c.since < slot,
                )
            ).first()
            if on is None:
                return None
            inserted = self._insert_ignore(
                conn,
                d,
                [
                    {
                        "workspace": ws,
                        "channel_id": channel_id,
                        "slot": slot,
                        "status": "claimed",
                        "claim_token": token,
                        "claimant": claimant,
                        "claimed_at": _utcnow(),
                        "attempts": 1,
                    }
                ],
            )
            if not inserted:
                return None
            row = conn.execute(
                select(d).where(d.c.workspace == ws, d.c.channel_id == channel_id, d.c.slot == slot)
            ).one()
        return _delivery_from_row(row)

    def take_over(self, delivery: Delivery, *, token: str, claimant: str) -> Delivery | None:
        """Compare-and-set an open delivery to a new owner. None when someone else moved it."""
        self.create_schema()
        d = self.t.deliveries
        cond = [d.c.id == delivery.id, d.c.status == delivery.status]
        cond.append(
            d.c.claim_token.is_(None)
            if delivery.claim_token is None
            else d.c.claim_token == delivery.claim_token
        )
        with self._tx() as conn:
            res = conn.execute(
                update(d)
                .where(*cond)
                .values(
                    status="claimed",
                    claim_token=token,
                    claimant=claimant,
                    claimed_at=_utcnow(),
                    attempts=d.c.attempts + 1,
                )
            )
            if not res.rowcount:
                return None
            row = conn.execute(select(d).where(d.c.id == delivery.id)).one()
        return _delivery_from_row(row)

    def renew(self, claims: Iterable[tuple[int, str]]) -> set[int]:
        """Refresh the lease of claims we hold, in one transaction. Returns the ids still ours."""
        d = self.t.deliveries
        ours: set[int] = set()
        now = _utcnow()
        with self._tx() as conn:
            for delivery_id, token in claims:
                res = conn.execute(
                    update(d)
                    .where(d.c.id == delivery_id, d.c.claim_token == token, d.c.status == "claimed")
                    .values(claimed_at=now)
                )
                if res.rowcount:
                    ours.add(delivery_id)
        return ours

    def update_claim(self, delivery_id: int, token: str, **values: Any) -> bool:
        """Update fields of a delivery we own (plan, ts, detail_ts, error); renews the lease.
        False when the claim is no longer ours."""
        d = self.t.deliveries
        if "article_ids" in values and values["article_ids"] is not None:
            values["article_ids"] = json.dumps(list(values["article_ids"]))
        values.setdefault("claimed_at", _utcnow())
        with self._tx() as conn:
            res = conn.execute(
                update(d)
                .where(d.c.id == delivery_id, d.c.claim_token == token, d.c.status == "claimed")
                .values(**values)
            )
            return bool(res.rowcount)

    # ---------------------------------------------------------------- shared counters

    def take_turn(self, key: str, interval: timedelta, *, now: datetime | None = None) -> bool:
        """A turn for a rate-limited call, shared by every process: True at most once per
        `interval` per key (and not before a time set by `hold_turns`)."""
        self.create_schema()
        now = now or _utcnow()
        m = self.t.meta
        with self._tx() as conn:
            res = conn.execute(
                update(m)
                .where(m.c.key == key, m.c.value <= _stamp(now))
                .values(value=_stamp(now + interval))
            )
            if res.rowcount:
                return True
            return bool(
                self._insert_ignore(conn, m, [{"key": key, "value": _stamp(now + interval)}])
            )

    def hold_turns(self, key: str, until: datetime) -> None:
        """No turn for `key` before `until` (Slack answered 429 with Retry-After)."""
        self.create_schema()
        m = self.t.meta
        with self._tx() as conn:
            res = conn.execute(
                update(m)
                .where(m.c.key == key, m.c.value < _stamp(until))
                .values(value=_stamp(until))
            )
            if not res.rowcount:
                self._insert_ignore(conn, m, [{"key": key, "value": _stamp(until)}])

    def get_note(self, key: str) -> str | None:
        self.create_schema()
        m = self.t.meta
        with self.engine.connect() as conn:
            value = conn.execute(select(m.c.value).where(m.c.key == key)).scalar_one_or_none()
        return None if value is None else str(value)

    def set_note(self, key: str, value: str | None) -> None:
        """Keep (or with None, forget) a short value under `key`, e.g. a history cursor."""
        self.create_schema()
        m = self.t.meta
        with self._tx() as conn:
            conn.execute(delete(m).where(m.c.key == key))
            if value is not None:
                conn.execute(insert(m).values(key=key, value=value))

    def finish(self, delivery_id: int, token: str, status: str, **values: Any) -> bool:
        """Move a delivery we own to `status` (final, or `unknown`), releasing the claim."""
        assert status in FINAL_STATUSES or status == "unknown"
        d = self.t.deliveries
        if "article_ids" in values and values["article_ids"] is not None:
            values["article_ids"] = json.dumps(list(values["article_ids"]))
        if status != "unknown":
            values.setdefault("finished_at", _utcnow())
        with self._tx() as conn:
            res = conn.execute(
                update(d)
                .where(d.c.id == delivery_id, d.c.claim_token == token, d.c.status == "claimed")
                .values(status=status, claim_token=None, **values)
            )
            return bool(res.rowcount)

    def release(self, delivery_id: int, token: str) -> bool:
        """Delete a claim that certainly posted nothing (e.g. the token was refused)."""
        d = self.t.deliveries
        with self._tx() as conn:
            res = conn.execute(
                delete(d).where(
                    d.c.id == delivery_id,
                    d.c.claim_token == token,
                    d.c.status == "claimed",
                    d.c.ts.is_(None),
                )
            )
            return bool(res.rowcount)
