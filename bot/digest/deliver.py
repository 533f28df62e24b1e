"""`run_due(now)`: post every due digest exactly once per (channel, slot).

The protocol, per channel:
1. Work out the latest slot at or before `now` (never one from before the subscription).
   Older missed slots are recorded `skipped`; the latest is posted only within DIGEST_GRACE.
2. Claim the slot by inserting its delivery row (unique on channel + slot). A runner that
   loses the race does nothing. Two processes, a retried job or a second `run-due` all
   meet the same constraint.
3. Post with message metadata carrying the slot id, record the message ts, post the thread
   reply (also tagged), then mark the row `posted`.
4. A claim whose outcome is unknown (its process died, or Slack timed out) is taken over
   with a compare-and-set, and the channel's history is searched for the slot id before
   anything is posted again. A found message is recorded, never re-posted.

Only a 429 is retried blindly (Slack did not accept the message). A 5xx, a timeout or a
dropped connection may hide an accepted message, so the retry first looks for the slot id
in the channel's history.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.digest.checks import CheckDeferred, CheckImpossible, HistoryChecks, needs_check
from bot.digest.compose import METADATA_EVENT, Digest, DigestContent, compose
from bot.digest.schedule import latest_slot, slot_id, slots_between
from bot.digest.store import Delivery, Store, Subscription, describe_db_error
from bot.digest.webapi import (
    PACER,
    DigestSlack,
    Pacer,
    Page,
    RateLimited,
    Refused,
    Tokens,
    Transient,
    WebClientSlack,
    WorkspaceUnavailable,
)

__all__ = ["PAUSE_ERRORS", "Pacer", "RunReport", "WebClientSlack", "open_store", "run_due"]

log = logging.getLogger("bot.digest")

PAUSE_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
AUTH_ERRORS = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed"})
# A claim is another runner's while it renews it: runners renew every lease/4 (heartbeat),
# so a runner that died (on any host) loses its claims after this long.
DEFAULT_LEASE = timedelta(seconds=90)
# A post sent this recently by a runner that died may still land: wait before re-posting.
DEFAULT_IN_FLIGHT = timedelta(seconds=30)
POST_ATTEMPTS = 4
HOST = socket.gethostname()

# Claim tokens this process is working on right now (so a leftover claim of our own pid,
# e.g. from an earlier in-process run that crashed mid-way, is recognised as stale).
_ACTIVE: set[str] = set()
_ACTIVE_LOCK = threading.Lock()


class LostClaim(Exception):
    """Another runner took the delivery over (our lease ran out): stop, post nothing."""


@dataclass
class RunReport:
    posted: list[str] = field(default_factory=list)  # slot ids posted by this run
    recovered: list[str] = field(default_factory=list)  # found in history, recorded, not re-posted
    skipped: int = 0  # missed slots recorded as skipped
    empty: int = 0  # nothing new, subscription skips empty digests
    paused: list[str] = field(default_factory=list)  # channel ids
    failed: list[str] = field(default_factory=list)  # Slack refused the message (channel ids)
    unknown: list[str] = field(default_factory=list)  # outcome unknown; a later run checks
    queued: list[str] = field(default_factory=list)  # waiting for a history check turn
    busy: int = 0  # claimed by another runner
    cancelled: int = 0  # unsubscribed during the run
    stopped: str | None = None  # auth error code that stopped deliveries (single workspace)
    errors: dict[str, int] = field(default_factory=dict)  # failure kind -> channels
    paused_workspaces: dict[str, str] = field(default_factory=dict)  # workspace -> why

    def summary(self) -> str:
        parts = [
            f"posted {len(self.posted)}",
            f"recovered {len(self.recovered)}",
            f"skipped {self.skipped}",
            f"empty {self.empty}",
            f"paused {len(self.paused)}",
            f"failed {len(self.failed)}",
            f"unknown {len(self.unknown)}",
            f"queued {len(self.queued)}",
            f"busy {self.busy}",
            f"cancelled {self.cancelled}",
        ]
        if self.errors:
            parts.append(f"errors {sum(self.errors.values())}")
        if self.paused_workspaces:
            parts.append(f"workspaces paused {len(self.paused_workspaces)}")
        line = "digest run: " + ", ".join(parts)
        if self.stopped:
            line += f"; STOPPED ({self.stopped})"
        return line

    def problems(self) -> list[str]:
        """One line per kind of failure, with how many channels it hit."""
        lines = [
            f"digest run: {n} channel(s) not delivered: {kind}"
            for kind, n in sorted(self.errors.items(), key=lambda kv: -kv[1])
        ]
        lines += [
            f"digest run: workspace {ws} paused ({why}); it resumes when it installs the app again"
            for ws, why in sorted(self.paused_workspaces.items())
        ]
        return lines

    @property
    def ok(self) -> bool:
        """False when a delivery failed or was left in doubt by this run (exit status 1)."""
        return not (self.failed or self.unknown or self.errors or self.stopped)


ContentSource = DigestContent | Callable[[], DigestContent]


class _Heartbeat:
    """Renews the lease of every claim this run holds, every `every` seconds, so a short lease
    is safe: a live runner never loses a claim, a dead one's claims expire after the lease."""

    def __init__(self, store: Store, every: float) -> None:
        self.store = store
        self.every = every
        self._claims: dict[int, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="digest-lease", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    @contextmanager
    def holding(self, delivery_id: int, token: str) -> Iterator[None]:
        with self._lock:
            self._claims[delivery_id] = token
        try:
            yield
        finally:
            with self._lock:
                self._claims.pop(delivery_id, None)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            with self._lock:
                claims = list(self._claims.items())
            if not claims:
                continue
            try:
                self.store.renew(claims)
            except Exception as e:  # the database is down: the run's own calls report it
                log.debug("digest lease renewal failed: %s", describe_db_error(e))


@dataclass
class _Run:
    store: Store
    slack: DigestSlack
    content_source: ContentSource
    now: datetime
    grace: timedelta
    lease: timedelta
    in_flight: timedelta
    pacer: Pacer
    backoff: Sequence[float]
    checks: HistoryChecks
    heartbeat: _Heartbeat
    tokens: Tokens | None = None  # None: single-workspace mode (workspace '' only)
    workspace: str = ""
    report: RunReport = field(default_factory=RunReport)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _content: DigestContent | None = None
    _views: dict[str, _Run] = field(default_factory=dict)

    def view(self, workspace: str) -> _Run:
        """This run as seen from one workspace: its store scope, token, history turns and
        stop flag; the report, lock, content and heartbeat are shared.
        Raises WorkspaceUnavailable."""
        with self.lock:
            found = self._views.get(workspace)
        if found is not None:
            return found
        slack = self.slack if self.tokens is None else self.tokens.slack_for(workspace)
        checks = HistoryChecks(
            self.store.scoped(workspace),
            slack,
            interval=self.checks.interval,
            in_flight=self.in_flight,
            scope=workspace or "default",
        )
        view = replace(
            self,
            store=self.store.scoped(workspace),
            slack=slack,
            checks=checks,
            workspace=workspace,
            report=self.report,
            lock=self.lock,
            stop=threading.Event(),
            _content=self.content(),
            _views={},
        )
        with self.lock:
            return self._views.setdefault(workspace, view)

    def content(self) -> DigestContent:
        with self.lock:
            if self._content is None:
                src = self.content_source
                self._content = src if isinstance(src, DigestContent) else src()
            return self._content

    def add(self, attr: str, value: Any = None) -> None:
        with self.lock:
            current = getattr(self.report, attr)
            if isinstance(current, list):
                current.append(value)
            else:
                setattr(self.report, attr, current + 1)

    def error(self, kind: str) -> None:
        with self.lock:
            self.report.errors[kind] = self.report.errors.get(kind, 0) + 1

    def auth_failed(self, code: str) -> None:
        if self.tokens is not None:  # many workspaces: pause only this one
            self.pause_workspace(code)
            return
        with self.lock:
            first = not self.stop.is_set()
            self.stop.set()
            self.report.stopped = code
        if first:
            log.error(
                "Slack refused the bot token (%s): digest deliveries stopped. Set a valid "
                "SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and restart.",
                code,
            )

    def pause_workspace(self, reason: str) -> None:
        with self.lock:
            first = not self.stop.is_set()
            self.stop.set()
            self.report.paused_workspaces[self.workspace] = reason
        if first:
            self.store.pause_workspace(self.workspace, reason)
            log.error(
                "digest workspace %s: Slack refused its token (%s); its digests are paused "
                "until it installs the app again. Other workspaces go on.",
                self.workspace,
                reason,
            )


def _claimant(token: str) -> str:
    return f"{HOST}:{os.getpid()}:{token}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            state = f.read().rsplit(")", 1)[-1].split()[0]
        return state not in ("Z", "X")
    except (OSError, IndexError):
        return True


