"""Slots across timezones and DST changes; parsing `/deepseek digest on` arguments. Pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.digest.schedule import (
    Schedule,
    ScheduleError,
    latest_slot,
    next_slot,
    parse_duration,
    parse_on_args,
    slot_id,
    slots_between,
)

NY = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_weekdays_in_london_across_spring_forward() -> None:
    s = Schedule("weekdays", 9, 0, "Europe/London")
    slots = list(slots_between(s, utc(2025, 3, 27), utc(2025, 4, 2)))
    # Thu 27, Fri 28 at 09:00 GMT = 09:00 UTC; BST from Sun 30 March: 09:00 BST = 08:00 UTC.
    assert slots == [
        utc(2025, 3, 27, 9),
        utc(2025, 3, 28, 9),
        utc(2025, 3, 31, 8),
        utc(2025, 4, 1, 8),
    ]
    assert all(x.astimezone(ZoneInfo("Europe/London")).hour == 9 for x in slots)


def test_time_in_the_spring_gap_moves_forward_like_cron() -> None:
    s = Schedule("daily", 2, 30, "America/New_York")
    slots = list(slots_between(s, utc(2025, 3, 8), utc(2025, 3, 10)))
    # 8 March 02:30 EST = 07:30Z; 9 March 02:30 does not exist: 03:30 EDT = 07:30Z.
    assert slots == [utc(2025, 3, 8, 7, 30), utc(2025, 3, 9, 7, 30)]
    assert slots[1].astimezone(NY).hour == 3


def test_repeated_time_on_fall_back_is_one_slot() -> None:
    s = Schedule("daily", 1, 30, "America/New_York")
    slots = list(slots_between(s, utc(2025, 11, 1), utc(2025, 11, 3)))
    # 2 November 01:30 happens twice; one slot, the first (EDT, 05:30Z).
    assert slots == [utc(2025, 11, 1, 5, 30), utc(2025, 11, 2, 5, 30)]


def test_southern_hemisphere_and_half_hour_zones() -> None:
    syd = Schedule("weekly", 8, 0, "Australia/Sydney", weekday=0)
    # Sydney leaves DST on 6 April 2025: Monday 08:00 AEDT (UTC+11) then AEST (UTC+10).
    assert list(slots_between(syd, utc(2025, 3, 30), utc(2025, 4, 14))) == [
        utc(2025, 3, 30, 21),
        utc(2025, 4, 6, 22),
        utc(2025, 4, 13, 22),
    ]
    kol = Schedule("daily", 9, 0, "Asia/Kolkata")
    assert next_slot(kol, utc(2025, 1, 1)) == utc(2025, 1, 1, 3, 30)


def test_next_and_latest_slot() -> None:
    s = Schedule("weekdays", 9, 0, "America/New_York")
    fri = datetime(2025, 3, 7, 9, 0, tzinfo=NY)
    assert latest_slot(s, fri) == fri
    assert latest_slot(s, fri - timedelta(seconds=1)) == fri - timedelta(days=1)
    # Friday after 09:00 → Monday, which is after the DST change (EDT).
    mon = next_slot(s, fri)
    assert mon == datetime(2025, 3, 10, 9, 0, tzinfo=NY) and mon.utcoffset() != fri.utcoffset()
    assert latest_slot(s, datetime(2025, 3, 9, 12, tzinfo=NY)) == fri  # Sunday → Friday


def test_apscheduler_cron_trigger_agrees_with_slots() -> None:
    from apscheduler.triggers.cron import CronTrigger

    for s in (
        Schedule("weekdays", 9, 0, "Europe/Berlin"),
        Schedule("weekly", 17, 45, "America/Los_Angeles", weekday=4),
        Schedule("daily", 7, 15, "Australia/Sydney"),
    ):
        trigger = CronTrigger(**s.cron_fields(), timezone=s.zone)
        start = utc(2025, 3, 1)
        fired: list[datetime] = []
        prev = None
        now = start
        while len(fired) < 30:
            nxt = trigger.get_next_fire_time(prev, now)
            assert nxt is not None
            fired.append(nxt.astimezone(UTC))
            prev, now = nxt, nxt + timedelta(seconds=1)
        ours = list(slots_between(s, start - timedelta(seconds=1), fired[-1]))
        assert ours == fired


def test_time_machine_now_is_respected() -> None:
    s = Schedule("weekdays", 9, 0, "Europe/London")
    with time_machine.travel(datetime(2025, 3, 31, 8, 30, tzinfo=UTC), tick=False):
        now = datetime.now(UTC)
        assert next_slot(s, now) == utc(2025, 4, 1, 8)  # 09:00 BST; Monday's was 08:00Z
        assert latest_slot(s, now) == utc(2025, 3, 31, 8)


def test_slot_id() -> None:
    assert slot_id("C1", datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))) == (
        "C1@2025-03-10T09:00Z"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], Schedule("weekdays", 9, 0, "America/Chicago")),
        (["daily"], Schedule("daily", 9, 0, "America/Chicago")),
        (["weekly", "mon", "08:30"], Schedule("weekly", 8, 30, "America/Chicago", 0)),
        (["Fridays", "16:00", "europe/paris"], Schedule("weekly", 16, 0, "Europe/Paris", 4)),
        (["weekdays", "7:05", "UTC"], Schedule("weekdays", 7, 5, "UTC")),
        (["5:30pm", "Asia/Tokyo"], Schedule("weekdays", 17, 30, "Asia/Tokyo")),
    ],
)
def test_parse_on_args(args: list[str], expected: Schedule) -> None:
    assert parse_on_args(args, "America/Chicago").schedule == expected


def test_parse_on_args_empty_setting() -> None:
    assert parse_on_args(["skip-empty"], "UTC").on_empty == "skip"
    assert parse_on_args(["always"], "UTC").on_empty == "spotlight"
    assert parse_on_args([], "UTC").on_empty is None


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["25:00"], "not a time"),
        (["9:75"], "not a time"),
        (["weekly"], "needs a day"),
        (["daily", "mon"], "weekly"),
        (["Mars/Olympus"], "timezone"),
        (["Europe/Londn"], "timezone"),
        (["banana"], "don't understand"),
        (["daily", "weekdays"], "Pick one"),
        (["<!channel>"], "&lt;!channel&gt;"),
    ],
)
def test_parse_on_args_errors_are_clear(args: list[str], needle: str) -> None:
    with pytest.raises(ScheduleError) as err:
        parse_on_args(args, "UTC")
    message = str(err.value)
    assert needle in message
    assert "/deepseek digest on" in message  # always an example
    assert "<!channel>" not in message


def test_parse_duration() -> None:
    assert parse_duration("6h") == timedelta(hours=6)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert parse_duration("0") == timedelta(0)
    assert parse_duration("3600") == timedelta(hours=1)
    with pytest.raises(ValueError):
        parse_duration("six hours")
