"""OAuth distribution: "Add to Slack" for any workspace (`serve --http` with SLACK_CLIENT_ID).

- `GET /slack/install`: a page with the "Add to Slack" button (Bolt's OAuth flow issues a
  single-use state, kept in the digest database, and sets it in a cookie for this browser);
- `GET /slack/oauth_redirect`: Bolt checks the state (cookie and database, single use,
  10 minutes), exchanges the code with `oauth.v2.access`, saves the installation (slack_sdk's
  SQLAlchemy installation store, same database), then shows what to type first. Any failure
  (cancelled, forged, replayed or expired state, bad code) shows a failure page with a link to
  try again: a 4xx, never a 5xx (a database outage while saving is the one 500);
- `app_uninstalled` / `tokens_revoked`: the workspace's installation and digest subscriptions
  are deleted and it is marked paused (`deepseek-bot digest list` says why). Idempotent.
Expiring tokens (token rotation) are refreshed by Bolt before each request and by digest
delivery (bot.digest.installs) before each run.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltContext
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.config import Settings
from bot.digest.installs import installation_store
from bot.digest.store import Store
from bot.digest.workspace import workspace_key

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger("bot.slack.oauth")

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600
# Keep in step with manifest.distribution.json (tests/oauth checks it).
BOT_SCOPES = (
    "app_mentions:read",
    "channels:history",
    "chat:write",
    "commands",
    "groups:history",
    "im:history",
    "users:read",
)
FAILURES = {
    "access_denied": "the install was cancelled in Slack",
    "invalid_browser": "this browser did not start the install (or its cookie expired)",
    "invalid_state": "the install link was already used, expired, or did not come from here",
    "missing_code": "Slack did not send an authorisation code",
    "invalid_code": "Slack did not accept the authorisation code",
    "storage_error": "the installation could not be saved; try again in a minute",
}

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem}}
code{{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}}
.button{{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;
border-radius:6px;text-decoration:none;font-weight:600}}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""


def page(title: str, body: str) -> str:
    return PAGE.format(title=html.escape(title), body=body)


def authorize_url_for(api_url: str) -> str | None:
    """Slack's consent page; for a stand-in API (tests), the stand-in's."""
    if api_url.rstrip("/") == "https://slack.com/api":
        return None  # Bolt's default
    return api_url.rstrip("/").removesuffix("/api") + "/oauth/v2/authorize"


class DeepSeekOAuthFlow(OAuthFlow):
    """Bolt's flow with this app's install page."""

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        link = html.escape(url, quote=True)
        return page(
            "Add DeepSeek Briefings to Slack",
            "<p>Cited briefings on DeepSeek, from news articles: <code>/deepseek brief</code>, "
            "questions by @mention, and a digest posted in a channel on a schedule.</p>"
            f'<p><a id="add-to-slack" class="button" href="{link}">Add to Slack</a></p>'
            "<p>You choose the workspace on the next page.</p>",
        )


def _success(store: Store) -> Callable[[SuccessArgs], BoltResponse]:
    def success(args: SuccessArgs) -> BoltResponse:
        inst = args.installation
        key = workspace_key(inst.enterprise_id, inst.team_id, inst.is_enterprise_install)
        name = inst.team_name or inst.enterprise_name or "your workspace"
        store.workspace_installed(
            key, team_id=inst.team_id, enterprise_id=inst.enterprise_id, name=name
        )
        log.info("installed in workspace %s", key)
        body = (
            f"<p>DeepSeek Briefings is in <b>{html.escape(name)}</b>.</p>"
            "<p>Type this first, in any channel or in a message to the app:</p>"
            "<p><code>/deepseek brief</code></p>"
            "<p>For a digest in a channel: <code>/invite @deepseek</code>, then "
            "<code>/deepseek digest on</code>.</p>"
        )
        team = html.escape(inst.team_id or "", quote=True)
        if team:
            body += f'<p><a href="slack://open?team={team}">Open Slack</a></p>'
        return BoltResponse(
            status=200, body=page("Installed", body), headers={"Content-Type": "text/html"}
        )

    return success


def _failure(args: FailureArgs) -> BoltResponse:
    why = FAILURES.get(args.reason, "the install did not complete")
    status = args.suggested_status_code
    if status >= 500 and args.reason != "storage_error":
        status = 400
    log.warning("install failed: %s", args.reason)  # the reason code only: no query, no cookie
    body = (
        f"<p>The app was not installed: {html.escape(why)}.</p>"
        f'<p><a href="{INSTALL_PATH}">Start again</a></p>'
    )
    return BoltResponse(
        status=status,
        body=page("Not installed", body),
        headers={"Content-Type": "text/html"},
    )


def not_installed_message(settings: Settings) -> str:
    """What someone in a workspace without the app reads instead of an answer."""
    where = "its install page"
    if settings.slack_redirect_uri and settings.slack_redirect_uri.endswith(REDIRECT_PATH):
        where = settings.slack_redirect_uri[: -len(REDIRECT_PATH)] + INSTALL_PATH
    return (
        f"DeepSeek Briefings is not installed in this workspace. Add it at {where}, "
        "then try `/deepseek brief` again."
    )


def oauth_flow(settings: Settings, store: Store) -> DeepSeekOAuthFlow:
    """Bolt's OAuth flow on the digest database (installations, single-use states)."""
    assert settings.slack_client_id and settings.slack_client_secret is not None
    states = SQLAlchemyOAuthStateStore(
        expiration_seconds=STATE_SECONDS,
        engine=store.engine,
        table_name=store.oauth_tables[2],
        logger=log,
    )
    states.create_tables()  # type: ignore[no-untyped-call]
    oauth = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.slack_redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        authorization_url=authorize_url_for(settings.slack_api_url),
        installation_store=installation_store(store, settings.slack_client_id),
        installation_store_bot_only=True,
        state_store=states,
        state_expiration_seconds=STATE_SECONDS,
        callback_options=CallbackOptions(success=_success(store), failure=_failure),
        logger=log,
    )
    # Bolt's authorize refreshes expiring tokens (token rotation) before each request; give
    # it a client on SLACK_API_URL (GovSlack, the test stand-in), not the default slack.com.
    oauth.authorize = InstallationStoreAuthorize(
        logger=log,
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        token_rotation_expiration_minutes=oauth.token_rotation_expiration_minutes,
        installation_store=oauth.installation_store,
        bot_only=True,
        client=WebClient(base_url=settings.slack_api_url, timeout=15),
    )
    store.engine.dispose()  # `serve --http` forks its workers next: share no open connection
    return DeepSeekOAuthFlow(settings=oauth, logger=log)


