"""History checks: "did our post land?", within Slack's Tier 1 limits for history reads.

A post whose outcome is unknown (5xx, timeout, a runner that died after sending) is looked
for in the channel's history, by the slot id in its message metadata, before anything is
posted again. Outside the Slack Marketplace, `conversations.history` and `.replies` allow
1 call a minute and 15 messages a page, so:
- each call needs a *turn*, shared by every process through the digest database
  (`Store.take_turn`): at most one per method per `interval`, none before a 429's Retry-After;
- the window is narrow: from the slot (less clock skew) to shortly after the last send;
- a check that needs more pages keeps its cursor in the database and goes on next time;
- checks wait in a queue across runs, oldest slot first: a run lets only the head check.
A check that cannot run now raises `CheckDeferred`; the delivery stays `unknown`, nothing is
posted, and a later run checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.digest.store import Delivery, Store
from bot.digest.webapi import DigestSlack, RateLimited, Refused, Transient

SKEW = timedelta(minutes=2)  # clock difference allowed between this host and Slack
DEFAULT_INTERVAL = timedelta(minutes=1)  # Tier 1


class CheckDeferred(Exception):
    """The history check cannot run now; the delivery waits (status `unknown`)."""


class CheckImpossible(Exception):
    """Slack refuses history reads (e.g. missing_scope): the outcome cannot be known."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def needs_check(d: Delivery) -> bool:
    """An open delivery with a post sent and no record of where it landed."""
    return d.attempted_at is not None and d.detail_ts is None


@dataclass
class HistoryChecks:
    store: Store
    slack: DigestSlack
    interval: timedelta = DEFAULT_INTERVAL
    in_flight: timedelta = timedelta(seconds=30)
    scope: str = "default"  # whose rate limit: one workspace
    head: int | None = None  # the delivery whose turn it is (None: anyone may check)

    def window(
        self, d: Delivery, sent_at: datetime, thread_ts: str | None
    ) -> tuple[datetime, datetime]:
        """Where the post can be: not before the slot (or the parent message), not after the
        last send plus its timeout and the in-flight allowance."""
        oldest = d.slot - SKEW
        if thread_ts is not None:
            oldest = max(oldest, datetime.fromtimestamp(float(thread_ts), UTC) - SKEW)
        until = sent_at + timedelta(seconds=self.slack.timeout) + self.in_flight
        latest = min(until, datetime.now(UTC)) + SKEW
        return oldest, latest

    def find(
        self, d: Delivery, marker: str, *, sent_at: datetime, thread_ts: str | None = None
    ) -> str | None:
        """The ts of our post tagged `marker`, or None when it is certainly not there.
        Raises CheckDeferred (try later) or CheckImpossible."""
        if self.head is not None and self.head != d.id:
            raise CheckDeferred("queued behind an older history check")
        method = "conversations.replies" if thread_ts is not None else "conversations.history"
        turn = f"turn:{self.scope}:{method}"
        note = f"cursor:{d.id}:{'thread' if thread_ts is not None else 'digest'}"
        cursor = self.store.get_note(note)
        oldest, latest = self.window(d, sent_at, thread_ts)
        while True:
            if not self.store.take_turn(turn, self.interval):
                raise CheckDeferred(f"waiting for a {method} turn (1 call a minute)")
            try:
                page = self.slack.read_page(
                    d.channel_id,
                    marker,
                    oldest=oldest,
                    latest=latest,
                    thread_ts=thread_ts,
                    cursor=cursor,
                )
            except RateLimited as e:
                until = datetime.now(UTC) + timedelta(seconds=max(e.retry_after, 1.0))
                self.store.hold_turns(turn, until)
                raise CheckDeferred(f"{method} rate-limited; checking again later") from None
            except Transient as e:
                raise CheckDeferred(f"{method} failed ({e}); checking again later") from None
            except Refused as e:
                raise CheckImpossible(e.code) from None
            if page.found is not None or page.cursor is None:
                self.store.set_note(note, None)
                return page.found
            self.store.set_note(note, page.cursor)  # more to read: go on at the next turn
            cursor = page.cursor
