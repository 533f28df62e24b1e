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

import contextlib
import http.client
import logging
import os
import socket
import threading
import time
import urllib.error
import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.digest.compose import METADATA_EVENT, Digest, DigestContent, compose
from bot.digest.schedule import latest_slot, slot_id, slots_between
from bot.digest.store import Delivery, Store, Subscription

log = logging.getLogger("bot.digest")

PAUSE_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
AUTH_ERRORS = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed"})
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
DEFAULT_LEASE = timedelta(minutes=15)
# A post sent this recently by a runner that died may still land: wait before re-posting.
DEFAULT_IN_FLIGHT = timedelta(seconds=30)
POST_ATTEMPTS = 4
HOST = socket.gethostname()

# Claim tokens this process is working on right now (so a leftover claim of our own pid,
# e.g. from an earlier in-process run that crashed mid-way, is recognised as stale).
_ACTIVE: set[str] = set()
_ACTIVE_LOCK = threading.Lock()


class Transient(Exception):
    """The call may or may not have reached Slack (5xx, timeout, dropped connection).

    `answered` is True when Slack answered (a 5xx): the request is over. False for a timeout
    or a dropped connection: the request may still be in flight inside Slack.
    """

    def __init__(self, code: str, *, answered: bool = False) -> None:
        super().__init__(code)
        self.answered = answered


