"""No secret reaches a log line: tokens, bearer headers, passwords and DSN passwords are masked."""
from __future__ import annotations

import pytest

from app.logging_setup import mask_secrets


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


def test_ordinary_text_is_unchanged():
    line = "user 42 answered question 17 in 3.5 s"
    assert mask_secrets(line) == line
