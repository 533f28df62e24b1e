"""Pure schedule arithmetic: a subscription's cadence, time and timezone → UTC slots.

A slot is one local calendar day's delivery time, converted to UTC with zoneinfo:
- on a spring-forward day a time inside the gap (02:30 in New York) lands one hour later
  in wall time (03:30 EDT), exactly as cron does;
- on a fall-back day a repeated time (01:30) is one slot, the first occurrence (fold=0).
So every matching local day has exactly one slot, whatever the offset does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.slack.mrkdwn import escape

CADENCES = ("daily", "weekdays", "weekly")
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EXAMPLE = "/deepseek digest on weekdays 09:00 Europe/London"


class ScheduleError(ValueError):
    """Bad schedule input; the message is mrkdwn, shown to the user as is (what it quotes of
    the user's input is escaped by `_clip`)."""


@dataclass(frozen=True)
class Schedule:
    cadence: str  # daily | weekdays | weekly
    hour: int
    minute: int
    tz: str  # IANA name
    weekday: int | None = None  # 0 = Monday; weekly only

    def __post_init__(self) -> None:
        if self.cadence not in CADENCES:
            raise ScheduleError(f"Unknown cadence {self.cadence!r}.")
        if (self.cadence == "weekly") != (self.weekday is not None):
            raise ScheduleError("A weekly digest needs a day; other cadences take none.")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise ScheduleError("Weekday must be 0 (Monday) to 6 (Sunday).")
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise ScheduleError("Time must be between 00:00 and 23:59.")
        zone(self.tz)

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.tz)

    @property
    def tz_label(self) -> str:
        """The timezone as shown to people: 'UTC' for every alias of it ('Etc/UTC')."""
        return tz_label(self.tz)

    @property
    def hhmm(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def matches(self, day: date) -> bool:
        if self.cadence == "daily":
            return True
        if self.cadence == "weekdays":
            return day.weekday() < 5
        return day.weekday() == self.weekday

    def describe(self) -> str:
        """'weekdays at 09:00 (Europe/London)'."""
        if self.cadence == "weekly":
            assert self.weekday is not None
            when = f"every {DAY_NAMES[self.weekday].capitalize()}"
        elif self.cadence == "daily":
            when = "every day"
        else:
            when = "weekdays"
        return f"{when} at {self.hhmm} ({self.tz_label})"

    def cron_fields(self) -> dict[str, str]:
        """Keyword arguments for APScheduler's CronTrigger (add `timezone=schedule.zone`)."""
        if self.cadence == "daily":
            dow = "*"
        elif self.cadence == "weekdays":
            dow = "mon-fri"
        else:
            assert self.weekday is not None
            dow = DAY_ABBR[self.weekday]
        return {"day_of_week": dow, "hour": str(self.hour), "minute": str(self.minute)}


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as e:
        raise ScheduleError(f"Unknown timezone `{_clip(name)}`.") from e


@lru_cache(maxsize=1)
def _zones_by_lower() -> dict[str, str]:
    names = set(available_timezones()) | {"UTC"}
    return {n.lower(): n for n in names}


UTC_ALIASES = frozenset(
    n.lower()
    for n in ("UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu")
)


def tz_label(name: str) -> str:
    """'UTC' for any alias of UTC (Slack and /etc/localtime say 'Etc/UTC'), else the name."""
    return "UTC" if name.lower() in UTC_ALIASES else name


def canonical_tz(name: str) -> str | None:
    """The IANA name for `name`, ignoring case ('europe/paris' → 'Europe/Paris', 'Etc/UTC' →
    'UTC'); None if unknown."""
    if name.strip().lower() in UTC_ALIASES:
        return "UTC"
    found = _zones_by_lower().get(name.strip().lower())
    if found is None:
        return None
    try:
        zone(found)
    except ScheduleError:
        return None
    return found


def local_slot(schedule: Schedule, day: date) -> datetime:
    """The UTC instant of the slot on local `day` (whether or not the cadence matches it)."""
    local = datetime.combine(day, time(schedule.hour, schedule.minute), tzinfo=schedule.zone)
    # Round-trip through UTC so a time in a DST gap moves forward like cron (fold=0).
    return local.astimezone(UTC)


def slots_between(schedule: Schedule, start: datetime, end: datetime) -> Iterator[datetime]:
    """Slots s with start < s <= end, oldest first (UTC)."""
    _aware(start, end)
    tz = schedule.zone
    day = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    while day <= last:
        if schedule.matches(day):
            slot = local_slot(schedule, day)
            if start < slot <= end:
                yield slot
        day += timedelta(days=1)


def next_slot(schedule: Schedule, after: datetime) -> datetime:
    """The first slot strictly after `after`."""
    _aware(after)
    tz = schedule.zone
    day = after.astimezone(tz).date() - timedelta(days=1)
    for _ in range(16):
        if schedule.matches(day):
            slot = local_slot(schedule, day)
            if slot > after:
                return slot
        day += timedelta(days=1)
    raise AssertionError("no slot within two weeks")  # pragma: no cover


def latest_slot(schedule: Schedule, now: datetime) -> datetime:
    """The last slot at or before `now`."""
    _aware(now)
    tz = schedule.zone
    day = now.astimezone(tz).date() + timedelta(days=1)
    for _ in range(16):
        if schedule.matches(day):
            slot = local_slot(schedule, day)
            if slot <= now:
                return slot
        day -= timedelta(days=1)
    raise AssertionError("no slot within two weeks")  # pragma: no cover


def slot_id(channel_id: str, slot: datetime) -> str:
    """Stable id of a (channel, slot), carried in the message metadata: 'C123@2025-03-10T13:00Z'."""
    return f"{channel_id}@{slot.astimezone(UTC):%Y-%m-%dT%H:%MZ}"


def _aware(*values: datetime) -> None:
    for v in values:
        if v.tzinfo is None:
            raise ValueError("naive datetime: pass timezone-aware times")


# ------------------------------------------------------------------ parsing user input

_TIME = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
_TIME_AMPM = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)$")
_DURATION = re.compile(r"(\d+)\s*([dhms])")


