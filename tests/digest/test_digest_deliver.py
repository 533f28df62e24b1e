"""run_due against a real store (SQLite, PostgreSQL) and the local Slack stand-in."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from slack_stub import SlackStub

from bot.digest.compose import METADATA_EVENT, DigestContent
from bot.digest.deliver import Pacer, RunReport, WebClientSlack, run_due
from bot.digest.schedule import Schedule, slot_id
from bot.digest.store import Store

# Monday 2025-03-10 09:00 Europe/London is 09:00 UTC (GMT); London moves to BST on 30 March.
MON_0900 = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SCHED = Schedule("weekdays", 9, 0, "Europe/London")
BEFORE = MON_0900 - timedelta(days=3)  # subscribed on the Friday before, 09:00 UTC


def client(stub: SlackStub, timeout: float = 2.0) -> WebClientSlack:
    return WebClientSlack("xoxb-test", base_url=stub.api_url, timeout=timeout)


def run(
    store: Store,
    stub: SlackStub,
    content: DigestContent,
    now: datetime,
    *,
    interval: float = 0.05,
    **kw: Any,
) -> RunReport:
    kw.setdefault("grace", timedelta(hours=6))
    kw.setdefault("workers", 4)
    kw.setdefault("history_interval", timedelta(0))  # tests of the Tier 1 queue set their own
    return run_due(
        now,
        store=store,
        slack=kw.pop("slack", None) or client(stub),
        content=content,
        pacer=Pacer(interval),
        backoff=(0.05,),
        **kw,
    )


def top_level(stub: SlackStub, channel: str) -> list[dict[str, Any]]:
    return [m for m in stub.posts(channel) if "thread_ts" not in m]


def replies(stub: SlackStub, channel: str) -> list[dict[str, Any]]:
    return [m for m in stub.posts(channel) if "thread_ts" in m]


def test_posts_once_with_metadata_and_thread(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    report = run(store, slack_stub, content, MON_0900 + timedelta(minutes=1))
    sid = slot_id("C1", MON_0900)
    assert report.posted == [sid]
    [msg] = top_level(slack_stub, "C1")
    assert msg["metadata"] == {
        "event_type": METADATA_EVENT,
        "event_payload": {"slot_id": sid, "part": "digest"},
    }
    assert msg["blocks"][0]["text"]["text"] == "DeepSeek digest · Mon 10 Mar 2025"
    [reply] = replies(slack_stub, "C1")
    assert reply["thread_ts"] == msg["ts"]
    [d] = store.deliveries("C1")
    assert (d.status, d.ts, d.detail_ts) == ("posted", msg["ts"], reply["ts"])
    assert d.article_ids == ("a0", "a1", "a2") and d.spotlight == "topic-0"

    # Again, and again later the same day: nothing more.
    assert run(store, slack_stub, content, MON_0900 + timedelta(minutes=2)).posted == []
    assert run(store, slack_stub, content, MON_0900 + timedelta(hours=5)).posted == []
    assert len(slack_stub.posts("C1")) == 2


def test_next_digest_lists_only_new_articles_and_rotates_spotlight(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    from digest_helpers import make_content

    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    run(store, slack_stub, content, MON_0900)
    more = make_content(n_articles=5)
    report = run(store, slack_stub, more, MON_0900 + timedelta(days=1))
    assert len(report.posted) == 1
    second = top_level(slack_stub, "C1")[1]
    [body] = [
        b["text"]["text"]
        for b in second["blocks"]
        if b["type"] == "section" and "New since" in b["text"]["text"]
    ]
    assert "New since the last digest* (2)" in body
    assert "Article 3" in body and "Article 4" in body and "Article 0" not in body
    assert any("Spotlight: Topic 1" in json.dumps(b) for b in second["blocks"])
    # Nothing new on Wednesday: a spotlight-only digest (the default setting).
    run(store, slack_stub, more, MON_0900 + timedelta(days=2))
    third = top_level(slack_stub, "C1")[2]
    assert "Nothing new since the last digest" in third["blocks"][1]["text"]["text"]
    assert [d.spotlight for d in store.deliveries("C1")] == ["topic-0", "topic-1", "topic-2"]


def test_skip_empty_setting(store: Store, slack_stub: SlackStub, content: DigestContent) -> None:
    store.subscribe("C1", SCHED, by="U1", on_empty="skip", now=BEFORE)
    run(store, slack_stub, content, MON_0900)
    report = run(store, slack_stub, content, MON_0900 + timedelta(days=1))
    assert report.empty == 1 and report.posted == []
    assert [d.status for d in store.deliveries("C1")] == ["posted", "empty"]
    assert len(top_level(slack_stub, "C1")) == 1


def test_missed_slots_grace_and_subscription_start(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    # Subscribed Monday 10:00 UTC: Monday 09:00 is before the subscription, never due.
    store.subscribe("C1", SCHED, by="U1", now=MON_0900 + timedelta(hours=1))
    assert run(store, slack_stub, content, MON_0900 + timedelta(hours=2)).posted == []
    assert store.deliveries("C1") == []
    # Down from Monday to Thursday 12:00: Tue and Wed skipped, Thu 09:00 (3 h ago) posted once.
    thu_noon = MON_0900 + timedelta(days=3, hours=3)
    report = run(store, slack_stub, content, thu_noon)
    assert report.skipped == 2 and len(report.posted) == 1
    assert [(d.slot.day, d.status) for d in store.deliveries("C1")] == [
        (11, "skipped"),
        (12, "skipped"),
        (13, "posted"),
    ]
    # Down again until Friday 16:00 (7 h after the slot): recorded skipped, never posted late.
    report = run(store, slack_stub, content, MON_0900 + timedelta(days=4, hours=7))
    assert report.posted == [] and report.skipped == 1
    assert len(top_level(slack_stub, "C1")) == 1


def test_429_honours_retry_after(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    slack_stub.inject("chat.postMessage", ("ratelimit", 1))
    report = run(store, slack_stub, content, MON_0900)
    assert len(report.posted) == 1
    calls = slack_stub.calls_for("chat.postMessage")
    assert [c.status for c in calls] == [429, 200, 200]
    assert calls[1].at - calls[0].at >= 1.0  # waited Retry-After
    assert len(top_level(slack_stub, "C1")) == 1


@pytest.mark.parametrize(
    "fault",
    [
        ("status", 500),
        ("status", 503),
        ("drop",),
        ("drop_after",),
        ("slow_after", 2.5),
        ("slow", 1.6),
        ("slow", 0.5),
    ],
    ids=[
        "500",
        "503",
        "drop-before-post",
        "drop-after-post",
        "timeout-after-post",
        "timeout-post-lands-late",
        "slow-within-timeout",
    ],
)
def test_transient_faults_retried_without_duplicates(
    store: Store, slack_stub: SlackStub, content: DigestContent, fault: tuple[Any, ...]
) -> None:
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    slack_stub.inject("chat.postMessage", fault)
    # Client timeout 1 s. After a post with no answer, wait `in_flight` from sending it before
    # looking for it: a request still inside Slack may land late ("slow", 1.6 lands at 1.6 s).
    report = run(
        store,
        slack_stub,
        content,
        MON_0900,
        slack=client(slack_stub, timeout=1),
        in_flight=timedelta(seconds=2 if fault == ("slow", 1.6) else 0.3),
    )
    assert len(report.posted) == 1, report
    assert len(top_level(slack_stub, "C1")) == 1
    assert len(replies(slack_stub, "C1")) == 1
    [d] = store.deliveries("C1")
    assert d.status == "posted" and d.ts == top_level(slack_stub, "C1")[0]["ts"]
    if fault[0] in ("drop_after", "slow_after") or fault == ("slow", 1.6):
        assert slack_stub.calls_for("conversations.history")  # landed: found, not re-posted
        assert len(slack_stub.posts("C1")) == 2  # digest + thread reply, nothing re-posted


def test_persistent_5xx_leaves_unknown_then_next_run_recovers(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    slack_stub.inject("chat.postMessage", *[("status", 500)] * 4)
    report = run(store, slack_stub, content, MON_0900)
    assert report.unknown == [slot_id("C1", MON_0900)]
    assert store.deliveries("C1")[0].status == "unknown"
    # A post sent moments ago might still land: the next run waits `in_flight` before
    # re-posting (DEFAULT_IN_FLIGHT, 30 s). Here we let that window pass.
    report = run(store, slack_stub, content, MON_0900 + timedelta(minutes=1))
    assert report.unknown == [slot_id("C1", MON_0900)] and report.posted == []
    report = run(
        store, slack_stub, content, MON_0900 + timedelta(minutes=5), in_flight=timedelta(0)
    )
    # History checked first: nothing there, so it is posted now, once.
    assert report.posted == [slot_id("C1", MON_0900)] and report.recovered == []
    assert slack_stub.calls_for("conversations.history")
    assert len(top_level(slack_stub, "C1")) == 1
    assert store.deliveries("C1")[0].status == "posted"


@pytest.mark.parametrize("code", ["not_in_channel", "channel_not_found", "is_archived"])
def test_channel_errors_pause_subscription(
    store: Store,
    slack_stub: SlackStub,
    content: DigestContent,
    code: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    slack_stub.inject("chat.postMessage", ("error", code))
    with caplog.at_level(logging.WARNING, "bot.digest"):
        report = run(store, slack_stub, content, MON_0900)
    assert report.paused == ["C1"]
    sub = store.get("C1")
    assert sub is not None and sub.paused_reason == code
    assert any("paused" in r.message and code in r.message for r in caplog.records)
    # Paused: later slots are not attempted.
    assert run(store, slack_stub, content, MON_0900 + timedelta(days=1)).posted == []
    assert len(slack_stub.calls_for("chat.postMessage")) == 1
    # `digest on` again resumes from now.
    store.subscribe("C1", SCHED, by="U1", now=MON_0900 + timedelta(days=1, hours=1))
    assert len(run(store, slack_stub, content, MON_0900 + timedelta(days=2)).posted) == 1


@pytest.mark.parametrize("code", ["invalid_auth", "token_revoked"])
def test_auth_errors_stop_with_one_error(
    store: Store,
    slack_stub: SlackStub,
    content: DigestContent,
    code: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for c in ("C1", "C2", "C3", "C4"):
        store.subscribe(c, SCHED, by="U1", now=BEFORE)
    slack_stub.inject("chat.postMessage", ("error", code))
    with caplog.at_level(logging.ERROR, "bot.digest"):
        report = run(store, slack_stub, content, MON_0900, workers=1)
    assert report.stopped == code
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "SLACK_BOT_TOKEN" in errors[0].getMessage()
    assert "xoxb-test" not in caplog.text
    assert len(slack_stub.calls_for("chat.postMessage")) == 1  # stopped after the first
    assert all(store.deliveries(c) == [] for c in ("C1", "C2", "C3", "C4"))  # claim released
    # Token fixed (no more faults): the slot, still within grace, goes out once.
    assert len(run(store, slack_stub, content, MON_0900 + timedelta(minutes=30)).posted) == 4


def test_unsubscribe_during_run(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    channels = [f"C{i}" for i in range(6)]
    for c in channels:
        store.subscribe(c, SCHED, by="U1", now=BEFORE)

    class UnsubscribeMidRun(WebClientSlack):
        """While the run posts C0's digest, someone types `/deepseek digest off` in C5."""

        def post(self, channel: str, **kw: Any) -> str:
            if channel == "C0" and kw.get("thread_ts") is None:
                assert store.unsubscribe("C5", by="U2")
            return super().post(channel, **kw)

    slack = UnsubscribeMidRun("xoxb-test", base_url=slack_stub.api_url, timeout=2)
    report = run(store, slack_stub, content, MON_0900, workers=1, slack=slack)
    assert report.cancelled == 1
    assert top_level(slack_stub, "C5") == []
    assert all(len(top_level(slack_stub, c)) == 1 for c in channels[:5])
    # Unsubscribed channels are not picked up by later runs either.
    later = run(store, slack_stub, content, MON_0900 + timedelta(days=1))
    assert sorted(later.posted) == [slot_id(c, MON_0900 + timedelta(days=1)) for c in channels[:5]]
    assert top_level(slack_stub, "C5") == []


