"""No secret reaches a log line: tokens, bearer headers, passwords and DSN passwords are masked."""
from __future__ import annotations

import pytest

from actors.users.secrets import new_token
from app.logging_setup import mask_secrets

TOKEN = new_token()  # an API token as issued: apo_ and 43 characters


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("polling with 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw5", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw5"),
        ("Authorization: Bearer s3cr3t-token.value", "s3cr3t-token.value"),
        ('{"password": "hunter2", "email": "a@b.c"}', "hunter2"),
        ("password=hunter2 next", "hunter2"),
        ("connecting to postgresql://apo:pa55word@db:5432/apo", "pa55word"),
    ],
)
def test_secret_is_masked(line, secret):
    masked = mask_secrets(line)
    assert secret not in masked
    assert masked != line


@pytest.mark.parametrize("line", ["user 42 answered question 17 in 3.5 s", "bot @apo_trainer_bot polling",
                                  "migration applied: 0020_auth_throttle"])
def test_ordinary_text_is_unchanged(line):
    assert mask_secrets(line) == line


@pytest.mark.parametrize(("line", "secret"), [
    (f"b'Authorization: Bearer {TOKEN}\\x01x'", TOKEN[4:]),
    (f"Got more than 8190 bytes when reading: b'Bearer {TOKEN}...'", TOKEN[4:]),
    (f"the token {TOKEN} in a message", TOKEN[4:]),
    ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
    ("1 validation error for LogIn password input_value='hunter2hunter2', input_type=str", "hunter2hunter2"),
    ('{"dsn": "postgresql://apo:pa55@db/apo"}', "pa55"),
])
def test_what_other_layers_write_is_masked_too(line, secret):
    assert secret not in mask_secrets(line)


@pytest.mark.parametrize("json", [False, True])
def test_the_sink_masks_stdlib_records_and_their_tracebacks(capsys, json):
    import logging

    from app.logging_setup import setup_logging

    setup_logging("INFO", json=json)
    try:
        raise ValueError(f"header b'Authorization: Bearer {TOKEN}\\x01'")
    except ValueError:
        logging.getLogger("aiohttp.server").exception(f"Error handling request with {TOKEN}")
    logging.getLogger("aiogram").warning("calling https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PA/x")
    logging.getLogger("asyncio").error("task failed: password=hunter2hunter2")
    written = capsys.readouterr().err
    assert "Error handling request" in written and "ValueError" in written  # the traceback is there
    for secret in (TOKEN[4:], "AAHdqTcvCH1vGWJxfSeofSAs0K5PA", "hunter2hunter2"):
        assert secret not in written
