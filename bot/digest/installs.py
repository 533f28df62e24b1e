"""Workspaces that installed the app (OAuth mode): their stored installations and tokens.

slack_sdk's SQLAlchemy installation store keeps installations in the digest database (tables
`<prefix>slack_installations` and `<prefix>slack_bots`). Digest delivery gets each
workspace's bot token here; an expiring token (token rotation) is refreshed first and the
new one saved, so the app and the clock never use an expired token.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.sqlalchemy_utils import normalize_datetime_for_db
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.digest.store import Store
from bot.digest.webapi import WebClientSlack, WorkspaceUnavailable
from bot.digest.workspace import parse_key

log = logging.getLogger("bot.digest")

REFRESH_BEFORE_MINUTES = 120  # Bolt's default: refresh a token with < 2 h left


class InstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's SQLAlchemy store, where installing again replaces the workspace's rows
    (slack_sdk keeps one row per install time, so a reinstall would add one)."""

    def save(self, installation: Installation) -> None:
        super().save(installation)
        newest = normalize_datetime_for_db(installation.to_dict().get("installed_at"))
        self._prune(installation.enterprise_id, installation.team_id, newest)

    def _prune(self, enterprise_id: str | None, team_id: str | None, newest: Any) -> None:
        with self.engine.begin() as conn:
            for table in (self.installations, self.bots):
                c = table.c
                conn.execute(
                    table.delete().where(
                        c.client_id == self.client_id,
                        c.enterprise_id == enterprise_id,
                        c.team_id == team_id,
                        c.installed_at < newest,
                    )
                )


def installation_store(store: Store, client_id: str) -> InstallationStore:
    """The installation store on the digest database (tables created if missing)."""
    installs = InstallationStore(
        client_id=client_id,
        engine=store.engine,
        installations_table_name=store.oauth_tables[0],
        bots_table_name=store.oauth_tables[1],
        logger=logging.getLogger("bot.slack.oauth"),
    )
    installs.create_tables()  # type: ignore[no-untyped-call]
    return installs


class InstalledTokens:
    """`Tokens` for run_due: each workspace's bot token from its installation."""

    def __init__(
        self,
        installs: SQLAlchemyInstallationStore,
        *,
        client_id: str,
        client_secret: str,
        api_url: str = "https://slack.com/api/",
        single_token: str | None = None,
    ) -> None:
        self.installs = installs
        self.api_url = api_url
        self.single_token = single_token
        self.rotator = TokenRotator(
            client_id=client_id,
            client_secret=client_secret,
            client=WebClient(base_url=api_url, timeout=15),
        )

    @classmethod
    def from_settings(cls, settings: Any, store: Store) -> InstalledTokens:
        token = settings.slack_bot_token
        return cls(
            installation_store(store, settings.slack_client_id),
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            api_url=settings.slack_api_url,
            single_token=token.get_secret_value() if token is not None else None,
        )

    def slack_for(self, workspace: str) -> WebClientSlack:
        if workspace == "":  # subscriptions from before OAuth mode: the old bot token
            if not self.single_token:
                raise WorkspaceUnavailable("no SLACK_BOT_TOKEN for digests made before OAuth")
            return WebClientSlack(self.single_token, base_url=self.api_url)
        enterprise_id, team_id, org = parse_key(workspace)
        bot = self.installs.find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=org
        )
        if bot is None or not bot.bot_token:
            raise WorkspaceUnavailable("not installed")
        if bot.bot_refresh_token:
            try:
                fresh = self.rotator.perform_bot_token_rotation(
                    bot=bot, minutes_before_expiration=REFRESH_BEFORE_MINUTES
                )
            except SlackApiError as e:
                code = str(e.response.get("error", "") or "refresh failed")
                raise WorkspaceUnavailable(f"token refresh refused: {code}") from None
            if fresh is not None:
                self.installs.save_bot(fresh)
                bot = fresh
                log.info("digest workspace %s: bot token refreshed", workspace)
        return WebClientSlack(str(bot.bot_token), base_url=self.api_url)
