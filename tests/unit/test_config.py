"""Configuration: APO_* variables, defaults, and one clear line for a bad value."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("APO_"):
            monkeypatch.delenv(name)
    return monkeypatch


def test_defaults(clean_env):
    settings = load_settings(_env_file=None)
    assert (settings.http_host, settings.http_port) == ("127.0.0.1", 8080)
    assert settings.data_dir == Path(".data")
    assert settings.postgres_dsn is None and settings.mongo_url is None and settings.clickhouse_url is None
    assert settings.bot_token is None and settings.telegram_api_url is None
    assert settings.admin_telegram_ids == frozenset()
    assert (settings.log_level, settings.log_json) == ("INFO", False)


def test_values_from_environment(clean_env):
    clean_env.setenv("APO_HTTP_PORT", "9000")
    clean_env.setenv("APO_ADMIN_TELEGRAM_IDS", "11, 22 33")
    clean_env.setenv("APO_LOG_LEVEL", "debug")
    clean_env.setenv("APO_LOG_JSON", "1")
    clean_env.setenv("APO_BOT_TOKEN", "123:abc")
    settings = load_settings(_env_file=None)
    assert settings.http_port == 9000
    assert settings.admin_telegram_ids == frozenset({11, 22, 33})
    assert (settings.log_level, settings.log_json) == ("DEBUG", True)
    assert "123:abc" not in repr(settings)  # secrets never print


def test_env_file_is_read(clean_env, tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("APO_HTTP_PORT=7001\n")
    assert load_settings(_env_file=env_file).http_port == 7001


@pytest.mark.parametrize(
    ("name", "value"),
    [("APO_HTTP_PORT", "eighty"), ("APO_HTTP_PORT", "70000"), ("APO_LOG_LEVEL", "LOUD"),
     ("APO_ADMIN_TELEGRAM_IDS", "12,abc"), ("APO_LOG_JSON", "maybe"),
     ("APO_BOT_WEBHOOK_URL", "http://bot.example.org/telegram/webhook"), ("APO_BOT_WEBHOOK_URL", "bot.example.org"),
     ("APO_TRUSTED_PROXIES", "10.0.0.1, proxy.local")],
)
def test_bad_value_names_the_variable(clean_env, name, value):
    clean_env.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None)
    assert str(error.value).startswith(f"configuration error: {name}: ")
    assert "\n" not in str(error.value)


def test_bad_value_stops_the_command_with_one_line(clean_env, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    env["APO_HTTP_PORT"] = "eighty"
    done = subprocess.run([sys.executable, "-m", "app", "run"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "configuration error: APO_HTTP_PORT: Input should be a valid integer, unable to parse string as an integer"
    ]


def test_an_https_webhook_and_trusted_proxies_are_taken(clean_env):
    clean_env.setenv("APO_BOT_WEBHOOK_URL", "https://bot.example.org/telegram/webhook")
    clean_env.setenv("APO_TRUSTED_PROXIES", "10.0.0.1 10.8.0.0/16,fd00::/8")
    settings = load_settings(_env_file=None)
    assert settings.bot_webhook_url == "https://bot.example.org/telegram/webhook"
    assert [str(net) for net in settings.trusted_proxies] == ["10.0.0.1/32", "10.8.0.0/16", "fd00::/8"]
