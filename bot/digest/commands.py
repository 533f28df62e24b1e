"""`/deepseek digest on|off|status|preview`: the logic behind the Slack subcommand.

`digest_reply(args, who)` returns the Slack reply payload (ephemeral unless stated) and does
the work: the store, `users.info` for the invoker's timezone, and the in-channel confirmation
through `chat.postMessage`. The Slack app's router calls it through
bot/slack/listeners/commands/digest.py; `deepseek-bot ask "digest status"` runs it with no
Web API client.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.digest.compose import DigestContent, compose
from bot.digest.deliver import PAUSE_ERRORS, open_store
from bot.digest.schedule import (
    EXAMPLE,
    Schedule,
    ScheduleError,
    canonical_tz,
    next_slot,
    parse_on_args,
)
from bot.digest.store import Delivery, Store, Subscription
from bot.slack.mrkdwn import escape

log = logging.getLogger("bot.digest")

Reply = dict[str, Any]

INVITE = (
    "I'm not a member of this channel, so I can't post the digest here. "
    "Invite me with `/invite @deepseek`, then run `/deepseek digest on` again."
)
USAGE = (
    "*Channel digests*: a short briefing posted in this channel on a schedule.\n"
    "• `/deepseek digest on [daily|weekdays|weekly &lt;day&gt;] [HH:MM] [timezone]`: "
    "turn it on (default: weekdays 09:00, your Slack timezone), e.g. "
    f"`{EXAMPLE}`. Add `skip-empty` to skip days with nothing new.\n"
    "• `/deepseek digest off`: turn it off.\n"
    "• `/deepseek digest status`: next run and last delivery.\n"
    "• `/deepseek digest preview`: see what would be posted now (only you)."
)
PAUSE_NOTES = {
    "not_in_channel": "I was removed from the channel",
    "channel_not_found": "I can't see the channel (deleted, or private without me)",
    "is_archived": "the channel is archived",
}


@dataclass(frozen=True)
class Who:
    user_id: str
    channel_id: str
    settings: Settings
    client: WebClient | None = None  # None: no Web API (deepseek-bot ask, pure tests)
    content: DigestContent | None = None  # for `preview`
    store: Store | None = None  # default: the shared store for `settings`
    now: datetime | None = None
    channel_name: str = ""  # Slack's: "mpdm-…" for a group DM, "directmessage" for a DM


def ephemeral(text: str, extra: list[dict[str, Any]] | None = None) -> Reply:
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    return {"response_type": "ephemeral", "text": text, "blocks": blocks + (extra or [])}


_STORES: dict[tuple[str, str], Store] = {}
_STORES_LOCK = threading.Lock()


def shared_store(settings: Settings) -> Store:
    """One Store (engine pool) per database for the life of the process."""
    key = (settings.sqlalchemy_url, settings.digest_table_prefix)
    with _STORES_LOCK:
        store = _STORES.get(key)
        if store is None:
            store = open_store(settings)
            _STORES[key] = store
        return store


def close_shared_stores() -> None:
    with _STORES_LOCK:
        for store in _STORES.values():
            store.close()
        _STORES.clear()


def local_time(when: datetime, schedule: Schedule) -> str:
    """'Mon 10 Mar, 09:00 (Europe/London)'."""
    t = when.astimezone(schedule.zone)
    return f"{t:%a} {t.day} {t:%b}, {t:%H:%M} ({schedule.tz_label})"


def digest_reply(args: list[str], who: Who) -> Reply:
    verb = args[0].lower() if args else ""
    rest = args[1:]
    if verb in ("", "help"):
        return ephemeral(USAGE)
    if verb not in ("on", "off", "status", "preview", "enable", "disable", "start", "stop"):
        return ephemeral(f"I don't know `digest {_clip(verb)}`.\n{USAGE}")
    if verb == "preview":  # anywhere, even the terminal; it reads the store, never creates it
        return _preview(who, who.store or existing_store(who.settings))
    if not who.channel_id or who.channel_id.startswith("D"):
        return ephemeral(
            "Digests post in a channel. Run `/deepseek digest on` in the channel you want it in."
        )
    if who.channel_name.startswith("mpdm-"):
        return ephemeral(
            "Digests post in a channel, not in a group DM. Run `/deepseek digest on` in a "
            "channel, e.g. #general; `/deepseek digest preview` works here."
        )
    store = who.store or shared_store(who.settings)
    if verb in ("on", "enable", "start"):
        return _on(rest, who, store)
    if verb in ("off", "disable", "stop"):
        return _off(who, store)
    return _status(who, store)


def _clip(text: str, n: int = 30) -> str:
    text = text if len(text) <= n else text[: n - 1] + "…"
    return escape(text.replace("`", "'"))


def _may_change(who: Who) -> Reply | None:
    admins = who.settings.admin_ids
    if admins and who.user_id not in admins:
        names = ", ".join(f"<@{a}>" for a in sorted(admins))
        return ephemeral(f"Only digest admins can change channel digests: {names}.")
    return None


def _user_tz(who: Who) -> str:
    if who.client is not None and who.user_id:
        try:
            user = who.client.users_info(user=who.user_id).get("user") or {}
            tz = user.get("tz")
            if isinstance(tz, str) and tz:
                return tz
        except SlackApiError as e:
            log.info("users.info failed (%s); using DIGEST_DEFAULT_TZ", e.response.get("error"))
        except OSError as e:
            log.info("users.info failed (%s); using DIGEST_DEFAULT_TZ", type(e).__name__)
    return who.settings.digest_default_tz


def _on(args: list[str], who: Who, store: Store) -> Reply:
    denied = _may_change(who)
    if denied:
        return denied
    try:
        request = parse_on_args(args, _user_tz(who))
    except ScheduleError as e:
        return ephemeral(str(e))  # mrkdwn already: schedule escapes what it quotes
    now = who.now or datetime.now(UTC)
    before = store.get(who.channel_id)
    on_empty = request.on_empty or (before.on_empty if before else "spotlight")
    sub = store.subscribe(
        who.channel_id, request.schedule, by=who.user_id, on_empty=on_empty, now=now
    )
    when = local_time(upcoming(sub, store, now), sub.schedule)
    empty = (
        "Days with nothing new are skipped (add `always` to post a topic spotlight instead)."
        if on_empty == "skip"
        else "On days with nothing new it posts a topic spotlight (add `skip-empty` to skip them)."
    )
    text = (
        f"<@{who.user_id}> turned on the DeepSeek digest for this channel: "
        f"{sub.schedule.describe()}. Next digest: {when}."
    )
    if who.client is None:
        return ephemeral(f"{text} {empty}")
    try:
        who.client.chat_postMessage(channel=who.channel_id, text=text)
    except SlackApiError as e:
        code = str(e.response.get("error", ""))
        if code in PAUSE_ERRORS or code == "not_in_channel":
            _restore(store, who.channel_id, before, now)
            return ephemeral(INVITE)
        log.warning("digest confirmation in %s failed: %s", who.channel_id, code)
        return ephemeral(f"Digest on: {sub.schedule.describe()}. Next digest: {when}.")
    return ephemeral(f"Done. {empty} `/deepseek digest status` shows the next run.")


def _restore(store: Store, channel: str, before: Subscription | None, now: datetime) -> None:
    """Undo a subscribe that could not be confirmed (the bot is not in the channel)."""
    if before is None:
        store.unsubscribe(channel, by="system", now=now)
        return
    store.subscribe(
        channel, before.schedule, by=before.updated_by, on_empty=before.on_empty, now=before.since
    )
    if not before.active:
        store.unsubscribe(channel, by=before.updated_by, now=before.updated_at)
    elif before.paused_reason:
        store.pause(channel, before.paused_reason, now=before.paused_at)


def _off(who: Who, store: Store) -> Reply:
    denied = _may_change(who)
    if denied:
        return denied
    if not store.unsubscribe(who.channel_id, by=who.user_id, now=who.now):
        return ephemeral("This channel has no digest. Turn one on with `/deepseek digest on`.")
    text = f"<@{who.user_id}> turned off the DeepSeek digest for this channel."
    if who.client is not None:
        try:
            who.client.chat_postMessage(channel=who.channel_id, text=text)
        except SlackApiError as e:
            log.info("digest off notice in %s failed: %s", who.channel_id, e.response.get("error"))
            return ephemeral("Digest off.")
        return ephemeral("Digest off. Turn it back on with `/deepseek digest on`.")
    return ephemeral(text)


def describe_last(d: Delivery | None, schedule: Schedule, now: datetime) -> str:
    """The last digest's slot; for a slot posted ahead of time ("Post digest now" in the
    preview), when it was really posted, so it never reads as the next one."""
    if d is None:
        return "none yet"
    posted = d.slot if d.slot <= now else (d.finished_at or d.attempted_at or now)
    return local_time(min(posted, now), schedule)


def upcoming(sub: Subscription, store: Store, now: datetime) -> datetime:
    """The next slot still to post: after now, and after any slot already delivered."""
    latest = store.latest_slot(sub.channel_id)
    return next_slot(sub.schedule, max(now, latest) if latest is not None else now)


def status_lines(sub: Subscription, store: Store, now: datetime) -> list[str]:
    """Schedule, next run, last delivery and any pause, for status and App Home."""
    lines = [f"Schedule: {sub.schedule.describe()}"]
    if not sub.active:
        lines.append("Off.")
    elif sub.paused_reason:
        why = PAUSE_NOTES.get(sub.paused_reason, sub.paused_reason)
        lines.append(
            f":warning: Paused: {why}. Invite me with `/invite @deepseek`, "
            "then run `/deepseek digest on` in the channel."
        )
    else:
        lines.append(f"Next digest: {local_time(upcoming(sub, store, now), sub.schedule)}")
    lines.append(
        f"Last digest: {describe_last(store.last_posted(sub.channel_id), sub.schedule, now)}"
    )
    if sub.on_empty == "skip":
        lines.append("Days with nothing new are skipped.")
    return lines


def _status(who: Who, store: Store) -> Reply:
    sub = store.get(who.channel_id)
    if sub is None or not sub.active:
        return ephemeral(
            "This channel has no digest. Turn one on with `/deepseek digest on` "
            f"(e.g. `{EXAMPLE}`)."
        )
    now = who.now or datetime.now(UTC)
    lines = status_lines(sub, store, now)
    lines.append(f"Turned on by <@{sub.updated_by}>.")
    return ephemeral("*Digest for this channel*\n" + "\n".join(lines))


def existing_store(settings: Settings) -> Store | None:
    """The shared store, or None while its SQLite file does not exist: nothing to read yet,
    and reading must not create it."""
    if not settings.database_url and not Path(settings.digest_db_path).exists():
        return None
    return shared_store(settings)


def _preview(who: Who, store: Store | None) -> Reply:
    if who.content is None:
        return ephemeral("The briefings are not loaded, so there is nothing to preview.")
    known = store is not None and bool(who.channel_id)
    sub = store.get(who.channel_id) if store is not None and known else None
    now = who.now or datetime.now(UTC)
    tz = canonical_tz(_user_tz(who)) or "UTC"
    schedule = sub.schedule if sub and sub.active else Schedule("weekdays", 9, 0, tz)
    posted = store.deliveries(who.channel_id, statuses=["posted"]) if store and known else []
    previous_ids = frozenset(posted[-1].article_ids or ()) if posted else None
    digest = compose(
        who.content,
        day=now.astimezone(schedule.zone).date(),
        previous_ids=previous_ids,
        spotlight_history=[d.spotlight for d in posted if d.spotlight],
        on_empty="spotlight",
        footer=f"Preview, only visible to you. Digest {schedule.describe()}",
    )
    if digest is None:
        return ephemeral("There is nothing to put in a digest yet: the briefings are empty.")
    blocks = list(digest.blocks)
    if digest.thread_blocks:
        blocks.append({"type": "divider"})
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "In the thread:"}]}
        )
        blocks.extend(digest.thread_blocks[: 48 - len(blocks)])
    if not who.channel_id:
        note = " A new channel's first digest; `--channel C0123` previews one channel's next."
    elif sub and sub.active:
        note = ""
    else:
        note = " This channel has no digest yet: `/deepseek digest on`."
    return {
        "response_type": "ephemeral",
        "text": f"Preview: {digest.text}.{note}",
        "blocks": blocks,
    }
