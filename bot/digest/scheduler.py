"""The digest clock: APScheduler 3 triggers each subscription on its own cron and timezone.

Jobs live in an SQLAlchemyJobStore on the digest database (table `<prefix>apscheduler_jobs`),
each with an explicit id and `replace_existing=True`, so a restart never adds copies:
- `digest:sweep`, every minute and once at start-up: re-syncs the per-channel jobs with the
  subscriptions (they change in the web process) and runs `run_due` for every channel. At
  start-up this posts the most recent missed slot within DIGEST_GRACE and records older ones.
- `digest:channel:<id>`: a CronTrigger in the subscription's timezone (DST-correct), which
  runs `run_due` for that channel at the minute its digest is due.

Run exactly one scheduler (the Procfile's `clock`, or DIGEST_IN_PROCESS in a single Socket
Mode worker): APScheduler 3 job stores must not be shared by several schedulers. Delivery is
idempotent anyway (bot.digest.deliver), so a second scheduler by mistake never double-posts.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_RUNNING, BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.digest.deliver import open_store, run_due
from bot.digest.schedule import Schedule, parse_duration
from bot.digest.store import Store

log = logging.getLogger("bot.digest")

SWEEP_JOB = "digest:sweep"
CHANNEL_JOB = "digest:channel:"


@dataclass
class _Runtime:
    settings: Settings
    store: Store
    scheduler: BaseScheduler | None = None
    stopped: bool = False


_RUNTIME: _Runtime | None = None
_LOCK = threading.Lock()


def channel_job_id(channel_id: str, workspace: str = "") -> str:
    """`digest:channel:C123`, or `digest:channel:<workspace>/C123` in OAuth mode."""
    return CHANNEL_JOB + (f"{workspace}/{channel_id}" if workspace else channel_id)


def trigger_for(schedule: Schedule) -> CronTrigger:
    return CronTrigger(**schedule.cron_fields(), timezone=schedule.zone)


def build_scheduler(settings: Settings, store: Store, *, blocking: bool) -> BaseScheduler:
    grace = int(parse_duration(settings.digest_grace).total_seconds())
    cls = BlockingScheduler if blocking else BackgroundScheduler
    scheduler: BaseScheduler = cls(
        jobstores={"default": SQLAlchemyJobStore(engine=store.engine, tablename=store.jobs_table)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": max(grace, 60),
        },
        timezone=UTC,
    )
    return scheduler


def sync_jobs(scheduler: BaseScheduler, store: Store) -> tuple[int, int]:
    """Make the per-channel jobs match the subscriptions. Returns (added or changed, removed)."""
    subs = store.subscriptions(every_workspace=True)
    wanted = {channel_job_id(s.channel_id, s.workspace): s for s in subs if s.due_enabled}
    changed = removed = 0
    for job in scheduler.get_jobs():
        if job.id.startswith(CHANNEL_JOB) and job.id not in wanted:
            scheduler.remove_job(job.id)
            removed += 1
    for job_id, sub in wanted.items():
        trigger = trigger_for(sub.schedule)
        job = scheduler.get_job(job_id)
        if job is not None and repr(job.trigger) == repr(trigger):
            continue
        scheduler.add_job(
            "bot.digest.scheduler:run_channel",
            trigger=trigger,
            args=[sub.channel_id, sub.workspace] if sub.workspace else [sub.channel_id],
            id=job_id,
            name=f"digest {sub.channel_id} {sub.schedule.describe()}",
            replace_existing=True,
        )
        changed += 1
    return changed, removed


def install(scheduler: BaseScheduler, settings: Settings, store: Store) -> None:
    """Register this process's runtime and the sweep job (runs now, then every minute)."""
    global _RUNTIME
    with _LOCK:
        _RUNTIME = _Runtime(settings, store, scheduler)
    scheduler.add_job(
        "bot.digest.scheduler:sweep",
        trigger=IntervalTrigger(minutes=1, timezone=UTC),
        id=SWEEP_JOB,
        name="digest sweep: sync jobs, post anything due",
        replace_existing=True,
        next_run_time=datetime.now(UTC),
    )


def _runtime() -> _Runtime:
    if _RUNTIME is None:
        raise RuntimeError("the digest scheduler is not installed in this process")
    return _RUNTIME


def _after(rt: _Runtime, stopped: str | None) -> None:
    if stopped and not rt.stopped:
        rt.stopped = True
        if rt.scheduler is not None and rt.scheduler.state == STATE_RUNNING:
            rt.scheduler.pause()
        log.error("digest clock paused: fix SLACK_BOT_TOKEN and restart this process.")


def sweep() -> None:
    """Job: sync the per-channel jobs, then post whatever is due (all channels)."""
    rt = _runtime()
    if rt.stopped:
        return
    try:
        if rt.scheduler is not None:
            changed, removed = sync_jobs(rt.scheduler, rt.store)
            if changed or removed:
                log.info("digest jobs: %d added or changed, %d removed", changed, removed)
        report = run_due(settings=rt.settings, store=rt.store)
    except Exception as e:  # keep the clock alive; the next sweep retries
        log.error("digest sweep failed: %s", _oneline(e))
        return
    if report.posted or report.recovered or report.paused or report.failed or report.stopped:
        log.info("%s", report.summary())
    for line in report.problems():
        log.error("%s", line)
    _after(rt, report.stopped)


def run_channel(channel_id: str, workspace: str = "") -> None:
    """Job: post the digest due now in one channel (its cron fired). The same channel id in
    another workspace may be due too: run_due filters by id, and posting is idempotent."""
    rt = _runtime()
    if rt.stopped:
        return
    try:
        report = run_due(settings=rt.settings, store=rt.store, channels=[channel_id])
    except Exception as e:
        log.error("digest job for %s failed: %s", channel_id, _oneline(e))
        return
    for line in report.problems():
        log.error("%s", line)
    _after(rt, report.stopped)


def _oneline(e: BaseException) -> str:
    text = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {text}"[:300]


def clock(settings: Settings | None = None) -> None:
    """Run the scheduler in the foreground until SIGTERM/SIGINT (the Procfile's `clock`)."""
    settings = settings or Settings()
    store = open_store(settings)
    scheduler = build_scheduler(settings, store, blocking=True)
    install(scheduler, settings, store)
    log.info(
        "digest clock started (%d channel digests)",
        len(store.subscriptions(every_workspace=True)),
    )

    def _stop(signum: int, _frame: object) -> None:  # Heroku and Kubernetes send SIGTERM
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _stop)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        store.close()
        log.info("digest clock stopped")


def start_in_process(settings: Settings) -> BaseScheduler:
    """Start a BackgroundScheduler inside `serve` (Socket Mode, one worker: DIGEST_IN_PROCESS)."""
    store = open_store(settings)
    scheduler = build_scheduler(settings, store, blocking=False)
    install(scheduler, settings, store)
    scheduler.start()
    log.info("digest scheduler running in-process")
    return scheduler


def describe_jobs(scheduler: BaseScheduler) -> list[dict[str, Any]]:
    return [
        {"id": j.id, "next_run_time": j.next_run_time, "trigger": str(j.trigger)}
        for j in scheduler.get_jobs()
    ]