def is_stale(d: Delivery, lease: timedelta, *, now: datetime | None = None) -> bool:
    """May another runner take this open delivery over?

    `unknown` rows: always. `claimed` rows: when the owner is a dead process on this host, or
    its lease (renewed every lease/4 while the owner lives) has run out.
    """
    if d.status == "unknown":
        return True
    if d.status != "claimed":
        return False
    host, _, rest = (d.claimant or "").partition(":")
    pid_text, _, token = rest.partition(":")
    if host == HOST and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            with _ACTIVE_LOCK:
                return token not in _ACTIVE
        if not _pid_alive(pid):
            return True
    claimed = d.claimed_at
    return claimed is None or (now or datetime.now(UTC)) - claimed > lease


def run_due(
    now: datetime | None = None,
    *,
    store: Store | None = None,
    slack: DigestSlack | None = None,
    tokens: Tokens | None = None,
    content: ContentSource | None = None,
    settings: Any = None,
    channels: Collection[str] | None = None,
    workers: int | None = None,
    grace: timedelta | None = None,
    lease: timedelta = DEFAULT_LEASE,
    in_flight: timedelta = DEFAULT_IN_FLIGHT,
    history_interval: timedelta | None = None,
    pacer: Pacer | None = None,
    backoff: Sequence[float] = (1.0, 2.0, 4.0),
) -> RunReport:
    """Post every digest due at `now` (default: the current time), exactly once per slot.

    Anything not given comes from `settings` (default: `bot.config.Settings()`): the store
    from DIGEST_DB_PATH / DATABASE_URL, the Slack client from SLACK_BOT_TOKEN and
    SLACK_API_URL, the content from BRIEFINGS_DIR, the grace from DIGEST_GRACE.
    `channels` limits the run to those channels (the scheduler's per-channel jobs).
    `history_interval` is the gap between two history reads (Slack's Tier 1: a minute).
    `tokens` gives each workspace's client (OAuth mode; default from settings when
    SLACK_CLIENT_ID is set); without it only workspace '' is served, with `slack`.
    """
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("run_due needs a timezone-aware time")
    owned: list[Any] = []
    try:
        need_slack = slack is None and tokens is None
        if store is None or need_slack or content is None or grace is None or workers is None:
            from bot.config import Settings
            from bot.digest.schedule import parse_duration

            settings = settings or Settings()
            if store is None:
                store = open_store(settings)
                owned.append(store)
            if need_slack and getattr(settings, "oauth_mode", False):
                from bot.digest.installs import InstalledTokens

                tokens = InstalledTokens.from_settings(settings, store)
            elif need_slack:
                slack = slack_from_settings(settings)
            if content is None:
                from bot.digest.content import load_content

                briefings_dir = settings.briefings_dir
                content = lambda: load_content(briefings_dir)  # noqa: E731
            if grace is None:
                grace = parse_duration(settings.digest_grace)
            if workers is None:
                workers = int(getattr(settings, "digest_workers", 8))
        base: DigestSlack = slack if slack is not None else _NoSlack()
        checks = HistoryChecks(store, base, in_flight=in_flight)
        if history_interval is not None:
            checks.interval = history_interval
        run = _Run(
            store=store,
            slack=base,
            tokens=tokens,
            content_source=content,
            now=now,
            grace=grace,
            lease=lease,
            in_flight=in_flight,
            pacer=pacer or PACER,
            backoff=backoff,
            checks=checks,
            heartbeat=_Heartbeat(store, max(0.05, lease.total_seconds() / 4)),
        )
        return _run(run, channels, max(1, workers))
    finally:
        for s in owned:
            s.close()


