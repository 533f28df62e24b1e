"""Settings from the environment and an optional .env file (see .env.example).

Every setting has a one-line description; `deepseek-bot` turns a validation error into one
line that names the variable, never a traceback, and never prints a secret's value.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    # Slack
    slack_bot_token: SecretStr | None = Field(None, description="Bot token, xoxb-…")
    slack_signing_secret: SecretStr | None = Field(None, description="Signing secret (HTTP mode)")
    slack_app_token: SecretStr | None = Field(
        None, description="App-level token, xapp-… (Socket Mode)"
    )
    slack_client_id: str | None = Field(
        None, description="OAuth client id: with the secret, `serve --http` installs anywhere"
    )
    slack_client_secret: SecretStr | None = Field(None, description="OAuth client secret")
    slack_redirect_uri: str | None = Field(
        None, description="OAuth redirect URL, e.g. https://bot.example.com/slack/oauth_redirect"
    )
    slack_api_url: str = Field(
        "https://slack.com/api/", description="Web API base URL (GovSlack, tests, preview)"
    )

    # Content
    seeds_dir: Path = Field(ROOT / "seeds", description="Where the articles and topics.toml live")
    briefings_dir: Path = Field(ROOT / "briefings", description="Where the build writes briefings")
    briefings_reload_seconds: float = Field(
        2.0, ge=0, description="How often `serve` checks briefings/ for a new build (0: never)"
    )

    # Feeds (deepseek-bot feeds pull)
    feeds_every: str = Field(
        "",
        pattern=r"(?i)^\s*(?:0|(?:\d+[dhms])+)?\s*$",
        description="How often the clock pulls feeds and rebuilds, e.g. 1h or 30m; empty: never",
    )
    feeds_state_path: Path = Field(
        ROOT / ".feeds-state.json", description="What feeds pull remembers (outside seeds/)"
    )

    # HTTP server / preview
    port: int = Field(3000, ge=1, le=65535, description="Port for HTTP mode and the preview")
    host: str = Field("127.0.0.1", description="Interface to bind (0.0.0.0 on a PaaS)")

    # Digests
    database_url: str | None = Field(None, description="PostgreSQL URL; SQLite file when unset")
    digest_db_path: Path = Field(ROOT / "deepseek-bot.sqlite3", description="SQLite file path")
    digest_default_tz: str = Field("UTC", description="Timezone when Slack gives none")
    digest_grace: str = Field("6h", description="Oldest missed slot still posted late")
    digest_admins: str = Field("", description="Comma-separated user ids allowed to manage digests")
    digest_in_process: bool = Field(
        False, description="Run the scheduler inside `serve` (Socket Mode, single worker)"
    )
    digest_workers: int = Field(
        8, ge=1, le=500, description="Channels posted to in parallel by one digest run"
    )
    digest_table_prefix: str = Field(
        "digest_", pattern=r"^[a-z][a-z0-9_]*$", description="Prefix of the digest tables"
    )

    @field_validator("slack_api_url")
    @classmethod
    def _trailing_slash(cls, v: str) -> str:
        return v if v.endswith("/") else v + "/"

    @property
    def sqlalchemy_url(self) -> str:
        """DATABASE_URL, with Heroku's `postgres://` mapped to SQLAlchemy's psycopg form."""
        url = self.database_url
        if not url:
            return f"sqlite:///{self.digest_db_path}"
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @property
    def oauth_mode(self) -> bool:
        """True when the app installs into many workspaces (SLACK_CLIENT_ID and SECRET set)."""
        secret = self.slack_client_secret
        return bool(self.slack_client_id and secret is not None and secret.get_secret_value())

    @property
    def admin_ids(self) -> frozenset[str]:
        return frozenset(u.strip() for u in self.digest_admins.split(",") if u.strip())


class ConfigError(ValueError):
    """A setting is missing or malformed. The message is one line naming it; never its value."""


def load_settings() -> Settings:
    """Settings from the environment and .env, or a one-line `ConfigError` naming the bad one."""
    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "_".join(str(part) for part in err["loc"]).upper() or "a setting"
        raise ConfigError(
            f"setting {name} is invalid: {err['msg']}. "
            "Fix it in the environment or .env (see .env.example)."
        ) from None
