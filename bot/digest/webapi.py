"""The Slack Web API calls digest delivery makes: a post, and one page of a history read.

Errors are sorted by what they mean for exactly-once delivery:
- `Refused`: Slack answered with a definite error; nothing was posted.
- `Transient`: the call may or may not have reached Slack (5xx, timeout, dropped connection).
- `RateLimited`: a 429 on a read; try again after `retry_after` seconds.

History reads (`conversations.history` / `.replies`) are Tier 1 for apps outside the Slack
Marketplace: 1 call a minute and at most 15 messages a page. `read_page` makes exactly one
call, with a narrow oldest/latest window and `limit=15`, and never retries by itself: the
caller decides when the next call may go out (bot.digest.checks).
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.digest.compose import METADATA_EVENT

TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
HISTORY_LIMIT = 15  # the most Slack returns per page to non-Marketplace apps

NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    urllib.error.URLError,
    http.client.HTTPException,
    TimeoutError,
)


class Transient(Exception):
    """The call may or may not have reached Slack (5xx, timeout, dropped connection).

    `answered` is True when Slack answered (a 5xx): the request is over. False for a timeout
    or a dropped connection: the request may still be in flight inside Slack.
    """

    def __init__(self, code: str, *, answered: bool = False) -> None:
        super().__init__(code)
        self.answered = answered


class RateLimited(Transient):
    def __init__(self, retry_after: float) -> None:
        super().__init__("ratelimited", answered=True)
        self.retry_after = retry_after


class Refused(Exception):
    """Slack answered with a definite error: nothing was posted."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Page:
    """One page of a history read: our tagged message if on it, and where the next page starts."""

    found: str | None
    cursor: str | None  # None: the window has no more messages


class DigestSlack(Protocol):
    """The two Web API operations delivery needs."""

    timeout: float

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

    def read_page(
        self,
        channel: str,
        marker: str,
        *,
        oldest: datetime,
        latest: datetime,
        thread_ts: str | None = None,
        cursor: str | None = None,
    ) -> Page:
        """One history (or thread, when thread_ts) page between oldest and latest.
        Raises RateLimited, Transient or Refused."""
        ...


class WorkspaceUnavailable(Exception):
    """No usable token for a workspace (not installed, uninstalled, refresh refused)."""


class Tokens(Protocol):
    """Where each workspace's Web API client comes from (OAuth mode: bot.digest.installs)."""

    def slack_for(self, workspace: str) -> DigestSlack:
        """The client for `workspace`; raises WorkspaceUnavailable."""
        ...


def classify(e: Exception) -> Exception:
    if isinstance(e, SlackApiError):
        status = getattr(e.response, "status_code", 200)
        code = str(e.response.get("error", "") or f"http_{status}")
        if status == 429:
            headers = getattr(e.response, "headers", {}) or {}
            retry = headers.get("Retry-After") or headers.get("retry-after") or "60"
            try:
                return RateLimited(float(retry[0] if isinstance(retry, list) else retry))
            except ValueError:
                return RateLimited(60.0)
        if status >= 500 or code in TRANSIENT_ERRORS:
            return Transient(code, answered=True)
        return Refused(code)
    return Transient(type(e).__name__)


def _ts(t: datetime) -> str:
    return f"{t.timestamp():.6f}"


class WebClientSlack:
    """DigestSlack over slack_sdk's WebClient.

    Posts retry only 429s (RateLimitErrorRetryHandler, honouring Retry-After): Slack did not
    accept the message. Reads are never retried here (each retry is another Tier 1 call).
    """

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://slack.com/api/",
        timeout: float = 15.0,
        rate_limit_retries: int = 10,
    ) -> None:
        self.timeout = timeout
        self.post_client = WebClient(
            token=token,
            base_url=base_url,
            timeout=int(max(1, timeout)),
            retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries)],
        )
        self.read_client = WebClient(
            token=token, base_url=base_url, timeout=int(max(1, timeout)), retry_handlers=[]
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
            raise classify(e) from None  # RateLimited: the retry handler gave up, not posted
        except NETWORK_ERRORS as e:
            raise Transient(type(e).__name__) from None
        return str(resp["ts"])

    def read_page(
        self,
        channel: str,
        marker: str,
        *,
        oldest: datetime,
        latest: datetime,
        thread_ts: str | None = None,
        cursor: str | None = None,
    ) -> Page:
        args: dict[str, Any] = {
            "channel": channel,
            "oldest": _ts(oldest),
            "latest": _ts(latest),
            "inclusive": True,
            "include_all_metadata": True,
            "limit": HISTORY_LIMIT,
        }
        if cursor:
            args["cursor"] = cursor
        try:
            if thread_ts is not None:
                resp = self.read_client.conversations_replies(ts=thread_ts, **args)
            else:
                resp = self.read_client.conversations_history(**args)
        except SlackApiError as e:
            raise classify(e) from None
        except NETWORK_ERRORS as e:
            raise Transient(type(e).__name__) from None
        for m in resp.get("messages") or []:
            meta = m.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_EVENT and payload.get("slot_id") == marker:
                return Page(str(m["ts"]), None)
        next_cursor = (resp.get("response_metadata") or {}).get("next_cursor") or None
        return Page(None, str(next_cursor) if resp.get("has_more") and next_cursor else None)


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
