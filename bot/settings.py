"""Settings from the environment and an optional .env file.

A missing or malformed setting stops start-up with one line naming it and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.crypto import is_valid_key

GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")

# How to put each setting right, shown beside its name when it is missing or malformed.
FIXES: dict[str, str] = {
    "SLACK_BOT_TOKEN": "copy the Bot User OAuth Token (xoxb-...) from your Slack app's OAuth & Permissions page",
    "SLACK_APP_TOKEN": "create an app-level token (xapp-...) with connections:write on your Slack app's Basic Information page, or leave it unset to serve HTTP",
    "SLACK_SIGNING_SECRET": "copy the Signing Secret from your Slack app's Basic Information page",
    "SLACK_USER_TOKEN": "a user token (xoxp-...) of a workspace admin, used only to delete messages the moderators remove; leave it empty to remove them by hand",
    "SLACK_API_URL": "use an http(s) URL such as https://slack.com/api/",
    "DATABASE_URL": "use sqlite+aiosqlite:///tmw-bot.db or postgresql+asyncpg://user:password@host/dbname",
    "TMW_ORG_CONFIG": "point it at your organisation file, for example examples/org.yml",
    "TMW_DATA_KEY": "run `tmw-bot keygen` and put the key it prints in .env",
    "TZ": "use a timezone name such as Europe/London",
    "TEAMS_APP_ID": "copy the Microsoft App ID (a GUID such as 1b2c3d4e-...) from your Azure Bot's Configuration page",
    "TEAMS_APP_PASSWORD": "create a client secret under Certificates & secrets of your bot's app registration in Microsoft Entra, and copy its value",
    "TEAMS_APP_CERTIFICATE": "give the path of a PEM file holding the certificate you uploaded under Certificates & secrets of your bot's app registration in Microsoft Entra, followed by its unencrypted private key",
    "TEAMS_TENANT_ID": "copy the Directory (tenant) ID (a GUID) from your bot's app registration in Microsoft Entra, or leave it empty for a multi-tenant bot",
    "TEAMS_TOKEN_URL": "use an http(s) URL; leave it unset for Microsoft's, and only change it to point at a local stand-in for testing",
    "TEAMS_OPENID_METADATA_URL": "use an http(s) URL; leave it unset for Microsoft's, and only change it to point at a local stand-in for testing",
}

# The bot signs in to Teams with a client secret or a certificate: exactly one of them.
TEAMS_SIGN_IN_NEITHER = (
    "TEAMS_APP_PASSWORD or TEAMS_APP_CERTIFICATE is not set: the bot needs one of them to send to Teams. "
    f"Either {FIXES['TEAMS_APP_PASSWORD']} into TEAMS_APP_PASSWORD, or upload a certificate there and "
    "set TEAMS_APP_CERTIFICATE to the path of a PEM file holding it and its private key."
)
TEAMS_SIGN_IN_BOTH = (
    "TEAMS_APP_PASSWORD and TEAMS_APP_CERTIFICATE are both set: the bot signs in to Teams with one of them, "
    "so leave the other empty."
)


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for a person to act on."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_user_token: SecretStr | None = Field(default=None, validation_alias="SLACK_USER_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    database_url: str = Field(default="sqlite+aiosqlite:///tmw-bot.db", validation_alias="DATABASE_URL")
    tmw_org_config: Path | None = Field(default=None, validation_alias="TMW_ORG_CONFIG")
    tmw_data_key: SecretStr | None = Field(default=None, validation_alias="TMW_DATA_KEY")
    tz: str = Field(default="Europe/London", validation_alias="TZ")
    teams_app_id: str | None = Field(default=None, validation_alias="TEAMS_APP_ID")
    teams_app_password: SecretStr | None = Field(default=None, validation_alias="TEAMS_APP_PASSWORD")
    # A PEM file with the bot's certificate and its private key: the bot signs in with it in place of
    # TEAMS_APP_PASSWORD (bot/teams/credentials.py reads it).
    teams_app_certificate: Path | None = Field(default=None, validation_alias="TEAMS_APP_CERTIFICATE")
    teams_tenant_id: str | None = Field(default=None, validation_alias="TEAMS_TENANT_ID")
    teams_token_url: str | None = Field(default=None, validation_alias="TEAMS_TOKEN_URL")
    # Where the keys that sign Teams' activities are published (bot/teams/auth.py); None for Microsoft's.
    teams_openid_metadata_url: str | None = Field(default=None, validation_alias="TEAMS_OPENID_METADATA_URL")

    @field_validator("slack_bot_token", "slack_app_token", "slack_signing_secret", "slack_user_token", "tmw_data_key",
                     "teams_app_password", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("teams_app_id", "teams_tenant_id", mode="before")
    @classmethod
    def _app_id_shape(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, str) and not GUID.match(value.strip()):
            raise ValueError("it is not a GUID such as 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")
        return value.strip() if isinstance(value, str) else value

    @field_validator("teams_token_url", "teams_openid_metadata_url", mode="before")
    @classmethod
    def _token_url_shape(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, str) and not value.strip().startswith(("http://", "https://")):
            raise ValueError("it is not an http(s) URL")
        return value.strip() if isinstance(value, str) else value

    @field_validator("tmw_org_config", "teams_app_certificate", mode="before")
    @classmethod
    def _blank_path_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("it should start with xoxb-")
        return value

    @field_validator("slack_user_token")
    @classmethod
    def _user_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxp-"):
            raise ValueError("it should start with xoxp-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("it should start with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError("it is not an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url_driver(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("tmw_data_key")
    @classmethod
    def _data_key_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not is_valid_key(value.get_secret_value()):
            raise ValueError("it is not a valid key")
        return value

    @field_validator("tz")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not a known timezone") from exc
        return value

    @property
    def teams_token_endpoint(self) -> str:
        """Where the bot gets its own token for Teams: TEAMS_TOKEN_URL if set, otherwise Microsoft's, for
        the bot's tenant when TEAMS_TENANT_ID names one (a single-tenant bot) or for any (multi-tenant)."""
        if self.teams_token_url:
            return self.teams_token_url
        return f"https://login.microsoftonline.com/{self.teams_tenant_id or 'botframework.com'}/oauth2/v2.0/token"

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    def require(self, *names: str) -> None:
        """Fail with one clear line for the first of `names` (environment names) that is unset."""
        for name in names:
            if getattr(self, name.lower()) is None:
                raise SettingsError(f"{name} is not set: {FIXES[name]}.")

    def require_teams_sign_in(self) -> None:
        """TEAMS_APP_ID and exactly one way for the bot to sign in to Teams: TEAMS_APP_PASSWORD (a client
        secret) or TEAMS_APP_CERTIFICATE. One clear line when neither or both are set."""
        self.require("TEAMS_APP_ID")
        password, certificate = self.teams_app_password is not None, self.teams_app_certificate is not None
        if password and certificate:
            raise SettingsError(TEAMS_SIGN_IN_BOTH)
        if not password and not certificate:
            raise SettingsError(TEAMS_SIGN_IN_NEITHER)

    def secret(self, name: str) -> str:
        self.require(name)
        value = getattr(self, name.lower())
        return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (postgres://, sqlite:///) and name the async driver we use."""
    url = url.strip()
    for plain, asynchronous in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("sqlite:///", "sqlite+aiosqlite:///"),
    ):
        if url.startswith(plain):
            return asynchronous + url[len(plain):]
    if not url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite:///")):
        raise ValueError("it names neither SQLite nor PostgreSQL")
    return url


def load_settings(env_file: str | Path | None = ".env", require: Iterable[str] = ()) -> Settings:
    try:
        settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "a setting"
        reason = str(first["msg"]).removeprefix("Value error, ")
        fix = FIXES.get(name, "see .env.example")
        raise SettingsError(f"{name} is not right ({reason}): {fix}.") from None
    settings.require(*require)
    return settings