class Refused(Exception):
    """Slack answered with a definite error: nothing was posted."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class DigestSlack(Protocol):
    """The two Web API operations delivery needs."""

    def post(
        self,
        channel: str,
        *,
        text: str,
        blocks: list[dict[str, Any]],
        metadata: dict[str, Any],
        thread_ts: str | None = None,
    ) -> str:
        """Post and return the message ts. Raises Refused or Transient."""
        ...

    def find(
        self, channel: str, marker: str, *, oldest: datetime, thread_ts: str | None = None
    ) -> str | None:
        """The ts of our message tagged `marker` (in the thread when thread_ts), or None."""
        ...


def _classify(e: Exception) -> Exception:
    if isinstance(e, SlackApiError):
        status = getattr(e.response, "status_code", 200)
        code = str(e.response.get("error", "") or f"http_{status}")
        if status >= 500 or status == 429 or code in TRANSIENT_ERRORS:
            return Transient(code, answered=True)
        return Refused(code)
    return Transient(type(e).__name__)


NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    urllib.error.URLError,
    http.client.HTTPException,
    TimeoutError,
)


class WebClientSlack:
    """DigestSlack over slack_sdk's WebClient.

    Posts retry only 429s (RateLimitErrorRetryHandler, honouring Retry-After); reads also
    retry 5xx answers and connection errors (ServerErrorRetryHandler,
    ConnectionErrorRetryHandler), which is safe because reads change nothing.
    """

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://slack.com/api/",
        timeout: float = 15.0,
        rate_limit_retries: int = 10,
    ) -> None:
        post_handlers: list[RetryHandler] = [
            RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries)
        ]
        read_handlers: list[RetryHandler] = [
            RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
            ServerErrorRetryHandler(max_retry_count=3),
            ConnectionErrorRetryHandler(
                max_retry_count=3,
                error_types=[
                    urllib.error.URLError,
                    ConnectionResetError,
                    http.client.RemoteDisconnected,
                    TimeoutError,
                ],
            ),
        ]
        self.post_client = WebClient(
            token=token,
            base_url=base_url,
            timeout=int(max(1, timeout)),
            retry_handlers=post_handlers,
        )
        self.read_client = WebClient(
            token=token,
            base_url=base_url,
            timeout=int(max(1, timeout)),
            retry_handlers=read_handlers,
        )

    def post(
        self,
        channel: str,
        *,
        text: str,
        blocks: list[dict[str, Any]],
        metadata: dict[str, Any],
        thread_ts: str | None = None,
    ) -> str:
        try:
            resp = self.post_client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                metadata=metadata,
                thread_ts=thread_ts,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as e:
            raise _classify(e) from None
        except NETWORK_ERRORS as e:
            raise Transient(type(e).__name__) from None
        return str(resp["ts"])

    def find(
        self, channel: str, marker: str, *, oldest: datetime, thread_ts: str | None = None
    ) -> str | None:
        try:
            return self._find(channel, marker, oldest=oldest, thread_ts=thread_ts)
        except SlackApiError as e:
            raise _classify(e) from None
        except NETWORK_ERRORS as e:
            raise Transient(type(e).__name__) from None

    def _find(
        self, channel: str, marker: str, *, oldest: datetime, thread_ts: str | None
    ) -> str | None:
        oldest_ts = f"{oldest.timestamp():.6f}"
        latest: str | None = None
        for _page in range(10):
            if thread_ts is not None:
                resp = self.read_client.conversations_replies(
                    channel=channel, ts=thread_ts, include_all_metadata=True, limit=200
                )
            else:
                kwargs: dict[str, Any] = {}
                if latest is not None:
                    kwargs["latest"] = latest
                resp = self.read_client.conversations_history(
                    channel=channel,
                    oldest=oldest_ts,
                    include_all_metadata=True,
                    limit=200,
                    **kwargs,
                )
            messages = resp.get("messages") or []
            for m in messages:
                meta = m.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == METADATA_EVENT and payload.get("slot_id") == marker:
                    return str(m["ts"])
            if thread_ts is not None or not resp.get("has_more") or not messages:
                return None
            new_latest = str(messages[-1]["ts"])
            if new_latest == latest:
                return None
            latest = new_latest
        return None


class Pacer:
    """At most one post per `interval` seconds per channel, across this process's threads.

    The interval counts from when the previous post *finished*, so two posts can never
    reach Slack closer together than `interval`.
    """

    def __init__(self, interval: float = 1.0) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait(self, channel: str) -> None:
        while True:
            with self._lock:
                delay = self._next.get(channel, 0.0) - time.monotonic()
                if delay <= 0:
                    self._next[channel] = float("inf")  # held until done()
                    return
            time.sleep(min(delay, self.interval) if delay != float("inf") else 0.05)

    def done(self, channel: str) -> None:
        with self._lock:
            self._next[channel] = time.monotonic() + self.interval


PACER = Pacer()


@dataclass
class RunReport:
    posted: list[str] = field(default_factory=list)  # slot ids posted by this run
    recovered: list[str] = field(default_factory=list)  # found in history, recorded, not re-posted
    skipped: int = 0  # missed slots recorded as skipped
    empty: int = 0  # nothing new, subscription skips empty digests
    paused: list[str] = field(default_factory=list)  # channel ids
    failed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # outcome unknown; next run checks history
    busy: int = 0  # claimed by another runner
    cancelled: int = 0  # unsubscribed during the run
    stopped: str | None = None  # auth error code that stopped deliveries

    def summary(self) -> str:
        parts = [
            f"posted {len(self.posted)}",
            f"recovered {len(self.recovered)}",
            f"skipped {self.skipped}",
            f"empty {self.empty}",
            f"paused {len(self.paused)}",
            f"failed {len(self.failed)}",
            f"unknown {len(self.unknown)}",
            f"busy {self.busy}",
            f"cancelled {self.cancelled}",
        ]
        line = "digest run: " + ", ".join(parts)
        if self.stopped:
            line += f"; STOPPED ({self.stopped})"
        return line


ContentSource = DigestContent | Callable[[], DigestContent]


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
    report: RunReport = field(default_factory=RunReport)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _content: DigestContent | None = None

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

    def auth_failed(self, code: str) -> None:
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
    """May another runner take this open delivery over?"""
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
    content: ContentSource | None = None,
    settings: Any = None,
    channels: Collection[str] | None = None,
    workers: int | None = None,
    grace: timedelta | None = None,
    lease: timedelta = DEFAULT_LEASE,
    in_flight: timedelta = DEFAULT_IN_FLIGHT,
    pacer: Pacer | None = None,
    backoff: Sequence[float] = (1.0, 2.0, 4.0),
) -> RunReport:
    """Post every digest due at `now` (default: the current time), exactly once per slot.

    Anything not given comes from `settings` (default: `bot.config.Settings()`): the store
    from DIGEST_DB_PATH / DATABASE_URL, the Slack client from SLACK_BOT_TOKEN and
    SLACK_API_URL, the content from BRIEFINGS_DIR, the grace from DIGEST_GRACE.
    `channels` limits the run to those channels (the scheduler's per-channel jobs).
    """
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("run_due needs a timezone-aware time")
    owned: list[Any] = []
    try:
        if store is None or slack is None or content is None or grace is None or workers is None:
            from bot.config import Settings
            from bot.digest.schedule import parse_duration

            settings = settings or Settings()
            if store is None:
                store = open_store(settings)
                owned.append(store)
            if slack is None:
                slack = slack_from_settings(settings)
            if content is None:
                from bot.digest.content import load_content

                briefings_dir = settings.briefings_dir
                content = lambda: load_content(briefings_dir)  # noqa: E731
            if grace is None:
                grace = parse_duration(settings.digest_grace)
            if workers is None:
                workers = int(getattr(settings, "digest_workers", 8))
        run = _Run(
            store=store,
            slack=slack,
            content_source=content,
            now=now,
            grace=grace,
            lease=lease,
            in_flight=in_flight,
            pacer=pacer or PACER,
            backoff=backoff,
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


def _run(run: _Run, channels: Collection[str] | None, workers: int) -> RunReport:
    store = run.store
    store.create_schema()
    subs = store.subscriptions(active_only=False)
    if channels is not None:
        wanted = set(channels)
        subs = [s for s in subs if s.channel_id in wanted]
    plans: list[tuple[Subscription, list[Delivery], datetime | None]] = []
    open_by_channel: dict[str, list[Delivery]] = {}
    for d in store.open_deliveries():
        open_by_channel.setdefault(d.channel_id, []).append(d)
    latest_rows = store.latest_slots()
    for sub in subs:
        open_all = open_by_channel.get(sub.channel_id, [])
        open_rows = [d for d in open_all if is_stale(d, run.lease)]
        run.report.busy += len(open_all) - len(open_rows)
        new_slot: datetime | None = None
        if sub.due_enabled:
            new_slot = _plan_slots(run, sub, latest_rows.get(sub.channel_id))
        if open_rows or new_slot is not None:
            plans.append((sub, open_rows, new_slot))
    if not plans:
        return run.report
    run.content()  # load the briefings before claiming anything (a ContentError stops here)
    if workers == 1 or len(plans) == 1:
        for plan in plans:
            _channel(run, *plan)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(plans))) as pool:
            for fut in [pool.submit(_channel, run, *plan) for plan in plans]:
                fut.result()
    return run.report


def _plan_slots(run: _Run, sub: Subscription, last_row: datetime | None) -> datetime | None:
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
        n = run.store.record_skipped(sub.channel_id, older, "missed: a later slot was due")
        with run.lock:
            run.report.skipped += n
        log.info("digest %s: %d missed slot(s) recorded as skipped", sub.channel_id, n)
    if run.now - latest > run.grace:
        n = run.store.record_skipped(sub.channel_id, [latest], "missed: older than DIGEST_GRACE")
        with run.lock:
            run.report.skipped += n
        log.info(
            "digest %s: slot %s missed by more than DIGEST_GRACE; skipped",
            sub.channel_id,
            slot_id(sub.channel_id, latest),
        )
        return None
    return latest


def _channel(
    run: _Run, sub: Subscription, open_rows: list[Delivery], new_slot: datetime | None
) -> None:
    """All work for one channel, in order: recover open deliveries, then the new slot."""
    try:
        for d in open_rows:
            if run.stop.is_set():
                return
            token = uuid.uuid4().hex
            with _ACTIVE_LOCK:
                _ACTIVE.add(token)
            try:
                mine = run.store.take_over(d, token=token, claimant=_claimant(token))
                if mine is None:
                    run.add("busy")
                    continue
                since = min(d.slot, d.claimed_at or d.slot) - timedelta(minutes=10)
                _deliver(run, sub, mine, recovering=True, since=since)
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
                since = min(new_slot, datetime.now(UTC)) - timedelta(minutes=10)
                _deliver(run, sub, mine, recovering=False, since=since)
            finally:
                with _ACTIVE_LOCK:
                    _ACTIVE.discard(token)
    except Exception:  # a bug or a database outage: keep the other channels going
        log.exception("digest %s: delivery failed unexpectedly", sub.channel_id)
        run.add("failed", sub.channel_id)


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
    channel: str,
    *,
    text: str,
    blocks: list[dict[str, Any]],
    marker: str,
    part: str,
    since: datetime,
    thread_ts: str | None = None,
) -> str:
    """Post once. On an ambiguous failure, look for the marker before each retry."""
    last: Exception | None = None
    for attempt in range(POST_ATTEMPTS):
        if run.stop.is_set():
            raise Refused("stopped")
        run.pacer.wait(channel)
        sent = time.monotonic()
        try:
            return run.slack.post(
                channel,
                text=text,
                blocks=blocks,
                metadata=_metadata(marker, part),
                thread_ts=thread_ts,
            )
        except Transient as e:
            last = e
            log.warning(
                "digest %s: post attempt %d failed (%s); checking history before retrying",
                channel,
                attempt + 1,
                e,
            )
        finally:
            run.pacer.done(channel)
        delay = run.backoff[min(attempt, len(run.backoff) - 1)]
        if last is not None and not getattr(last, "answered", True):
            # No answer (timeout, dropped connection): the post may still land. Give it until
            # `in_flight` after it was sent before looking for it, then retry if absent.
            delay = max(delay, sent + run.in_flight.total_seconds() - time.monotonic())
        time.sleep(delay)
        found = run.slack.find(channel, marker, oldest=since, thread_ts=thread_ts)
        if found is not None:
            log.info("digest %s: the failed post had landed (%s); not re-posting", channel, marker)
            return found
    raise Transient(f"gave up after {POST_ATTEMPTS} attempts ({last})")


def _deliver(
    run: _Run, sub: Subscription, d: Delivery, *, recovering: bool, since: datetime
) -> None:
    store, channel = run.store, sub.channel_id
    token = d.claim_token
    assert token is not None
    sid = slot_id(channel, d.slot)
    ts = d.ts
    main_posted_now = False
    try:
        current = store.get(channel)
        still_on = current is not None and current.due_enabled and current.since < d.slot
        if ts is None and recovering:
            ts = run.slack.find(channel, sid, oldest=since)
            if ts is not None:
                store.update_claim(d.id, token, ts=ts)
                log.info("digest %s: found slot %s in history; recording it", channel, sid)
        if (
            ts is None
            and recovering
            and d.attempted_at is not None
            and datetime.now(UTC) - d.attempted_at < run.in_flight
        ):
            # The dead runner's post went out moments ago and may still land: look again later.
            store.finish(d.id, token, "unknown", error="post in flight; checking again later")
            run.add("unknown", sid)
            log.info(
                "digest %s: slot %s was posted moments ago; checking again later", channel, sid
            )
            return
        if ts is None and not still_on:
            store.finish(d.id, token, "cancelled", error="unsubscribed before posting")
            run.add("cancelled")
            return
        if ts is None and recovering and run.now - d.slot > run.grace:
            store.finish(
                d.id, token, "skipped", error="outcome unknown, not in history; past grace"
            )
            run.add("skipped")
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
            # Last look before posting: still ours, still subscribed?
            current = store.get(channel)
            if current is None or not current.due_enabled:
                store.finish(d.id, token, "cancelled", error="unsubscribed before posting")
                run.add("cancelled")
                return
            if not store.update_claim(d.id, token, attempted_at=datetime.now(UTC)):
                run.add("busy")  # lost the claim (lease ran out and another runner took it)
                return
            ts = _post_verified(
                run,
                channel,
                text=digest.text,
                blocks=digest.blocks,
                marker=sid,
                part="digest",
                since=since,
            )
            main_posted_now = True
            store.update_claim(d.id, token, ts=ts)
        detail_ts = d.detail_ts
        if digest is not None and digest.thread_blocks and detail_ts is None:
            detail_ts = _post_detail(run, channel, digest, sid, ts, since, recovering)
        values: dict[str, Any] = {"ts": ts, "detail_ts": detail_ts, "error": None}
        if digest is not None:
            values.update(article_ids=digest.article_ids, spotlight=digest.spotlight)
        store.finish(d.id, token, "posted", **values)
        if main_posted_now:
            run.add("posted", sid)
            log.info("digest %s: posted slot %s (ts %s)", channel, sid, ts)
        else:
            run.add("recovered", sid)
    except Refused as e:
        if e.code == "stopped":
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
        if ts is not None:  # the main message is in; only the thread reply is in doubt
            store.finish(d.id, token, "posted", ts=ts, error=f"thread: {e}"[:200])
            run.add("posted" if main_posted_now else "recovered", sid)
        else:
            store.finish(d.id, token, "unknown", error=str(e)[:200])
            run.add("unknown", sid)
            log.warning(
                "digest %s: outcome of slot %s unknown (%s); next run checks", channel, sid, e
            )


def _post_detail(
    run: _Run, channel: str, digest: Digest, sid: str, ts: str, since: datetime, recovering: bool
) -> str | None:
    marker = f"{sid}#thread"
    assert digest.thread_blocks is not None
    with contextlib.suppress(Transient):
        if recovering:
            found = run.slack.find(channel, marker, oldest=since, thread_ts=ts)
            if found is not None:
                return found
    try:
        return _post_verified(
            run,
            channel,
            text=digest.thread_text or "Details",
            blocks=digest.thread_blocks,
            marker=marker,
            part="thread",
            since=since,
            thread_ts=ts,
        )
    except Refused as e:
        if e.code in AUTH_ERRORS:
            run.auth_failed(e.code)
        elif e.code != "stopped":
            log.warning("digest %s: thread reply refused (%s)", channel, e.code)
        return None