def register_uninstall(app: App, store: Store) -> None:
    """app_uninstalled / tokens_revoked: forget the workspace (installation, subscriptions)."""
    installs = app.installation_store
    assert installs is not None

    def forget(context: BoltContext, body: dict[str, Any], reason: str) -> None:
        enterprise_id = context.enterprise_id or body.get("enterprise_id")
        team_id = None if context.is_enterprise_install else context.team_id or body.get("team_id")
        key = workspace_key(enterprise_id, team_id, context.is_enterprise_install)
        installs.delete_all(enterprise_id=enterprise_id, team_id=team_id)
        n = store.forget_workspace(key, reason)
        log.info("workspace %s: %s; %d digest subscription(s) removed", key, reason, n)

    def app_uninstalled(context: BoltContext, body: dict[str, Any]) -> None:
        forget(context, body, "uninstalled")

    def tokens_revoked(event: dict[str, Any], context: BoltContext, body: dict[str, Any]) -> None:
        tokens = event.get("tokens") or {}
        enterprise_id = context.enterprise_id or body.get("enterprise_id")
        team_id = None if context.is_enterprise_install else context.team_id or body.get("team_id")
        for user_id in tokens.get("oauth") or []:
            installs.delete_installation(
                enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
            )
        if tokens.get("bot"):
            forget(context, body, "tokens_revoked")

    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)


def with_oauth_pages(app: App, inner: WSGIApplication) -> WSGIApplication:
    """Serve GET /slack/install and /slack/oauth_redirect with Bolt's flow; the rest: `inner`."""
    flow = app.oauth_flow
    assert flow is not None

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path not in (INSTALL_PATH, REDIRECT_PATH):
            return inner(environ, start_response)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Content-Type", "text/plain")])
            return [b"GET only"]
        headers: dict[str, str | Sequence[str]] = {
            key[5:].lower().replace("_", "-"): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        query = str(environ.get("QUERY_STRING", ""))
        request = BoltRequest(body="", query=query, headers=headers, mode="http")
        try:
            if path == INSTALL_PATH:
                resp = flow.handle_installation(request)
            else:
                resp = flow.handle_callback(request)
        except Exception as e:  # a database outage, mostly: one line, never the query
            log.error("OAuth %s failed: %s", path, type(e).__name__)
            resp = _failure(
                FailureArgs(
                    request=request,
                    reason="storage_error",
                    suggested_status_code=503,
                    settings=flow.settings,
                    default=flow.default_callback_options,
                )
            )
        return _send(start_response, resp)

    return wsgi


def _send(start_response: StartResponse, resp: BoltResponse) -> list[bytes]:
    from http import HTTPStatus

    body = resp.body.encode() if isinstance(resp.body, str) else bytes(resp.body or b"")
    headers = [
        (k, v)
        for k, values in resp.headers.items()
        for v in values
        if k.lower() != "content-length"
    ]
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{resp.status} {HTTPStatus(resp.status).phrase}", headers)
    return [body]
