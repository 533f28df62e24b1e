"""`deepseek-bot serve` and `deepseek-bot ask`. Imports stay lean: Bolt loads only when needed."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import click

from bot.cli import SetupError
from bot.cli import load_settings_or_fail as load_settings
from bot.config import Settings

APPS = "https://api.slack.com/apps → your app"
WHERE = {
    "SLACK_BOT_TOKEN": f"{APPS} → OAuth & Permissions → Bot User OAuth Token (xoxb-…)",
    "SLACK_SIGNING_SECRET": f"{APPS} → Basic Information → App Credentials → Signing Secret",
    "SLACK_APP_TOKEN": f"{APPS} → Basic Information → App-Level Tokens → Generate, scope connections:write (xapp-…)",
    "SLACK_CLIENT_SECRET": f"{APPS} → Basic Information → App Credentials → Client Secret",
}
PREFIX = {"SLACK_BOT_TOKEN": "xoxb-", "SLACK_APP_TOKEN": "xapp-"}


def fail(message: str) -> NoReturn:
    raise SetupError(message)


def _secret(settings: Settings, name: str) -> str | None:
    value = getattr(settings, name.lower())
    if value is None:
        return None
    text: str = value.get_secret_value().strip()
    return text or None


def require(settings: Settings, mode: str, *names: str) -> dict[str, str]:
    """The named secrets, or one line naming the first missing/malformed one and where to get it."""
    out: dict[str, str] = {}
    for name in names:
        value = _secret(settings, name)
        if value is None:
            fail(f"{mode} needs {name}. Get it at {WHERE[name]}, then set it in .env.")
        prefix = PREFIX.get(name)
        if prefix and not value.startswith(prefix):
            fail(f"{name} should start with {prefix}. Get it at {WHERE[name]}.")
        out[name] = value
    if not settings.slack_api_url.startswith(("https://", "http://")):
        fail("SLACK_API_URL must be an http(s) URL, e.g. https://slack.com/api/ (or unset it).")
    return out


def detect_mode(settings: Settings) -> str:
    if _secret(settings, "SLACK_APP_TOKEN"):
        return "socket"
    if _secret(settings, "SLACK_SIGNING_SECRET") and _secret(settings, "SLACK_BOT_TOKEN"):
        return "http"
    if settings.oauth_mode:
        return "http"
    return "preview"


def _build(settings: Settings, **kwargs: Any) -> Any:
    """build_app with one-line errors for a missing build or a rejected token."""
    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackApiError

    from bot.library import LibraryError
    from bot.slack.app import build_app

    try:
        return build_app(settings, **kwargs)
    except LibraryError as e:
        fail(str(e))
    except (BoltError, SlackApiError) as e:
        reason = str(e).splitlines()[0][:200]
        fail(
            f"Slack refused SLACK_BOT_TOKEN ({reason}). Copy it again from {WHERE['SLACK_BOT_TOKEN']}."
        )
    except OSError as e:
        fail(
            f"cannot reach the Slack API at {settings.slack_api_url} ({e}). Check SLACK_API_URL and the network."
        )


def _start_digest_clock(settings: Settings) -> None:
    """Socket Mode's single worker may run the digest scheduler in-process (DIGEST_IN_PROCESS)."""
    if settings.digest_in_process:
        from bot.digest.clock import start_in_process

        start_in_process(settings)


@click.command()
@click.option(
    "--http",
    "mode",
    flag_value="http",
    help="HTTP mode (needs SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN).",
)
@click.option(
    "--socket",
    "mode",
    flag_value="socket",
    help="Socket Mode (needs SLACK_APP_TOKEN, SLACK_BOT_TOKEN).",
)
@click.option("--preview", "mode", flag_value="preview", help="The local preview; needs no tokens.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (default: PORT, else 3000)."
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="HTTP worker processes (default: WEB_CONCURRENCY, else one per CPU, 2 to 4).",
)
def serve(mode: str | None, port: int | None, workers: int | None) -> None:
    """Run the bot: Socket Mode if SLACK_APP_TOKEN is set, else HTTP mode if
    SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set, else the local preview.

    HTTP mode serves POST /slack/events and GET /healthz on PORT (binding 0.0.0.0 unless
    HOST is set).

    Example: deepseek-bot serve --http --port 8080
    """
    import logging

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings()
    mode = mode or detect_mode(settings)
    if mode == "preview":
        from bot.preview.server import run

        run(settings, port)
        return
    if mode == "socket":
        tokens = require(settings, "Socket Mode", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN")
        app = _build(settings, socket_mode=True)
        _start_digest_clock(settings)
        from bot.slack.server import run_socket_mode

        click.echo("deepseek-bot: Socket Mode, connecting to Slack…", err=True)
        run_socket_mode(app, tokens["SLACK_APP_TOKEN"])
        return
    if settings.oauth_mode:  # SLACK_CLIENT_ID + SECRET: install into any workspace
        secrets = require(settings, "OAuth mode", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET")
    else:
        secrets = require(settings, "HTTP mode", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    host = settings.host if "host" in settings.model_fields_set else "0.0.0.0"
    port = port or settings.port
    app = _build(settings)
    from bot.slack.server import gunicorn_options, make_wsgi, run_gunicorn

    wsgi = make_wsgi(app, secrets["SLACK_SIGNING_SECRET"])
    if settings.oauth_mode:
        from bot.slack.oauth import with_oauth_pages

        wsgi = with_oauth_pages(app, wsgi)
        click.echo(
            f"deepseek-bot: OAuth mode, install at http://{host}:{port}/slack/install", err=True
        )
    click.echo(f"deepseek-bot: HTTP mode on http://{host}:{port}/slack/events", err=True)
    run_gunicorn(lambda: wsgi, gunicorn_options(host, port, workers))


@click.command()
@click.argument("text", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the exact Slack response payload.")
@click.option("--user", default="U0LOCAL", show_default=True, help="User id to ask as.")
@click.option(
    "--channel",
    default="",
    help="Channel id to ask in (digest preview reads its history; default: none).",
)
def ask(text: tuple[str, ...], as_json: bool, user: str, channel: str) -> None:
    """Print what `/deepseek TEXT` would reply, as readable text (or --json).

    Example: deepseek-bot ask brief how did they train it so cheaply

    \b
    A digest preview, for a new channel or (--channel) for one that has digests:
      deepseek-bot ask digest preview
      deepseek-bot ask --channel C0123 digest preview
    """
    from bot.library import Library, LibraryError
    from bot.slack.plaintext import payload_text
    from bot.slack.router import Context, default_router

    settings = load_settings()
    try:
        library = Library.load(settings.briefings_dir)
    except LibraryError as e:
        fail(str(e))
    router = default_router()
    reply = router.dispatch(
        " ".join(text),
        Context(
            library=library, user_id=user, channel_id=channel, router=router, settings=settings
        ),
    )
    if as_json:
        click.echo(json.dumps(reply, indent=2, ensure_ascii=False))
    else:
        click.echo(payload_text(reply))
