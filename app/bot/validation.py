"""Checks one dialog step's input against the users contract's own field types.

Each returns (clean value, None) or (None, problem), where problem names what the texts explain.
"""
from __future__ import annotations

from typing import Literal

from pydantic import EmailStr, TypeAdapter, ValidationError

from actors.users.fields import DisplayName
from actors.users.passwords import PasswordProblem, password_problem

NameProblem = Literal["empty", "too_long", "invisible"]

_NAME: TypeAdapter[str] = TypeAdapter(DisplayName)
_EMAIL: TypeAdapter[str] = TypeAdapter(EmailStr)


def check_name(text: str) -> tuple[str | None, NameProblem | None]:
    try:
        return _NAME.validate_python(text), None
    except ValidationError as exc:
        if exc.errors()[0]["type"] == "string_too_long":
            return None, "too_long"
        return None, "invisible" if " ".join(text.split()) else "empty"


def check_email(text: str) -> str | None:
    try:
        return _EMAIL.validate_python(text.strip())
    except ValidationError:
        return None


def check_password(text: str) -> PasswordProblem | None:
    return password_problem(text)  # the same rules as NewPassword, named for the texts
