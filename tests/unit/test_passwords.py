"""The password rules (actors/users/passwords.py) and the hash of the normalized form."""
from __future__ import annotations

import unicodedata

import pytest

from actors.users.passwords import is_common, password_problem
from actors.users.secrets import hash_password, verify_password


@pytest.mark.parametrize(("password", "problem"), [
    (" " * 8, "too_short"), ("\u00a0" * 8, "too_short"), ("\u200b" * 8, "too_short"),
    ("ab" + " " * 10 + "cd", "too_short"),  # a run of spaces is one character
    ("\u0301" * 8, "too_short"),  # combining marks with nothing to combine with
    ("password", "common"), ("12345678", "common"), ("QWERTY123", "common"), ("iloveyou12345", "common"),
    ("x" * 129, "too_long"),
])
def test_refused(password, problem):
    assert password_problem(password) == problem


@pytest.mark.parametrize("password", ["correct horse battery", "a b c d e", "Ёжик в тумане", "x" * 128])
def test_accepted(password):
    assert password_problem(password) is None


def test_common_list_is_large():
    assert is_common("password") and is_common("basketball1") and not is_common("olympiad trainer zq7")


async def test_hash_is_of_the_nfkc_form():
    stored = await hash_password("Caf\u00e9 \uff11")
    assert await verify_password(stored, unicodedata.normalize("NFD", "Café 1"))
    assert not await verify_password(stored, "Cafe 1")
