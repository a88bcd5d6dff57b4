"""Validated field types shared by the users messages (and so by both edges)."""
from __future__ import annotations

import unicodedata
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field, SecretStr


def _clean_name(value: str) -> str:
    name = " ".join(value.split())  # collapse runs of spaces, trim
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in name):
        raise ValueError("the name must not contain control or invisible characters")
    if not name:
        raise ValueError("the name must not be empty")
    return name


def canonical_email(value: str) -> str:
    """The form an account's email is stored in (EmailStr's normalization, lowercased), so a login
    typed exactly as at registration finds it, in any Unicode form (é as one or two code points)."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:  # no such account can exist; the login fails as for any unknown email
        return value.strip().lower()


def _check_password(value: SecretStr) -> SecretStr:
    length = len(value.get_secret_value())
    if length < 8:
        raise ValueError("the password must be at least 8 characters long")
    if length > 128:
        raise ValueError("the password must be at most 128 characters long")
    return value


DisplayName = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_clean_name)]
# The schema states the length too, so API clients (and fuzzers) see the real rule.
NewPassword = Annotated[SecretStr, Field(json_schema_extra={"minLength": 8, "maxLength": 128}),
                        AfterValidator(_check_password)]