def parse_time(token: str) -> tuple[int, int] | None:
    """'09:00', '9:30', '17h15', '9am', '5:30pm' → (hour, minute); None if not a time."""
    t = token.strip().lower()
    m = _TIME.match(t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
    else:
        m = _TIME_AMPM.match(t)
        if not m:
            return None
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= h <= 12:
            raise ScheduleError(
                f"`{_clip(token)}` is not a time. Use 24-hour HH:MM, e.g. `{EXAMPLE}`."
            )
        h = h % 12 + (12 if m.group(3) == "pm" else 0)
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        raise ScheduleError(f"`{_clip(token)}` is not a time. Use 24-hour HH:MM, e.g. `{EXAMPLE}`.")
    return h, mi


def parse_day(token: str) -> int | None:
    t = token.strip().lower().rstrip(".")
    if t.endswith("s") and t[:-1] in DAY_NAMES:
        t = t[:-1]  # "mondays"
    for i, (name, abbr) in enumerate(zip(DAY_NAMES, DAY_ABBR, strict=True)):
        if t in (name, abbr) or (len(t) >= 3 and name.startswith(t)):
            return i
    return None


@dataclass(frozen=True)
class DigestRequest:
    schedule: Schedule
    on_empty: str | None  # "spotlight" | "skip" | None (keep the current setting)
    tz_given: bool


def parse_on_args(tokens: Sequence[str], default_tz: str) -> DigestRequest:
    """Parse `[daily|weekdays|weekly <day>] [HH:MM] [timezone] [skip-empty|always]`.

    Raises ScheduleError with a message meant for the user, with an example.
    """
    cadence: str | None = None
    weekday: int | None = None
    hm: tuple[int, int] | None = None
    tz: str | None = None
    on_empty: str | None = None
    for raw in tokens:
        tok = raw.strip()
        low = tok.lower()
        if not tok:
            continue
        if low in ("daily", "everyday", "every-day"):
            cadence = _set_once(cadence, "daily")
        elif low in ("weekdays", "weekday", "workdays"):
            cadence = _set_once(cadence, "weekdays")
        elif low == "weekly":
            cadence = _set_once(cadence, "weekly")
        elif low in ("skip-empty", "skip", "quiet"):
            on_empty = "skip"
        elif low in ("always", "spotlight", "spotlight-only"):
            on_empty = "spotlight"
        elif (day := parse_day(low)) is not None:
            if weekday is not None:
                raise ScheduleError(
                    "Give one day only, e.g. `/deepseek digest on weekly mon 09:00`."
                )
            weekday = day
        elif (parsed := parse_time(tok)) is not None:
            if hm is not None:
                raise ScheduleError(f"Give one time only, e.g. `{EXAMPLE}`.")
            hm = parsed
        elif "/" in tok or low in ("utc", "gmt") or tok[:1].isupper():
            found = canonical_tz(tok)
            if found is None:
                raise ScheduleError(
                    f"I don't know the timezone `{_clip(tok)}`. Use an IANA name such as "
                    f"Europe/London or America/New_York, e.g. `{EXAMPLE}`."
                )
            tz = found
        else:
            if re.fullmatch(r"[\d:.]+", tok) or re.search(r"\d", tok):
                raise ScheduleError(
                    f"`{_clip(tok)}` is not a time. Use 24-hour HH:MM, e.g. `{EXAMPLE}`."
                )
            raise ScheduleError(
                f"I don't understand `{_clip(tok)}`. Try `{EXAMPLE}` or "
                "`/deepseek digest on weekly fri 16:00`."
            )
    if weekday is not None and cadence in (None, "weekly"):
        cadence = "weekly"
    elif weekday is not None:
        raise ScheduleError(
            "A day goes with `weekly` only, e.g. `/deepseek digest on weekly mon 09:00`."
        )
    if cadence == "weekly" and weekday is None:
        raise ScheduleError("Weekly needs a day, e.g. `/deepseek digest on weekly mon 09:00`.")
    hour, minute = hm or (9, 0)
    tz_name = tz or canonical_tz(default_tz) or "UTC"
    return DigestRequest(
        Schedule(cadence or "weekdays", hour, minute, tz_name, weekday), on_empty, tz is not None
    )


def _set_once(current: str | None, value: str) -> str:
    if current is not None and current != value:
        raise ScheduleError(f"Pick one of daily, weekdays or weekly &lt;day&gt;, e.g. `{EXAMPLE}`.")
    return value


def _clip(text: str, n: int = 40) -> str:
    """User text made safe to repeat in mrkdwn: short, no backticks, through the one escape."""
    text = text.replace("`", "'")
    text = text if len(text) <= n else text[: n - 1] + "…"
    return escape(text)


def parse_duration(text: str) -> timedelta:
    """'6h', '90m', '1h30m', '45s', '2d', '0' → timedelta. Raises ValueError."""
    t = text.strip().lower().replace(" ", "")
    if t in ("0", ""):
        return timedelta(0)
    if t.isdigit():
        return timedelta(seconds=int(t))
    pos = 0
    total = timedelta(0)
    units = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
    for m in _DURATION.finditer(t):
        if m.start() != pos:
            break
        total += timedelta(**{units[m.group(2)]: int(m.group(1))})
        pos = m.end()
    if pos != len(t) or pos == 0:
        raise ValueError(f"not a duration: {text!r} (use e.g. 6h, 90m, 1h30m)")
    return total
