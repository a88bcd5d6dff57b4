"""Friendly texts for failures: domain errors by code, then by kind; busy; a generic apology."""
from __future__ import annotations

from collections.abc import Callable

from aiogram.utils.i18n import gettext as _
from pydantic import ValidationError

from actors.errors import (Conflict, DomainError, Forbidden, InvalidInput, NotFound, RateLimited,
                           Unauthenticated)
from actors.runtime import ActorBusy, ActorStopped, AskTimeout
from app.bot.texts.account_deletion import account_gone
from storage.postgres import MissingReference, StoreUnavailable

BUSY = (ActorBusy, AskTimeout, ActorStopped, StoreUnavailable)


def busy() -> str:
    return _("The service is busy right now. Please try again in a moment.")


def generic() -> str:
    return _("Sorry, something went wrong on our side. Please try again.")


def link_code_invalid() -> str:
    return _("This link is expired, already used or unknown. Create a new one in the app; "
             "meanwhile you can use the bot as usual.")


def already_linked() -> str:
    return _("These accounts cannot be linked: one of them is already linked to another account. "
             "Nothing was changed.")


def email_taken() -> str:
    return _("This email is already registered. Send another email.")


def credentials_already_set() -> str:
    return _("Your account already has API access.")


def user_not_found() -> str:
    return _("Your profile was not found. Send /start to register.")


def _rate_limited(error: DomainError) -> str:
    seconds = error.retry_after if isinstance(error, RateLimited) else 1
    return _("Too many attempts. Please try again in {seconds} s.").format(seconds=seconds)


_BY_CODE: dict[str, Callable[[], str]] = {
    "link_code_invalid": link_code_invalid,
    "already_linked": already_linked,
    "email_taken": email_taken,
    "credentials_already_set": credentials_already_set,
    "user_not_found": user_not_found,
}

_BY_KIND: tuple[tuple[type[DomainError], Callable[[DomainError], str]], ...] = (
    (RateLimited, _rate_limited),
    (NotFound, lambda e: _("Nothing was found.")),
    (Conflict, lambda e: _("This conflicts with the current state of your account.")),
    (Unauthenticated, lambda e: _("Wrong credentials.")),
    (Forbidden, lambda e: _("You are not allowed to do this.")),
    (InvalidInput, lambda e: _("This input is not acceptable.")),
)


def for_error(error: Exception) -> str | None:
    """The text for a known failure, or None for a bug (the caller apologises and logs it)."""
    if isinstance(error, BUSY):
        return busy()
    if isinstance(error, MissingReference):  # the account was deleted while this update was handled
        return account_gone()
    if isinstance(error, DomainError):
        by_code = _BY_CODE.get(error.code)
        if by_code is not None:
            return by_code()
        for kind, text in _BY_KIND:
            if isinstance(error, kind):
                return text(error)
    if isinstance(error, ValidationError):
        return _("This input is not acceptable.")
    return None