def open_store(settings: Any) -> Store:
    store = Store(
        settings.sqlalchemy_url, prefix=getattr(settings, "digest_table_prefix", "digest_")
    )
    store.create_schema()
    return store


def slack_from_settings(settings: Any) -> WebClientSlack:
    token = settings.slack_bot_token
    if token is None or not token.get_secret_value():
        raise MissingToken(
            "SLACK_BOT_TOKEN is not set: digests post with the bot token "
            "(api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token)."
        )
    return WebClientSlack(token.get_secret_value(), base_url=settings.slack_api_url)


class MissingToken(RuntimeError):
    pass


class _NoSlack:
    """Stands for `slack` in OAuth mode, where each workspace has its own client."""

    timeout = 15.0

    def post(self, channel: str, **kw: Any) -> str:
        raise Refused("not_authed")

    def read_page(self, channel: str, marker: str, **kw: Any) -> Page:
        raise Refused("not_authed")


def _run(run: _Run, channels: Collection[str] | None, workers: int) -> RunReport:
    store = run.store
    store.create_schema()
    subs = store.subscriptions(active_only=False, every_workspace=True)
    if run.tokens is None:  # single-workspace mode: only its own subscriptions
        subs = [s for s in subs if s.workspace == ""]
    paused = {w.workspace: w.paused_reason for w in store.workspaces() if w.paused_reason}
    subs = [s for s in subs if s.workspace not in paused]
    if channels is not None:
        wanted = set(channels)
        subs = [s for s in subs if s.channel_id in wanted]
    plans: list[tuple[Subscription, list[Delivery], datetime | None]] = []
    open_by_channel: dict[tuple[str, str], list[Delivery]] = {}
    for d in store.open_deliveries():
        open_by_channel.setdefault((d.workspace, d.channel_id), []).append(d)
    latest_rows = store.latest_slots()
    waiting: dict[str, list[Delivery]] = {}  # per workspace: rows that need a history check
    for sub in subs:
        key = (sub.workspace, sub.channel_id)
        open_all = open_by_channel.get(key, [])
        open_rows = [d for d in open_all if is_stale(d, run.lease)]
        run.report.busy += len(open_all) - len(open_rows)
        waiting.setdefault(sub.workspace, []).extend(d for d in open_rows if _check_due(run, d))
        new_slot: datetime | None = None
        if sub.due_enabled:
            new_slot = _plan_slots(run.store.scoped(sub.workspace), run, sub, latest_rows.get(key))
        if open_rows or new_slot is not None:
            plans.append((sub, open_rows, new_slot))
    heads = {ws: min(rows, key=lambda d: (d.slot, d.id)).id for ws, rows in waiting.items() if rows}
    if not plans:
        return run.report
    run.content()  # load the briefings before claiming anything (a ContentError stops here)
    with run.heartbeat:
        _work(run, plans, heads, workers)
    return run.report


