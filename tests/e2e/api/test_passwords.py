"""Password rules of NIST SP 800-63B over real HTTP: length after NFKC, no invisible padding, no
common password, and the same password in another Unicode form logs in."""
from __future__ import annotations

import unicodedata

import aiopg
import pytest
from argon2 import PasswordHasher

from tests.e2e.api.helpers import login, new_email, problem, register

REFUSED = [
    ("eight spaces", " " * 8),
    ("eight no-break spaces", "\u00a0" * 8),
    ("eight zero-width spaces", "\u200b" * 8),
    ("a letter padded with spaces", "a" + " " * 9),
    ("seven letters and invisible ones", "abcdefg\u200b\u200d\ufeff"),
    ("hangul fillers", "\u3164" * 10),
    ("password", "password"),
    ("digits", "12345678"),
    ("capitalised common", "Password1"),
    ("long common", "qwertyuiop123"),
    ("129 characters", "ю" * 129),
]


@pytest.mark.parametrize(("case", "password"), REFUSED, ids=[c[0] for c in REFUSED])
async def test_weak_passwords_are_refused_without_echo(http, case, password):
    body = {"email": new_email(), "password": password, "display_name": "Аня"}
    async with http.post("/api/v1/auth/register", json=body) as response:
        refused = await problem(response, 422)
    assert [error["loc"] for error in refused["errors"]] == ["body.password"]
    if len(password.strip()) >= 9:  # shorter ones occur in any text ("password" names the field)
        assert password not in await response.text()


@pytest.mark.parametrize("password", ["correct horse battery", "Пароль для олимпиады", "zq7#Lm2p", "ё" * 8,
                                      "x" * 128])
async def test_ordinary_passwords_are_accepted(http, password):
    user = await register(http, password=password)
    assert await login(http, user["email"], password)


async def test_the_nfd_form_of_an_nfc_password_logs_in(http):
    nfc = unicodedata.normalize("NFC", "Café olympiad 2026")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    user = await register(http, password=nfc)
    assert await login(http, user["email"], nfd)
    assert await login(http, user["email"], nfc)


async def test_full_width_digits_are_the_same_password(http):
    user = await register(http, password="olympiad 2026")
    assert await login(http, user["email"], "olympiad \uff12\uff10\uff12\uff16")


async def test_a_hash_made_before_normalization_still_logs_in(http, empty_database):
    """Hashes stored before passwords were normalized are of the password as it was typed."""
    typed = "\ufb01nal exam \u2460\u2461"  # a ligature and circled digits: NFKC changes both
    assert unicodedata.normalize("NFKC", typed) != typed
    user = await register(http)
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("UPDATE users SET password_hash = %s WHERE id = %s",
                          (PasswordHasher().hash(typed), user["id"]))
    assert await login(http, user["email"], typed)
