"""Key subscriptions and deliveries by workspace; add the `workspaces` table.

Existing rows (single-workspace mode) get workspace '' and keep every value and id.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from bot.digest.store import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SUB_COLUMNS = [
    "channel_id", "cadence", "weekday", "hour", "minute", "tz", "on_empty", "active", "since",
    "created_by", "updated_by", "updated_at", "paused_reason", "paused_at",
]  # fmt: skip
DELIVERY_COLUMNS = [
    "id", "channel_id", "slot", "status", "claim_token", "claimant", "claimed_at", "attempts",
    "attempted_at", "ts", "detail_ts", "article_ids", "spotlight", "error", "finished_at",
]  # fmt: skip


def _copy(old: str, new: str, columns: list[str]) -> None:
    cols = ", ".join(columns)
    op.execute(f"INSERT INTO {new} (workspace, {cols}) SELECT '', {cols} FROM {old}")
    op.drop_table(old)
    op.rename_table(new, old)


def upgrade() -> None:
    p = context.config.attributes["prefix"]
    ws = sa.Column("workspace", sa.String(64), nullable=False, server_default="")
    op.create_table(
        f"{p}subscriptions_v2",
        ws,
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("cadence", sa.String(16), nullable=False),
        sa.Column("weekday", sa.Integer, nullable=True),
        sa.Column("hour", sa.Integer, nullable=False),
        sa.Column("minute", sa.Integer, nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("on_empty", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("since", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(32), nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("paused_reason", sa.String(64), nullable=True),
        sa.Column("paused_at", UTCDateTime, nullable=True),
        sa.PrimaryKeyConstraint("workspace", "channel_id", name=f"{p}pk_subscriptions"),
    )
    _copy(f"{p}subscriptions", f"{p}subscriptions_v2", SUB_COLUMNS)

    op.create_table(
        f"{p}deliveries_v2",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workspace", sa.String(64), nullable=False, server_default=""),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("slot", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("claim_token", sa.String(40), nullable=True),
        sa.Column("claimant", sa.String(200), nullable=True),
        sa.Column("claimed_at", UTCDateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("attempted_at", UTCDateTime, nullable=True),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("detail_ts", sa.String(32), nullable=True),
        sa.Column("article_ids", sa.Text, nullable=True),
        sa.Column("spotlight", sa.String(64), nullable=True),
        sa.Column("error", sa.String(200), nullable=True),
        sa.Column("finished_at", UTCDateTime, nullable=True),
        sa.UniqueConstraint("workspace", "channel_id", "slot", name=f"{p}uq_workspace_slot"),
    )
    _copy(f"{p}deliveries", f"{p}deliveries_v2", DELIVERY_COLUMNS)
    op.create_index(f"{p}ix_deliveries_status", f"{p}deliveries", ["status"])
    if op.get_bind().dialect.name == "postgresql":  # ids were copied: move the sequence on
        op.execute(
            f"SELECT setval(pg_get_serial_sequence('{p}deliveries', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {p}deliveries), 0) + 1, false)"
        )

    op.create_table(
        f"{p}workspaces",
        sa.Column("workspace", sa.String(64), primary_key=True),
        sa.Column("team_id", sa.String(32), nullable=True),
        sa.Column("enterprise_id", sa.String(32), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("installed", sa.Boolean, nullable=False),
        sa.Column("paused_reason", sa.String(64), nullable=True),
        sa.Column("paused_at", UTCDateTime, nullable=True),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:  # pragma: no cover - upgrades only
    raise NotImplementedError("deepseek-bot does not downgrade the digest database")
