"""Scheduled channel digests: subscriptions, a persistent store, exactly-once delivery.

- `schedule`: pure slot arithmetic (cadence, HH:MM, IANA timezone → UTC slots, DST-correct)
- `compose`: pure digest content (what's new, rotating spotlight, buttons, thread reply)
- `content`: DigestContent from the briefings (bot.library)
- `store`: SQLAlchemy tables for subscriptions and deliveries (SQLite or PostgreSQL)
- `deliver`: `run_due(now)`, the exactly-once delivery step
- `scheduler` / `clock`: the APScheduler 3 clock (Procfile `clock`, or in-process)
- `commands`: `/deepseek digest on|off|status|preview`; `home`: the App Home section
- `cli`: `deepseek-bot digest run-due|clock|list`
"""
