"""`deepseek-bot digest`: run due deliveries, run the clock, list channel digests."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

import click

from bot.cli import load_settings_or_fail

log = logging.getLogger("bot.digest")


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"deepseek-bot digest: {message}", err=True)
    sys.exit(code)


def _logging() -> None:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("apscheduler", "slack_sdk", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _parse_now(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not an ISO-8601 time; e.g. 2025-03-10T09:00:00Z or 2025-03-10T09:00+01:00"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # documented: no offset means UTC
    if parsed > datetime.now(UTC) + timedelta(minutes=5):
        # Deliveries recorded for future slots would hold back the real ones until then.
        raise click.BadParameter(f"{text!r} is in the future; --now may only look back.")
    return parsed


def _friendly(e: Exception) -> str | None:
    """One line for the errors an operator can fix; None for a bug."""
    from bot.digest.content import ContentError
    from bot.digest.deliver import MissingToken
    from bot.digest.schedule import ScheduleError
    from bot.digest.store import SchemaError, describe_db_error

    if isinstance(e, MissingToken | SchemaError | ContentError | ScheduleError):
        return str(e)
    db = describe_db_error(e)
    if db is not None:
        return db
    if isinstance(e, ValueError) and "duration" in str(e):
        return f"DIGEST_GRACE: {e}"
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def digest() -> None:
    """Scheduled channel digests.

    Subscriptions are made in Slack with `/deepseek digest on`. The `clock` process posts
    them on time; `run-due` does one pass, for an external cron.

    Example: deepseek-bot digest run-due --now 2025-03-10T09:00:00Z
    """


@digest.command("run-due")
@click.option(
    "--now",
    "now_text",
    metavar="ISO-8601",
    help="Act as if it were this time (default: now; not in the future). No offset means UTC.",
)
@click.option("--channel", "channels", multiple=True, metavar="ID", help="Only this channel.")
def run_due_cmd(now_text: str | None, channels: tuple[str, ...]) -> None:
    """Post every digest that is due, once, and exit.

    Safe to run from several places at once, or twice: each (channel, slot) posts once.
    Exits 1 when a delivery failed or is left in doubt (a later run checks it).

    Example: deepseek-bot digest run-due --now 2025-03-10T09:00:00Z
    """
    now = _parse_now(now_text)
    settings = load_settings_or_fail()
    _logging()
    from bot.digest.deliver import run_due

    try:
        report = run_due(now, settings=settings, channels=channels or None)
    except Exception as e:
        msg = _friendly(e)
        if msg is None:
            raise
        _fail(msg)
    click.echo(report.summary())
    for line in report.problems():
        click.echo(line, err=True)
    if not report.ok:
        sys.exit(1)


@digest.command("clock")
def clock_cmd() -> None:
    """Run the digest scheduler in the foreground (the Procfile's `clock` process).

    Run exactly one. Web workers can scale freely: they never schedule anything.

    Example: deepseek-bot digest clock
    """
    settings = load_settings_or_fail()
    _logging()
    from bot.digest.clock import clock
    from bot.digest.deliver import slack_from_settings

    try:
        if not settings.oauth_mode:  # OAuth mode: each workspace's token, from its install
            slack_from_settings(settings)  # fail now, in one line, when the token is missing
        clock(settings)
    except Exception as e:
        msg = _friendly(e)
        if msg is None:
            raise
        _fail(msg)


@digest.command("list")
def list_cmd() -> None:
    """List channel digests: schedule, state, next run and last delivery.

    Example: deepseek-bot digest list
    """
    settings = load_settings_or_fail()
    from bot.digest.commands import describe_last, local_time, upcoming
    from bot.digest.deliver import open_store

    if not settings.database_url and not settings.digest_db_path.exists():
        # listing must not create the database: no file means no digest was ever turned on
        click.echo(
            f"No digests yet ({settings.digest_db_path} does not exist). In Slack: /deepseek digest on"
        )
        return
    try:
        store = open_store(settings)
    except Exception as e:
        msg = _friendly(e)
        if msg is None:
            raise
        _fail(msg)
    try:
        subs = store.subscriptions(active_only=False, every_workspace=True)
        spaces = {w.workspace: w for w in store.workspaces()}
        if not subs and not spaces:
            click.echo("No channel digests. In Slack: /deepseek digest on")
            return
        many = any(s.workspace for s in subs) or bool(spaces)
        now = datetime.now(UTC)
        for s in subs:
            space = spaces.get(s.workspace)
            scoped = store.scoped(s.workspace)
            if space is not None and space.paused_reason:
                state = f"paused (workspace: {space.paused_reason})"
            elif not s.active:
                state = "off"
            elif s.paused_reason:
                state = f"paused ({s.paused_reason})"
            else:
                state = "next " + local_time(upcoming(s, scoped, now), s.schedule)
            last = scoped.last_posted(s.channel_id)
            last_text = describe_last(last, s.schedule, now) if last else "never"
            where = f"{_label(s.workspace, space)}\t" if many else ""
            click.echo(f"{where}{s.channel_id}\t{s.schedule.describe()}\t{state}\tlast {last_text}")
        listed = {s.workspace for s in subs}
        for key, space in spaces.items():
            if key not in listed and space.paused_reason:
                click.echo(
                    f"{_label(key, space)}\tno digests\tpaused (workspace: "
                    f"{space.paused_reason}); installing the app again resumes it"
                )
    finally:
        store.close()


def _label(key: str, space: Any) -> str:
    """'Acme (:T123)' for a workspace; 'single workspace' for rows from SLACK_BOT_TOKEN mode."""
    if not key:
        return "single workspace"
    name = getattr(space, "name", None)
    return f"{name} ({key})" if name else key