def test_pacing_one_post_per_second_per_channel(store: Store, content: DigestContent) -> None:
    with SlackStub(enforce_rate=True) as stub:
        store.subscribe("C1", SCHED, by="U1", now=BEFORE)
        report = run(store, stub, content, MON_0900, interval=1.0)
        assert len(report.posted) == 1
        calls = stub.calls_for("chat.postMessage")
        assert [c.status for c in calls] == [200, 200]  # never rate-limited
        assert calls[1].at - calls[0].at >= 1.0


def test_stale_claim_of_dead_process_is_recovered_from_history(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    """A claim whose owner died after posting: the message is found and recorded, not re-posted."""
    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    sid = slot_id("C1", MON_0900)
    d = store.claim("C1", MON_0900, token="deadbeef", claimant="otherhost:1:deadbeef")
    assert d is not None
    assert store.update_claim(d.id, "deadbeef", attempted_at=MON_0900)  # it sent the post
    slack_stub.add_message(
        "C1",
        {
            "ts": f"{MON_0900.timestamp() + 1:.6f}",  # Slack's time for it: just after sending
            "text": "digest",
            "metadata": {"event_type": METADATA_EVENT, "event_payload": {"slot_id": sid}},
        },
    )
    # Another host's claim is respected until its lease runs out...
    assert run(store, slack_stub, content, MON_0900).busy == 1
    assert len(slack_stub.posts("C1")) == 1
    # ...then taken over: found in history, recorded, only the thread reply is added.
    report = run(store, slack_stub, content, MON_0900, lease=timedelta(0))
    assert report.recovered == [sid] and report.posted == []
    assert len(top_level(slack_stub, "C1")) == 1
    assert len(replies(slack_stub, "C1")) == 1
    assert store.deliveries("C1")[0].status == "posted"


def test_dead_runners_post_in_flight_is_waited_for_not_reposted(
    store: Store, slack_stub: SlackStub, content: DigestContent
) -> None:
    """A runner died moments after sending its post: wait for it to land, never post again."""
    import socket

    store.subscribe("C1", SCHED, by="U1", now=BEFORE)
    sid = slot_id("C1", MON_0900)
    dead = f"{socket.gethostname()}:999999999:dead"  # no such pid: the runner is gone
    d = store.claim("C1", MON_0900, token="dead", claimant=dead)
    assert d is not None
    assert store.update_claim(d.id, "dead", attempted_at=datetime.now(UTC))
    report = run(store, slack_stub, content, MON_0900 + timedelta(minutes=1))
    assert report.unknown == [sid] and report.posted == []
    assert slack_stub.posts("C1") == []
    # The dead runner's post lands late...
    slack_stub.add_message(
        "C1",
        {
            "text": "digest",
            "metadata": {"event_type": METADATA_EVENT, "event_payload": {"slot_id": sid}},
        },
    )
    # ...and the next run records it instead of posting another.
    report = run(store, slack_stub, content, MON_0900 + timedelta(minutes=2))
    assert report.recovered == [sid] and report.posted == []
    assert len(top_level(slack_stub, "C1")) == 1
    assert store.deliveries("C1")[0].status == "posted"
