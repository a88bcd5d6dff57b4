"""Settings from APO_* environment variables (and an optional .env file)."""
from __future__ import annotations

import socket
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.http.forwarded import parse_networks


class Settings(BaseSettings):
    # Empty values count as unset: compose passes `APO_BOT_TOKEN=` when the operator left it blank.
    model_config = SettingsConfigDict(env_prefix="APO_", env_file=".env", extra="ignore", env_ignore_empty=True)

    http_host: str = "127.0.0.1"
    http_port: int = Field(8080, ge=0, le=65535)
    data_dir: Path = Path("./.data")
    postgres_dsn: SecretStr | None = None       # unset -> embedded PostgreSQL under data_dir
    mongo_url: SecretStr | None = None          # unset -> documents in PostgreSQL (JSONB)
    clickhouse_url: SecretStr | None = None     # unset -> analytics spooled locally
    bot_token: SecretStr | None = None          # unset -> bot off
    telegram_api_url: str | None = None         # unset -> the real Telegram Bot API
    bot_webhook_url: str | None = None          # set -> webhook mode on this app; unset -> long polling
    bot_webhook_secret: SecretStr | None = None  # X-Telegram-Bot-Api-Secret-Token; derived from the token if unset
    admin_telegram_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    # Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); unset: none.
    trusted_proxies: Annotated[tuple[IPv4Network | IPv6Network, ...], NoDecode] = ()
    log_level: Literal["TRACE", "DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = False
    migrate_on_start: bool = True
    ask_timeout_seconds: float = Field(5.0, gt=0)
    postgres_pool_max: int = Field(20, ge=1, le=500)
    mailing_rate: float = Field(25.0, gt=0, le=1000)   # messages/s per process, under Telegram's ~30/s
    mailing_lease_seconds: float = Field(30.0, gt=0)   # how long a claimed batch of recipients is ours
    webapp_url: str | None = None               # public HTTPS URL of /app/; set -> the bot opens the web app
    webapp_init_data_max_age_seconds: int = Field(86_400, ge=60, le=30 * 86_400)  # Mini App initData age limit

    def instance(self) -> str:
        """How logs and /readyz name this process: host:port."""
        return f"{socket.gethostname()}:{self.http_port}"

    @field_validator("admin_telegram_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        # "1, 2,3" is friendlier in an env file than a JSON list.
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_networks(cls, value: object) -> object:
        return parse_networks(value) if isinstance(value, str) else value

    @field_validator("webapp_url", "bot_webhook_url")
    @classmethod
    def _public_https(cls, value: str | None) -> str | None:
        # Telegram opens Mini Apps and sends webhooks over HTTPS only: an http URL would fail later,
        # far from its cause (a webhook only as a retry warning).
        if value is not None and not (value.lower().startswith("https://") and len(value) > len("https://")):
            raise ValueError("must be a public https:// URL: Telegram uses HTTPS only")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


class SettingsError(Exception):
    """A bad configuration value; the message is one line naming the variable."""


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "APO_" + str(first["loc"][0]).upper() if first["loc"] else "APO_*"
        raise SettingsError(f"configuration error: {name}: {first['msg']}") from None
