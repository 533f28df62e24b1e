"""The single-workspace schema, as deepseek-bot created it before migrations existed.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from bot.digest.store import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    p = context.config.attributes["prefix"]
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if f"{p}meta" not in existing:
        op.create_table(
            f"{p}meta",
            sa.Column("key", sa.String(64), primary_key=True),
            sa.Column("value", sa.String(256), nullable=False),
        )
    if f"{p}subscriptions" not in existing:
        op.create_table(
            f"{p}subscriptions",
            sa.Column("channel_id", sa.String(32), primary_key=True),
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
        )
    if f"{p}deliveries" not in existing:
        op.create_table(
            f"{p}deliveries",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
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
            sa.UniqueConstraint("channel_id", "slot", name=f"{p}uq_channel_slot"),
        )
        op.create_index(f"{p}ix_deliveries_status", f"{p}deliveries", ["status"])


def downgrade() -> None:
    p = context.config.attributes["prefix"]
    for name in ("deliveries", "subscriptions", "meta"):
        op.drop_table(f"{p}{name}")
