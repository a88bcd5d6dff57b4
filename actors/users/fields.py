"""Validated field types shared by the users messages (and so by both edges)."""
from __future__ import annotations

from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field, SecretStr

from actors.users.invisible import NAME_PATTERN, has_refused
from actors.users.passwords import password_problem


def _clean_name(value: str) -> str:
    if has_refused(value):
        raise ValueError("the name must not contain control or invisible characters")
    name = " ".join(value.split())  # collapse runs of spaces, trim
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


_PASSWORD_MESSAGES = {
    "too_short": "the password must be at least 8 characters long, not counting invisible ones",
    "too_long": "the password must be at most 128 characters long",
    "common": "this password is one of the most common ones in known breaches; choose another",
}


def _check_password(value: SecretStr) -> SecretStr:
    problem = password_problem(value.get_secret_value())
    if problem is not None:
        raise ValueError(_PASSWORD_MESSAGES[problem])
    return value


DisplayName = Annotated[str, Field(min_length=1, max_length=64, json_schema_extra={"pattern": NAME_PATTERN}),
                        AfterValidator(_clean_name)]
# The schema states the length too, so API clients (and fuzzers) see the real rule.
NewPassword = Annotated[SecretStr, Field(json_schema_extra={"minLength": 8, "maxLength": 128}),
                        AfterValidator(_check_password)]
