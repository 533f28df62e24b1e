"""Build the Bolt app: `build_app(settings) -> App`, used by HTTP mode, Socket Mode and tests.

    app = build_app(settings)                                  # loads briefings/, watches it
    app = build_app(settings, library=lib, client=WebClient(base_url=stub.api_url))

Listeners read from Bolt's context, set by the `Inject` middleware here:
`context["library"]` (the current Library, reloaded when briefings/ changes),
`context["router"]` (the `/deepseek` subcommand Router, see bot/slack/router.py for how a
subcommand plugs in), `context["settings"]` and `context["background"]`
(an executor for work after the ack, see listeners/background.py).

The app runs with `process_before_response=True`: Bolt answers Slack when the listener
returns, so every listener acks first (no I/O before it) and hands slow work to `later()`.
App Home's digest section comes from `bot.digest.home.home_blocks`
(listeners/events/app_home.py).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.config import Settings
from bot.library import Library, LibraryHolder
from bot.slack import answer, search
from bot.slack.listeners import register_listeners
from bot.slack.router import Router, default_router

log = logging.getLogger(__name__)
BIG_LIBRARY = 20_000  # points (an article counts as ten): past this, settle() freezes the heap
BOLT_LOGGER = "bot.slack.bolt"


class _QuietTokenNotice(logging.Filter):
    # Bolt reads SLACK_BOT_TOKEN from the environment itself and then notes that the ready
    # client's token wins: expected here, not worth a warning.
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


logging.getLogger(BOLT_LOGGER).addFilter(_QuietTokenNotice())


def secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def make_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient for settings.slack_api_url that retries 429s (Retry-After) and 5xx."""
    client = WebClient(
        token=token or secret(settings.slack_bot_token), base_url=settings.slack_api_url, timeout=10
    )
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    client.retry_handlers.append(ServerErrorRetryHandler(max_retry_count=2))
    return client


def holder_for(settings: Settings, library: Library | LibraryHolder | None) -> LibraryHolder:
    if isinstance(library, LibraryHolder):
        holder = library
    elif isinstance(library, Library):
        holder = LibraryHolder.fixed(library)
    else:
        interval = settings.briefings_reload_seconds or None
        holder = LibraryHolder(settings.briefings_dir, interval=interval)
    holder.on_load(search.warm)
    holder.on_load(answer.warm)
    holder.on_load(settle)
    return holder


def settle(library: Library) -> None:
    """After a load, move what is alive now out of the garbage collector's sight: with 100,000+
    briefing objects, every full collection would otherwise walk them all, mid-request."""
    if len(library.points) + 10 * len(library.articles) >= BIG_LIBRARY:
        gc.collect()
        gc.freeze()


class Inject(Middleware):
    """Put the current Library, the Router, Settings and the background executor in context.

    A class middleware: Bolt calls it without per-request keyword-argument injection.
    """

    def __init__(
        self, holder: LibraryHolder, router: Router, settings: Settings, background: Executor
    ) -> None:
        self.holder, self.router, self.settings, self.background = (
            holder,
            router,
            settings,
            background,
        )

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        context = req.context
        context["library"] = self.holder.get()
        context["router"] = self.router
        context["settings"] = self.settings
        context["background"] = self.background
        return next()


def build_app(
    settings: Settings,
    library: Library | LibraryHolder | None = None,
    client: WebClient | None = None,
    *,
    router: Router | None = None,
    socket_mode: bool = False,
    token_verification: bool = True,
) -> App:
    """The Bolt app with every listener registered.

    HTTP mode verifies request signatures with SLACK_SIGNING_SECRET; Socket Mode does not
    need it. `token_verification=False` skips Bolt's auth.test at start-up (tests, preview).
    """
    holder = holder_for(settings, library)
    router = router or default_router()
    client = client or make_client(settings)
    signing_secret = secret(settings.slack_signing_secret)
    background = ThreadPoolExecutor(max_workers=8, thread_name_prefix="deepseek-bg")
    distribution = settings.oauth_mode and not socket_mode
    oauth: dict[str, Any] = {}
    if distribution:  # many workspaces: tokens come from the installation store
        from bot.digest.commands import shared_store
        from bot.slack.oauth import not_installed_message, oauth_flow

        store = shared_store(settings)
        oauth["oauth_flow"] = oauth_flow(settings, store)
        oauth["user_facing_authorize_error_message"] = not_installed_message(settings)
    app = App(
        client=client,
        # Answer Slack as soon as a listener returns: replies go in ack() (no I/O before it),
        # slow work goes to `background` (listeners/background.py). This skips Bolt's
        # 10 ms ack-polling loop on every request.
        process_before_response=True,
        signing_secret=signing_secret or "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=token_verification,
        name="deepseek-bot",
        logger=logging.getLogger(BOLT_LOGGER),
        **oauth,
    )
    if distribution:
        from bot.slack.oauth import register_uninstall

        register_uninstall(app, store)

    app.use(Inject(holder, router, settings, background))
    register_listeners(app)
    return app
