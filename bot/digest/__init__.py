"""Scheduled channel digests: subscriptions, a persistent store, exactly-once delivery.

Modules: `schedule` (pure slot arithmetic), `compose` (pure message content), `store`
(SQLAlchemy tables), `deliver` (`run_due`), `scheduler` (APScheduler clock), `cli`,
`commands` (the `/deepseek digest` subcommand logic) and `home` (App Home blocks).
"""
