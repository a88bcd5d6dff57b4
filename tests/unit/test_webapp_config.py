"""APO_WEBAPP_URL must be a public https URL (Telegram opens Mini Apps only over HTTPS): anything else
stops start-up with one line naming the variable."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("url", ["http://apo.example/app/", "apo.example/app/", "https://", "ftp://x"])
def test_a_non_https_url_is_refused(url):
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None, webapp_url=url)
    assert str(error.value).startswith("configuration error: APO_WEBAPP_URL: ")
    assert "https://" in str(error.value) and "\n" not in str(error.value)


def test_defaults_leave_the_web_app_to_the_browser():
    settings = load_settings(_env_file=None)
    assert settings.webapp_url is None and settings.webapp_init_data_max_age_seconds == 86_400
    assert load_settings(_env_file=None, webapp_url="https://apo.example/app/").webapp_url == "https://apo.example/app/"


def test_start_up_stops_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    env["APO_WEBAPP_URL"] = "http://apo.example/app/"
    done = subprocess.run([sys.executable, "-m", "app", "run"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert lines == ["configuration error: APO_WEBAPP_URL: Value error, must be a public https:// URL: "
                     "Telegram uses HTTPS only"]