def _work(
    run: _Run,
    plans: list[tuple[Subscription, list[Delivery], datetime | None]],
    heads: dict[str, int],
    workers: int,
) -> None:
    """Run every channel's plan on `workers` threads, round-robin across workspaces and at most
    a quarter of the threads per workspace: one workspace's 429s cannot hold up the rest."""
    by_ws: dict[str, deque[tuple[Subscription, list[Delivery], datetime | None]]] = {}
    for plan in plans:
        by_ws.setdefault(plan[0].workspace, deque()).append(plan)
    cap = max(1, workers // 4) if len(by_ws) > 1 else workers
    busy: dict[str, int] = dict.fromkeys(by_ws, 0)
    order = deque(by_ws)
    cond = threading.Condition()

    def next_plan() -> tuple[Subscription, list[Delivery], datetime | None] | None:
        with cond:
            while True:
                if not any(by_ws.values()):
                    return None
                for _ in range(len(order)):
                    ws = order[0]
                    order.rotate(-1)
                    if by_ws[ws] and busy[ws] < cap:
                        busy[ws] += 1
                        return by_ws[ws].popleft()
                cond.wait(0.5)

    def worker() -> None:
        while (plan := next_plan()) is not None:
            ws = plan[0].workspace
            try:
                _workspace_channel(run, plan, heads.get(ws))
            finally:
                with cond:
                    busy[ws] -= 1
                    cond.notify_all()

    threads = [threading.Thread(target=worker, name=f"digest-{i}") for i in range(workers)]
    for t in threads[: min(workers, len(plans))]:
        t.start()
    for t in threads[: min(workers, len(plans))]:
        t.join()


def _workspace_channel(
    run: _Run, plan: tuple[Subscription, list[Delivery], datetime | None], head: int | None
) -> None:
    sub = plan[0]
    try:
        view = run.view(sub.workspace)
    except WorkspaceUnavailable as e:
        if sub.workspace not in run.report.paused_workspaces:
            replace_ws = replace(run, workspace=sub.workspace, stop=threading.Event())
            replace_ws.pause_workspace(str(e))
        return
    except Exception as e:  # the database is down while looking up the token
        kind = failure_kind(e)
        run.error(kind)
        log.debug("digest %s: %s", sub.channel_id, kind, exc_info=True)
        return
    view.checks.head = head
    _channel(view, *plan)


def _check_due(run: _Run, d: Delivery) -> bool:
    """Will recovering `d` read history now (rather than wait, give up or just post)?"""
    return needs_check(d) and (d.ts is not None or run.now - d.slot <= run.grace)


def _plan_slots(
    store: Store, run: _Run, sub: Subscription, last_row: datetime | None
) -> datetime | None:
    """Record older missed slots as skipped; return the latest slot if it should be posted.

    `last_row` is the newest slot the channel has any delivery row for.
    """
    latest = latest_slot(sub.schedule, run.now)
    if latest <= sub.since:
        return None
    if last_row is not None and last_row >= latest:
        return None
    start = max(sub.since, last_row) if last_row is not None else sub.since
    older = [s for s in slots_between(sub.schedule, start, latest) if s < latest]
    if older:
        n = store.record_skipped(sub.channel_id, older, "missed: a later slot was due")
        with run.lock:
            run.report.skipped += n
        log.info("digest %s: %d missed slot(s) recorded as skipped", sub.channel_id, n)
    if run.now - latest > run.grace:
        n = store.record_skipped(sub.channel_id, [latest], "missed: older than DIGEST_GRACE")
        with run.lock:
            run.report.skipped += n
        log.info(
            "digest %s: slot %s missed by more than DIGEST_GRACE; skipped",
            sub.channel_id,
            slot_id(sub.channel_id, latest),
        )
        return None
    return latest


def failure_kind(e: BaseException) -> str:
    """A short, secret-free description of an unexpected failure, the same for every channel
    it hits (so a run reports one line per kind)."""
    db = describe_db_error(e)
    if db is not None:
        return db
    return f"unexpected {type(e).__name__} (a bug: run with --channel ID to reproduce)"


def _channel(
    run: _Run, sub: Subscription, open_rows: list[Delivery], new_slot: datetime | None
) -> None:
    """All work for one channel, in order: recover open deliveries, then the new slot."""
    try:
        for d in open_rows:
            if run.stop.is_set():
                return
            if _check_due(run, d) and run.checks.head != d.id:
                run.add("queued", slot_id(d.channel_id, d.slot))  # its turn comes later
                continue
            token = uuid.uuid4().hex
            with _ACTIVE_LOCK:
                _ACTIVE.add(token)
            try:
                mine = run.store.take_over(d, token=token, claimant=_claimant(token))
                if mine is None:
                    run.add("busy")
                    continue
                with run.heartbeat.holding(mine.id, token):
                    _deliver(run, sub, mine, recovering=True)
            finally:
                with _ACTIVE_LOCK:
                    _ACTIVE.discard(token)
        if new_slot is not None and not run.stop.is_set():
            token = uuid.uuid4().hex
            with _ACTIVE_LOCK:
                _ACTIVE.add(token)
            try:
                mine = run.store.claim(
                    sub.channel_id, new_slot, token=token, claimant=_claimant(token)
                )
                if mine is None:
                    current = run.store.get(sub.channel_id)
                    if current is None or not current.due_enabled:
                        run.add("cancelled")
                    else:
                        run.add("busy")
                    return
                with run.heartbeat.holding(mine.id, token):
                    _deliver(run, sub, mine, recovering=False)
            finally:
                with _ACTIVE_LOCK:
                    _ACTIVE.discard(token)
    except Exception as e:  # a database outage or a bug: count it, keep the other channels going
        kind = failure_kind(e)
        run.error(kind)
        log.debug("digest %s: %s", sub.channel_id, kind, exc_info=True)


def _compose_for(run: _Run, sub: Subscription, slot: datetime) -> Digest | None:
    previous = [
        d for d in run.store.deliveries(sub.channel_id, statuses=["posted"]) if d.slot < slot
    ]
    previous_ids = frozenset(previous[-1].article_ids or ()) if previous else None
    history = [d.spotlight for d in previous if d.spotlight]
    # headed with the day it is posted, in the channel's timezone: the run's time, or the clock
    # when the run acts ahead of it (the preview's "Post digest now" posts the next slot now)
    day = min(run.now, datetime.now(UTC)).astimezone(sub.schedule.zone).date()
    footer = f"Digest {sub.schedule.describe()} · `/deepseek digest off` to stop"
    return compose(
        run.content(),
        day=day,
        previous_ids=previous_ids,
        spotlight_history=history,
        on_empty=sub.on_empty,
        footer=footer,
    )


def _metadata(sid: str, part: str) -> dict[str, Any]:
    return {"event_type": METADATA_EVENT, "event_payload": {"slot_id": sid, "part": part}}


def _post_verified(
    run: _Run,
    d: Delivery,
    token: str,
    *,
    text: str,
    blocks: list[dict[str, Any]],
    marker: str,
    part: str,
    thread_ts: str | None = None,
) -> str:
    """Post once. Each send is stamped in the claim first (a compare-and-set: LostClaim when
    another runner has it). On an ambiguous failure, look for the marker before retrying."""
    channel = d.channel_id
    last: Exception | None = None
    for attempt in range(POST_ATTEMPTS):
        if run.stop.is_set():
            raise Refused("stopped")
        pace = f"{run.workspace}/{channel}"
        run.pacer.wait(pace)
        sent_at = datetime.now(UTC)
        sent = time.monotonic()
        try:
            if not run.store.update_claim(d.id, token, attempted_at=sent_at):
                raise LostClaim(marker)
            return run.slack.post(
                channel,
                text=text,
                blocks=blocks,
                metadata=_metadata(marker, part),
                thread_ts=thread_ts,
            )
        except Transient as e:
            last = e
            log.warning("digest %s: %s attempt %d failed (%s)", channel, part, attempt + 1, e)
        finally:
            run.pacer.done(pace)
        if isinstance(last, RateLimited):  # refused for now, certainly not posted
            time.sleep(min(last.retry_after, 60.0))
            continue
        delay = run.backoff[min(attempt, len(run.backoff) - 1)]
        if not getattr(last, "answered", True):
            # No answer (timeout, dropped connection): the post may still land. Give it until
            # `in_flight` after it was sent before looking for it, then retry if absent.
            delay = max(delay, sent + run.in_flight.total_seconds() - time.monotonic())
        time.sleep(delay)
        found = run.checks.find(d, marker, sent_at=sent_at, thread_ts=thread_ts)
        if found is not None:
            log.info("digest %s: the failed post had landed (%s); not re-posting", channel, marker)
            return found
    raise Transient(f"gave up after {POST_ATTEMPTS} attempts ({last})")


def _finish_unknown(
    run: _Run, d: Delivery, token: str, ts: str | None, why: str, *, sent: bool = True
) -> None:
    """Leave the row for a later run. `sent=False`: Slack refused the last send outright, so
    nothing is in flight and the next run posts without reading history."""
    values: dict[str, Any] = {} if sent else {"attempted_at": None}
    run.store.finish(d.id, token, "unknown", ts=ts, error=why[:200], **values)


def _deliver(run: _Run, sub: Subscription, d: Delivery, *, recovering: bool) -> None:
    store, channel = run.store, sub.channel_id
    token = d.claim_token
    assert token is not None
    sid = slot_id(channel, d.slot)
    ts = d.ts
    main_posted_now = False
    try:
        current = store.get(channel)
        still_on = current is not None and current.due_enabled and current.since < d.slot
        sent_before = d.attempted_at if recovering and needs_check(d) else None
        if ts is None and recovering and run.now - d.slot > run.grace:
            store.finish(d.id, token, "skipped", error="outcome unknown; past DIGEST_GRACE")
            run.add("skipped")
            return
        if ts is None and sent_before is not None:
            ts = run.checks.find(d, sid, sent_at=sent_before)
            if ts is not None:
                store.update_claim(d.id, token, ts=ts, attempted_at=None)
                sent_before = None  # the thread reply is sent only after ts is recorded
                log.info("digest %s: found slot %s in history; recording it", channel, sid)
        detail_ts = d.detail_ts
        if ts is not None and sent_before is not None:  # a thread reply was sent: did it land?
            detail_ts = run.checks.find(d, f"{sid}#thread", sent_at=sent_before, thread_ts=ts)
            if detail_ts is not None:
                store.update_claim(d.id, token, detail_ts=detail_ts, attempted_at=None)
                sent_before = None
        if sent_before is not None and datetime.now(UTC) - sent_before < run.in_flight:
            # A runner that died sent a post moments ago, not seen yet: it may still land.
            _finish_unknown(run, d, token, ts, "post in flight; checking again later")
            run.add("unknown", sid)
            log.info("digest %s: slot %s was sent moments ago; checking again later", channel, sid)
            return
        if ts is None and not still_on:
            store.finish(d.id, token, "cancelled", error="unsubscribed before posting")
            run.add("cancelled")
            return
        digest = _compose_for(run, sub, d.slot)
        if ts is None:
            if digest is None:
                store.finish(d.id, token, "empty", error="nothing new")
                run.add("empty")
                return
            store.update_claim(
                d.id, token, article_ids=digest.article_ids, spotlight=digest.spotlight
            )
            # Last look before posting: still subscribed?
            current = store.get(channel)
            if current is None or not current.due_enabled:
                store.finish(d.id, token, "cancelled", error="unsubscribed before posting")
                run.add("cancelled")
                return
            ts = _post_verified(
                run, d, token, text=digest.text, blocks=digest.blocks, marker=sid, part="digest"
            )
            main_posted_now = True
            store.update_claim(d.id, token, ts=ts, attempted_at=None)
        detail_error = None
        if digest is not None and digest.thread_blocks and detail_ts is None:
            detail_ts, detail_error = _post_detail(run, d, token, digest, sid, ts)
        values: dict[str, Any] = {"ts": ts, "detail_ts": detail_ts, "error": detail_error}
        if digest is not None:
            values.update(article_ids=digest.article_ids, spotlight=digest.spotlight)
        store.finish(d.id, token, "posted", **values)
        if main_posted_now:
            run.add("posted", sid)
            log.info("digest %s: posted slot %s (ts %s)", channel, sid, ts)
        else:
            run.add("recovered", sid)
        if detail_error:
            run.add("failed", channel)
    except LostClaim:
        run.add("busy")  # another runner took it over; it owns the outcome now
    except CheckDeferred as e:
        _finish_unknown(run, d, token, ts, str(e))
        run.add("queued", sid)
        log.info("digest %s: slot %s %s", channel, sid, e)
    except CheckImpossible as e:
        # Without reading history we cannot tell whether it was posted: never post blindly.
        store.finish(d.id, token, "failed", ts=ts, error=f"cannot check history ({e.code})")
        run.add("failed", channel)
        log.error(
            "digest %s: slot %s may or may not have been posted, and history cannot be read "
            "(%s): add the channels:history and groups:history scopes",
            channel,
            sid,
            e.code,
        )
    except Refused as e:
        if ts is not None:  # the digest is in; only the thread reply is left
            refused = e.code in AUTH_ERRORS  # answered: that reply was certainly not posted
            _finish_unknown(run, d, token, ts, f"thread reply: {e.code}", sent=not refused)
            if e.code in AUTH_ERRORS:
                run.auth_failed(e.code)
            elif e.code != "stopped":
                run.add("unknown", sid)
        elif e.code == "stopped":
            store.release(d.id, token)
        elif e.code in PAUSE_ERRORS:
            store.finish(d.id, token, "paused", error=e.code)
            store.pause(channel, e.code)
            run.add("paused", channel)
            log.warning(
                "digest %s: paused (%s). Invite the bot with /invite @deepseek, then run "
                "/deepseek digest on in the channel to resume.",
                channel,
                e.code,
            )
        elif e.code in AUTH_ERRORS:
            store.release(d.id, token)
            run.auth_failed(e.code)
        else:
            store.finish(d.id, token, "failed", error=e.code[:200])
            run.add("failed", channel)
            log.error("digest %s: Slack refused slot %s (%s)", channel, sid, e.code)
    except Transient as e:
        # Main message or thread reply in doubt: the row stays open and a later run checks
        # history for it (ts kept when the main message is in).
        _finish_unknown(run, d, token, ts, str(e))
        run.add("unknown", sid)
        log.warning("digest %s: outcome of %s unknown (%s); next run checks", channel, sid, e)


def _post_detail(
    run: _Run,
    d: Delivery,
    token: str,
    digest: Digest,
    sid: str,
    ts: str,
) -> tuple[str | None, str | None]:
    """Post the thread reply (with the same guarantees as the digest): (its ts, None), or
    (None, why) when Slack refused it for good. Raises Transient or CheckDeferred (the row
    stays open and a later run checks the thread), or Refused for auth errors."""
    marker = f"{sid}#thread"
    assert digest.thread_blocks is not None
    try:
        detail = _post_verified(
            run,
            d,
            token,
            text=digest.thread_text or "Details",
            blocks=digest.thread_blocks,
            marker=marker,
            part="thread",
            thread_ts=ts,
        )
    except Refused as e:
        if e.code in AUTH_ERRORS or e.code == "stopped":
            raise
        log.error("digest %s: Slack refused the thread reply of %s (%s)", d.channel_id, sid, e.code)
        return None, f"thread reply refused: {e.code}"[:200]
    return detail, None
